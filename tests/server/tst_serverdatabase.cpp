// Database on both backends (a real SQLite file, a real PostgreSQL):
// migrations, re-opening, and a database from a newer server refused and
// left unchanged (SQLite: byte for byte; PostgreSQL: schema and bookkeeping).
#include "common/clock.h"
#include "sqlconnection.h"
#include "storage/database.h"
#include "storage/migrationcatalog.h"
#include "storage/transaction.h"
#include "storage/walcheckpointer.h"
#include "testdatabases.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using callos::test::SqlConnection;
using callos::test::TestDatabases;

namespace {

class FixedClock final : public Clock
{
public:
    qint64 nowMs() const override { return 1'700'000'000'000; }
};

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs statements through a connection of its own, as another program (or
// a newer server) would.
void execRaw(const DatabaseSettings &settings, const QStringList &statements)
{
    SqlConnection connection(settings);
    QVERIFY2(connection.isOpen(), qPrintable(connection.lastError()));
    for (const QString &statement : statements)
        QVERIFY2(connection.exec(statement), qPrintable(statement + u": "_s + connection.lastError()));
}

// Everything a migration could change on PostgreSQL, as text: the
// bookkeeping rows, tables and columns, indexes, triggers, functions.
QStringList postgresSchema(const DatabaseSettings &settings)
{
    SqlConnection connection(settings);
    QStringList lines;
    const QStringList queries = {
        u"SELECT version, name, applied_at FROM schema_migrations ORDER BY version"_s,
        u"SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns "
        "WHERE table_schema = current_schema() ORDER BY table_name, column_name"_s,
        u"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"_s,
        u"SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname"_s,
        u"SELECT proname FROM pg_proc WHERE pronamespace = current_schema()::regnamespace ORDER BY proname"_s,
    };
    for (const QString &sql : queries) {
        const QList<QVariantList> rows = connection.rows(sql);
        if (rows.isEmpty())
            lines.append(u"(nothing from %1: %2)"_s.arg(sql, connection.lastError()));
        for (const QVariantList &row : rows) {
            QStringList cells;
            for (const QVariant &cell : row)
                cells.append(cell.toString());
            lines.append(cells.join(u'|'));
        }
    }
    return lines;
}

} // namespace

class TestServerDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsSchemaOnNewDatabase_data() { TestDatabases::addBackendRows(); }
    void createsSchemaOnNewDatabase();
    void reopensIdempotently_data() { TestDatabases::addBackendRows(); }
    void reopensIdempotently();
    void concurrentOpensMigrateOnce_data() { TestDatabases::addBackendRows(); }
    void concurrentOpensMigrateOnce();
    void refusesNewerDatabaseUnchanged_data() { TestDatabases::addBackendRows(); }
    void refusesNewerDatabaseUnchanged();
    void callEventsAreAppendOnly_data() { TestDatabases::addBackendRows(); }
    void callEventsAreAppendOnly();
    void postgresqlMigrationsLoad();
    void sqliteLogIsCopiedBackOffTheRequestPath();

private:
    FixedClock m_clock;
};

void TestServerDatabase::createsSchemaOnNewDatabase()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    DatabaseSettings settings = created.value();
    if (backend == DatabaseSettings::Backend::Sqlite) {
        // The folder of a new file is created too.
        settings = DatabaseSettings::sqliteFile(QFileInfo(settings.sqlitePath).dir().filePath(u"sub/server.sqlite"_s));
        QVERIFY(!QFileInfo::exists(QFileInfo(settings.sqlitePath).absolutePath()));
    }
    auto opened = Database::open(settings, m_clock);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.refusal().message));
    Database &db = *opened.value();
    const Result<int> latest = Database::latestSchemaVersion(backend);
    QVERIFY(latest.ok());
    QVERIFY(latest.value() >= 1);
    QCOMPARE(db.schemaVersion().value(), latest.value());
    const QStringList tables = db.connection().tables();
    for (const QString &table : { u"organisations"_s, u"users"_s, u"sessions"_s, u"prospects"_s, u"calls"_s,
             u"call_events"_s, u"audit_log"_s, u"schema_migrations"_s })
        QVERIFY2(tables.contains(table), qPrintable(table));

    QSqlQuery query(db.connection());
    if (backend == DatabaseSettings::Backend::Sqlite) {
        QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"wal"_s);
        QVERIFY(query.exec(u"PRAGMA foreign_keys"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    } else {
        // Notices would reach stderr through libpq, outside the JSON log.
        QVERIFY(query.exec(u"SHOW client_min_messages"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"warning"_s);
    }
    // Every table but the bookkeeping carries org_id.
    const QString orgIdColumns = backend == DatabaseSettings::Backend::Sqlite
        ? u"SELECT count(*) FROM pragma_table_info('%1') WHERE name = 'org_id'"_s
        : u"SELECT count(*) FROM information_schema.columns "
          "WHERE table_schema = current_schema() AND table_name = '%1' AND column_name = 'org_id'"_s;
    for (const QString &table : { u"organisations"_s, u"users"_s, u"sessions"_s, u"prospects"_s, u"calls"_s,
             u"call_events"_s, u"audit_log"_s }) {
        QVERIFY2(query.exec(orgIdColumns.arg(table)), qPrintable(query.lastError().text()));
        QVERIFY(query.next());
        QVERIFY2(query.value(0).toInt() == 1, qPrintable(table));
    }
    QVERIFY(db.ping() == std::nullopt);
}

// SQLite's write-ahead log goes back into the database file by itself, from
// the checkpointer's thread: no commit of the server has to wait for it.
void TestServerDatabase::sqliteLogIsCopiedBackOffTheRequestPath()
{
    TestDatabases databases;
    const Result<DatabaseSettings> settings = databases.create(DatabaseSettings::Backend::Sqlite);
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    auto opened = Database::open(settings.value(), m_clock);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.refusal().message));
    Database &db = *opened.value();
    QSqlQuery query(db.connection());
    // The server's own commits copy the log back only past a far higher mark.
    QVERIFY(query.exec(u"PRAGMA wal_autocheckpoint"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), WalCheckpointer::kBackstopPages);

    const QString path = settings.value().sqlitePath;
    // Let the checkpoints of the migrations settle first.
    QTest::qWait(500);
    const qint64 before = QFileInfo(path).size();
    {
        Transaction transaction(db, u"test rows"_s);
        QVERIFY(!transaction.begin());
        QVERIFY(!transaction.exec(u"CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"_s));
        for (int i = 0; i < 200; ++i)
            QVERIFY(!transaction.exec(u"INSERT INTO filler (text) VALUES (?)"_s, { QString(2000, u'x') }));
        QVERIFY(!transaction.commit());
    }
    // Committed to the log; the file itself grows once it is copied back,
    // with no further statement from the server.
    QTRY_VERIFY2_WITH_TIMEOUT(QFileInfo(path).size() >= before + 200 * 2000,
        qPrintable(u"%1 bytes, %2 before"_s.arg(QFileInfo(path).size()).arg(before)), 5000);
}

void TestServerDatabase::reopensIdempotently()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> settings = databases.create(backend);
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    {
        auto first = Database::open(settings.value(), m_clock);
        QVERIFY(first.ok());
        // Tenant rows without a signed-in request (row-level security, PostgreSQL).
        const TenantScope::Entered system = first.value()->tenantScope().enterSystem();
        QSqlQuery query(first.value()->connection());
        QVERIFY(query.exec(u"INSERT INTO organisations (org_id, name, created_at) VALUES ('o1', 'Acme', 1)"_s));
    }
    for (int i = 0; i < 2; ++i) {
        auto again = Database::open(settings.value(), m_clock);
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.refusal().message));
        const TenantScope::Entered system = again.value()->tenantScope().enterSystem();
        QSqlQuery query(again.value()->connection());
        QVERIFY(query.exec(u"SELECT count(*), count(DISTINCT version) FROM schema_migrations"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), query.value(1).toInt());
        QCOMPARE(query.value(0).toInt(), Database::latestSchemaVersion(backend).value());
        QVERIFY(query.exec(u"SELECT name FROM organisations"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"Acme"_s);
    }
}

void TestServerDatabase::concurrentOpensMigrateOnce()
{
    // Several server processes starting at once against one new database
    // (a deployment scaled out): each migration is applied exactly once and
    // every one of them opens.
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> settings = databases.create(backend);
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    constexpr int kServers = 4;
    std::array<QString, kServers> refusals;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < kServers; ++i) {
        // A connection per thread, as Qt SQL requires; opened and closed there.
        threads.emplace_back(QThread::create([&, i] {
            const auto opened = Database::open(settings.value(), m_clock);
            if (!opened.ok())
                refusals[i] = opened.refusal().message;
        }));
    }
    for (const auto &thread : threads)
        thread->start();
    for (const auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(30000)));
    for (const QString &refusal : refusals)
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));

    SqlConnection connection(settings.value());
    const auto rows = connection.rows(u"SELECT count(*), count(DISTINCT version) FROM schema_migrations"_s);
    QVERIFY2(rows.size() == 1, qPrintable(connection.lastError()));
    QCOMPARE(rows[0][0].toInt(), rows[0][1].toInt());
    QCOMPARE(rows[0][0].toInt(), Database::latestSchemaVersion(backend).value());
}

void TestServerDatabase::refusesNewerDatabaseUnchanged()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    const DatabaseSettings &settings = created.value();
    {
        auto opened = Database::open(settings, m_clock);
        QVERIFY(opened.ok());
    }
    execRaw(settings, { u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 1)"_s });
    if (QTest::currentTestFailed())
        return;
    QByteArray fileBefore;
    QStringList schemaBefore;
    if (backend == DatabaseSettings::Backend::Sqlite) {
        QVERIFY(!QFile::exists(settings.sqlitePath + u"-wal"_s));
        fileBefore = fileBytes(settings.sqlitePath);
        QVERIFY(!fileBefore.isEmpty());
    } else {
        schemaBefore = postgresSchema(settings);
        QVERIFY(schemaBefore.contains(u"999|future|1"_s));
        QVERIFY2(schemaBefore.contains(u"call_events_append_only|call_events"_s), qPrintable(schemaBefore.join(u'\n')));
    }

    auto refused = Database::open(settings, m_clock);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.refusal().code, u"storage.newer_version"_s);
    const int latest = Database::latestSchemaVersion(backend).value();
    QCOMPARE(refused.refusal().message,
        u"The database %1 was written by a newer callos-server (schema version 999; this server knows up to %2). "
        "It was left unchanged; run a callos-server of that version or newer."_s.arg(settings.redacted())
            .arg(latest));
    if (backend == DatabaseSettings::Backend::Sqlite)
        QCOMPARE(fileBytes(settings.sqlitePath), fileBefore);
    else
        QCOMPARE(postgresSchema(settings), schemaBefore);
}

void TestServerDatabase::callEventsAreAppendOnly()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> settings = databases.create(backend);
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    auto opened = Database::open(settings.value(), m_clock);
    QVERIFY(opened.ok());
    // Tenant rows without a signed-in request (row-level security, PostgreSQL).
    const TenantScope::Entered system = opened.value()->tenantScope().enterSystem();
    QSqlQuery query(opened.value()->connection());
    QVERIFY(query.exec(u"INSERT INTO organisations (org_id, name, created_at) VALUES ('o1', 'Acme', 1)"_s));
    QVERIFY(query.exec(u"INSERT INTO users (id, org_id, email, role, password_hash, created_at) "
                       "VALUES ('u1', 'o1', 'a@b.co', 'agent', 'x', 1)"_s));
    QVERIFY(query.exec(u"INSERT INTO calls (id, org_id, agent_user_id, created_at) VALUES ('c1', 'o1', 'u1', 1)"_s));
    QVERIFY(query.exec(u"INSERT INTO call_events (id, call_id, org_id, device_id, seq, at, type, json, received_at) "
                       "VALUES ('e1', 'c1', 'o1', 'd1', 1, 1, 'CallStarted', '{}', 1)"_s));
    QVERIFY(!query.exec(u"UPDATE call_events SET type = 'X'"_s));
    QVERIFY(query.lastError().text().contains(u"append-only"_s));
    QVERIFY(!query.exec(u"DELETE FROM call_events"_s));
    QVERIFY(query.lastError().text().contains(u"append-only"_s));
    QVERIFY(query.exec(u"SELECT count(*) FROM call_events WHERE type = 'CallStarted'"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    // Same device, same seq: refused, whatever the id.
    QVERIFY(!query.exec(u"INSERT INTO call_events (id, call_id, org_id, device_id, seq, at, type, json, received_at) "
                        "VALUES ('e2', 'c1', 'o1', 'd1', 1, 1, 'CallStarted', '{}', 1)"_s));
    // Roles are a closed set; foreign keys are on.
    QVERIFY(!query.exec(u"INSERT INTO users (id, org_id, email, role, password_hash, created_at) "
                        "VALUES ('u2', 'o1', 'b@b.co', 'owner', 'x', 1)"_s));
    QVERIFY(!query.exec(u"INSERT INTO users (id, org_id, email, role, password_hash, created_at) "
                        "VALUES ('u3', 'nope', 'c@b.co', 'agent', 'x', 1)"_s));
    // Email unique per organisation, regardless of case.
    QVERIFY(!query.exec(u"INSERT INTO users (id, org_id, email, role, password_hash, created_at) "
                        "VALUES ('u4', 'o1', 'A@B.CO', 'agent', 'x', 1)"_s));
    // The audit log is append-only too.
    QVERIFY(query.exec(u"INSERT INTO audit_log (org_id, action, at) VALUES ('o1', 'test', 1)"_s));
    QVERIFY(!query.exec(u"UPDATE audit_log SET action = 'X'"_s));
    QVERIFY(query.lastError().text().contains(u"append-only"_s));
    QVERIFY(!query.exec(u"DELETE FROM audit_log"_s));
    QVERIFY(query.lastError().text().contains(u"append-only"_s));
}

void TestServerDatabase::postgresqlMigrationsLoad()
{
    // The embedded files parse into the expected statements, $$ bodies kept
    // whole, and both backends know the same number of migrations.
    const auto migrations = MigrationCatalog::load(DatabaseSettings::Backend::Postgresql);
    QVERIFY2(migrations.ok(), migrations.ok() ? "" : qPrintable(migrations.refusal().message));
    QCOMPARE(migrations.value().constFirst().version, 1);
    QCOMPARE(migrations.value().size(),
        Database::latestSchemaVersion(DatabaseSettings::Backend::Sqlite).value());
    const QStringList &statements = migrations.value().constFirst().statements;
    const auto function = std::find_if(statements.cbegin(), statements.cend(),
        [](const QString &s) { return s.startsWith(u"CREATE FUNCTION callos_refuse_change"_s); });
    QVERIFY(function != statements.cend());
    QVERIFY(function->contains(u"RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;"_s));
    QVERIFY(function->endsWith(u"LANGUAGE plpgsql"_s));
}

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_serverdatabase.moc"
