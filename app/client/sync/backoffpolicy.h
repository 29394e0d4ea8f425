#pragma once

#include "common/clock.h"

#include <QtGlobal>

namespace callos::client {

class RandomSource;

// When to try again after a failed sync: exponential backoff with full
// jitter (a uniform wait in [floor, min(cap, base * 2^failures)]), so many
// desktops that lost the same server do not all come back in the same
// second. A server's Retry-After is a lower bound.
class BackoffPolicy
{
public:
    struct Options
    {
        qint64 baseMs = 1000;
        qint64 capMs = 5 * 60 * 1000;
        // Never retry sooner than this: a jitter of 0 would hammer the server.
        qint64 floorMs = 250;
    };

    BackoffPolicy(const Clock &clock, RandomSource &random);
    BackoffPolicy(const Clock &clock, RandomSource &random, Options options);

    // Records a failure and returns how long to wait before the next try.
    // `retryAfterMs` (>= 0) is what the server asked for.
    qint64 failed(qint64 retryAfterMs = -1);
    // A success: the next failure waits the shortest time again.
    void succeeded();

    int failures() const { return m_failures; }
    // When the next try is due (UTC ms); 0 when nothing failed.
    qint64 nextAttemptAtMs() const { return m_nextAttemptAtMs; }
    // The upper end of the jitter for the next failure.
    qint64 ceilingMs() const;
    const Options &options() const { return m_options; }

private:
    const Clock &m_clock;
    RandomSource &m_random;
    Options m_options;
    int m_failures = 0;
    qint64 m_nextAttemptAtMs = 0;
};

} // namespace callos::client
