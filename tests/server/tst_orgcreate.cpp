// `callos-server org create` through the real binary, on SQLite and on
// PostgreSQL: password from stdin or generated and printed once, stored as an
// Argon2id hash that verifies, audit row written, bad input refused with exit
// code 2.
#include "auth/passwordhasher.h"
#include "auth/sodiumruntime.h"
#include "sqlconnection.h"
#include "testdatabases.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using callos::test::SqlConnection;
using callos::test::TestDatabases;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run orgCreate(const DatabaseSettings &database, const QString &name, const QString &email, const QByteArray &stdinData)
{
    // The data folder is the server's own (empty here); the database is
    // named with --db, as an operator of a PostgreSQL deployment does.
    QTemporaryDir dataDir;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"CALLOS_SERVER_DATA_DIR"_s, dataDir.path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CALLOS_SERVER_BINARY),
        { u"org"_s, u"create"_s, u"--name"_s, name, u"--admin-email"_s, email, u"--db"_s,
            TestDatabases::location(database) });
    if (!process.waitForStarted(10000))
        return {};
    process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return {};
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

// Rows of `sql` from the server's database, through our own connection.
QList<QVariantList> rows(const DatabaseSettings &database, const QString &sql)
{
    SqlConnection connection(database);
    const QList<QVariantList> result = connection.rows(sql);
    if (result.isEmpty())
        qWarning("no rows from %s: %s", qPrintable(sql), qPrintable(connection.lastError()));
    return result;
}

} // namespace

class TestOrgCreate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passwordFromStdin_data() { TestDatabases::addBackendRows(); }
    void passwordFromStdin();
    void generatedPasswordPrintedOnce_data() { TestDatabases::addBackendRows(); }
    void generatedPasswordPrintedOnce();
    void duplicateNameRefused_data() { TestDatabases::addBackendRows(); }
    void duplicateNameRefused();
    void badEmailRefused_data() { TestDatabases::addBackendRows(); }
    void badEmailRefused();
    void weakPasswordRefused_data() { TestDatabases::addBackendRows(); }
    void weakPasswordRefused();

private:
    std::optional<SodiumRuntime> m_sodium;
};

void TestOrgCreate::initTestCase()
{
    auto sodium = SodiumRuntime::initialise();
    QVERIFY(sodium.ok());
    m_sodium.emplace(sodium.value());
}

void TestOrgCreate::passwordFromStdin()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    const DatabaseSettings &db = created.value();
    const QString password = u"violet otter sings at noon"_s;
    const Run run = orgCreate(db, u"Acme"_s, u"Admin@Example.COM"_s, password.toUtf8() + "\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(u"Created organisation \"Acme\""_s));
    QVERIFY(!run.out.contains(password));
    QVERIFY(!run.err.contains(password));

    const auto users = rows(db,
        u"SELECT u.email, u.role, u.password_hash, o.name FROM users u "
        "JOIN organisations o ON o.org_id = u.org_id"_s);
    QCOMPARE(users.size(), 1);
    QCOMPARE(users[0][0].toString(), u"admin@example.com"_s);
    QCOMPARE(users[0][1].toString(), u"admin"_s);
    QCOMPARE(users[0][3].toString(), u"Acme"_s);
    const QString hash = users[0][2].toString();
    QVERIFY(hash.startsWith(u"$argon2id$"_s));
    const PasswordHasher hasher(*m_sodium);
    QVERIFY(hasher.verify(hash, password)); // the newline was not part of it
    QVERIFY(!hasher.verify(hash, password + u'\n'));

    const auto audit = rows(db, u"SELECT action, org_id, json FROM audit_log"_s);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit[0][0].toString(), u"organisation.created"_s);
    QVERIFY(!audit[0][2].toString().contains(password));
    QVERIFY(!audit[0][2].toString().contains(u"argon2"_s));
}

void TestOrgCreate::generatedPasswordPrintedOnce()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    const DatabaseSettings &db = created.value();
    const Run run = orgCreate(db, u"Beta"_s, u"boss@beta.io"_s, {});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    static const QRegularExpression line(u"Admin password \\(shown only this once; store it now\\): (\\S+)\n"_s);
    const QRegularExpressionMatch match = line.match(run.out);
    QVERIFY2(match.hasMatch(), qPrintable(run.out));
    const QString password = match.captured(1);
    QVERIFY(password.size() >= 20);
    QCOMPARE(run.out.count(password), 1);
    QVERIFY(!run.err.contains(password));

    // It logs in, conceptually: the stored hash accepts what was printed.
    const auto users = rows(db, u"SELECT password_hash FROM users WHERE email = 'boss@beta.io'"_s);
    QCOMPARE(users.size(), 1);
    const PasswordHasher hasher(*m_sodium);
    QVERIFY(hasher.verify(users[0][0].toString(), password));
    const auto audit = rows(db, u"SELECT count(*) FROM audit_log WHERE action = 'organisation.created'"_s);
    QCOMPARE(audit[0][0].toInt(), 1);
}

void TestOrgCreate::duplicateNameRefused()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    const DatabaseSettings &db = created.value();
    QCOMPARE(orgCreate(db, u"Acme"_s, u"a@acme.io"_s, {}).exitCode, 0);
    const Run again = orgCreate(db, u"ACME"_s, u"b@acme.io"_s, {});
    QCOMPARE(again.exitCode, 2);
    QCOMPARE(again.err, u"callos-server: An organisation named \"ACME\" already exists.\n"_s);
    QVERIFY(again.out.isEmpty());
    QCOMPARE(rows(db, u"SELECT count(*) FROM users"_s)[0][0].toInt(), 1);
    QCOMPARE(rows(db, u"SELECT count(*) FROM audit_log"_s)[0][0].toInt(), 1);
}

void TestOrgCreate::badEmailRefused()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    const DatabaseSettings &db = created.value();
    const Run run = orgCreate(db, u"Acme"_s, u"not-an-email"_s, {});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, u"callos-server: \"not-an-email\" is not an email address (expected name@example.com).\n"_s);
    QCOMPARE(rows(db, u"SELECT count(*) FROM organisations"_s)[0][0].toInt(), 0);
}

void TestOrgCreate::weakPasswordRefused()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    const DatabaseSettings &db = created.value();
    const Run shortPassword = orgCreate(db, u"Acme"_s, u"a@b.co"_s, "short\n");
    QCOMPARE(shortPassword.exitCode, 2);
    QCOMPARE(shortPassword.err, u"callos-server: The password is too short: it needs at least 12 characters.\n"_s);
    const Run common = orgCreate(db, u"Acme"_s, u"a@b.co"_s, "password1234");
    QCOMPARE(common.exitCode, 2);
    QVERIFY(!common.err.contains(u"password1234"_s));
    QCOMPARE(rows(db, u"SELECT count(*) FROM organisations"_s)[0][0].toInt(), 0);
}

QTEST_GUILESS_MAIN(TestOrgCreate)
#include "tst_orgcreate.moc"
