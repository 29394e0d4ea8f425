#pragma once

#include "config/databasesettings.h"
#include "pipeline/pipelinesettings.h"

#include <QString>

#include <memory>
#include <vector>

namespace callos {
class Clock;
}

namespace callos::server {

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
