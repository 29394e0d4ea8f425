#pragma once

#include "common/result.h"
#include "config/databasesettings.h"

#include <QString>

namespace callos::test {

// The throwaway PostgreSQL cluster of a test run, started by
// scripts/test-postgres (the CTest fixture callos_postgres): superuser
// callos, trust authentication, 127.0.0.1 on a port picked at start. Tests
// find it through CALLOS_TEST_POSTGRES_DIR, the folder it was started in.
//
// The server under test connects as an ordinary role, as it should in a
// deployment: a superuser passes row-level security (migration 003), so
// tests connected as one would prove nothing about the fence.
struct PostgresCluster
{
    static constexpr auto kDirVariable = "CALLOS_TEST_POSTGRES_DIR";

    QString host;
    int port = 0;
    // Creates and drops the test databases (initdb's superuser).
    QString superuser;
    // NOSUPERUSER NOBYPASSRLS; owns the test databases, so the server's
    // migrations make it the owner of the tables (FORCE holds owners too).
    QString serverRole;

    // The cluster of this run, or a refusal that says how to get one.
    static Result<PostgresCluster> fromEnvironment();
    // Settings for one of its databases, as the server role.
    server::DatabaseSettings database(const QString &name) const;
    // The same as the superuser: for creating databases, and for tests of
    // what happens when the server is connected as one.
    server::DatabaseSettings databaseAsSuperuser(const QString &name) const;
};

} // namespace callos::test
