// Database: migrations on a real SQLite file, re-opening, and a database
// from a newer server refused and left byte-for-byte unchanged.
#include "common/clock.h"
#include "storage/database.h"
#include "storage/migrationcatalog.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;

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

// Runs statements on the file through a connection of its own, as another
// program (or a newer server) would.
void execRaw(const QString &path, const QStringList &statements)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            QVERIFY2(query.exec(statement), qPrintable(statement));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

class TestServerDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsSchemaOnNewFile();
    void reopensIdempotently();
    void refusesNewerDatabaseUnchanged();
    void callEventsAreAppendOnly();
    void postgresqlMigrationsLoad();

private:
    FixedClock m_clock;
};

void TestServerDatabase::createsSchemaOnNewFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/server.sqlite"_s);
    auto opened = Database::open(DatabaseSettings::sqliteFile(path), m_clock);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.refusal().message));
    Database &db = *opened.value();
    const Result<int> latest = Database::latestSchemaVersion(DatabaseSettings::Backend::Sqlite);
    QVERIFY(latest.ok());
    QVERIFY(latest.value() >= 1);
    QCOMPARE(db.schemaVersion().value(), latest.value());
    const QStringList tables = db.connection().tables();
    for (const QString &table : { u"organisations"_s, u"users"_s, u"sessions"_s, u"prospects"_s, u"calls"_s,
             u"call_events"_s, u"audit_log"_s, u"schema_migrations"_s })
        QVERIFY2(tables.contains(table), qPrintable(table));

    QSqlQuery query(db.connection());
    QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
    QCOMPARE(query.value(0).toString(), u"wal"_s);
    QVERIFY(query.exec(u"PRAGMA foreign_keys"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    // Every table but the bookkeeping carries org_id.
    for (const QString &table : { u"organisations"_s, u"users"_s, u"sessions"_s, u"prospects"_s, u"calls"_s,
             u"call_events"_s, u"audit_log"_s }) {
        QVERIFY(query.exec(u"SELECT count(*) FROM pragma_table_info('%1') WHERE name = 'org_id'"_s.arg(table)));
        QVERIFY(query.next());
        QVERIFY2(query.value(0).toInt() == 1, qPrintable(table));
    }
    QVERIFY(db.ping() == std::nullopt);
}

void TestServerDatabase::reopensIdempotently()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"server.sqlite"_s);
    {
        auto first = Database::open(DatabaseSettings::sqliteFile(path), m_clock);
        QVERIFY(first.ok());
        QSqlQuery query(first.value()->connection());
        QVERIFY(query.exec(u"INSERT INTO organisations (org_id, name, created_at) VALUES ('o1', 'Acme', 1)"_s));
    }
    for (int i = 0; i < 2; ++i) {
        auto again = Database::open(DatabaseSettings::sqliteFile(path), m_clock);
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.refusal().message));
        QSqlQuery query(again.value()->connection());
        QVERIFY(query.exec(u"SELECT count(*), count(DISTINCT version) FROM schema_migrations"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), query.value(1).toInt());
        QCOMPARE(query.value(0).toInt(), Database::latestSchemaVersion(DatabaseSettings::Backend::Sqlite).value());
        QVERIFY(query.exec(u"SELECT name FROM organisations"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"Acme"_s);
    }
}

void TestServerDatabase::refusesNewerDatabaseUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"server.sqlite"_s);
    {
        auto created = Database::open(DatabaseSettings::sqliteFile(path), m_clock);
        QVERIFY(created.ok());
    }
    execRaw(path, { u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 1)"_s });
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());

    auto refused = Database::open(DatabaseSettings::sqliteFile(path), m_clock);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.refusal().code, u"storage.newer_version"_s);
    const int latest = Database::latestSchemaVersion(DatabaseSettings::Backend::Sqlite).value();
    QCOMPARE(refused.refusal().message,
        u"The database %1 was written by a newer callos-server (schema version 999; this server knows up to %2). "
        "It was left unchanged; run a callos-server of that version or newer."_s.arg(path)
            .arg(latest));
    QCOMPARE(fileBytes(path), before);
}

void TestServerDatabase::callEventsAreAppendOnly()
{
    QTemporaryDir dir;
    auto opened = Database::open(DatabaseSettings::sqliteFile(dir.filePath(u"s.sqlite"_s)), m_clock);
    QVERIFY(opened.ok());
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
}

void TestServerDatabase::postgresqlMigrationsLoad()
{
    // No PostgreSQL server here (next slice): check that the embedded files
    // parse into the expected statements, $$ bodies kept whole.
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
