#pragma once

#include "common/clock.h"

#include <atomic>

namespace callos::test {

// A clock that only moves when the test says so. Readable from other
// threads (the server's job workers) while the test moves it.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 startMs = 1795000000000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }
    void advanceMinutes(double minutes) { m_now += qint64(minutes * 60000); }

private:
    std::atomic<qint64> m_now;
};

} // namespace callos::test
