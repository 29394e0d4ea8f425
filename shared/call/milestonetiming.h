#pragma once

#include "call/callstate.h"

namespace callos {

// How the agent is doing against a milestone's estimate: calm, amber when 80 %
// of the estimate is used, red once it is overrun.
enum class TimerLevel { Normal, Amber, Red };

struct MilestoneTiming
{
    qint64 elapsedMs = 0;
    qint64 estimateMs = 0;
    TimerLevel level = TimerLevel::Normal;

    bool overrun() const { return level == TimerLevel::Red; }
};

// Elapsed time of a milestone at `nowMs`: all earlier visits plus the running one.
MilestoneTiming milestoneTiming(const Playbook &playbook, const CallState &state, int index, qint64 nowMs);

} // namespace callos
