#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace callos {

enum class FieldType { Integer, Money, Percent, Text, Choice, Date };

QString fieldTypeName(FieldType type);
std::optional<FieldType> fieldTypeFromName(const QString &name);

struct ChoiceOption
{
    QString id;
    QString label;
};

// A typed input of a call: a prospect fact or a value captured in a milestone.
struct FieldDefinition
{
    QString id;
    QString label;
    QString hint;
    FieldType type = FieldType::Text;
    bool required = false;
    std::optional<double> min;
    std::optional<double> max;
    std::optional<QDate> minDate;
    std::optional<QDate> maxDate;
    int maxLength = 2000;
    bool multiline = false; // text: several lines (pain points, answers in the prospect's words)
    QList<ChoiceOption> options;

    bool isNumeric() const
    {
        return type == FieldType::Integer || type == FieldType::Money || type == FieldType::Percent;
    }
    const ChoiceOption *option(const QString &optionId) const;
};

struct ChecklistItem
{
    QString id;
    QString label;
    bool required = false;
};

struct Confirmation
{
    QString id;
    QString label;
};

enum class GateOp { GreaterOrEqual, Greater, LessOrEqual, Less, Equal, NotEqual };

std::optional<GateOp> gateOpFromSymbol(const QString &symbol);
QString gateOpSymbol(GateOp op);

// The qualification gate: when the rule fails the call is advisory only and
// the blocked milestones (the coaching pitch) cannot be entered.
struct GateRule
{
    QString field;
    GateOp op = GateOp::GreaterOrEqual;
    double value = 0;
    QStringList blockedMilestones;
    QString passMessage;
    QString failMessage;

    // An empty field fails: nobody is qualified on a number we do not have.
    bool passes(std::optional<double> fieldValue) const;
};

struct Milestone
{
    QString id;
    QString title;
    QString goal;
    QStringList guidance;
    int estimatedMinutes = 5;
    QList<ChecklistItem> checklist;
    QList<FieldDefinition> fields;
    QList<Confirmation> confirmations;
    QString summaryTemplate;

    const ChecklistItem *checklistItem(const QString &itemId) const;
    const Confirmation *confirmation(const QString &confirmationId) const;
};

struct DiagnosticQuestion
{
    QString id;
    QString text;
};

struct ObjectionType
{
    QString id;
    QString label;
    QString description;
    QList<DiagnosticQuestion> questions;

    const DiagnosticQuestion *question(const QString &questionId) const;
};

enum class ObjectionOutcome { Resolved, Deferred, Disqualified };
QString objectionOutcomeName(ObjectionOutcome outcome);
std::optional<ObjectionOutcome> objectionOutcomeFromName(const QString &name);

enum class DecisionOption { Proceed, Pause, Decline };
QString decisionOptionName(DecisionOption option);
std::optional<DecisionOption> decisionOptionFromName(const QString &name);

struct DecisionChoice
{
    DecisionOption option = DecisionOption::Proceed;
    QString label;
};

struct DisqualificationReason
{
    QString id;
    QString label;
};

struct DecisionRules
{
    QList<DecisionChoice> options;
    QList<DisqualificationReason> disqualificationReasons;

    const DecisionChoice *choice(DecisionOption option) const;
    const DisqualificationReason *reason(const QString &reasonId) const;
};

// What a call must follow: checklist, gate, milestones, objections, decision.
// Loaded and validated by PlaybookLoader; immutable afterwards.
struct Playbook
{
    int schemaVersion = 1;
    QString id;
    int version = 1;
    QString name;
    QString currency = QStringLiteral("USD");
    QList<FieldDefinition> prospectFields;
    QList<ChecklistItem> precallChecklist;
    GateRule gate;
    QList<Milestone> milestones;
    QList<ObjectionType> objections;
    DecisionRules decision;

    // Prospect fields and every milestone's fields, in playbook order.
    QList<const FieldDefinition *> allFields() const;
    const FieldDefinition *field(const QString &fieldId) const;
    const Milestone *milestone(const QString &milestoneId) const;
    int milestoneIndex(const QString &milestoneId) const;
    const ChecklistItem *precallItem(const QString &itemId) const;
    const ObjectionType *objection(const QString &objectionId) const;
    // The milestone where the decision is made: the last one.
    const Milestone &decisionMilestone() const { return milestones.constLast(); }
};

} // namespace callos
