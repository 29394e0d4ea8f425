#include "client/call/scriptedcall.h"

#include "playbook/fieldvalues.h"

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

constexpr int kObjectionMilestone = 2;

} // namespace

std::optional<ScriptedCall::Step> ScriptedCall::nextStep(const CallState &state) const
{
    switch (state.phase) {
    case CallPhase::NotStarted:
    case CallPhase::Completed:
        return std::nullopt;
    case CallPhase::PreCall:
        for (const ChecklistItem &item : m_playbook.precallChecklist) {
            if (!state.precallChecked.contains(item.id))
                return [id = item.id](CallSession &s) { return s.setPrecallItem(id, true); };
        }
        return [](CallSession &s) { return s.beginCall(); };
    case CallPhase::InProgress:
        break;
    }
    if (const ObjectionRecord *open = state.openObjectionRecord()) {
        for (const DiagnosticQuestion &question : m_playbook.objection(open->typeId)->questions) {
            if (!open->answers.contains(question.id))
                return [id = question.id](CallSession &s) { return s.answerDiagnostic(id, u"Their answer, noted."_s); };
        }
        return [](CallSession &s) { return s.classifyObjection(ObjectionOutcome::Resolved, u"Clear now"_s); };
    }
    return nextInMilestone(state, state.current);
}

std::optional<ScriptedCall::Step> ScriptedCall::nextInMilestone(const CallState &state, int index) const
{
    const Milestone &milestone = m_playbook.milestones.at(index);
    const MilestoneProgress &progress = state.milestones.at(index);
    for (const ChecklistItem &item : milestone.checklist) {
        if (!progress.checkedItems.contains(item.id))
            return [m = milestone.id, id = item.id](CallSession &s) { return s.setChecklistItem(m, id, true); };
    }
    for (const FieldDefinition &field : milestone.fields) {
        if (isEmptyFieldValue(state.fields.value(field.id)))
            return [id = field.id, value = exampleFieldValue(field)](CallSession &s) { return s.setField(id, value); };
    }
    for (const Confirmation &confirmation : milestone.confirmations) {
        if (!progress.confirmed.contains(confirmation.id))
            return [m = milestone.id, id = confirmation.id](CallSession &s) { return s.setConfirmation(m, id, true); };
    }
    if (progress.note.isEmpty())
        return [m = milestone.id](CallSession &s) { return s.editNote(m, u"Notes on "_s + m); };
    const bool last = index == m_playbook.milestones.size() - 1;
    if (index == kObjectionMilestone && state.objections.isEmpty() && !m_playbook.objections.isEmpty())
        return [id = m_playbook.objections.constFirst().id](CallSession &s) { return s.raiseObjection(id); };
    if (!last)
        return [](CallSession &s) { return s.completeMilestone(); };
    if (!state.decision)
        return [](CallSession &s) { return s.recordDecision(DecisionOption::Proceed, {}, {}, u"Start next month"_s); };
    return [](CallSession &s) { return s.completeCall(); };
}

} // namespace callos::client
