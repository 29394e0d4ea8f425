#pragma once

#include "config/databasesettings.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace callos::server {

// Many rows for one statement:
//
//   insertInto("t") + " ON CONFLICT ..."
//   "UPDATE t SET a = v.a FROM " + relation("v") + " WHERE t.id = v.id"
//
// SQLite binds every value (a VALUES list). PostgreSQL gets the rows as one
// JSON document (json_to_recordset): QPSQL sends bound values as SQL
// literals that the server parses one by one, and for a hundred rows of ten
// values that parsing cost more than the insert itself.
class BoundRows
{
public:
    enum class Type { Text, Integer, Boolean, Json };
    struct Column
    {
        QString name;
        Type type = Type::Text;
    };

    BoundRows(DatabaseSettings::Backend backend, QList<Column> columns);

    // One value per column, in their order. Null QVariants are SQL NULL; a
    // Json column takes a JSON document as a QString or as UTF-8 bytes.
    void append(const QVariantList &row);

    qsizetype size() const { return m_rows; }
    bool isEmpty() const { return m_rows == 0; }
    // "INSERT INTO table (a, b) ...": the rows into the table's columns of
    // the same names. An upsert's ON CONFLICT clause may follow.
    QString insertInto(const QString &table) const;
    // The rows as a relation named `alias`, with the columns by name.
    QString relation(const QString &alias) const;
    // Both texts depend only on the backend and, on SQLite, the number of
    // rows, so prepared statements are reused.
    // What to bind to the relation's placeholders, in order.
    QVariantList values() const;

private:
    void appendJson(const QVariantList &row);
    QString columnList() const;
    QString valuesList() const;

    DatabaseSettings::Backend m_backend;
    QList<Column> m_columns;
    qsizetype m_rows = 0;
    QVariantList m_values; // SQLite: every value
    QByteArray m_json; // PostgreSQL: "[{...},{...}" (closed by values())
};

} // namespace callos::server
