#include "jobs/retrypolicy.h"

#include <algorithm>
#include <cmath>

namespace callos::server {

qint64 RetryPolicy::delayMs(int failedAttempt, std::optional<qint64> retryAfterMs, double random01) const
{
    const int doublings = std::clamp(failedAttempt - 1, 0, 40);
    const double exponential = std::min(double(capMs), double(baseMs) * std::pow(2.0, doublings));
    const double jittered = exponential * (1.0 - jitter + 2.0 * jitter * random01);
    const auto delay = static_cast<qint64>(std::llround(jittered));
    return std::max(delay, retryAfterMs.value_or(0));
}

} // namespace callos::server
