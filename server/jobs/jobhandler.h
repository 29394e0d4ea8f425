#pragma once

#include "jobs/job.h"

#include <QList>

#include <optional>

namespace callos::server {

// Runs the jobs of one kind. An attempt may be repeated (a worker died after
// the work but before saying so), so run() must be idempotent: running a job
// twice has the effect of running it once.
class JobHandler
{
public:
    virtual ~JobHandler() = default;
    virtual QString kind() const = 0;
    // One attempt, in the job's organisation's tenant scope. std::nullopt:
    // done.
    virtual std::optional<JobFailure> run(const Job &job) = 0;
};

// The handlers one worker thread runs, together with what they share
// (clients, stores), all living on that thread.
class JobHandlerSet
{
public:
    virtual ~JobHandlerSet() = default;
    virtual QList<JobHandler *> handlers() = 0;
};

} // namespace callos::server
