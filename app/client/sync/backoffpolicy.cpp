#include "client/sync/backoffpolicy.h"

#include "client/sync/randomsource.h"

#include <algorithm>
#include <cmath>

namespace callos::client {

BackoffPolicy::BackoffPolicy(const Clock &clock, RandomSource &random) : BackoffPolicy(clock, random, Options {}) { }

BackoffPolicy::BackoffPolicy(const Clock &clock, RandomSource &random, Options options)
    : m_clock(clock), m_random(random), m_options(options)
{
    m_options.baseMs = std::max<qint64>(1, m_options.baseMs);
    m_options.capMs = std::max(m_options.baseMs, m_options.capMs);
    m_options.floorMs = std::clamp<qint64>(m_options.floorMs, 0, m_options.capMs);
}

qint64 BackoffPolicy::ceilingMs() const
{
    // 2^failures overflows long before the cap matters; stop doubling there.
    qint64 ceiling = m_options.baseMs;
    for (int i = 0; i < m_failures && ceiling < m_options.capMs; ++i)
        ceiling *= 2;
    return std::min(ceiling, m_options.capMs);
}

qint64 BackoffPolicy::failed(qint64 retryAfterMs)
{
    const qint64 ceiling = ceilingMs();
    const double unit = std::clamp(m_random.unit(), 0.0, 1.0);
    qint64 delay = std::llround(unit * double(ceiling));
    delay = std::clamp(delay, m_options.floorMs, ceiling);
    if (retryAfterMs >= 0)
        delay = std::max(delay, retryAfterMs);
    ++m_failures;
    m_nextAttemptAtMs = m_clock.nowMs() + delay;
    return delay;
}

void BackoffPolicy::succeeded()
{
    m_failures = 0;
    m_nextAttemptAtMs = 0;
}

} // namespace callos::client
