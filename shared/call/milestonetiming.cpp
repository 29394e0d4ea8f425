#include "call/milestonetiming.h"

namespace callos {

MilestoneTiming milestoneTiming(const Playbook &playbook, const CallState &state, int index, qint64 nowMs)
{
    MilestoneTiming timing;
    if (index < 0 || index >= state.milestones.size() || index >= playbook.milestones.size())
        return timing;
    const MilestoneProgress &progress = state.milestones.at(index);
    timing.elapsedMs = progress.accumulatedMs;
    if (progress.enteredAt >= 0)
        timing.elapsedMs += qMax<qint64>(0, nowMs - progress.enteredAt);
    timing.estimateMs = qint64(playbook.milestones.at(index).estimatedMinutes) * 60 * 1000;
    if (timing.elapsedMs > timing.estimateMs)
        timing.level = TimerLevel::Red;
    else if (timing.elapsedMs * 5 >= timing.estimateMs * 4)
        timing.level = TimerLevel::Amber;
    return timing;
}

} // namespace callos
