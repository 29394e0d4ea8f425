#pragma once

#include "jobs/job.h"

#include <utility>
#include <variant>

namespace callos::server {

// Either a value or the JobFailure that says why there is none and whether
// trying again can help: what the clients of external services return to
// the job handlers, which pass the failure on to the queue as it is
// (Result<T> carries a Refusal, which knows nothing of retries).
template<typename T> class JobResult
{
public:
    JobResult(T value) : m_data(std::move(value)) { }
    JobResult(JobFailure failure) : m_data(std::move(failure)) { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    // By value, like Result<T>: no reference into a destroyed temporary.
    T value() && { return std::get<T>(std::move(m_data)); }
    const JobFailure &failure() const { return std::get<JobFailure>(m_data); }

private:
    std::variant<T, JobFailure> m_data;
};

} // namespace callos::server
