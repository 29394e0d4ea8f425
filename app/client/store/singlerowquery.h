#pragma once

#include "common/result.h"

#include <QSqlQuery>
#include <QVariantList>

namespace callos::client {

class LocalStore;

// Runs a read query that names one row (by id) and leaves it positioned on
// that row. A failed read is store.read_failed, no row is store.not_found;
// `what` names the row in either message ("call 42").
Result<QSqlQuery> selectSingleRow(const LocalStore &store, const QString &what, const QString &sql,
                                  const QVariantList &values);

} // namespace callos::client
