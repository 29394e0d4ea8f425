#include "playbook/playbook.h"

using namespace Qt::StringLiterals;

namespace callos {
namespace {

template<typename List, typename Key>
auto findById(const List &list, const Key &id) -> decltype(&list.front())
{
    for (const auto &entry : list) {
        if (entry.id == id)
            return &entry;
    }
    return nullptr;
}

struct NamedFieldType
{
    FieldType type;
    QLatin1StringView name;
};
constexpr NamedFieldType kFieldTypes[] = {
    {FieldType::Integer, "integer"_L1}, {FieldType::Money, "money"_L1}, {FieldType::Percent, "percent"_L1},
    {FieldType::Text, "text"_L1},       {FieldType::Choice, "choice"_L1}, {FieldType::Date, "date"_L1},
};

struct NamedGateOp
{
    GateOp op;
    QLatin1StringView symbol;
};
constexpr NamedGateOp kGateOps[] = {
    {GateOp::GreaterOrEqual, ">="_L1}, {GateOp::Greater, ">"_L1}, {GateOp::LessOrEqual, "<="_L1},
    {GateOp::Less, "<"_L1},           {GateOp::Equal, "=="_L1},  {GateOp::NotEqual, "!="_L1},
};

} // namespace

QString fieldTypeName(FieldType type)
{
    for (const auto &entry : kFieldTypes) {
        if (entry.type == type)
            return entry.name;
    }
    return {};
}

std::optional<FieldType> fieldTypeFromName(const QString &name)
{
    for (const auto &entry : kFieldTypes) {
        if (entry.name == name)
            return entry.type;
    }
    return std::nullopt;
}

std::optional<GateOp> gateOpFromSymbol(const QString &symbol)
{
    for (const auto &entry : kGateOps) {
        if (entry.symbol == symbol)
            return entry.op;
    }
    return std::nullopt;
}

QString gateOpSymbol(GateOp op)
{
    for (const auto &entry : kGateOps) {
        if (entry.op == op)
            return entry.symbol;
    }
    return {};
}

bool GateRule::passes(std::optional<double> fieldValue) const
{
    if (!fieldValue)
        return false;
    const double v = *fieldValue;
    switch (op) {
    case GateOp::GreaterOrEqual: return v >= value;
    case GateOp::Greater: return v > value;
    case GateOp::LessOrEqual: return v <= value;
    case GateOp::Less: return v < value;
    case GateOp::Equal: return v == value;
    case GateOp::NotEqual: return v != value;
    }
    return false;
}

QString objectionOutcomeName(ObjectionOutcome outcome)
{
    switch (outcome) {
    case ObjectionOutcome::Resolved: return u"resolved"_s;
    case ObjectionOutcome::Deferred: return u"deferred"_s;
    case ObjectionOutcome::Disqualified: return u"disqualified"_s;
    }
    return {};
}

std::optional<ObjectionOutcome> objectionOutcomeFromName(const QString &name)
{
    for (auto outcome : {ObjectionOutcome::Resolved, ObjectionOutcome::Deferred, ObjectionOutcome::Disqualified}) {
        if (objectionOutcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

QString decisionOptionName(DecisionOption option)
{
    switch (option) {
    case DecisionOption::Proceed: return u"proceed"_s;
    case DecisionOption::Pause: return u"pause"_s;
    case DecisionOption::Decline: return u"decline"_s;
    }
    return {};
}

std::optional<DecisionOption> decisionOptionFromName(const QString &name)
{
    for (auto option : {DecisionOption::Proceed, DecisionOption::Pause, DecisionOption::Decline}) {
        if (decisionOptionName(option) == name)
            return option;
    }
    return std::nullopt;
}

const ChoiceOption *FieldDefinition::option(const QString &optionId) const
{
    return findById(options, optionId);
}

const ChecklistItem *Milestone::checklistItem(const QString &itemId) const
{
    return findById(checklist, itemId);
}

const Confirmation *Milestone::confirmation(const QString &confirmationId) const
{
    return findById(confirmations, confirmationId);
}

const DiagnosticQuestion *ObjectionType::question(const QString &questionId) const
{
    return findById(questions, questionId);
}

const DecisionChoice *DecisionRules::choice(DecisionOption option) const
{
    for (const DecisionChoice &entry : options) {
        if (entry.option == option)
            return &entry;
    }
    return nullptr;
}

const DisqualificationReason *DecisionRules::reason(const QString &reasonId) const
{
    return findById(disqualificationReasons, reasonId);
}

QList<const FieldDefinition *> Playbook::allFields() const
{
    QList<const FieldDefinition *> out;
    for (const FieldDefinition &definition : prospectFields)
        out.append(&definition);
    for (const Milestone &m : milestones) {
        for (const FieldDefinition &definition : m.fields)
            out.append(&definition);
    }
    return out;
}

const FieldDefinition *Playbook::field(const QString &fieldId) const
{
    if (const FieldDefinition *found = findById(prospectFields, fieldId))
        return found;
    for (const Milestone &m : milestones) {
        if (const FieldDefinition *found = findById(m.fields, fieldId))
            return found;
    }
    return nullptr;
}

const Milestone *Playbook::milestone(const QString &milestoneId) const
{
    return findById(milestones, milestoneId);
}

int Playbook::milestoneIndex(const QString &milestoneId) const
{
    for (int i = 0; i < milestones.size(); ++i) {
        if (milestones.at(i).id == milestoneId)
            return i;
    }
    return -1;
}

const ChecklistItem *Playbook::precallItem(const QString &itemId) const
{
    return findById(precallChecklist, itemId);
}

const ObjectionType *Playbook::objection(const QString &objectionId) const
{
    return findById(objections, objectionId);
}

} // namespace callos
