#pragma once

#include "common/clock.h"

namespace callos::server {

// A clock that reads what the demo set it to: the demo organisation's
// accounts are stamped on the day it was "founded", and each demo call's
// events in the minutes the agent spent on them, days before the seeding.
class ScriptClock final : public Clock
{
public:
    explicit ScriptClock(qint64 nowMs = 0) : m_now(nowMs) { }

    qint64 nowMs() const override { return m_now; }
    void set(qint64 ms) { m_now = ms; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now;
};

} // namespace callos::server
