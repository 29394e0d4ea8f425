#include "call/callstate.h"

namespace callos {

bool CallState::isBlocked(const Playbook &playbook, int index) const
{
    return advisoryOnly && playbook.gate.blockedMilestones.contains(playbook.milestones.at(index).id);
}

MilestoneStatus CallState::status(const Playbook &playbook, int index) const
{
    if (index < 0 || index >= milestones.size())
        return MilestoneStatus::Locked;
    const MilestoneProgress &progress = milestones.at(index);
    if (index == current && phase == CallPhase::InProgress)
        return MilestoneStatus::Current;
    if (progress.done)
        return MilestoneStatus::Done;
    if (isBlocked(playbook, index))
        return MilestoneStatus::Blocked;
    if (progress.skipped)
        return MilestoneStatus::Skipped;
    if (progress.visited)
        return MilestoneStatus::Open;
    return isReachable(playbook, index) ? MilestoneStatus::Open : MilestoneStatus::Locked;
}

bool CallState::isReachable(const Playbook &playbook, int index) const
{
    if (index < 0 || index >= milestones.size() || isBlocked(playbook, index))
        return false;
    if (milestones.at(index).visited)
        return true;
    for (int i = 0; i < index; ++i) {
        const MilestoneProgress &earlier = milestones.at(i);
        if (!earlier.done && !earlier.skipped && !isBlocked(playbook, i))
            return false;
    }
    return true;
}

QStringList CallState::missingForCompletion(const Playbook &playbook, int index) const
{
    QStringList missing;
    const Milestone &milestone = playbook.milestones.at(index);
    const MilestoneProgress &progress = milestones.at(index);
    for (const ChecklistItem &item : milestone.checklist) {
        if (item.required && !progress.checkedItems.contains(item.id))
            missing.append(item.label);
    }
    for (const FieldDefinition &field : milestone.fields) {
        if (field.required && isEmptyFieldValue(fields.value(field.id)))
            missing.append(field.label);
    }
    for (const Confirmation &confirmation : milestone.confirmations) {
        if (!progress.confirmed.contains(confirmation.id))
            missing.append(confirmation.label);
    }
    return missing;
}

QStringList CallState::missingPrecallItems(const Playbook &playbook) const
{
    QStringList missing;
    for (const ChecklistItem &item : playbook.precallChecklist) {
        if (item.required && !precallChecked.contains(item.id))
            missing.append(item.label);
    }
    return missing;
}

bool CallState::needsFollowUp() const
{
    for (const ObjectionRecord &objection : objections) {
        if (objection.outcome == ObjectionOutcome::Deferred)
            return true;
    }
    return false;
}

const ObjectionRecord *CallState::openObjectionRecord() const
{
    return openObjection >= 0 ? &objections.at(openObjection) : nullptr;
}

} // namespace callos
