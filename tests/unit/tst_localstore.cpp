#include "client/store/localstore.h"
#include "client/store/schemamigrations.h"
#include "client/store/writefaults.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <functional>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;

namespace {

// A plain Qt SQL connection to a file, to look at or tamper with it the way
// another program (or a newer CallOS) would.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path) : m_name(u"raw-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
    }
    ~RawDatabase()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }

    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    QString m_name;
};

QVariant pragma(const LocalStore &store, const QString &name)
{
    QSqlQuery query(store.database());
    if (!query.exec(u"PRAGMA "_s + name) || !query.next())
        return {};
    return query.value(0);
}

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Creates a store at `path` and closes it again.
void createStore(const QString &path)
{
    auto opened = LocalStore::open(path);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.refusal().message));
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsTheSchemaAndItsFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"nested/folder/callos.sqlite"_s);
        auto opened = LocalStore::open(path);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.refusal().message));
        const LocalStore &store = *opened.value();
        QCOMPARE(store.path(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(store.schemaVersion().value(), LocalStore::latestSchemaVersion());
        QCOMPARE(LocalStore::latestSchemaVersion(), 4);

        QSqlQuery query(store.database());
        QVERIFY(query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s));
        QStringList tables;
        while (query.next())
            tables.append(query.value(0).toString());
        QCOMPARE(tables,
            (QStringList { u"call_events"_s, u"calls"_s, u"prospects"_s, u"schema_migrations"_s, u"sync_calls"_s,
                u"sync_prospects"_s, u"sync_refused_events"_s }));

        QVERIFY(query.exec(u"SELECT version, name FROM schema_migrations ORDER BY rowid"_s));
        QList<int> versions;
        QStringList names;
        while (query.next()) {
            versions.append(query.value(0).toInt());
            names.append(query.value(1).toString());
        }
        QCOMPARE(versions, (QList<int> { 1, 2, 3, 4 }));
        QCOMPARE(names,
            (QStringList { u"prospects"_s, u"calls"_s, u"call events and outbox"_s, u"sync bookkeeping"_s }));
        QCOMPARE(pragma(store, u"application_id"_s).toLongLong(), qint64(SchemaMigrations::kApplicationId));
    }

    void migrationsAreNumberedInOrder()
    {
        const QList<Migration> &all = SchemaMigrations::all();
        for (int i = 0; i < all.size(); ++i) {
            QCOMPARE(all.at(i).version, i + 1);
            QVERIFY(!all.at(i).statements.isEmpty());
        }
    }

    void reopeningChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"callos.sqlite"_s);
        createStore(path);
        const QByteArray before = bytesOf(path);
        WriteFaults faults;
        for (int round = 0; round < 3; ++round) {
            auto opened = LocalStore::open(path, &faults);
            QVERIFY(opened);
            QCOMPARE(opened.value()->schemaVersion().value(), LocalStore::latestSchemaVersion());
            QSqlQuery query(opened.value()->database());
            QVERIFY(query.exec(u"SELECT count(*) FROM schema_migrations"_s) && query.next());
            QCOMPARE(query.value(0).toInt(), LocalStore::latestSchemaVersion());
        }
        QCOMPARE(faults.writes(), 0); // an up-to-date file is not written to
        QCOMPARE(bytesOf(path), before);
    }

    void pragmasTakeEffect()
    {
        QTemporaryDir dir;
        auto full = LocalStore::open(dir.filePath(u"full.sqlite"_s));
        QVERIFY(full);
        QCOMPARE(pragma(*full.value(), u"journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(pragma(*full.value(), u"foreign_keys"_s).toInt(), 1);
        QCOMPARE(pragma(*full.value(), u"synchronous"_s).toInt(), 2); // FULL
        QCOMPARE(pragma(*full.value(), u"busy_timeout"_s).toInt(), 5000);
        QVERIFY(QFile::exists(dir.filePath(u"full.sqlite-wal"_s)));

        LocalStore::Options options;
        options.path = dir.filePath(u"normal.sqlite"_s);
        options.synchronous = LocalStore::Synchronous::Normal;
        options.busyTimeoutMs = 1234;
        auto normal = LocalStore::open(options);
        QVERIFY(normal);
        QCOMPARE(pragma(*normal.value(), u"journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(pragma(*normal.value(), u"synchronous"_s).toInt(), 1); // NORMAL
        QCOMPARE(pragma(*normal.value(), u"busy_timeout"_s).toInt(), 1234);
    }

    void sameFileTwiceHasTwoConnections()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"callos.sqlite"_s);
        auto first = LocalStore::open(path);
        auto second = LocalStore::open(path);
        QVERIFY(first && second);
        QVERIFY(first.value()->connectionName() != second.value()->connectionName());
        QSqlQuery write(first.value()->database());
        QVERIFY(write.exec(u"INSERT INTO prospects (id, name, created_at, updated_at) VALUES ('p', 'Ann', 1, 1)"_s));
        QSqlQuery read(second.value()->database());
        QVERIFY(read.exec(u"SELECT name FROM prospects WHERE id = 'p'"_s) && read.next());
        QCOMPARE(read.value(0).toString(), u"Ann"_s);
    }

    // Each migration is its own transaction: a failure at any write of any
    // migration keeps the ones before it, keeps nothing of itself, and the
    // next open finishes the job.
    void aFailedMigrationKeepsEarlierOnesAndResumes()
    {
        int writesOfAllMigrations = 0;
        {
            QTemporaryDir dir;
            WriteFaults counter;
            QVERIFY(LocalStore::open(dir.filePath(u"count.sqlite"_s), &counter));
            writesOfAllMigrations = counter.writes();
        }
        // Per migration: its statements, the version row, the COMMIT.
        int expectedWrites = 0;
        for (const Migration &migration : SchemaMigrations::all())
            expectedWrites += int(migration.statements.size()) + 2;
        QCOMPARE(writesOfAllMigrations, expectedWrites);

        for (int failing = 1; failing <= writesOfAllMigrations; ++failing) {
            QTemporaryDir dir;
            const QString path = dir.filePath(u"callos.sqlite"_s);
            WriteFaults faults;
            faults.failWrite(failing);
            auto opened = LocalStore::open(path, &faults);
            QVERIFY(!opened);
            QCOMPARE(opened.refusal().code, u"store.migration_failed"_s);
            QVERIFY2(opened.refusal().message.contains(QDir::toNativeSeparators(path)),
                qPrintable(opened.refusal().message));
            QVERIFY(opened.refusal().message.contains(u"simulated write failure"_s));

            // The migrations that committed before the failing one, and no more.
            int committed = 0;
            int writes = 0;
            for (const Migration &migration : SchemaMigrations::all()) {
                writes += int(migration.statements.size()) + 2;
                if (writes >= failing)
                    break;
                committed = migration.version;
            }
            QVERIFY2(opened.refusal().message.contains(u"data migration %1"_s.arg(committed + 1)),
                qPrintable(opened.refusal().message));
            {
                RawDatabase raw(path);
                const QVariant hasTable
                    = raw.value(u"SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'"_s);
                const int version
                    = hasTable.toInt() ? raw.value(u"SELECT max(version) FROM schema_migrations"_s).toInt() : 0;
                QCOMPARE(version, committed);
                const int tables = raw.value(u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s).toInt();
                QCOMPARE(tables, committed == 0 ? 0 : committed + 1);
            }
            auto reopened = LocalStore::open(path);
            QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.refusal().message));
            QCOMPARE(reopened.value()->schemaVersion().value(), LocalStore::latestSchemaVersion());
        }
    }

    void aFileFromANewerCallOSIsRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"callos.sqlite"_s);
        createStore(path);
        {
            RawDatabase raw(path);
            QVERIFY(raw.exec(u"INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')"_s));
        }
        const QByteArray before = bytesOf(path);
        QVERIFY(!before.isEmpty());

        auto opened = LocalStore::open(path);
        QVERIFY(!opened);
        QCOMPARE(opened.refusal().code, u"store.newer_version"_s);
        QVERIFY2(
            opened.refusal().message.contains(QDir::toNativeSeparators(path)), qPrintable(opened.refusal().message));
        QVERIFY(opened.refusal().message.contains(u"newer CallOS"_s));
        QVERIFY(opened.refusal().message.contains(u"99"_s));
        QCOMPARE(bytesOf(path), before);

        // Also when the newer version row only sits in the write-ahead log of
        // a newer CallOS that was killed: a copy of its files taken while it
        // ran. Even closing a read-write connection would checkpoint that log
        // into the main file.
        const QString killed = dir.filePath(u"killed.sqlite"_s);
        {
            RawDatabase newer(path);
            QVERIFY(newer.exec(u"PRAGMA wal_autocheckpoint = 0"_s));
            QVERIFY(newer.exec(u"INSERT INTO schema_migrations (version, name) VALUES (100, 'further still')"_s));
            QVERIFY(QFile::copy(path, killed));
            QVERIFY(QFile::copy(path + u"-wal"_s, killed + u"-wal"_s));
        }
        const QByteArray mainFile = bytesOf(killed);
        const QByteArray log = bytesOf(killed + u"-wal"_s);
        QVERIFY(log.size() > 4096);
        auto again = LocalStore::open(killed);
        QVERIFY(!again);
        QCOMPARE(again.refusal().code, u"store.newer_version"_s);
        QVERIFY(again.refusal().message.contains(u"100"_s));
        QCOMPARE(bytesOf(killed), mainFile);
        QCOMPARE(bytesOf(killed + u"-wal"_s), log);
    }

    void notADatabase_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(20251123);
        for (char &byte : noise)
            byte = char(generator.bounded(256));
        QTest::newRow("random bytes") << noise;
        QTest::newRow("text") << QByteArray("name,company\nDana Whitfield,Whitfield Coaching\n");
        QTest::newRow("sqlite header, then garbage") << QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\xAB');
    }

    void notADatabase()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"callos.sqlite"_s);
        writeBytes(path, bytes);

        auto opened = LocalStore::open(path);
        QVERIFY(!opened);
        QVERIFY2(opened.refusal().code == u"store.not_a_database"_s || opened.refusal().code == u"store.corrupt"_s,
            qPrintable(opened.refusal().code));
        QVERIFY2(
            opened.refusal().message.contains(QDir::toNativeSeparators(path)), qPrintable(opened.refusal().message));
        QVERIFY(opened.refusal().message.contains(u"left unchanged"_s));
        QCOMPARE(bytesOf(path), bytes);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { u"callos.sqlite"_s });
    }

    void aDamagedStoreIsRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"callos.sqlite"_s);
        {
            auto opened = LocalStore::open(path);
            QVERIFY(opened);
            QSqlQuery query(opened.value()->database());
            for (int i = 0; i < 400; ++i) {
                QVERIFY(query.exec(u"INSERT INTO prospects (id, name, pain_points, created_at, updated_at)"
                                   " VALUES ('p%1', 'Prospect %1', '%2', 1, 1)"_s.arg(i)
                                       .arg(QString(200, u'x'))));
            }
        }
        QByteArray bytes = bytesOf(path);
        QVERIFY(bytes.size() > 20 * 4096);
        // Scribble over a page in the middle of the prospects table.
        for (int i = 10 * 4096; i < 11 * 4096; ++i)
            bytes[i] = char(i * 7);
        writeBytes(path, bytes);

        auto opened = LocalStore::open(path);
        QVERIFY(!opened);
        QCOMPARE(opened.refusal().code, u"store.corrupt"_s);
        QVERIFY2(
            opened.refusal().message.contains(QDir::toNativeSeparators(path)), qPrintable(opened.refusal().message));
        QCOMPARE(bytesOf(path), bytes);
    }

    void anotherProgramsDatabaseIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notes.sqlite"_s);
        {
            RawDatabase raw(path);
            QVERIFY(raw.exec(u"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"_s));
            QVERIFY(raw.exec(u"INSERT INTO notes (text) VALUES ('keep me')"_s));
        }
        const QByteArray before = bytesOf(path);
        auto opened = LocalStore::open(path);
        QVERIFY(!opened);
        QCOMPARE(opened.refusal().code, u"store.not_callos"_s);
        QVERIFY(opened.refusal().message.contains(QDir::toNativeSeparators(path)));
        QCOMPARE(bytesOf(path), before);
    }

    void anEmptyFileBecomesAStore()
    {
        // What SQLite leaves when killed while creating the file.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"callos.sqlite"_s);
        writeBytes(path, {});
        auto opened = LocalStore::open(path);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.refusal().message));
        QCOMPARE(opened.value()->schemaVersion().value(), LocalStore::latestSchemaVersion());
    }

    void aFolderIsNotAFile()
    {
        QTemporaryDir dir;
        auto opened = LocalStore::open(dir.path());
        QVERIFY(!opened);
        QCOMPARE(opened.refusal().code, u"store.cannot_open"_s);
        QVERIFY(opened.refusal().message.contains(QDir::toNativeSeparators(dir.path())));
        QVERIFY2(opened.refusal().message.contains(u"folder"_s), qPrintable(opened.refusal().message));
        QVERIFY(QDir(dir.path()).isEmpty());

        QVERIFY(!LocalStore::open(QString()));
    }

    // Tests run as root, where chmod does not stop writes. A folder that
    // cannot exist (its parent is a regular file) and /proc (where not even
    // root creates files) are unwritable for everyone.
    void anUnwritablePlaceIsRefused_data()
    {
        QTest::addColumn<QString>("relativePath");
        QTest::addColumn<QString>("absolutePath");
        QTest::newRow("parent is a file") << u"plain.txt/callos.sqlite"_s << QString();
        QTest::newRow("grandparent is a file") << u"plain.txt/data/callos.sqlite"_s << QString();
        QTest::newRow("in /proc") << QString() << u"/proc/callos-store-test.sqlite"_s;
        QTest::newRow("folder in /proc") << QString() << u"/proc/callos-store-test/callos.sqlite"_s;
    }

    void anUnwritablePlaceIsRefused()
    {
        QFETCH(QString, relativePath);
        QFETCH(QString, absolutePath);
        QTemporaryDir dir;
        const QByteArray plain("not a folder\n");
        writeBytes(dir.filePath(u"plain.txt"_s), plain);
        const QString path = absolutePath.isEmpty() ? dir.filePath(relativePath) : absolutePath;

        auto opened = LocalStore::open(path);
        QVERIFY(!opened);
        QCOMPARE(opened.refusal().code, u"store.cannot_open"_s);
        QVERIFY2(opened.refusal().message.startsWith(
                     u"Cannot create or open the CallOS data file "_s + QDir::toNativeSeparators(path)),
            qPrintable(opened.refusal().message));
        QCOMPARE(bytesOf(dir.filePath(u"plain.txt"_s)), plain);
        QVERIFY(!QFileInfo::exists(path));
    }

    void aReadOnlyFolderIsRefused()
    {
        if (::geteuid() == 0)
            QSKIP("root writes into read-only folders; anUnwritablePlaceIsRefused covers this case as root");
        QTemporaryDir dir;
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        const QString path = dir.filePath(u"callos.sqlite"_s);
        auto opened = LocalStore::open(path);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!opened);
        QCOMPARE(opened.refusal().code, u"store.cannot_open"_s);
        QVERIFY(opened.refusal().message.contains(QDir::toNativeSeparators(path)));
    }
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
