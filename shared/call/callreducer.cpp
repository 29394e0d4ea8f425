#include "call/callreducer.h"

#include "json/jsonobjectreader.h"
#include "playbook/fieldvalues.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace callos {
namespace {

constexpr qsizetype kMaxNoteLength = 20000;
constexpr qsizetype kMaxReasonLength = 2000;

Refusal refusal(const char *code, const QString &message)
{
    return Refusal{QString::fromLatin1(code), message};
}

// Reports what the payload reader found wrong (missing keys, wrong types,
// unknown keys) as one "event.malformed" refusal.
std::optional<Refusal> malformed(const CallEvent &event, JsonObjectReader &in, const ValidationErrors &errors)
{
    in.finish();
    if (errors.isEmpty())
        return std::nullopt;
    return Refusal{u"event.malformed"_s, CallReducer::tr("Malformed %1 event: %2").arg(event.type, errors.messages().join(u"; "_s))};
}

std::optional<QString> optionalText(JsonObjectReader &in, const QString &key)
{
    return in.string(key, Presence::Optional);
}

} // namespace

CallReducer::Handler CallReducer::handlerFor(const QString &type)
{
    static const QHash<QString, Handler> handlers{
        {EventType::CallStarted, &CallReducer::onCallStarted},
        {EventType::GateEvaluated, &CallReducer::onGateEvaluated},
        {EventType::ChecklistItemChecked, &CallReducer::onChecklistItemChecked},
        {EventType::FieldSet, &CallReducer::onFieldSet},
        {EventType::NoteEdited, &CallReducer::onNoteEdited},
        {EventType::ConfirmationSet, &CallReducer::onConfirmationSet},
        {EventType::MilestoneEntered, &CallReducer::onMilestoneEntered},
        {EventType::MilestoneCompleted, &CallReducer::onMilestoneCompleted},
        {EventType::MilestoneSkipped, &CallReducer::onMilestoneSkipped},
        {EventType::SlideShown, &CallReducer::onSlideShown},
        {EventType::ObjectionRaised, &CallReducer::onObjectionRaised},
        {EventType::DiagnosticAnswered, &CallReducer::onDiagnosticAnswered},
        {EventType::ObjectionClassified, &CallReducer::onObjectionClassified},
        {EventType::DecisionRecorded, &CallReducer::onDecisionRecorded},
        {EventType::CallCompleted, &CallReducer::onCallCompleted},
        {EventType::ConsentRecorded, &CallReducer::onConsentRecorded},
    };
    return handlers.value(type, nullptr);
}

Result<CallState> CallReducer::apply(CallState state, const CallEvent &event) const
{
    if (auto refused = applyInPlace(state, event))
        return *refused;
    return state;
}

std::optional<Refusal> CallReducer::applyInPlace(CallState &state, const CallEvent &event) const
{
    if (event.schema > CallEvent::kSchemaVersion || event.schema < 1)
        return refusal("event.schema_unsupported", tr("This event uses schema %1; this CallOS reads schema %2.")
                                                         .arg(event.schema)
                                                         .arg(CallEvent::kSchemaVersion));
    const Handler handler = handlerFor(event.type);
    if (!handler)
        return refusal("event.unknown_type", tr("Unknown event type '%1'.").arg(event.type));
    if (event.id.isEmpty() || event.callId.isEmpty() || event.deviceId.isEmpty() || event.seq < 1 || event.at < 0)
        return refusal("event.malformed", tr("Malformed %1 event: id, callId, deviceId, seq and at are required.").arg(event.type));
    if (state.phase == CallPhase::NotStarted) {
        if (event.type != EventType::CallStarted)
            return refusal("call.not_started", tr("The call has not started yet."));
    } else {
        if (event.callId != state.callId)
            return refusal("event.wrong_call", tr("This event belongs to call %1, not to call %2.").arg(event.callId, state.callId));
        if (event.type == EventType::CallStarted)
            return refusal("call.already_started", tr("The call has already started."));
        if (state.phase == CallPhase::Completed)
            return refusal("call.completed", tr("The call is completed; nothing more can be recorded."));
    }
    const auto lastSeq = state.lastSeqByDevice.constFind(event.deviceId);
    if (lastSeq != state.lastSeqByDevice.constEnd() && event.seq <= *lastSeq)
        return refusal("event.seq_not_increasing",
                       tr("Event %1 from device %2 is out of order (seq %3 after %4).")
                           .arg(event.id, event.deviceId)
                           .arg(event.seq)
                           .arg(*lastSeq));

    ValidationErrors errors(QString{});
    JsonObjectReader payload(JsonNode{event.payload, u"payload"_s}, errors);
    if (auto refused = (this->*handler)(state, event, payload))
        return *refused;
    if (auto refused = malformed(event, payload, errors))
        return *refused;

    state.lastSeqByDevice.insert(event.deviceId, event.seq);
    state.lastEventAt = qMax(state.lastEventAt, event.at);
    ++state.eventCount;
    return std::nullopt;
}

Result<CallState> CallReducer::replay(const QList<CallEvent> &events, CallState initial) const
{
    // Folding in place is safe here: a refusal ends the replay and the
    // half-applied state is thrown away with it.
    CallState state = std::move(initial);
    for (const CallEvent &event : events) {
        if (auto refused = applyInPlace(state, event))
            return *refused;
    }
    return state;
}

// --- shared checks -------------------------------------------------------

std::optional<Refusal> CallReducer::requireLive(const CallState &state) const
{
    if (state.phase != CallPhase::PreCall && state.phase != CallPhase::InProgress)
        return refusal("call.not_live", tr("This can only be done during a call."));
    return std::nullopt;
}

std::optional<Refusal> CallReducer::requireInProgress(const CallState &state) const
{
    if (state.phase != CallPhase::InProgress)
        return refusal("call.not_in_progress", tr("Begin the call first: finish the pre-call checklist and enter the first milestone."));
    return std::nullopt;
}

std::optional<Refusal> CallReducer::requireNoOpenObjection(const CallState &state) const
{
    if (const ObjectionRecord *open = state.openObjectionRecord()) {
        const ObjectionType *type = m_playbook.objection(open->typeId);
        return refusal("objection.open", tr("Finish the open %1 objection first: classify it as resolved, deferred or disqualified.")
                                             .arg(type ? type->label : open->typeId));
    }
    return std::nullopt;
}

std::optional<Refusal> CallReducer::milestoneIndex(const std::optional<QString> &id, int &index) const
{
    index = id ? m_playbook.milestoneIndex(*id) : -1;
    if (id && index < 0)
        return refusal("milestone.unknown", tr("There is no milestone '%1' in this playbook.").arg(*id));
    return std::nullopt;
}

std::optional<Refusal> CallReducer::requireNotBlocked(const CallState &state, int index) const
{
    if (state.isBlocked(m_playbook, index))
        return refusal("gate.advisory_only", tr("Advisory-only call: %1 is part of the coaching pitch and is disabled.")
                                                 .arg(m_playbook.milestones.at(index).title));
    return std::nullopt;
}

void CallReducer::updateGate(CallState &state) const
{
    state.advisoryOnly = !m_playbook.gate.passes(numericFieldValue(state.fields, m_playbook.gate.field));
}

void CallReducer::stopTimer(CallState &state, qint64 at)
{
    if (state.current < 0)
        return;
    MilestoneProgress &progress = state.milestones[state.current];
    if (progress.enteredAt >= 0) {
        progress.accumulatedMs += qMax<qint64>(0, at - progress.enteredAt);
        progress.enteredAt = -1;
    }
}

// --- handlers ------------------------------------------------------------

std::optional<Refusal> CallReducer::onCallStarted(CallState &state, const CallEvent &event, JsonObjectReader &in) const
{
    const auto playbookId = in.string(u"playbookId"_s);
    const auto playbookVersion = in.integer(u"playbookVersion"_s, Presence::Required, 1, 1000000);
    const auto prospect = in.node(u"prospect"_s);
    if (prospect && !prospect->value.isObject())
        in.addError(u"prospect"_s, tr("must be an object"));
    if (!playbookId || !playbookVersion || !prospect)
        return std::nullopt; // reported as malformed
    if (*playbookId != m_playbook.id || *playbookVersion != m_playbook.version)
        return refusal("call.playbook_mismatch", tr("This call uses playbook %1 version %2, but %3 version %4 is loaded.")
                                                     .arg(*playbookId)
                                                     .arg(*playbookVersion)
                                                     .arg(m_playbook.id)
                                                     .arg(m_playbook.version));
    const QJsonObject facts = prospect->value.toObject();
    for (auto it = facts.constBegin(); it != facts.constEnd(); ++it) {
        const FieldDefinition *field = m_playbook.field(it.key());
        if (!field)
            return refusal("field.unknown", tr("The playbook has no field '%1'.").arg(it.key()));
        if (const auto problem = fieldValueProblem(*field, it.value()))
            return refusal("field.invalid", *problem);
        if (!isEmptyFieldValue(it.value()))
            state.fields.insert(it.key(), it.value());
    }
    state.callId = event.callId;
    state.playbookId = *playbookId;
    state.playbookVersion = int(*playbookVersion);
    state.phase = CallPhase::PreCall;
    state.startedAt = event.at;
    state.milestones = QList<MilestoneProgress>(m_playbook.milestones.size());
    updateGate(state);
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onGateEvaluated(CallState &state, const CallEvent &, JsonObjectReader &in) const
{
    const auto passedNode = in.node(u"passed"_s);
    if (passedNode && !passedNode->value.isBool())
        in.addError(u"passed"_s, tr("must be true or false"));
    in.node(u"value"_s, Presence::Optional); // the value the verdict was based on, kept for the record
    if (!passedNode || !passedNode->value.isBool())
        return std::nullopt;
    if (passedNode->value.toBool() == state.advisoryOnly)
        return refusal("gate.mismatch", tr("The recorded gate verdict does not match the call's %1.").arg(m_playbook.gate.field));
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onChecklistItemChecked(CallState &state, const CallEvent &, JsonObjectReader &in) const
{
    const auto milestoneId = in.string(u"milestoneId"_s, Presence::Optional);
    const auto itemId = in.string(u"itemId"_s);
    const auto checkedNode = in.node(u"checked"_s);
    if (checkedNode && !checkedNode->value.isBool())
        in.addError(u"checked"_s, tr("must be true or false"));
    if (!itemId || !checkedNode || !checkedNode->value.isBool())
        return std::nullopt;
    if (auto refused = requireLive(state))
        return refused;
    const bool checked = checkedNode->value.toBool();
    if (!milestoneId) {
        if (!m_playbook.precallItem(*itemId))
            return refusal("checklist.unknown_item", tr("The pre-call checklist has no item '%1'.").arg(*itemId));
        if (checked)
            state.precallChecked.insert(*itemId);
        else
            state.precallChecked.remove(*itemId);
        return std::nullopt;
    }
    int index = -1;
    if (auto refused = milestoneIndex(milestoneId, index))
        return refused;
    if (!m_playbook.milestones.at(index).checklistItem(*itemId))
        return refusal("checklist.unknown_item", tr("%1 has no checklist item '%2'.").arg(m_playbook.milestones.at(index).title, *itemId));
    if (checked)
        state.milestones[index].checkedItems.insert(*itemId);
    else
        state.milestones[index].checkedItems.remove(*itemId);
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onFieldSet(CallState &state, const CallEvent &, JsonObjectReader &in) const
{
    const auto fieldId = in.string(u"fieldId"_s);
    if (!in.has(u"value"_s))
        in.addError(u"value"_s, tr("is required (null clears the field)"));
    const QJsonValue value = in.has(u"value"_s) ? in.node(u"value"_s, Presence::Optional).value_or(JsonNode{}).value : QJsonValue();
    if (!fieldId)
        return std::nullopt;
    if (auto refused = requireLive(state))
        return refused;
    const FieldDefinition *field = m_playbook.field(*fieldId);
    if (!field)
        return refusal("field.unknown", tr("The playbook has no field '%1'.").arg(*fieldId));
    if (const auto problem = fieldValueProblem(*field, value))
        return refusal("field.invalid", *problem);
    if (isEmptyFieldValue(value))
        state.fields.remove(*fieldId);
    else
        state.fields.insert(*fieldId, value);
    if (*fieldId == m_playbook.gate.field)
        updateGate(state);
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onNoteEdited(CallState &state, const CallEvent &, JsonObjectReader &in) const
{
    const auto milestoneId = in.string(u"milestoneId"_s);
    const auto textNode = in.node(u"text"_s);
    if (textNode && !textNode->value.isString())
        in.addError(u"text"_s, tr("must be a string"));
    if (!milestoneId || !textNode || !textNode->value.isString())
        return std::nullopt;
    if (auto refused = requireLive(state))
        return refused;
    int index = -1;
    if (auto refused = milestoneIndex(milestoneId, index))
        return refused;
    const QString text = textNode->value.toString();
    if (text.size() > kMaxNoteLength)
        return refusal("note.too_long", tr("Notes are limited to %1 characters per milestone.").arg(kMaxNoteLength));
    state.milestones[index].note = text;
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onConfirmationSet(CallState &state, const CallEvent &, JsonObjectReader &in) const
{
    const auto milestoneId = in.string(u"milestoneId"_s);
    const auto confirmationId = in.string(u"confirmationId"_s);
    const auto checkedNode = in.node(u"checked"_s);
    if (checkedNode && !checkedNode->value.isBool())
        in.addError(u"checked"_s, tr("must be true or false"));
    if (!milestoneId || !confirmationId || !checkedNode || !checkedNode->value.isBool())
        return std::nullopt;
    if (auto refused = requireLive(state))
        return refused;
    int index = -1;
    if (auto refused = milestoneIndex(milestoneId, index))
        return refused;
    if (!m_playbook.milestones.at(index).confirmation(*confirmationId))
        return refusal("confirmation.unknown", tr("%1 has no confirmation '%2'.").arg(m_playbook.milestones.at(index).title, *confirmationId));
    if (checkedNode->value.toBool())
        state.milestones[index].confirmed.insert(*confirmationId);
    else
        state.milestones[index].confirmed.remove(*confirmationId);
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onMilestoneEntered(CallState &state, const CallEvent &event, JsonObjectReader &in) const
{
    const auto milestoneId = in.string(u"milestoneId"_s);
    const auto overrideReason = optionalText(in, u"overrideReason"_s);
    if (!milestoneId)
        return std::nullopt;
    if (auto refused = requireLive(state))
        return refused;
    if (auto refused = requireNoOpenObjection(state))
        return refused;
    int index = -1;
    if (auto refused = milestoneIndex(milestoneId, index))
        return refused;
    if (auto refused = requireNotBlocked(state, index))
        return refused;
    if (index == state.current && state.phase == CallPhase::InProgress)
        return refusal("milestone.already_current", tr("You are already in %1.").arg(m_playbook.milestones.at(index).title));
    if (!state.isReachable(m_playbook, index))
        return refusal("milestone.locked", tr("%1 comes later: complete or skip the milestones before it first.")
                                               .arg(m_playbook.milestones.at(index).title));
    if (state.phase == CallPhase::PreCall) {
        const QStringList missing = state.missingPrecallItems(m_playbook);
        if (!missing.isEmpty() && !overrideReason)
            return refusal("precall.incomplete", tr("Pre-call checklist still open: %1. Tick them, or give a reason to begin anyway.")
                                                     .arg(missing.join(u", "_s)));
        if (!missing.isEmpty())
            state.precallOverrideReason = overrideReason->left(kMaxReasonLength);
        state.phase = CallPhase::InProgress;
    }
    stopTimer(state, event.at);
    state.current = index;
    MilestoneProgress &progress = state.milestones[index];
    progress.visited = true;
    progress.enteredAt = event.at;
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onMilestoneCompleted(CallState &state, const CallEvent &event, JsonObjectReader &in) const
{
    const auto milestoneId = in.string(u"milestoneId"_s);
    const auto overrideReason = optionalText(in, u"overrideReason"_s);
    if (!milestoneId)
        return std::nullopt;
    if (auto refused = requireInProgress(state))
        return refused;
    if (auto refused = requireNoOpenObjection(state))
        return refused;
    int index = -1;
    if (auto refused = milestoneIndex(milestoneId, index))
        return refused;
    const Milestone &milestone = m_playbook.milestones.at(index);
    if (index != state.current)
        return refusal("milestone.not_current", tr("Only the current milestone can be completed; you are not in %1.").arg(milestone.title));
    if (auto refused = requireNotBlocked(state, index))
        return refused;
    if (index == m_playbook.milestones.size() - 1 && !state.decision)
        return refusal("decision.missing", tr("Record the decision (proceed, pause or decline) before completing %1.").arg(milestone.title));
    const QStringList missing = state.missingForCompletion(m_playbook, index);
    if (!missing.isEmpty() && !overrideReason)
        return refusal("milestone.incomplete", tr("Still open in %1: %2. Complete them, or give a reason to move on anyway.")
                                                   .arg(milestone.title, missing.join(u", "_s)));
    stopTimer(state, event.at);
    MilestoneProgress &progress = state.milestones[index];
    progress.done = true;
    progress.skipped = false;
    progress.overrideReason = missing.isEmpty() ? QString() : overrideReason->left(kMaxReasonLength);
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onMilestoneSkipped(CallState &state, const CallEvent &, JsonObjectReader &in) const
{
    const auto milestoneId = in.string(u"milestoneId"_s);
    const auto reasonNode = in.node(u"reason"_s, Presence::Optional);
    if (reasonNode && !reasonNode->value.isString())
        in.addError(u"reason"_s, tr("must be a string"));
    if (!milestoneId || (reasonNode && !reasonNode->value.isString()))
        return std::nullopt;
    if (auto refused = requireInProgress(state))
        return refused;
    if (auto refused = requireNoOpenObjection(state))
        return refused;
    int index = -1;
    if (auto refused = milestoneIndex(milestoneId, index))
        return refused;
    const Milestone &milestone = m_playbook.milestones.at(index);
    if (index == m_playbook.milestones.size() - 1)
        return refusal("milestone.decision_required", tr("%1 cannot be skipped: every call ends with a decision.").arg(milestone.title));
    if (auto refused = requireNotBlocked(state, index))
        return refused;
    if (state.milestones.at(index).done)
        return refusal("milestone.already_done", tr("%1 is already done.").arg(milestone.title));
    const QString reason = reasonNode ? reasonNode->value.toString().trimmed() : QString();
    if (reason.isEmpty())
        return refusal("milestone.reason_required", tr("Say why you are skipping %1.").arg(milestone.title));
    MilestoneProgress &progress = state.milestones[index];
    progress.skipped = true;
    progress.skipReason = reason.left(kMaxReasonLength);
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onSlideShown(CallState &state, const CallEvent &, JsonObjectReader &in) const
{
    const auto slideId = in.string(u"slideId"_s);
    const auto milestoneId = in.string(u"milestoneId"_s);
    if (!slideId || !milestoneId)
        return std::nullopt;
    if (auto refused = requireLive(state))
        return refused;
    int index = -1;
    if (auto refused = milestoneIndex(milestoneId, index))
        return refused;
    if (auto refused = requireNotBlocked(state, index))
        return refused;
    state.currentSlideId = *slideId;
    ++state.slidesShown;
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onObjectionRaised(CallState &state, const CallEvent &event, JsonObjectReader &in) const
{
    const auto objectionId = in.string(u"objectionId"_s);
    const auto typeId = in.string(u"typeId"_s);
    if (!objectionId || !typeId)
        return std::nullopt;
    if (auto refused = requireInProgress(state))
        return refused;
    if (auto refused = requireNoOpenObjection(state))
        return refused;
    if (!m_playbook.objection(*typeId))
        return refusal("objection.unknown_type", tr("The playbook has no objection type '%1'.").arg(*typeId));
    ObjectionRecord record;
    record.id = *objectionId;
    record.typeId = *typeId;
    record.milestoneId = m_playbook.milestones.at(state.current).id;
    record.raisedAt = event.at;
    state.objections.append(record);
    state.openObjection = int(state.objections.size() - 1);
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onDiagnosticAnswered(CallState &state, const CallEvent &, JsonObjectReader &in) const
{
    const auto objectionId = in.string(u"objectionId"_s);
    const auto questionId = in.string(u"questionId"_s);
    const auto noteNode = in.node(u"note"_s);
    if (noteNode && !noteNode->value.isString())
        in.addError(u"note"_s, tr("must be a string"));
    if (!objectionId || !questionId || !noteNode || !noteNode->value.isString())
        return std::nullopt;
    const ObjectionRecord *open = state.openObjectionRecord();
    if (!open || open->id != *objectionId)
        return refusal("objection.none_open", tr("There is no open objection %1 to answer.").arg(*objectionId));
    const ObjectionType *type = m_playbook.objection(open->typeId);
    if (!type->question(*questionId))
        return refusal("objection.unknown_question", tr("%1 has no diagnostic question '%2'.").arg(type->label, *questionId));
    const QString note = noteNode->value.toString();
    if (note.size() > kMaxNoteLength)
        return refusal("note.too_long", tr("Notes are limited to %1 characters.").arg(kMaxNoteLength));
    state.objections[state.openObjection].answers.insert(*questionId, note);
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onObjectionClassified(CallState &state, const CallEvent &event, JsonObjectReader &in) const
{
    const auto objectionId = in.string(u"objectionId"_s);
    const auto outcomeName = in.string(u"outcome"_s);
    const auto noteNode = in.node(u"note"_s, Presence::Optional);
    if (noteNode && !noteNode->value.isString())
        in.addError(u"note"_s, tr("must be a string"));
    if (!objectionId || !outcomeName || (noteNode && !noteNode->value.isString()))
        return std::nullopt;
    const ObjectionRecord *open = state.openObjectionRecord();
    if (!open || open->id != *objectionId)
        return refusal("objection.none_open", tr("There is no open objection %1 to classify.").arg(*objectionId));
    const auto outcome = objectionOutcomeFromName(*outcomeName);
    if (!outcome)
        return refusal("objection.unknown_outcome", tr("An objection ends as resolved, deferred or disqualified, not '%1'.").arg(*outcomeName));
    ObjectionRecord &record = state.objections[state.openObjection];
    record.outcome = *outcome;
    record.note = noteNode ? noteNode->value.toString().left(kMaxNoteLength) : QString();
    record.classifiedAt = event.at;
    state.openObjection = -1;
    if (*outcome == ObjectionOutcome::Disqualified)
        state.suggestedDecision = DecisionOption::Decline;
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onDecisionRecorded(CallState &state, const CallEvent &event, JsonObjectReader &in) const
{
    const auto optionName = in.string(u"option"_s);
    const auto reasonId = in.string(u"reasonId"_s, Presence::Optional);
    const auto followUpAt = in.integer(u"followUpAt"_s, Presence::Optional, 0, 9007199254740991);
    const auto noteNode = in.node(u"note"_s, Presence::Optional);
    if (noteNode && !noteNode->value.isString())
        in.addError(u"note"_s, tr("must be a string"));
    if (!optionName || (noteNode && !noteNode->value.isString()))
        return std::nullopt;
    if (auto refused = requireInProgress(state))
        return refused;
    if (auto refused = requireNoOpenObjection(state))
        return refused;
    const Milestone &decisionMilestone = m_playbook.decisionMilestone();
    if (state.current != m_playbook.milestones.size() - 1)
        return refusal("decision.not_reached", tr("The decision is recorded in %1; you are not there yet.").arg(decisionMilestone.title));
    const auto option = decisionOptionFromName(*optionName);
    if (!option || !m_playbook.decision.choice(*option))
        return refusal("decision.unknown_option", tr("'%1' is not a decision option of this playbook.").arg(*optionName));
    if (*option == DecisionOption::Decline) {
        if (!reasonId)
            return refusal("decision.reason_required", tr("A decline needs a reason: pick one of the disqualification reasons."));
        if (!m_playbook.decision.reason(*reasonId))
            return refusal("decision.unknown_reason", tr("'%1' is not one of the disqualification reasons.").arg(*reasonId));
    }
    if (*option == DecisionOption::Pause) {
        if (!followUpAt)
            return refusal("decision.followup_required", tr("A pause needs a follow-up date and time."));
        if (*followUpAt <= event.at)
            return refusal("decision.followup_in_past", tr("The follow-up must be in the future."));
    }
    DecisionRecord record;
    record.option = *option;
    record.reasonId = *option == DecisionOption::Decline ? *reasonId : QString();
    record.followUpAt = *option == DecisionOption::Pause ? followUpAt : std::nullopt;
    record.note = noteNode ? noteNode->value.toString().left(kMaxNoteLength) : QString();
    record.at = event.at;
    state.decision = record;
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onCallCompleted(CallState &state, const CallEvent &event, JsonObjectReader &) const
{
    if (auto refused = requireInProgress(state))
        return refused;
    if (auto refused = requireNoOpenObjection(state))
        return refused;
    if (!state.decision)
        return refusal("decision.missing", tr("Record the decision before ending the call."));
    if (!state.milestones.constLast().done)
        return refusal("milestone.incomplete", tr("Complete %1 before ending the call.").arg(m_playbook.decisionMilestone().title));
    stopTimer(state, event.at);
    state.phase = CallPhase::Completed;
    state.completedAt = event.at;
    return std::nullopt;
}

std::optional<Refusal> CallReducer::onConsentRecorded(CallState &state, const CallEvent &event, JsonObjectReader &in) const
{
    const auto givenNode = in.node(u"given"_s);
    const auto wording = in.string(u"wording"_s);
    if (givenNode && !givenNode->value.isBool())
        in.addError(u"given"_s, tr("must be true or false"));
    if (!givenNode || !givenNode->value.isBool() || !wording)
        return std::nullopt;
    if (auto refused = requireLive(state))
        return refused;
    state.consent = ConsentRecord{givenNode->value.toBool(), wording->left(kMaxReasonLength), event.actor, event.at};
    return std::nullopt;
}

} // namespace callos
