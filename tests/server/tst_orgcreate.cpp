// `callos-server org create` through the real binary: password from stdin or
// generated and printed once, stored as an Argon2id hash that verifies,
// audit row written, bad input refused with exit code 2.
#include "auth/passwordhasher.h"
#include "auth/sodiumruntime.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run orgCreate(const QString &dataDir, const QString &name, const QString &email, const QByteArray &stdinData)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"CALLOS_SERVER_DATA_DIR"_s, dataDir);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CALLOS_SERVER_BINARY),
        { u"org"_s, u"create"_s, u"--name"_s, name, u"--admin-email"_s, email });
    if (!process.waitForStarted(10000))
        return {};
    process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return {};
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

// Rows of `sql` from the server's database file, through our own connection.
QList<QVariantList> rows(const QString &dataDir, const QString &sql)
{
    QList<QVariantList> result;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(dataDir + u"/callos-server.sqlite"_s);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql)) {
                while (query.next()) {
                    QVariantList row;
                    for (int i = 0; i < query.record().count(); ++i)
                        row.append(query.value(i));
                    result.append(row);
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

class TestOrgCreate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passwordFromStdin();
    void generatedPasswordPrintedOnce();
    void duplicateNameRefused();
    void badEmailRefused();
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
    QTemporaryDir dir;
    const QString password = u"violet otter sings at noon"_s;
    const Run run = orgCreate(dir.path(), u"Acme"_s, u"Admin@Example.COM"_s, password.toUtf8() + "\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(u"Created organisation \"Acme\""_s));
    QVERIFY(!run.out.contains(password));
    QVERIFY(!run.err.contains(password));

    const auto users = rows(dir.path(), u"SELECT u.email, u.role, u.password_hash, o.name FROM users u "
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

    const auto audit = rows(dir.path(), u"SELECT action, org_id, json FROM audit_log"_s);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit[0][0].toString(), u"organisation.created"_s);
    QVERIFY(!audit[0][2].toString().contains(password));
    QVERIFY(!audit[0][2].toString().contains(u"argon2"_s));
}

void TestOrgCreate::generatedPasswordPrintedOnce()
{
    QTemporaryDir dir;
    const Run run = orgCreate(dir.path(), u"Beta"_s, u"boss@beta.io"_s, {});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    static const QRegularExpression line(u"Admin password \\(shown only this once; store it now\\): (\\S+)\n"_s);
    const QRegularExpressionMatch match = line.match(run.out);
    QVERIFY2(match.hasMatch(), qPrintable(run.out));
    const QString password = match.captured(1);
    QVERIFY(password.size() >= 20);
    QCOMPARE(run.out.count(password), 1);
    QVERIFY(!run.err.contains(password));

    // It logs in, conceptually: the stored hash accepts what was printed.
    const auto users = rows(dir.path(), u"SELECT password_hash FROM users WHERE email = 'boss@beta.io'"_s);
    QCOMPARE(users.size(), 1);
    const PasswordHasher hasher(*m_sodium);
    QVERIFY(hasher.verify(users[0][0].toString(), password));
    const auto audit = rows(dir.path(), u"SELECT count(*) FROM audit_log WHERE action = 'organisation.created'"_s);
    QCOMPARE(audit[0][0].toInt(), 1);
}

void TestOrgCreate::duplicateNameRefused()
{
    QTemporaryDir dir;
    QCOMPARE(orgCreate(dir.path(), u"Acme"_s, u"a@acme.io"_s, {}).exitCode, 0);
    const Run again = orgCreate(dir.path(), u"ACME"_s, u"b@acme.io"_s, {});
    QCOMPARE(again.exitCode, 2);
    QCOMPARE(again.err, u"callos-server: An organisation named \"ACME\" already exists.\n"_s);
    QVERIFY(again.out.isEmpty());
    QCOMPARE(rows(dir.path(), u"SELECT count(*) FROM users"_s)[0][0].toInt(), 1);
    QCOMPARE(rows(dir.path(), u"SELECT count(*) FROM audit_log"_s)[0][0].toInt(), 1);
}

void TestOrgCreate::badEmailRefused()
{
    QTemporaryDir dir;
    const Run run = orgCreate(dir.path(), u"Acme"_s, u"not-an-email"_s, {});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, u"callos-server: \"not-an-email\" is not an email address (expected name@example.com).\n"_s);
    QCOMPARE(rows(dir.path(), u"SELECT count(*) FROM organisations"_s)[0][0].toInt(), 0);
}

void TestOrgCreate::weakPasswordRefused()
{
    QTemporaryDir dir;
    const Run shortPassword = orgCreate(dir.path(), u"Acme"_s, u"a@b.co"_s, "short\n");
    QCOMPARE(shortPassword.exitCode, 2);
    QCOMPARE(shortPassword.err, u"callos-server: The password is too short: it needs at least 12 characters.\n"_s);
    const Run common = orgCreate(dir.path(), u"Acme"_s, u"a@b.co"_s, "password1234");
    QCOMPARE(common.exitCode, 2);
    QVERIFY(!common.err.contains(u"password1234"_s));
    QCOMPARE(rows(dir.path(), u"SELECT count(*) FROM organisations"_s)[0][0].toInt(), 0);
}

QTEST_GUILESS_MAIN(TestOrgCreate)
#include "tst_orgcreate.moc"
