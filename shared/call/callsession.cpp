#include "call/callsession.h"

using namespace Qt::StringLiterals;

namespace callos {

// Builds the events of one action, folding each through the reducer as it is
// added, then has the sink keep them all before the session's state moves.
class CallSession::Batch
{
public:
    explicit Batch(CallSession &session) : m_session(session), m_state(session.m_state) {}

    const CallState &state() const { return m_state; }
    bool failed() const { return m_refusal.has_value(); }

    Batch &add(const QString &type, const QJsonObject &payload)
    {
        if (m_refusal)
            return *this;
        CallEvent event;
        event.id = m_session.m_ids.nextId();
        event.callId = m_session.m_identity.callId;
        event.deviceId = m_session.m_identity.deviceId;
        event.seq = qMax(m_state.lastSeqByDevice.value(event.deviceId, 0), m_session.m_deviceSeqFloor) + 1;
        event.at = m_session.m_clock.nowMs();
        event.actor = m_session.m_identity.actor;
        event.type = type;
        event.payload = payload;
        Result<CallState> next = m_session.m_reducer.apply(m_state, event);
        if (!next) {
            m_refusal = next.refusal();
            return *this;
        }
        m_state = std::move(next).value();
        m_events.append(event);
        return *this;
    }

    Outcome commit()
    {
        if (m_refusal)
            return *m_refusal;
        if (m_events.isEmpty())
            return m_events;
        if (auto failure = m_session.m_sink.append(m_events))
            return Refusal{u"store.write_failed"_s,
                           CallSession::tr("Could not save: %1. Nothing was changed; try again.").arg(failure->message)};
        m_session.m_state = std::move(m_state);
        return m_events;
    }

private:
    CallSession &m_session;
    CallState m_state;
    QList<CallEvent> m_events;
    std::optional<Refusal> m_refusal;
};

CallSession::CallSession(const Playbook &playbook, CallIdentity identity, const Clock &clock, IdGenerator &ids,
                         EventSink &sink)
    : m_reducer(playbook), m_identity(std::move(identity)), m_clock(clock), m_ids(ids), m_sink(sink)
    , m_deviceSeqFloor(sink.lastSeq(m_identity.deviceId))
{
}

Result<std::unique_ptr<CallSession>> CallSession::resume(const Playbook &playbook, CallIdentity identity,
                                                         const Clock &clock, IdGenerator &ids, EventSink &sink,
                                                         const QList<CallEvent> &events)
{
    auto session = std::make_unique<CallSession>(playbook, std::move(identity), clock, ids, sink);
    Result<CallState> state = session->m_reducer.replay(events);
    if (!state)
        return state.refusal();
    session->m_state = std::move(state).value();
    return session;
}

MilestoneTiming CallSession::timing(int milestoneIndex) const
{
    return milestoneTiming(playbook(), m_state, milestoneIndex, m_clock.nowMs());
}

QList<int> CallSession::openMilestonesBefore(const CallState &state, int target) const
{
    QList<int> open;
    for (int i = 0; i < target; ++i) {
        const MilestoneProgress &progress = state.milestones.at(i);
        if (!progress.done && !progress.skipped && !state.isBlocked(playbook(), i))
            open.append(i);
    }
    return open;
}

CallSession::Outcome CallSession::start(const FieldValues &prospect)
{
    QJsonObject facts;
    for (auto it = prospect.constBegin(); it != prospect.constEnd(); ++it)
        facts.insert(it.key(), it.value());
    Batch batch(*this);
    batch.add(EventType::CallStarted, {{u"playbookId"_s, playbook().id},
                                       {u"playbookVersion"_s, playbook().version},
                                       {u"prospect"_s, facts}});
    if (!batch.failed()) {
        batch.add(EventType::GateEvaluated, {{u"passed"_s, !batch.state().advisoryOnly},
                                             {u"value"_s, batch.state().fields.value(playbook().gate.field)}});
    }
    return batch.commit();
}

CallSession::Outcome CallSession::setPrecallItem(const QString &itemId, bool checked)
{
    return Batch(*this).add(EventType::ChecklistItemChecked, {{u"itemId"_s, itemId}, {u"checked"_s, checked}}).commit();
}

CallSession::Outcome CallSession::beginCall(const QString &overrideReason)
{
    int first = 0;
    while (first < playbook().milestones.size() - 1 && m_state.isBlocked(playbook(), first))
        ++first;
    QJsonObject payload{{u"milestoneId"_s, playbook().milestones.at(first).id}};
    if (!overrideReason.trimmed().isEmpty())
        payload.insert(u"overrideReason"_s, overrideReason.trimmed());
    return Batch(*this).add(EventType::MilestoneEntered, payload).commit();
}

CallSession::Outcome CallSession::setChecklistItem(const QString &milestoneId, const QString &itemId, bool checked)
{
    return Batch(*this)
        .add(EventType::ChecklistItemChecked, {{u"milestoneId"_s, milestoneId}, {u"itemId"_s, itemId}, {u"checked"_s, checked}})
        .commit();
}

CallSession::Outcome CallSession::setField(const QString &fieldId, const QJsonValue &value)
{
    Batch batch(*this);
    const bool wasAdvisory = batch.state().advisoryOnly;
    batch.add(EventType::FieldSet, {{u"fieldId"_s, fieldId}, {u"value"_s, value}});
    // A corrected gate field can change the verdict mid-call; record it when it does.
    if (!batch.failed() && batch.state().advisoryOnly != wasAdvisory) {
        batch.add(EventType::GateEvaluated, {{u"passed"_s, !batch.state().advisoryOnly},
                                             {u"value"_s, batch.state().fields.value(playbook().gate.field)}});
    }
    return batch.commit();
}

CallSession::Outcome CallSession::editNote(const QString &milestoneId, const QString &text)
{
    return Batch(*this).add(EventType::NoteEdited, {{u"milestoneId"_s, milestoneId}, {u"text"_s, text}}).commit();
}

CallSession::Outcome CallSession::setConfirmation(const QString &milestoneId, const QString &confirmationId, bool checked)
{
    return Batch(*this)
        .add(EventType::ConfirmationSet,
             {{u"milestoneId"_s, milestoneId}, {u"confirmationId"_s, confirmationId}, {u"checked"_s, checked}})
        .commit();
}

CallSession::Outcome CallSession::showSlide(const QString &slideId, const QString &milestoneId)
{
    return Batch(*this).add(EventType::SlideShown, {{u"slideId"_s, slideId}, {u"milestoneId"_s, milestoneId}}).commit();
}

CallSession::Outcome CallSession::recordConsent(bool given, const QString &wording)
{
    return Batch(*this).add(EventType::ConsentRecorded, {{u"given"_s, given}, {u"wording"_s, wording}}).commit();
}

CallSession::Outcome CallSession::completeMilestone(const QString &overrideReason)
{
    if (m_state.phase != CallPhase::InProgress || m_state.current < 0)
        return Refusal{u"call.not_in_progress"_s, tr("Begin the call first: finish the pre-call checklist and enter the first milestone.")};
    const int current = m_state.current;
    QJsonObject payload{{u"milestoneId"_s, playbook().milestones.at(current).id}};
    if (!overrideReason.trimmed().isEmpty())
        payload.insert(u"overrideReason"_s, overrideReason.trimmed());
    Batch batch(*this);
    batch.add(EventType::MilestoneCompleted, payload);
    int next = current + 1;
    while (next < playbook().milestones.size() - 1 && batch.state().isBlocked(playbook(), next))
        ++next;
    if (next < playbook().milestones.size())
        batch.add(EventType::MilestoneEntered, {{u"milestoneId"_s, playbook().milestones.at(next).id}});
    return batch.commit();
}

CallSession::Outcome CallSession::goToMilestone(const QString &milestoneId, const QString &skipReason)
{
    const int target = playbook().milestoneIndex(milestoneId);
    Batch batch(*this);
    if (target >= 0 && m_state.phase == CallPhase::InProgress && !m_state.isReachable(playbook(), target)
        && !m_state.isBlocked(playbook(), target) && m_state.openObjection < 0) {
        const QList<int> skipped = openMilestonesBefore(m_state, target);
        if (skipReason.trimmed().isEmpty()) {
            QStringList titles;
            for (int index : skipped)
                titles.append(playbook().milestones.at(index).title);
            return Refusal{u"milestone.reason_required"_s,
                           tr("Going to %1 skips %2. Say why.").arg(playbook().milestones.at(target).title, titles.join(u", "_s))};
        }
        for (int index : skipped) {
            batch.add(EventType::MilestoneSkipped,
                      {{u"milestoneId"_s, playbook().milestones.at(index).id}, {u"reason"_s, skipReason.trimmed()}});
        }
    }
    batch.add(EventType::MilestoneEntered, {{u"milestoneId"_s, milestoneId}});
    return batch.commit();
}

CallSession::Outcome CallSession::raiseObjection(const QString &typeId)
{
    return Batch(*this).add(EventType::ObjectionRaised, {{u"objectionId"_s, m_ids.nextId()}, {u"typeId"_s, typeId}}).commit();
}

CallSession::Outcome CallSession::answerDiagnostic(const QString &questionId, const QString &note)
{
    const ObjectionRecord *open = m_state.openObjectionRecord();
    if (!open)
        return Refusal{u"objection.none_open"_s, tr("There is no open objection to answer.")};
    return Batch(*this)
        .add(EventType::DiagnosticAnswered, {{u"objectionId"_s, open->id}, {u"questionId"_s, questionId}, {u"note"_s, note}})
        .commit();
}

CallSession::Outcome CallSession::classifyObjection(ObjectionOutcome outcome, const QString &note)
{
    const ObjectionRecord *open = m_state.openObjectionRecord();
    if (!open)
        return Refusal{u"objection.none_open"_s, tr("There is no open objection to classify.")};
    const ObjectionType *type = playbook().objection(open->typeId);
    QJsonObject payload{{u"objectionId"_s, open->id}, {u"outcome"_s, objectionOutcomeName(outcome)}};
    if (!note.isEmpty())
        payload.insert(u"note"_s, note);
    Batch batch(*this);
    batch.add(EventType::ObjectionClassified, payload);
    const int decision = int(playbook().milestones.size() - 1);
    // A disqualifying objection ends the pitch: route to the decision, where
    // decline is preselected, recording why the milestones in between were skipped.
    if (outcome == ObjectionOutcome::Disqualified && !batch.failed() && batch.state().current != decision) {
        const QString reason = tr("Disqualified during the %1 objection").arg(type ? type->label : open->typeId);
        for (int index : openMilestonesBefore(batch.state(), decision)) {
            batch.add(EventType::MilestoneSkipped, {{u"milestoneId"_s, playbook().milestones.at(index).id}, {u"reason"_s, reason}});
        }
        batch.add(EventType::MilestoneEntered, {{u"milestoneId"_s, playbook().milestones.at(decision).id}});
    }
    return batch.commit();
}

CallSession::Outcome CallSession::recordDecision(DecisionOption option, const QString &reasonId,
                                                 const QDateTime &followUpAt, const QString &note)
{
    QJsonObject payload{{u"option"_s, decisionOptionName(option)}};
    if (!reasonId.isEmpty())
        payload.insert(u"reasonId"_s, reasonId);
    if (followUpAt.isValid())
        payload.insert(u"followUpAt"_s, followUpAt.toMSecsSinceEpoch());
    if (!note.isEmpty())
        payload.insert(u"note"_s, note);
    return Batch(*this).add(EventType::DecisionRecorded, payload).commit();
}

CallSession::Outcome CallSession::completeCall(const QString &overrideReason)
{
    Batch batch(*this);
    if (!m_state.milestones.isEmpty() && !m_state.milestones.constLast().done && m_state.decision) {
        QJsonObject payload{{u"milestoneId"_s, playbook().decisionMilestone().id}};
        if (!overrideReason.trimmed().isEmpty())
            payload.insert(u"overrideReason"_s, overrideReason.trimmed());
        batch.add(EventType::MilestoneCompleted, payload);
    }
    batch.add(EventType::CallCompleted, {});
    return batch.commit();
}

} // namespace callos
