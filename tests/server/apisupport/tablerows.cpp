#include "tablerows.h"

#include "apiharness.h"
#include "storage/sqlrows.h"

using namespace Qt::StringLiterals;

namespace callos::test::tablerows {

namespace {

QString jobColumn(ApiHarness &api, const QString &column, const QString &kind)
{
    const auto row = server::SqlRows::first(api.database(), u"test"_s,
        u"SELECT %1 FROM jobs WHERE kind = ? ORDER BY created_at, id"_s.arg(column), { kind });
    return row && row.value() ? row.value()->at(0).toString() : QString();
}

} // namespace

int count(ApiHarness &api, const QString &tableAndWhere)
{
    const auto row = server::SqlRows::first(api.database(), u"test"_s, u"SELECT count(*) FROM "_s + tableAndWhere);
    return row && row.value() ? row.value()->at(0).toInt() : -1;
}

QString jobState(ApiHarness &api, const QString &kind)
{
    return jobColumn(api, u"state"_s, kind);
}

QString jobError(ApiHarness &api, const QString &kind)
{
    return jobColumn(api, u"last_error"_s, kind);
}

} // namespace callos::test::tablerows
