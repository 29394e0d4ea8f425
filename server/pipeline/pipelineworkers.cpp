#include "pipeline/pipelineworkers.h"

#include "jobs/jobqueue.h"
#include "jobs/jobworkerthread.h"
#include "pipeline/pipelinehandlers.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;

namespace callos::server {

PipelineWorkers::PipelineWorkers(DatabaseSettings database, const Clock &clock, JsonLog &log, PipelineSettings settings)
    : m_database(std::move(database))
    , m_clock(clock)
    , m_log(log)
    , m_settings(std::move(settings))
{
}

PipelineWorkers::~PipelineWorkers()
{
    stop();
}

bool PipelineWorkers::start()
{
    for (int i = 0; i < m_settings.workers; ++i) {
        // Leases are held by name: unique per process and thread.
        JobRunner::Settings runner;
        runner.workerId = workerId(QCoreApplication::applicationPid(), i + 1);
        // One at a time: a claimed job's lease runs while the ones before
        // it in a batch would still be working.
        runner.batch = 1;
        runner.leaseMs = 60LL * 60 * 1000;
        runner.pollMs = m_settings.pollMs;
        const PipelineSettings settings = m_settings;
        const Clock &clock = m_clock;
        auto thread = std::make_unique<JobWorkerThread>(m_database, m_clock, m_log,
            [settings, &clock](JobWorkerThread::Context &context) -> std::unique_ptr<JobHandlerSet> {
                return std::make_unique<PipelineHandlers>(context, clock, settings);
            },
            runner);
        if (!thread->startAndWait())
            return false;
        m_threads.push_back(std::move(thread));
    }
    return true;
}

QString PipelineWorkers::workerId(qint64 pid, int index)
{
    return u"%1-%2-%3"_s.arg(QSysInfo::machineHostName()).arg(pid).arg(index);
}

Result<int> PipelineWorkers::releaseJobsOfDeadProcesses(JobQueue &queue)
{
    const QString prefix = QSysInfo::machineHostName() + u'-';
    const Result<QStringList> owners = queue.leaseOwners(prefix);
    if (!owners)
        return owners.refusal();
    QStringList dead;
    for (const QString &owner : owners.value()) {
        bool isNumber = false;
        const qint64 pid = owner.mid(prefix.size()).section(u'-', 0, 0).toLongLong(&isNumber);
        // Signal 0 checks for the process without touching it.
        if (isNumber && pid > 0 && pid != QCoreApplication::applicationPid() && ::kill(pid_t(pid), 0) != 0
            && errno == ESRCH)
            dead.append(owner);
    }
    return queue.expireLeases(dead);
}

void PipelineWorkers::wake()
{
    for (const std::unique_ptr<JobWorkerThread> &thread : m_threads)
        thread->wake();
}

void PipelineWorkers::stop()
{
    for (const std::unique_ptr<JobWorkerThread> &thread : m_threads)
        thread->stopAndWait();
    m_threads.clear();
}

} // namespace callos::server
