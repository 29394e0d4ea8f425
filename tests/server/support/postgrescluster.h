#pragma once

#include "common/result.h"
#include "config/databasesettings.h"

#include <QString>

namespace callos::test {

// The throwaway PostgreSQL cluster of a test run, started by
// scripts/test-postgres (the CTest fixture callos_postgres): user callos,
// trust authentication, 127.0.0.1 on a port picked at start. Tests find it
// through CALLOS_TEST_POSTGRES_DIR, the folder it was started in.
struct PostgresCluster
{
    static constexpr auto kDirVariable = "CALLOS_TEST_POSTGRES_DIR";

    QString host;
    int port = 0;
    QString user;

    // The cluster of this run, or a refusal that says how to get one.
    static Result<PostgresCluster> fromEnvironment();
    // Settings for one of its databases.
    server::DatabaseSettings database(const QString &name) const;
};

} // namespace callos::test
