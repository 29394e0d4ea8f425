#pragma once

#include "common/result.h"
#include "config/databasesettings.h"
#include "postgrescluster.h"

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

namespace callos::test {

// Fresh databases for one test case on either backend, so tests never see
// each other's rows and the same test runs on SQLite and on PostgreSQL:
//
//   void T::opens_data() { TestDatabases::addBackendRows(); }
//   void T::opens()
//   {
//       QFETCH(server::DatabaseSettings::Backend, backend);
//       TestDatabases databases;
//       const auto settings = databases.create(backend);
//       QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
//
// SQLite: a file in a temporary folder. PostgreSQL: a new database on the
// test run's throwaway cluster. Everything goes when the object does, so
// declare it before anything that keeps a connection open.
class TestDatabases
{
public:
    TestDatabases();
    ~TestDatabases();
    TestDatabases(const TestDatabases &) = delete;
    TestDatabases &operator=(const TestDatabases &) = delete;

    // For a data function: the column "backend" (DatabaseSettings::Backend)
    // and the rows "sqlite" and "postgresql". Without PostgreSQL the
    // postgresql rows fail (with how to run them), they are never skipped:
    // a green run must mean both backends passed.
    static void addBackendRows();
    // The backend of the current row; SQLite in a test without rows (for
    // init(), which runs before data-driven and plain tests alike).
    static server::DatabaseSettings::Backend currentBackend();

    // A new, empty database no other test uses.
    Result<server::DatabaseSettings> create(server::DatabaseSettings::Backend backend);
    // What --db takes for `settings`: the file, or the URL (no password here).
    static QString location(const server::DatabaseSettings &settings);
    // For QVERIFY2(created.ok(), why(created).constData()): the refusal's message.
    static QByteArray why(const Result<server::DatabaseSettings> &created);

private:
    Result<server::DatabaseSettings> createPostgres();

    QTemporaryDir m_dir;
    int m_sqliteFiles = 0;
    std::optional<PostgresCluster> m_cluster;
    QStringList m_postgresDatabases; // dropped by the destructor
};

} // namespace callos::test
