#include "jobs/jobworkerthread.h"

#include "common/idgenerator.h"
#include "jobs/jobqueue.h"
#include "runtime/jsonlog.h"
#include "storage/database.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace callos::server {

JobWorkerThread::JobWorkerThread(DatabaseSettings database, const Clock &clock, JsonLog &log,
    HandlerFactory handlers, JobRunner::Settings settings)
    : m_databaseSettings(std::move(database))
    , m_clock(clock)
    , m_log(log)
    , m_handlers(std::move(handlers))
    , m_settings(std::move(settings))
{
}

JobWorkerThread::~JobWorkerThread()
{
    stopAndWait();
}

bool JobWorkerThread::startAndWait()
{
    start();
    while (m_state == 0 && !isFinished())
        QThread::msleep(2);
    return m_state == 1;
}

void JobWorkerThread::wake()
{
    const QMutexLocker lock(&m_runnerMutex);
    if (m_runner)
        QMetaObject::invokeMethod(m_runner, &JobRunner::wake, Qt::QueuedConnection);
}

void JobWorkerThread::stopAndWait()
{
    // A transfer under way ends (HttpClient checks it); its job runs again
    // later.
    requestInterruption();
    quit();
    wait();
}

void JobWorkerThread::run()
{
    Result<std::unique_ptr<Database>> opened = Database::open(m_databaseSettings, m_clock);
    if (!opened) {
        m_log.write(u"error"_s, u"jobs.worker_failed"_s,
            QJsonObject{ { u"worker"_s, m_settings.workerId }, { u"message"_s, opened.refusal().message } });
        m_state = -1;
        return;
    }
    Database &database = *opened.value();
    UuidGenerator ids;
    // Retry jitter: seeded from the system, so the workers' retries spread.
    QRandomGenerator jitter(QRandomGenerator::system()->generate());
    JobQueue queue(database, m_clock, ids, jitter);
    Context context{ database, queue, ids };
    const std::unique_ptr<JobHandlerSet> handlers = m_handlers(context);
    {
        JobRunner runner(queue, database, handlers->handlers(), m_settings);
        QObject::connect(&runner, &JobRunner::storageFailed, &runner, [this](const QString &message) {
            m_log.write(u"warning"_s, u"jobs.storage_failed"_s,
                QJsonObject{ { u"worker"_s, m_settings.workerId }, { u"message"_s, message } });
        });
        QObject::connect(&runner, &JobRunner::attemptFailed, &runner,
            [this](const QString &jobId, const QString &kind, int attempt, const QString &message) {
                m_log.write(u"warning"_s, u"jobs.attempt_failed"_s,
                    QJsonObject{ { u"job_id"_s, jobId }, { u"kind"_s, kind }, { u"attempt"_s, attempt },
                        { u"message"_s, message } });
            });
        {
            const QMutexLocker lock(&m_runnerMutex);
            m_runner = &runner;
        }
        runner.start();
        m_state = 1;
        exec();
        {
            const QMutexLocker lock(&m_runnerMutex);
            m_runner = nullptr;
        }
        runner.stop();
    }
    database.close();
}

} // namespace callos::server
