#pragma once

#include "call/callsession.h"

#include <functional>
#include <optional>

namespace callos::client {

// A whole call played by a script, one step at a time, as an agent would:
// tick the checklist, begin, work each milestone (tick, fill, confirm, note),
// handle an objection in the third milestone, decide, end. Each step is
// chosen from the call's current state, so a call interrupted at any point
// (a crash) continues from where it stands. Used by demos and the crash test.
class ScriptedCall
{
public:
    using Step = std::function<CallSession::Outcome(CallSession &)>;

    explicit ScriptedCall(const Playbook &playbook) : m_playbook(playbook) {}

    // The next step, or nullopt when the call is complete.
    std::optional<Step> nextStep(const CallState &state) const;

private:
    std::optional<Step> nextInMilestone(const CallState &state, int index) const;

    const Playbook &m_playbook;
};

} // namespace callos::client
