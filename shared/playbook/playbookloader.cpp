#include "playbook/playbookloader.h"

#include "json/jsonobjectreader.h"
#include "text/texttemplate.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace callos {
namespace {

// Remembers ids seen in one scope and reports a second use with where the first was.
class UniqueIds
{
public:
    UniqueIds(ValidationErrors &errors, QString what) : m_errors(errors), m_what(std::move(what)) {}

    void check(const std::optional<QString> &id, const QString &path)
    {
        if (!id)
            return;
        const auto it = m_firstPath.constFind(*id);
        if (it != m_firstPath.constEnd())
            m_errors.add(path, QCoreApplication::translate("callos::PlaybookLoader", "duplicate %1 '%2' (first at %3)").arg(m_what, *id, *it));
        else
            m_firstPath.insert(*id, path);
    }

private:
    ValidationErrors &m_errors;
    QString m_what;
    QHash<QString, QString> m_firstPath;
};

struct PendingTemplate
{
    QString text;
    QString path;
};

class Reader
{
public:
    explicit Reader(ValidationErrors &errors)
        : m_errors(errors), m_fieldIds(errors, QCoreApplication::translate("callos::PlaybookLoader", "field id")), m_milestoneIds(errors, QCoreApplication::translate("callos::PlaybookLoader", "milestone id"))
    {
    }

    std::optional<Playbook> read(const QJsonObject &root);

private:
    std::optional<FieldDefinition> readField(const JsonNode &node);
    std::optional<ChecklistItem> readChecklistItem(const JsonNode &node);
    QList<ChecklistItem> readChecklist(JsonObjectReader &owner, const QString &key, qsizetype maxCount);
    QList<FieldDefinition> readFields(JsonObjectReader &owner, const QString &key, qsizetype minCount);
    std::optional<Milestone> readMilestone(const JsonNode &node);
    std::optional<ObjectionType> readObjection(const JsonNode &node);
    std::optional<DecisionRules> readDecision(const JsonNode &node);
    std::optional<GateRule> readGate(const JsonNode &node);
    void readTemplate(JsonObjectReader &owner, const QString &key, Presence presence, QString &out);
    void checkCrossReferences();

    ValidationErrors &m_errors;
    UniqueIds m_fieldIds;
    UniqueIds m_milestoneIds;
    QList<PendingTemplate> m_templates;
    QList<JsonNode> m_blockedMilestoneRefs;
    std::optional<JsonNode> m_gateField;
    // Ids as declared, even where the rest of their object is invalid, so one
    // mistake in a field or milestone does not make every reference to it
    // "unknown" as well. The type is empty where it was itself invalid.
    QHash<QString, std::optional<FieldType>> m_declaredFields;
    QStringList m_declaredMilestones;
};

void Reader::readTemplate(JsonObjectReader &owner, const QString &key, Presence presence, QString &out)
{
    if (const auto text = owner.string(key, presence)) {
        out = *text;
        m_templates.append(PendingTemplate{*text, owner.childPath(key)});
    }
}

std::optional<FieldDefinition> Reader::readField(const JsonNode &node)
{
    JsonObjectReader in(node, m_errors);
    if (!in.isObject())
        return std::nullopt;
    const qsizetype errorsBefore = m_errors.count();
    FieldDefinition field;
    const auto id = in.identifier(u"id"_s);
    m_fieldIds.check(id, in.childPath(u"id"_s));
    const auto label = in.string(u"label"_s);
    const auto typeName = in.string(u"type"_s);
    const auto type = typeName ? fieldTypeFromName(*typeName) : std::nullopt;
    if (typeName && !type)
        in.addError(u"type"_s, QCoreApplication::translate("callos::PlaybookLoader", "must be one of integer, money, percent, text, choice, date (got '%1')").arg(*typeName));
    if (id && !m_declaredFields.contains(*id)) // a duplicate is reported; the first one counts
        m_declaredFields.insert(*id, type);
    if (!type) {
        for (const QString &key : {u"min"_s, u"max"_s, u"maxLength"_s, u"multiline"_s, u"options"_s})
            in.node(key, Presence::Optional); // not knowing the type, we cannot judge them
    }
    field.required = in.boolean(u"required"_s, false);
    field.hint = in.string(u"hint"_s, Presence::Optional).value_or(QString());
    if (type) {
        field.type = *type;
        if (field.isNumeric()) {
            field.min = in.number(u"min"_s, Presence::Optional);
            field.max = in.number(u"max"_s, Presence::Optional);
            if (field.type == FieldType::Percent && field.min && *field.min < 0)
                in.addError(u"min"_s, QCoreApplication::translate("callos::PlaybookLoader", "a percent cannot be below 0"));
            if (field.min && field.max && *field.min > *field.max)
                in.addError(u"min"_s, QCoreApplication::translate("callos::PlaybookLoader", "must be <= max"));
        } else if (field.type == FieldType::Date) {
            const auto readDate = [&](const QString &key) -> std::optional<QDate> {
                const auto text = in.string(key, Presence::Optional);
                if (!text)
                    return std::nullopt;
                const QDate date = QDate::fromString(*text, Qt::ISODate);
                if (!date.isValid()) {
                    in.addError(key, QCoreApplication::translate("callos::PlaybookLoader", "must be a date YYYY-MM-DD"));
                    return std::nullopt;
                }
                return date;
            };
            field.minDate = readDate(u"min"_s);
            field.maxDate = readDate(u"max"_s);
            if (field.minDate && field.maxDate && *field.minDate > *field.maxDate)
                in.addError(u"min"_s, QCoreApplication::translate("callos::PlaybookLoader", "must be <= max"));
        } else {
            for (const QString &key : {u"min"_s, u"max"_s}) {
                if (in.has(key)) {
                    in.node(key, Presence::Optional);
                    in.addError(key, QCoreApplication::translate("callos::PlaybookLoader", "only for integer, money, percent and date fields"));
                }
            }
        }
        if (field.type == FieldType::Text) {
            field.maxLength = int(in.integer(u"maxLength"_s, Presence::Optional, 1, 100000).value_or(2000));
            field.multiline = in.boolean(u"multiline"_s, false);
        } else {
            for (const QString &key : {u"maxLength"_s, u"multiline"_s}) {
                if (in.has(key)) {
                    in.node(key, Presence::Optional);
                    in.addError(key, QCoreApplication::translate("callos::PlaybookLoader", "only for text fields"));
                }
            }
        }
        if (field.type == FieldType::Choice) {
            UniqueIds optionIds(m_errors, QCoreApplication::translate("callos::PlaybookLoader", "option id"));
            for (const JsonNode &optionNode : in.array(u"options"_s, Presence::Required, 2, 50)) {
                JsonObjectReader option(optionNode, m_errors);
                const auto optionId = option.identifier(u"id"_s);
                optionIds.check(optionId, option.childPath(u"id"_s));
                const auto optionLabel = option.string(u"label"_s);
                if (optionId && optionLabel)
                    field.options.append(ChoiceOption{*optionId, *optionLabel});
            }
        } else if (in.has(u"options"_s)) {
            in.node(u"options"_s, Presence::Optional);
            in.addError(u"options"_s, QCoreApplication::translate("callos::PlaybookLoader", "only for choice fields"));
        }
    }
    if (!id || !label || !type || m_errors.count() != errorsBefore)
        return std::nullopt;
    field.id = *id;
    field.label = *label;
    return field;
}

std::optional<ChecklistItem> Reader::readChecklistItem(const JsonNode &node)
{
    JsonObjectReader in(node, m_errors);
    const auto id = in.identifier(u"id"_s);
    const auto label = in.string(u"label"_s);
    const bool required = in.boolean(u"required"_s, false);
    if (!id || !label)
        return std::nullopt;
    return ChecklistItem{*id, *label, required};
}

QList<ChecklistItem> Reader::readChecklist(JsonObjectReader &owner, const QString &key, qsizetype maxCount)
{
    QList<ChecklistItem> items;
    UniqueIds ids(m_errors, QCoreApplication::translate("callos::PlaybookLoader", "checklist item id"));
    for (const JsonNode &node : owner.array(key, Presence::Optional, 0, maxCount)) {
        if (auto item = readChecklistItem(node)) {
            ids.check(item->id, node.path + u".id"_s);
            items.append(*item);
        }
    }
    return items;
}

QList<FieldDefinition> Reader::readFields(JsonObjectReader &owner, const QString &key, qsizetype minCount)
{
    QList<FieldDefinition> fields;
    const Presence presence = minCount > 0 ? Presence::Required : Presence::Optional;
    for (const JsonNode &node : owner.array(key, presence, minCount, 50)) {
        if (auto field = readField(node))
            fields.append(*field);
    }
    return fields;
}

std::optional<Milestone> Reader::readMilestone(const JsonNode &node)
{
    JsonObjectReader in(node, m_errors);
    if (!in.isObject())
        return std::nullopt;
    Milestone milestone;
    const auto id = in.identifier(u"id"_s);
    m_milestoneIds.check(id, in.childPath(u"id"_s));
    m_declaredMilestones.append(id.value_or(QString()));
    const auto title = in.string(u"title"_s);
    const auto goal = in.string(u"goal"_s);
    milestone.guidance = in.stringArray(u"guidance"_s, Presence::Required, 1, 20);
    const auto minutes = in.integer(u"estimatedMinutes"_s, Presence::Required, 1, 240);
    milestone.checklist = readChecklist(in, u"checklist"_s, 30);
    milestone.fields = readFields(in, u"fields"_s, 0);
    UniqueIds confirmationIds(m_errors, QCoreApplication::translate("callos::PlaybookLoader", "confirmation id"));
    for (const JsonNode &confirmationNode : in.array(u"confirmations"_s, Presence::Optional, 0, 10)) {
        JsonObjectReader confirmation(confirmationNode, m_errors);
        const auto confirmationId = confirmation.identifier(u"id"_s);
        confirmationIds.check(confirmationId, confirmation.childPath(u"id"_s));
        const auto label = confirmation.string(u"label"_s);
        if (confirmationId && label)
            milestone.confirmations.append(Confirmation{*confirmationId, *label});
    }
    readTemplate(in, u"summaryTemplate"_s, Presence::Optional, milestone.summaryTemplate);
    if (!id || !title || !goal || !minutes)
        return std::nullopt;
    milestone.id = *id;
    milestone.title = *title;
    milestone.goal = *goal;
    milestone.estimatedMinutes = int(*minutes);
    return milestone;
}

std::optional<ObjectionType> Reader::readObjection(const JsonNode &node)
{
    JsonObjectReader in(node, m_errors);
    if (!in.isObject())
        return std::nullopt;
    ObjectionType objection;
    const auto id = in.identifier(u"id"_s);
    const auto label = in.string(u"label"_s);
    objection.description = in.string(u"description"_s, Presence::Optional).value_or(QString());
    UniqueIds questionIds(m_errors, QCoreApplication::translate("callos::PlaybookLoader", "question id"));
    for (const JsonNode &questionNode : in.array(u"questions"_s, Presence::Required, 1, 10)) {
        JsonObjectReader question(questionNode, m_errors);
        const auto questionId = question.identifier(u"id"_s);
        questionIds.check(questionId, question.childPath(u"id"_s));
        const auto text = question.string(u"text"_s);
        if (questionId && text)
            objection.questions.append(DiagnosticQuestion{*questionId, *text});
    }
    if (!id || !label)
        return std::nullopt;
    objection.id = *id;
    objection.label = *label;
    return objection;
}

std::optional<DecisionRules> Reader::readDecision(const JsonNode &node)
{
    JsonObjectReader in(node, m_errors);
    if (!in.isObject())
        return std::nullopt;
    DecisionRules rules;
    UniqueIds optionIds(m_errors, QCoreApplication::translate("callos::PlaybookLoader", "decision option"));
    for (const JsonNode &optionNode : in.array(u"options"_s, Presence::Required, 1, 3)) {
        JsonObjectReader option(optionNode, m_errors);
        const auto id = option.string(u"id"_s);
        const auto label = option.string(u"label"_s);
        const auto kind = id ? decisionOptionFromName(*id) : std::nullopt;
        if (id && !kind)
            option.addError(u"id"_s, QCoreApplication::translate("callos::PlaybookLoader", "must be one of proceed, pause, decline (got '%1')").arg(*id));
        optionIds.check(id, option.childPath(u"id"_s));
        if (kind && label)
            rules.options.append(DecisionChoice{*kind, *label});
    }
    UniqueIds reasonIds(m_errors, QCoreApplication::translate("callos::PlaybookLoader", "reason id"));
    for (const JsonNode &reasonNode : in.array(u"disqualificationReasons"_s, Presence::Optional, 0, 30)) {
        JsonObjectReader reason(reasonNode, m_errors);
        const auto id = reason.identifier(u"id"_s);
        reasonIds.check(id, reason.childPath(u"id"_s));
        const auto label = reason.string(u"label"_s);
        if (id && label)
            rules.disqualificationReasons.append(DisqualificationReason{*id, *label});
    }
    if (rules.choice(DecisionOption::Decline) && rules.disqualificationReasons.isEmpty())
        in.addError(u"disqualificationReasons"_s, QCoreApplication::translate("callos::PlaybookLoader", "at least one reason is required when decline is an option"));
    return rules;
}

std::optional<GateRule> Reader::readGate(const JsonNode &node)
{
    JsonObjectReader in(node, m_errors);
    if (!in.isObject())
        return std::nullopt;
    GateRule gate;
    m_gateField = in.node(u"field"_s);
    const auto op = in.string(u"op"_s);
    if (op && !gateOpFromSymbol(*op))
        in.addError(u"op"_s, QCoreApplication::translate("callos::PlaybookLoader", "must be one of >=, >, <=, <, ==, != (got '%1')").arg(*op));
    const auto value = in.number(u"value"_s);
    m_blockedMilestoneRefs = in.array(u"blockedMilestones"_s, Presence::Optional, 0, 20);
    readTemplate(in, u"passMessage"_s, Presence::Required, gate.passMessage);
    readTemplate(in, u"failMessage"_s, Presence::Required, gate.failMessage);
    if (m_gateField && m_gateField->value.isString())
        gate.field = m_gateField->value.toString();
    else if (m_gateField)
        m_errors.add(m_gateField->path, QCoreApplication::translate("callos::PlaybookLoader", "must be a string"));
    for (const JsonNode &ref : std::as_const(m_blockedMilestoneRefs)) {
        if (ref.value.isString())
            gate.blockedMilestones.append(ref.value.toString());
        else
            m_errors.add(ref.path, QCoreApplication::translate("callos::PlaybookLoader", "must be a milestone id"));
    }
    if (!op || !gateOpFromSymbol(*op) || !value)
        return std::nullopt;
    gate.op = *gateOpFromSymbol(*op);
    gate.value = *value;
    return gate;
}

void Reader::checkCrossReferences()
{
    if (m_gateField && m_gateField->value.isString()) {
        const QString fieldId = m_gateField->value.toString();
        const auto field = m_declaredFields.constFind(fieldId);
        if (field == m_declaredFields.constEnd())
            m_errors.add(m_gateField->path, QCoreApplication::translate("callos::PlaybookLoader", "unknown field '%1'").arg(fieldId));
        else if (*field && *field != FieldType::Integer && *field != FieldType::Money && *field != FieldType::Percent)
            m_errors.add(m_gateField->path, QCoreApplication::translate("callos::PlaybookLoader", "must name a numeric field (integer, money or percent)"));
    }
    for (const JsonNode &ref : std::as_const(m_blockedMilestoneRefs)) {
        if (!ref.value.isString())
            continue;
        const qsizetype index = m_declaredMilestones.indexOf(ref.value.toString());
        if (index < 0)
            m_errors.add(ref.path, QCoreApplication::translate("callos::PlaybookLoader", "unknown milestone '%1'").arg(ref.value.toString()));
        else if (index == m_declaredMilestones.size() - 1)
            m_errors.add(ref.path, QCoreApplication::translate("callos::PlaybookLoader", "the decision milestone cannot be blocked"));
    }
    for (const PendingTemplate &pending : std::as_const(m_templates)) {
        QStringList problems;
        const QStringList names = TextTemplate::placeholders(pending.text, &problems);
        for (const QString &problem : std::as_const(problems))
            m_errors.add(pending.path, problem);
        for (const QString &name : names) {
            if (!m_declaredFields.contains(name))
                m_errors.add(pending.path, QCoreApplication::translate("callos::PlaybookLoader", "unknown placeholder {{%1}}").arg(name));
        }
    }
}

std::optional<Playbook> Reader::read(const QJsonObject &root)
{
    JsonObjectReader in(JsonNode{root, QString()}, m_errors);
    Playbook playbook;
    const auto schema = in.integer(u"schemaVersion"_s, Presence::Required, 0, 1000000);
    if (schema && *schema != PlaybookLoader::kSchemaVersion) {
        in.addError(u"schemaVersion"_s,
                    QCoreApplication::translate("callos::PlaybookLoader", "unsupported version %1; this CallOS reads version %2").arg(*schema).arg(PlaybookLoader::kSchemaVersion));
        in.ignoreRest();
        return std::nullopt; // a different format: reading further would only produce noise
    }
    const auto id = in.identifier(u"id"_s);
    const auto version = in.integer(u"version"_s, Presence::Required, 1, 1000000);
    const auto name = in.string(u"name"_s);
    if (const auto currency = in.string(u"currency"_s, Presence::Optional)) {
        static const QRegularExpression isoCode(u"^[A-Z]{3}$"_s);
        if (!isoCode.match(*currency).hasMatch())
            in.addError(u"currency"_s, QCoreApplication::translate("callos::PlaybookLoader", "must be an ISO 4217 code such as USD or EUR"));
        else
            playbook.currency = *currency;
    }
    playbook.prospectFields = readFields(in, u"prospectFields"_s, 1);
    {
        const QList<JsonNode> nodes = in.array(u"precallChecklist"_s, Presence::Required, 0, 50);
        UniqueIds ids(m_errors, QCoreApplication::translate("callos::PlaybookLoader", "checklist item id"));
        for (const JsonNode &node : nodes) {
            if (auto item = readChecklistItem(node)) {
                ids.check(item->id, node.path + u".id"_s);
                playbook.precallChecklist.append(*item);
            }
        }
    }
    const auto gateNode = in.node(u"gate"_s);
    std::optional<GateRule> gate = gateNode ? readGate(*gateNode) : std::nullopt;
    for (const JsonNode &node : in.array(u"milestones"_s, Presence::Required, 1, 20)) {
        if (auto milestone = readMilestone(node))
            playbook.milestones.append(*milestone);
    }
    UniqueIds objectionIds(m_errors, QCoreApplication::translate("callos::PlaybookLoader", "objection id"));
    for (const JsonNode &node : in.array(u"objections"_s, Presence::Required, 1, 30)) {
        if (auto objection = readObjection(node)) {
            objectionIds.check(objection->id, node.path + u".id"_s);
            playbook.objections.append(*objection);
        }
    }
    const auto decisionNode = in.node(u"decision"_s);
    std::optional<DecisionRules> decision = decisionNode ? readDecision(*decisionNode) : std::nullopt;

    checkCrossReferences();

    if (!m_errors.isEmpty() || !schema || !id || !version || !name || !gate || !decision)
        return std::nullopt;
    playbook.schemaVersion = int(*schema);
    playbook.id = *id;
    playbook.version = int(*version);
    playbook.name = *name;
    playbook.gate = *gate;
    playbook.decision = *decision;
    return playbook;
}

Validated<Playbook> readPlaybook(const std::optional<QJsonDocument> &document, ValidationErrors &errors)
{
    Validated<Playbook> result;
    if (document) {
        std::optional<Playbook> playbook = Reader(errors).read(document->object());
        if (errors.isEmpty())
            result.value = std::move(playbook);
    }
    result.errors = errors.errors();
    return result;
}

} // namespace

Validated<Playbook> PlaybookLoader::loadFile(const QString &path, const JsonLimits &limits)
{
    ValidationErrors errors(QFileInfo(path).fileName());
    const auto document = JsonFile::read(path, errors, limits);
    return readPlaybook(document, errors);
}

Validated<Playbook> PlaybookLoader::parse(const QByteArray &bytes, const QString &fileName, const JsonLimits &limits)
{
    ValidationErrors errors(fileName);
    const auto document = JsonFile::parse(bytes, errors, limits);
    return readPlaybook(document, errors);
}

} // namespace callos
