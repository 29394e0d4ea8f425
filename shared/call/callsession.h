#pragma once

#include "call/callreducer.h"
#include "call/eventsink.h"
#include "call/milestonetiming.h"
#include "common/clock.h"
#include "common/idgenerator.h"

#include <QDateTime>

#include <memory>

namespace callos {

struct CallIdentity
{
    QString callId;
    QString deviceId;
    QString actor; // user id of the agent
};

// The only writer of a call. The UI asks it to do something; it either
// returns a Refusal{code, message} to show as is, or emits the events that
// record the action, has the sink keep them, and only then moves its state.
// Every rule lives in CallReducer; this class turns intentions into events
// (completing a milestone is "completed" + "entered next", a disqualifying
// objection also routes to the decision, ...).
class CallSession
{
    Q_DECLARE_TR_FUNCTIONS(callos::CallSession)

public:
    using Outcome = Result<QList<CallEvent>>;

    CallSession(const Playbook &playbook, CallIdentity identity, const Clock &clock, IdGenerator &ids, EventSink &sink);

    // Rebuilds a session from events already kept (after a restart or a crash).
    static Result<std::unique_ptr<CallSession>> resume(const Playbook &playbook, CallIdentity identity,
                                                       const Clock &clock, IdGenerator &ids, EventSink &sink,
                                                       const QList<CallEvent> &events);

    const CallState &state() const { return m_state; }
    const Playbook &playbook() const { return m_reducer.playbook(); }
    const CallIdentity &identity() const { return m_identity; }
    MilestoneTiming timing(int milestoneIndex) const;

    // Pre-call
    Outcome start(const FieldValues &prospect);
    Outcome setPrecallItem(const QString &itemId, bool checked);
    // Enters the first milestone; open required pre-call items need a reason.
    Outcome beginCall(const QString &overrideReason = {});

    // Within milestones
    Outcome setChecklistItem(const QString &milestoneId, const QString &itemId, bool checked);
    Outcome setField(const QString &fieldId, const QJsonValue &value);
    Outcome editNote(const QString &milestoneId, const QString &text);
    Outcome setConfirmation(const QString &milestoneId, const QString &confirmationId, bool checked);
    Outcome showSlide(const QString &slideId, const QString &milestoneId);
    Outcome recordConsent(bool given, const QString &wording);

    // Navigation
    // Completes the current milestone and enters the next one the gate allows.
    Outcome completeMilestone(const QString &overrideReason = {});
    // Going back is free; going forward past open milestones skips them and needs a reason.
    Outcome goToMilestone(const QString &milestoneId, const QString &skipReason = {});

    // Objection subflow
    Outcome raiseObjection(const QString &typeId);
    Outcome answerDiagnostic(const QString &questionId, const QString &note);
    Outcome classifyObjection(ObjectionOutcome outcome, const QString &note = {});

    // Decision and end of call
    Outcome recordDecision(DecisionOption option, const QString &reasonId = {},
                           const QDateTime &followUpAt = {}, const QString &note = {});
    Outcome completeCall(const QString &overrideReason = {});

private:
    class Batch;

    // Milestones that lie before `target` and are still open (neither done,
    // skipped nor blocked): what moving to `target` would skip.
    QList<int> openMilestonesBefore(const CallState &state, int target) const;

    const CallReducer m_reducer;
    const CallIdentity m_identity;
    const Clock &m_clock;
    IdGenerator &m_ids;
    EventSink &m_sink;
    // The device's highest seq in other calls when this session began.
    qint64 m_deviceSeqFloor = 0;
    CallState m_state;
};

} // namespace callos
