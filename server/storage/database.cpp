#include "storage/database.h"

#include "common/clock.h"
#include "storage/migrationcatalog.h"
#include "storage/storagerefusals.h"
#include "storage/transaction.h"
#include "storage/walcheckpointer.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// How long a statement waits for another connection's lock (SQLite) and for
// the server to answer when connecting (PostgreSQL), in seconds.
constexpr int kBusyTimeoutMs = 5000;
constexpr int kConnectTimeoutSeconds = 5;

} // namespace

Result<std::unique_ptr<Database>> Database::open(const DatabaseSettings &settings, const Clock &clock)
{
    Result<QList<Migration>> migrations = MigrationCatalog::load(settings.backend);
    if (!migrations)
        return migrations.refusal();
    return open(settings, clock, migrations.value());
}

Result<std::unique_ptr<Database>> Database::open(
    const DatabaseSettings &settings, const Clock &clock, const QList<Migration> &migrations)
{
    std::unique_ptr<Database> database(new Database(settings, clock));
    if (auto refusal = database->connect())
        return *refusal;
    if (auto refusal = database->migrate(migrations))
        return *refusal;
    return database;
}

Result<int> Database::latestSchemaVersion(DatabaseSettings::Backend backend)
{
    Result<QList<Migration>> migrations = MigrationCatalog::load(backend);
    if (!migrations)
        return migrations.refusal();
    return migrations.value().isEmpty() ? 0 : migrations.value().constLast().version;
}

Database::Database(const DatabaseSettings &settings, const Clock &clock)
    : m_settings(settings)
    , m_clock(clock)
    , m_connectionName(u"callos-server-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Database::~Database()
{
    // Its prepared statement goes while the connection is still there.
    m_scope.reset();
    close();
    // The handle must be gone before the connection is removed, or Qt warns
    // that it is still in use.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    // A failure to settle is retried the next time; the statements that
    // follow fail as it did (the connection is gone or its transaction
    // aborted), and ROLLBACK must still get through.
    if (m_scope)
        m_scope->settle();
    return m_db;
}

QSqlQuery &Database::statement(const QString &sql) const
{
    const QSqlDatabase db = connection(); // settles the tenant scope
    std::shared_ptr<QSqlQuery> &query = m_statements[sql];
    if (query) {
        query->finish();
        return *query;
    }
    query = std::make_shared<QSqlQuery>(db);
    query->setForwardOnly(true);
    // A failed prepare shows in the statement's exec(), with the driver's words.
    query->prepare(sql);
    return *query;
}

void Database::close()
{
    m_checkpointer.reset();
    m_statements.clear();
    if (m_scope)
        m_scope->release();
    if (m_db.isValid())
        m_db.close();
}

std::optional<Refusal> Database::connect()
{
    if (m_settings.backend == DatabaseSettings::Backend::Sqlite) {
        if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s))
            return StorageRefusals::cannotOpen(name(), tr("the SQLite driver of Qt (QSQLITE) is not installed"));
        const QFileInfo file(m_settings.sqlitePath);
        if (file.isDir())
            return StorageRefusals::cannotOpen(name(), tr("it is a folder, not a file"));
        if (!QDir().mkpath(file.absolutePath()))
            return StorageRefusals::cannotOpen(
                name(), tr("its folder %1 cannot be created").arg(QDir::toNativeSeparators(file.absolutePath())));
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        m_db.setDatabaseName(m_settings.sqlitePath);
        m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs));
    } else {
        if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
            return StorageRefusals::cannotOpen(
                name(), tr("the PostgreSQL driver of Qt (QPSQL) is not installed (Debian: libqt6sql6-psql)"));
        m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
        m_db.setHostName(m_settings.host);
        m_db.setPort(m_settings.port);
        m_db.setUserName(m_settings.user);
        m_db.setPassword(m_settings.password);
        m_db.setDatabaseName(m_settings.databaseName);
        // libpq prints the server's notices ("relation ... already exists,
        // skipping" from IF NOT EXISTS) straight to stderr, into the middle of
        // the JSON log and the CLI's messages: ask for warnings and errors only.
        m_db.setConnectOptions(
            u"connect_timeout=%1;options='-c client_min_messages=warning'"_s.arg(kConnectTimeoutSeconds));
    }
    if (!m_db.open())
        return StorageRefusals::cannotOpen(name(), StorageRefusals::detail(m_db.lastError()));
    m_scope = std::make_unique<TenantScope>(m_db, m_settings.backend);
    // Nothing below writes before migrate() has checked the schema version,
    // so a newer database is refused untouched.
    return std::nullopt;
}

std::optional<Refusal> Database::configureSqlite()
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"PRAGMA journal_mode = WAL"_s) || !query.next())
        return StorageRefusals::cannotOpen(name(), StorageRefusals::detail(query.lastError()));
    const QString journalMode = query.value(0).toString().toLower();
    if (journalMode != u"wal"_s)
        return StorageRefusals::cannotOpen(
            name(), tr("it cannot use write-ahead logging (journal mode stays \"%1\")").arg(journalMode));
    // NORMAL is durable across process crashes in WAL mode; FULL would only
    // add safety against power loss at the cost of an fsync per commit.
    if (!query.exec(u"PRAGMA synchronous = NORMAL"_s) || !query.exec(u"PRAGMA foreign_keys = ON"_s)
        || !query.exec(u"PRAGMA wal_autocheckpoint = %1"_s.arg(WalCheckpointer::kBackstopPages)))
        return StorageRefusals::cannotOpen(name(), StorageRefusals::detail(query.lastError()));
    // foreign_keys is silently ignored by a SQLite built without it: check.
    if (!query.exec(u"PRAGMA foreign_keys"_s) || !query.next() || query.value(0).toInt() != 1)
        return StorageRefusals::cannotOpen(name(), tr("foreign key checks cannot be switched on"));
    // Often enough that the log stays a few hundred pages under a steady
    // stream of batches.
    constexpr std::chrono::milliseconds kCheckpointInterval{ 200 };
    m_checkpointer = std::make_unique<WalCheckpointer>(m_settings.sqlitePath, kCheckpointInterval);
    return std::nullopt;
}

Result<int> Database::schemaVersion() const
{
    if (!m_db.tables().contains(u"schema_migrations"_s)) {
        // tables() answers an empty list also when the database cannot be
        // read (not a database, no connection): tell that apart from "new".
        QSqlQuery probe(m_db);
        if (!probe.exec(u"SELECT 1"_s))
            return StorageRefusals::readFailed(
                name(), tr("the schema version"), StorageRefusals::detail(probe.lastError()));
        if (m_settings.backend == DatabaseSettings::Backend::Sqlite) {
            // A SQLite file that cannot be parsed only fails when a table is read.
            if (!probe.exec(u"SELECT count(*) FROM sqlite_master"_s))
                return StorageRefusals::readFailed(
                    name(), tr("the schema version"), StorageRefusals::detail(probe.lastError()));
        }
        return 0;
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT coalesce(max(version), 0) FROM schema_migrations"_s) || !query.next())
        return StorageRefusals::readFailed(name(), tr("the schema version"), StorageRefusals::detail(query.lastError()));
    return query.value(0).toInt();
}

std::optional<Refusal> Database::ping() const
{
    if (!m_db.isOpen())
        return StorageRefusals::unavailable(tr("the connection is closed"));
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT 1"_s) || !query.next() || query.value(0).toInt() != 1)
        return StorageRefusals::unavailable(StorageRefusals::detail(query.lastError()));
    return std::nullopt;
}

std::optional<Refusal> Database::migrate(const QList<Migration> &migrations)
{
    const int latest = migrations.isEmpty() ? 0 : migrations.constLast().version;
    const Result<int> found = schemaVersion();
    if (!found)
        return StorageRefusals::cannotOpen(name(), found.refusal().message);
    if (found.value() > latest)
        return StorageRefusals::newerVersion(name(), found.value(), latest);

    if (m_settings.backend == DatabaseSettings::Backend::Sqlite) {
        if (auto refusal = configureSqlite())
            return refusal;
    }

    // A migration that changes rows must reach every organisation's.
    const TenantScope::Entered system = m_scope->enterSystem();
    for (const Migration &migration : migrations) {
        if (migration.version <= found.value())
            continue;
        Transaction transaction(*this, tr("Applying schema migration %1").arg(migration.version));
        const auto failed = [&](const Refusal &why) {
            return StorageRefusals::migrationFailed(name(), migration.version, migration.name, why.message);
        };
        if (auto refusal = transaction.begin())
            return failed(*refusal);
        if (m_settings.backend == DatabaseSettings::Backend::Postgresql) {
            // Two servers starting at once against one PostgreSQL take turns
            // here (SQLite's BEGIN IMMEDIATE already serialises writers).
            if (auto refusal = transaction.exec(u"SELECT pg_advisory_xact_lock(4851627301)"_s))
                return failed(*refusal);
        }
        if (auto refusal = transaction.exec(u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                                            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                            "applied_at BIGINT NOT NULL)"_s))
            return failed(*refusal);
        // Another server process may have migrated since we looked; inside
        // the transaction (SQLite: write lock held) this answer holds.
        const Result<QVariant> now = transaction.read(u"SELECT coalesce(max(version), 0) FROM schema_migrations"_s);
        if (!now)
            return failed(now.refusal());
        if (now.value().toInt() > latest)
            return transaction.abort(StorageRefusals::newerVersion(name(), now.value().toInt(), latest));
        if (now.value().toInt() >= migration.version)
            continue; // rolled back (nothing written) as `transaction` goes
        for (const QString &statement : migration.statements) {
            if (auto refusal = transaction.exec(statement))
                return failed(*refusal);
        }
        if (auto refusal = transaction.exec(u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"_s,
                { migration.version, migration.name, m_clock.nowMs() }))
            return failed(*refusal);
        if (auto refusal = transaction.commit())
            return failed(*refusal);
    }
    return std::nullopt;
}

} // namespace callos::server
