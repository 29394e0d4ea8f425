#pragma once

#include "config/databasesettings.h"
#include "jobs/jobrunner.h"

#include <QMutex>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class JobQueue;
class JsonLog;

// One job worker: a thread with its own database connection, queue, job
// handlers and JobRunner, so a long job (a download, a transcription)
// never holds up the thread that serves requests, and the workers of
// several threads or processes share the queue.
class JobWorkerThread final : public QThread
{
public:
    // What the handlers of this thread may use; all of it lives on it.
    struct Context
    {
        Database &database;
        JobQueue &queue;
        IdGenerator &ids;
    };
    using HandlerFactory = std::function<std::unique_ptr<JobHandlerSet>(Context &)>;

    JobWorkerThread(DatabaseSettings database, const Clock &clock, JsonLog &log, HandlerFactory handlers,
        JobRunner::Settings settings);
    ~JobWorkerThread() override;

    // Starts the thread; false (with the reason logged) when its database
    // connection could not be opened.
    bool startAndWait();
    // Looks for due jobs now (after this process enqueued one; PostgreSQL's
    // notification does it for every process anyway).
    void wake();
    // Ends the thread after the job that runs; a download or upload under
    // way is cut short (that attempt fails and runs again later).
    void stopAndWait();

protected:
    void run() override;

private:
    DatabaseSettings m_databaseSettings;
    const Clock &m_clock;
    JsonLog &m_log;
    HandlerFactory m_handlers;
    JobRunner::Settings m_settings;
    QMutex m_runnerMutex; // wake() comes from other threads
    JobRunner *m_runner = nullptr;
    std::atomic<int> m_state{ 0 }; // 0 starting, 1 running, -1 failed
};

} // namespace callos::server
