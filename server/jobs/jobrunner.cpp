#include "jobs/jobrunner.h"

#include "jobs/jobqueue.h"
#include "storage/database.h"

#include <QSqlDriver>
#include <QThread>

using namespace Qt::StringLiterals;

namespace callos::server {

JobRunner::JobRunner(
    JobQueue &queue, Database &database, const QList<JobHandler *> &handlers, Settings settings, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_database(database)
    , m_settings(std::move(settings))
{
    for (JobHandler *handler : handlers) {
        m_handlers.insert(handler->kind(), handler);
        m_kinds.append(handler->kind());
    }
    m_poll.setInterval(m_settings.pollMs);
    connect(&m_poll, &QTimer::timeout, this, &JobRunner::wake);
}

JobRunner::~JobRunner()
{
    stop();
}

void JobRunner::start()
{
    if (m_database.backend() == DatabaseSettings::Backend::Postgresql && !m_listening) {
        QSqlDriver *driver = m_database.connection().driver();
        m_listening = driver->subscribeToNotification(QString::fromLatin1(JobQueue::kChannel));
        if (m_listening)
            connect(driver, &QSqlDriver::notification, this, &JobRunner::wake);
    }
    m_poll.start();
    wake();
}

void JobRunner::stop()
{
    m_poll.stop();
    if (m_listening) {
        QSqlDriver *driver = m_database.connection().driver();
        disconnect(driver, &QSqlDriver::notification, this, &JobRunner::wake);
        driver->unsubscribeFromNotification(QString::fromLatin1(JobQueue::kChannel));
        m_listening = false;
    }
}

void JobRunner::wake()
{
    // A wake during a drain (a handler's own enqueue, a notification read
    // while it waited on the database) means one more look afterwards.
    if (m_draining) {
        m_wokenWhileDraining = true;
        return;
    }
    drain();
}

void JobRunner::drain()
{
    m_draining = true;
    do {
        m_wokenWhileDraining = false;
        for (;;) {
            // The thread is stopping: claim nothing more.
            if (QThread::currentThread()->isInterruptionRequested())
                break;
            const Result<QList<Job>> claimed
                = m_queue.claim(m_settings.workerId, m_kinds, m_settings.batch, m_settings.leaseMs);
            if (!claimed) {
                Q_EMIT storageFailed(claimed.refusal().message);
                m_draining = false;
                return;
            }
            if (claimed.value().isEmpty())
                break;
            // Done jobs are recorded together after the claimed batch (one
            // statement); a crash before that runs them again, which their
            // handlers allow. A failure to record leaves jobs leased: they
            // run again once the lease ends, as after a crash.
            QList<Job> done;
            for (const Job &job : claimed.value()) {
                Q_EMIT attemptStarted(job.id, job.attempts);
                std::optional<JobFailure> failure;
                {
                    const TenantScope::Entered scope = m_database.tenantScope().enterOrganisation(job.orgId);
                    failure = m_handlers.value(job.kind)->run(job);
                }
                if (!failure) {
                    done.append(job);
                    continue;
                }
                Q_EMIT attemptFailed(job.id, job.kind, job.attempts, failure->message);
                if (const Result<bool> recorded = m_queue.fail(job, *failure); !recorded)
                    Q_EMIT storageFailed(recorded.refusal().message);
            }
            if (const Result<int> recorded = m_queue.completeAll(done); !recorded)
                Q_EMIT storageFailed(recorded.refusal().message);
        }
    } while (m_wokenWhileDraining);
    m_draining = false;
}

} // namespace callos::server
