#pragma once

#include <QtGlobal>

#include <optional>

namespace callos::server {

// When a failed job runs again: exponential backoff with jitter, never
// sooner than the service asked (Retry-After). Attempt 1 failed: about
// base; attempt 2: about 2 x base; ... up to cap.
struct RetryPolicy
{
    qint64 baseMs = 2000;
    qint64 capMs = 30 * 60 * 1000;
    double jitter = 0.2; // +-20 %: jobs that failed together do not all come back together

    // `random01` is uniform in [0, 1).
    qint64 delayMs(int failedAttempt, std::optional<qint64> retryAfterMs, double random01) const;
};

} // namespace callos::server
