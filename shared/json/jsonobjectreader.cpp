#include "json/jsonobjectreader.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace callos {
namespace {

} // namespace

QString jsonIndexPath(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

JsonObjectReader::JsonObjectReader(const JsonNode &node, ValidationErrors &errors)
    : m_path(node.path), m_errors(errors), m_isObject(node.value.isObject())
{
    if (!m_isObject) {
        m_errors.add(m_path, QCoreApplication::translate("callos::JsonObjectReader", "must be an object"));
        return;
    }
    const QJsonObject object = node.value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        m_entries.append(Entry{it.key(), it.value(), false});
}

const JsonObjectReader::Entry *JsonObjectReader::find(const QString &key) const
{
    for (const Entry &entry : m_entries) {
        if (entry.key == key)
            return &entry;
    }
    return nullptr;
}

JsonObjectReader::~JsonObjectReader()
{
    finish();
}

void JsonObjectReader::finish()
{
    if (!m_isObject || m_finished)
        return;
    m_finished = true;
    for (const Entry &entry : m_entries) {
        if (!entry.read)
            m_errors.add(childPath(entry.key), QCoreApplication::translate("callos::JsonObjectReader", "unknown key"));
    }
}

QString JsonObjectReader::childPath(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

void JsonObjectReader::addError(const QString &key, const QString &message)
{
    m_errors.add(key.isEmpty() ? m_path : childPath(key), message);
}

bool JsonObjectReader::isIdentifier(const QString &text)
{
    static const QRegularExpression pattern(u"^[A-Za-z][A-Za-z0-9_-]{0,63}$"_s);
    return pattern.match(text).hasMatch();
}

std::optional<QJsonValue> JsonObjectReader::take(const QString &key, Presence presence)
{
    if (!m_isObject)
        return std::nullopt;
    Entry *entry = const_cast<Entry *>(find(key));
    if (entry)
        entry->read = true;
    if (!entry || entry->value.isNull()) {
        if (presence == Presence::Required)
            addError(key, QCoreApplication::translate("callos::JsonObjectReader", "is required"));
        return std::nullopt;
    }
    return entry->value;
}

std::optional<QString> JsonObjectReader::string(const QString &key, Presence presence)
{
    const auto value = take(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isString()) {
        addError(key, QCoreApplication::translate("callos::JsonObjectReader", "must be a string"));
        return std::nullopt;
    }
    const QString text = value->toString();
    // Checked without trimmed(): this runs for every string of every event replayed.
    if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); })) {
        addError(key, QCoreApplication::translate("callos::JsonObjectReader", "must not be empty"));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> JsonObjectReader::identifier(const QString &key, Presence presence)
{
    const auto text = string(key, presence);
    if (text && !isIdentifier(*text)) {
        addError(key, QCoreApplication::translate("callos::JsonObjectReader", "must start with a letter and contain only letters, digits, '-' or '_' (at most 64)"));
        return std::nullopt;
    }
    return text;
}

std::optional<double> JsonObjectReader::number(const QString &key, Presence presence)
{
    const auto value = take(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isDouble() || !std::isfinite(value->toDouble())) {
        addError(key, QCoreApplication::translate("callos::JsonObjectReader", "must be a number"));
        return std::nullopt;
    }
    return value->toDouble();
}

std::optional<qint64> JsonObjectReader::integer(const QString &key, Presence presence, qint64 min, qint64 max)
{
    const auto value = take(key, presence);
    if (!value)
        return std::nullopt;
    const double number = value->toDouble();
    if (!value->isDouble() || !std::isfinite(number) || std::trunc(number) != number) {
        addError(key, QCoreApplication::translate("callos::JsonObjectReader", "must be a whole number"));
        return std::nullopt;
    }
    if (number < double(min) || number > double(max)) {
        addError(key, QCoreApplication::translate("callos::JsonObjectReader", "must be between %1 and %2").arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(number);
}

bool JsonObjectReader::boolean(const QString &key, bool defaultValue)
{
    const auto value = take(key, Presence::Optional);
    if (!value)
        return defaultValue;
    if (!value->isBool()) {
        addError(key, QCoreApplication::translate("callos::JsonObjectReader", "must be true or false"));
        return defaultValue;
    }
    return value->toBool();
}

QList<JsonNode> JsonObjectReader::array(const QString &key, Presence presence, qsizetype minCount,
                                        qsizetype maxCount)
{
    QList<JsonNode> nodes;
    const auto value = take(key, presence);
    if (!value)
        return nodes;
    if (!value->isArray()) {
        addError(key, QCoreApplication::translate("callos::JsonObjectReader", "must be an array"));
        return nodes;
    }
    const QJsonArray items = value->toArray();
    if (items.size() < minCount)
        addError(key, minCount == 1 ? QCoreApplication::translate("callos::JsonObjectReader", "must have at least one entry") : QCoreApplication::translate("callos::JsonObjectReader", "must have at least %1 entries").arg(minCount));
    else if (items.size() > maxCount)
        addError(key, QCoreApplication::translate("callos::JsonObjectReader", "must have at most %1 entries").arg(maxCount));
    const QString base = childPath(key);
    for (qsizetype i = 0; i < items.size(); ++i)
        nodes.append(JsonNode{items.at(i), jsonIndexPath(base, i)});
    return nodes;
}

std::optional<JsonNode> JsonObjectReader::node(const QString &key, Presence presence)
{
    const auto value = take(key, presence);
    if (!value)
        return std::nullopt;
    return JsonNode{*value, childPath(key)};
}

QStringList JsonObjectReader::stringArray(const QString &key, Presence presence, qsizetype minCount,
                                          qsizetype maxCount)
{
    QStringList out;
    for (const JsonNode &item : array(key, presence, minCount, maxCount)) {
        if (!item.value.isString() || item.value.toString().trimmed().isEmpty())
            m_errors.add(item.path, QCoreApplication::translate("callos::JsonObjectReader", "must be a non-empty string"));
        else
            out.append(item.value.toString());
    }
    return out;
}

} // namespace callos
