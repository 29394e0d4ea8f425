#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QVariant>

#include <optional>

namespace callos::server {

class Database;

// Reads outside a transaction: every row of a SELECT as a list of column
// values, or the one row of a lookup. `what` names the read in refusals
// ("reading sessions").
class SqlRows
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::SqlRows)

public:
    using Row = QVariantList;

    static Result<QList<Row>> select(
        const Database &database, const QString &what, const QString &sql, const QVariantList &values = {});
    // The first row, or std::nullopt when there is none.
    static Result<std::optional<Row>> first(
        const Database &database, const QString &what, const QString &sql, const QVariantList &values = {});
};

} // namespace callos::server
