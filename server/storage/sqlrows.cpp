#include "storage/sqlrows.h"

#include "storage/database.h"
#include "storage/storagerefusals.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace callos::server {

Result<QList<SqlRows::Row>> SqlRows::select(
    const Database &database, const QString &what, const QString &sql, const QVariantList &values)
{
    // Prepared once per text and kept (Database::statement); a failed
    // prepare shows in exec() with the driver's words.
    QSqlQuery &query = database.statement(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return StorageRefusals::readFailed(database.name(), what, StorageRefusals::detail(query.lastError()));
    QList<Row> rows;
    const int columns = query.record().count();
    while (query.next()) {
        Row row;
        row.reserve(columns);
        for (int column = 0; column < columns; ++column)
            row.append(query.value(column));
        rows.append(std::move(row));
    }
    query.finish();
    return rows;
}

Result<std::optional<SqlRows::Row>> SqlRows::first(
    const Database &database, const QString &what, const QString &sql, const QVariantList &values)
{
    Result<QList<Row>> rows = select(database, what, sql, values);
    if (!rows)
        return rows.refusal();
    if (rows.value().isEmpty())
        return std::optional<Row>();
    return std::optional<Row>(rows.value().first());
}

} // namespace callos::server
