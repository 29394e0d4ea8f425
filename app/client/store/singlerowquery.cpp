#include "client/store/singlerowquery.h"

#include "client/store/localstore.h"
#include "client/store/storerefusals.h"

#include <QSqlError>

namespace callos::client {

Result<QSqlQuery> selectSingleRow(const LocalStore &store, const QString &what, const QString &sql,
                                  const QVariantList &values)
{
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return StoreRefusals::readFailed(store.path(), what, StoreRefusals::detail(query.lastError()));
    if (!query.next()) {
        if (query.lastError().isValid())
            return StoreRefusals::readFailed(store.path(), what, StoreRefusals::detail(query.lastError()));
        return StoreRefusals::notFound(store.path(), what);
    }
    return query;
}

} // namespace callos::client
