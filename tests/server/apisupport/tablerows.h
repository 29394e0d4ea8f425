#pragma once

#include <QString>

namespace callos::test {

class ApiHarness;

// What the server's tables hold, read straight from its database (in the
// system's scope, as ApiHarness::database() reads), for tests that check
// what the server did behind its API.
namespace tablerows {

// SELECT count(*) FROM <tableAndWhere> ("jobs WHERE kind = 'x'"); -1 when
// the read fails.
int count(ApiHarness &api, const QString &tableAndWhere);
// The state and last error of the job of `kind` (the first one there is);
// empty without one.
QString jobState(ApiHarness &api, const QString &kind);
QString jobError(ApiHarness &api, const QString &kind);

} // namespace tablerows
} // namespace callos::test
