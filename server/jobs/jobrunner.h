#pragma once

#include "jobs/jobhandler.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace callos::server {

class Database;
class JobQueue;

// Takes due jobs of the kinds it has handlers for and runs them, one after
// another, on the thread it lives on, until none is due; then waits. It
// wakes on wake() (jobs added in this process), on PostgreSQL's
// notification from any process's JobQueue::enqueue(), and every
// `pollMs` for retries coming due and leases running out.
class JobRunner : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QString workerId; // unique per process and thread: leases are held by it
        int batch = 16; // jobs claimed at a time
        qint64 leaseMs = 10 * 60 * 1000; // longer than any one attempt may take
        int pollMs = 1000;
    };

    // `database` is the one `queue` uses, owned by this thread.
    JobRunner(JobQueue &queue, Database &database, const QList<JobHandler *> &handlers, Settings settings,
        QObject *parent = nullptr);
    ~JobRunner() override;

    // Listens and polls; runs what is due at once.
    void start();
    void stop();

public Q_SLOTS:
    void wake();

Q_SIGNALS:
    // Before each attempt's handler runs (for progress and measurements).
    void attemptStarted(const QString &jobId, int attempt);
    // An attempt failed (for the log; the queue has recorded it).
    void attemptFailed(const QString &jobId, const QString &kind, int attempt, const QString &message);
    // A claim or a write failed (the database is away): tried again at the
    // next poll.
    void storageFailed(const QString &message);

private:
    void drain();

    JobQueue &m_queue;
    Database &m_database;
    QHash<QString, JobHandler *> m_handlers;
    QStringList m_kinds;
    Settings m_settings;
    QTimer m_poll;
    bool m_draining = false;
    bool m_wokenWhileDraining = false;
    bool m_listening = false;
};

} // namespace callos::server
