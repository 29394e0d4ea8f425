#include "testdatabases.h"

#include "sqlconnection.h"

#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace callos::test {

using server::DatabaseSettings;

namespace {

// Every test database is created and dropped from the cluster's maintenance
// database, never from template1: CREATE DATABASE copies template1 and fails
// while anyone is connected to it.
QString maintenanceDatabase()
{
    return u"postgres"_s;
}

// The role the server under test connects as, made once per cluster. Test
// processes run in parallel and may all try at once: the losers are told
// it exists (duplicate_object) or bump into the winner's row
// (unique_violation), and either is fine.
bool ensureServerRole(SqlConnection &admin, const QString &role)
{
    static QStringList made; // per process: the cluster outlives us
    if (made.contains(role))
        return true;
    if (!admin.exec(u"DO $$ BEGIN "
                    "CREATE ROLE %1 LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; "
                    "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; "
                    "END $$"_s.arg(role)))
        return false;
    made.append(role);
    return true;
}

} // namespace

TestDatabases::TestDatabases() = default;

TestDatabases::~TestDatabases()
{
    if (m_postgresDatabases.isEmpty() || !m_cluster)
        return;
    SqlConnection admin(m_cluster->databaseAsSuperuser(maintenanceDatabase()));
    for (const QString &name : std::as_const(m_postgresDatabases)) {
        // FORCE: a server process the test killed may still hold a connection.
        if (!admin.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name)))
            qWarning("TestDatabases: database %s was not dropped: %s", qPrintable(name), qPrintable(admin.lastError()));
    }
}

void TestDatabases::addBackendRows()
{
    QTest::addColumn<DatabaseSettings::Backend>("backend");
    QTest::newRow("sqlite") << DatabaseSettings::Backend::Sqlite;
    QTest::newRow("postgresql") << DatabaseSettings::Backend::Postgresql;
}

DatabaseSettings::Backend TestDatabases::currentBackend()
{
    if (!QTest::currentDataTag())
        return DatabaseSettings::Backend::Sqlite;
    return *static_cast<DatabaseSettings::Backend *>(
        QTest::qElementData("backend", qMetaTypeId<DatabaseSettings::Backend>()));
}

Result<DatabaseSettings> TestDatabases::create(DatabaseSettings::Backend backend)
{
    if (backend == DatabaseSettings::Backend::Postgresql)
        return createPostgres();
    if (!m_dir.isValid())
        return Refusal{ u"test.no_folder"_s, u"No temporary folder: %1"_s.arg(m_dir.errorString()) };
    // A folder of its own per database: SQLite puts -wal and -shm files next to it.
    return DatabaseSettings::sqliteFile(m_dir.filePath(u"%1/server.sqlite"_s.arg(++m_sqliteFiles)));
}

Result<DatabaseSettings> TestDatabases::createPostgres()
{
    if (!m_cluster) {
        Result<PostgresCluster> cluster = PostgresCluster::fromEnvironment();
        if (!cluster)
            return cluster.refusal();
        m_cluster = cluster.value();
    }
    // Lower case letters and digits only: a name that needs no quoting.
    const QString name = u"t_"_s + QUuid::createUuid().toString(QUuid::Id128).left(20);
    SqlConnection admin(m_cluster->databaseAsSuperuser(maintenanceDatabase()));
    if (!admin.isOpen())
        return Refusal{ u"test.no_postgres"_s,
            u"The test run's PostgreSQL on %1:%2 does not answer: %3"_s.arg(m_cluster->host)
                .arg(m_cluster->port)
                .arg(admin.lastError()) };
    if (!ensureServerRole(admin, m_cluster->serverRole))
        return Refusal{ u"test.no_postgres"_s,
            u"The role %1 cannot be created: %2"_s.arg(m_cluster->serverRole, admin.lastError()) };
    // Owned by the server's role, which runs the migrations: the tables are
    // its own, as in a deployment, and row-level security holds for it.
    // FILE_COPY (PostgreSQL 15+) copies template1's files instead of writing
    // them through the WAL: five times faster with fsync off, as on the
    // test cluster. Older servers only know the plain form.
    if (!admin.exec(u"CREATE DATABASE %1 OWNER %2 STRATEGY FILE_COPY"_s.arg(name, m_cluster->serverRole))
        && !admin.exec(u"CREATE DATABASE %1 OWNER %2"_s.arg(name, m_cluster->serverRole)))
        return Refusal{ u"test.no_postgres"_s, u"CREATE DATABASE %1 failed: %2"_s.arg(name, admin.lastError()) };
    m_postgresDatabases.append(name);
    return m_cluster->database(name);
}

QString TestDatabases::location(const DatabaseSettings &settings)
{
    // redacted() is the URL without its password, and test databases have none.
    return settings.backend == DatabaseSettings::Backend::Sqlite ? settings.sqlitePath : settings.redacted();
}

QByteArray TestDatabases::why(const Result<DatabaseSettings> &created)
{
    return created.ok() ? QByteArray() : created.refusal().message.toUtf8();
}

} // namespace callos::test
