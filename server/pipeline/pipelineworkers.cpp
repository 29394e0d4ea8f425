#include "pipeline/pipelineworkers.h"

#include "jobs/jobworkerthread.h"
#include "pipeline/pipelinehandlers.h"

#include <QCoreApplication>
#include <QSysInfo>

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
        runner.workerId = u"%1-%2-%3"_s.arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid()).arg(i + 1);
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
