#pragma once

#include "common/result.h"
#include "config/databasesettings.h"
#include "pipeline/pipelinesettings.h"

#include <QString>

#include <memory>
#include <vector>

namespace callos {
class Clock;
}

namespace callos::server {

class JobQueue;
class JobWorkerThread;
class JsonLog;

// The worker threads of one server process for the jobs after a call
// (PipelineHandlers), each with its own database connection.
class PipelineWorkers
{
public:
    PipelineWorkers(DatabaseSettings database, const Clock &clock, JsonLog &log, PipelineSettings settings);
    ~PipelineWorkers();

    // false when a worker could not open its connection (logged).
    bool start();
    // Jobs that earlier processes of this server on this machine were
    // running when they died (SIGKILL, a power cut) run again now, not
    // when their leases run out: their worker ids name this host and a
    // process that is gone. The number released.
    static Result<int> releaseJobsOfDeadProcesses(JobQueue &queue);
    // "<host>-<pid>-<n>": whose leases these are.
    static QString workerId(qint64 pid, int index);
    // Thread-safe: jobs were added in this process (JobQueue::setLocalWakeUp).
    void wake();
    // Each ends after its current job; transfers are cut short.
    void stop();

private:
    DatabaseSettings m_database;
    const Clock &m_clock;
    JsonLog &m_log;
    PipelineSettings m_settings;
    std::vector<std::unique_ptr<JobWorkerThread>> m_threads;
};

} // namespace callos::server
