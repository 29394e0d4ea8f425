#pragma once

#include "call/callevent.h"
#include "call/callstate.h"
#include "common/result.h"
#include "playbook/playbook.h"

#include <QCoreApplication>
#include <QList>

namespace callos {

class JsonObjectReader;

// The one fold of a call: CallState x CallEvent -> CallState, under the rules
// of a playbook. Pure and total: a malformed, unknown or illegal event yields
// a Refusal and no new state, never a crash. The engine, the desktop store
// and the server all apply events through it, so they agree on every rule.
class CallReducer
{
    Q_DECLARE_TR_FUNCTIONS(callos::CallReducer)

public:
    explicit CallReducer(const Playbook &playbook) : m_playbook(playbook) {}

    const Playbook &playbook() const { return m_playbook; }

    Result<CallState> apply(CallState state, const CallEvent &event) const;
    // Folds the events in order from `initial`; stops at the first refusal.
    Result<CallState> replay(const QList<CallEvent> &events, CallState initial = {}) const;
    // Applies the event to `state` without copying it. On a refusal `state`
    // may be half-changed: only for callers that then discard it, as
    // replay() does.
    std::optional<Refusal> applyInPlace(CallState &state, const CallEvent &event) const;

private:

    using Handler = std::optional<Refusal> (CallReducer::*)(CallState &, const CallEvent &, JsonObjectReader &) const;
    static Handler handlerFor(const QString &type);

    std::optional<Refusal> onCallStarted(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onGateEvaluated(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onChecklistItemChecked(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onFieldSet(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onNoteEdited(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onConfirmationSet(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onMilestoneEntered(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onMilestoneCompleted(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onMilestoneSkipped(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onSlideShown(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onObjectionRaised(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onDiagnosticAnswered(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onObjectionClassified(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onDecisionRecorded(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onCallCompleted(CallState &, const CallEvent &, JsonObjectReader &) const;
    std::optional<Refusal> onConsentRecorded(CallState &, const CallEvent &, JsonObjectReader &) const;

    // Shared checks, each returning the refusal a UI shows.
    std::optional<Refusal> requireLive(const CallState &state) const;
    std::optional<Refusal> requireInProgress(const CallState &state) const;
    std::optional<Refusal> requireNoOpenObjection(const CallState &state) const;
    std::optional<Refusal> milestoneIndex(const std::optional<QString> &id, int &index) const;
    std::optional<Refusal> requireNotBlocked(const CallState &state, int index) const;
    void updateGate(CallState &state) const;
    static void stopTimer(CallState &state, qint64 at);

    const Playbook &m_playbook;
};

// The reducer as a free function, for call sites that fold one event.
inline Result<CallState> reduce(const Playbook &playbook, const CallState &state, const CallEvent &event)
{
    return CallReducer(playbook).apply(state, event);
}

} // namespace callos
