#include "storage/boundrows.h"

#include "json/jsonstring.h"
#include "storage/sqlplaceholders.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QString postgresType(BoundRows::Type type)
{
    switch (type) {
    case BoundRows::Type::Text:
        return u"text"_s;
    case BoundRows::Type::Integer:
        return u"bigint"_s;
    case BoundRows::Type::Boolean:
        return u"boolean"_s;
    case BoundRows::Type::Json:
        return u"jsonb"_s;
    }
    return u"text"_s;
}

} // namespace

BoundRows::BoundRows(DatabaseSettings::Backend backend, QList<Column> columns)
    : m_backend(backend)
    , m_columns(std::move(columns))
{
}

void BoundRows::append(const QVariantList &row)
{
    Q_ASSERT(row.size() == m_columns.size());
    ++m_rows;
    if (m_backend == DatabaseSettings::Backend::Postgresql) {
        appendJson(row);
        return;
    }
    for (qsizetype i = 0; i < row.size(); ++i) {
        // UTF-8 JSON would bind as a BLOB: a Json column is TEXT.
        const bool utf8 = m_columns.at(i).type == Type::Json && row.at(i).typeId() == QMetaType::QByteArray;
        m_values.append(utf8 ? QVariant(QString::fromUtf8(row.at(i).toByteArray())) : row.at(i));
    }
}

void BoundRows::appendJson(const QVariantList &row)
{
    m_json += m_json.isEmpty() ? "[{" : ",{";
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const Column &column = m_columns.at(i);
        const QVariant &value = row.at(i);
        if (i > 0)
            m_json += ',';
        appendJsonString(m_json, column.name);
        m_json += ':';
        if (value.isNull()) {
            m_json += "null";
            continue;
        }
        switch (column.type) {
        case Type::Text:
            appendJsonString(m_json, value.toString());
            break;
        case Type::Integer:
            m_json += QByteArray::number(value.toLongLong());
            break;
        case Type::Boolean:
            m_json += value.toBool() ? "true" : "false";
            break;
        case Type::Json:
            // Already a JSON document: in as it is, not as a string.
            m_json += value.typeId() == QMetaType::QByteArray ? value.toByteArray() : value.toString().toUtf8();
            break;
        }
    }
    m_json += '}';
}

QString BoundRows::columnList() const
{
    QStringList names;
    for (const Column &column : m_columns)
        names.append(column.name);
    return names.join(u", "_s);
}

QString BoundRows::insertInto(const QString &table) const
{
    if (m_backend == DatabaseSettings::Backend::Postgresql)
        return u"INSERT INTO %1 (%2) SELECT %2 FROM %3"_s.arg(table, columnList(), relation(u"v"_s));
    return u"INSERT INTO %1 (%2) %3"_s.arg(table, columnList(), valuesList());
}

QString BoundRows::valuesList() const
{
    const QString tuple = u'(' + sqlPlaceholders(m_columns.size()) + u')';
    return u"VALUES "_s + QStringList(m_rows, tuple).join(u", "_s);
}

QString BoundRows::relation(const QString &alias) const
{
    if (m_backend == DatabaseSettings::Backend::Postgresql) {
        QStringList definitions;
        for (const Column &column : m_columns)
            definitions.append(column.name + u' ' + postgresType(column.type));
        return u"json_to_recordset(?) AS "_s + alias + u'(' + definitions.join(u", "_s) + u')';
    }
    // SQLite names a VALUES list's columns column1, column2, ...
    QStringList named;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        named.append(u"column%1 AS %2"_s.arg(i + 1).arg(m_columns.at(i).name));
    return u"(SELECT "_s + named.join(u", "_s) + u" FROM ("_s + valuesList() + u")) AS "_s + alias;
}

QVariantList BoundRows::values() const
{
    if (m_backend == DatabaseSettings::Backend::Postgresql)
        return { QString::fromUtf8(m_json.isEmpty() ? QByteArray("[]") : m_json + ']') };
    return m_values;
}

} // namespace callos::server
