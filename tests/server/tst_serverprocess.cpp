// The real callos-server serving HTTP on loopback: /healthz, /readyz, one
// JSON log line per request (request id, no query values), SIGTERM -> exit 0.
// Readiness and shutdown run on both backends: the SQLite file the server
// makes in its data folder, and a database on a real PostgreSQL (--db).
#include "testdatabases.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using callos::server::DatabaseSettings;
using callos::test::TestDatabases;

namespace {

struct Reply
{
    int status = 0;
    QJsonObject body;
    QByteArray requestId;
};

Reply get(QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return {};
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = QJsonDocument::fromJson(reply->readAll()).object();
    result.requestId = reply->rawHeader("X-Request-Id");
    reply->deleteLater();
    return result;
}

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void healthAndReadiness_data() { TestDatabases::addBackendRows(); }
    void healthAndReadiness();
    void unknownPathIs404WithErrorShape();
    void sigtermExitsCleanly_data() { TestDatabases::addBackendRows(); }
    void sigtermExitsCleanly();

private:
    // Log lines (JSON objects) the server wrote to stderr so far.
    QList<QJsonObject> logLines();
    bool waitForEvent(const QString &event, QJsonObject *found = nullptr, int timeoutMs = 10000);

    // Before m_server: the server's connection goes before its database.
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_server;
    QByteArray m_stderr;
    QJsonObject m_listening;
    quint16 m_port = 0;
};

void TestServerProcess::init()
{
    m_databases = std::make_unique<TestDatabases>();
    m_dir = std::make_unique<QTemporaryDir>();
    m_stderr.clear();
    // Port 0: the server picks a free port and logs it, so parallel test
    // runs never race for one.
    QStringList arguments{ u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dir->path() };
    const DatabaseSettings::Backend backend = TestDatabases::currentBackend();
    if (backend == DatabaseSettings::Backend::Postgresql) {
        const auto database = m_databases->create(backend);
        QVERIFY2(database.ok(), TestDatabases::why(database).constData());
        arguments << u"--db"_s << TestDatabases::location(database.value());
    }
    m_server = std::make_unique<QProcess>();
    m_server->start(QStringLiteral(CALLOS_SERVER_BINARY), arguments);
    QVERIFY(m_server->waitForStarted(10000));
    QVERIFY2(waitForEvent(u"server.listening"_s, &m_listening), m_stderr.constData());
    m_port = static_cast<quint16>(m_listening.value(u"port"_s).toInt());
    QVERIFY(m_port != 0);
    QCOMPARE(m_listening.value(u"address"_s).toString(), u"127.0.0.1"_s);
    QCOMPARE(m_listening.value(u"backend"_s).toString(),
        backend == DatabaseSettings::Backend::Sqlite ? u"sqlite"_s : u"postgresql"_s);
}

void TestServerProcess::cleanup()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->kill();
        m_server->waitForFinished(5000);
    }
    m_server.reset();
    m_databases.reset();
}

QList<QJsonObject> TestServerProcess::logLines()
{
    m_stderr += m_server->readAllStandardError();
    QList<QJsonObject> lines;
    for (const QByteArray &line : m_stderr.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error == QJsonParseError::NoError && document.isObject())
            lines.append(document.object());
    }
    return lines;
}

bool TestServerProcess::waitForEvent(const QString &event, QJsonObject *found, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            const QList<QJsonObject> lines = logLines();
            for (const QJsonObject &line : lines) {
                if (line.value(u"event"_s).toString() == event) {
                    if (found)
                        *found = line;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
}

void TestServerProcess::healthAndReadiness()
{
    QNetworkAccessManager network;
    const Reply health = get(network, QUrl(u"http://127.0.0.1:%1/healthz?token=hunter2-secret"_s.arg(m_port)));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body, (QJsonObject{ { u"status"_s, u"ok"_s } }));
    QCOMPARE(health.requestId.size(), 32);

    const Reply ready = get(network, QUrl(u"http://127.0.0.1:%1/readyz"_s.arg(m_port)));
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.body.value(u"status"_s).toString(), u"ok"_s);
    QVERIFY(ready.requestId != health.requestId);

    QVERIFY(QTest::qWaitFor([&] {
        int requests = 0;
        const QList<QJsonObject> lines = logLines();
        for (const QJsonObject &line : lines)
            requests += line.value(u"event"_s).toString() == u"http.request"_s;
        return requests == 2;
    }, 5000));
    QJsonObject healthLine;
    const QList<QJsonObject> lines = logLines();
    for (const QJsonObject &line : lines) {
        if (line.value(u"request_id"_s).toString().toLatin1() == health.requestId)
            healthLine = line;
    }
    QCOMPARE(healthLine.value(u"method"_s).toString(), u"GET"_s);
    QCOMPARE(healthLine.value(u"path"_s).toString(), u"/healthz"_s);
    QCOMPARE(healthLine.value(u"status"_s).toInt(), 200);
    QVERIFY(healthLine.contains(u"duration_ms"_s));
    QVERIFY(healthLine.contains(u"ts"_s));
    // No query values, no headers in the log.
    QVERIFY(!m_stderr.contains("hunter2"));
    QVERIFY(!m_stderr.toLower().contains("user-agent"));
}

void TestServerProcess::unknownPathIs404WithErrorShape()
{
    QNetworkAccessManager network;
    const Reply missing = get(network, QUrl(u"http://127.0.0.1:%1/nope"_s.arg(m_port)));
    QCOMPARE(missing.status, 404);
    const QJsonObject error = missing.body.value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"http.not_found"_s);
    QVERIFY(error.value(u"details"_s).isObject());
    QCOMPARE(missing.requestId.size(), 32);
}

void TestServerProcess::sigtermExitsCleanly()
{
    QNetworkAccessManager network;
    // An open keep-alive connection must not hold shutdown up.
    QCOMPARE(get(network, QUrl(u"http://127.0.0.1:%1/healthz"_s.arg(m_port))).status, 200);

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(::kill(static_cast<pid_t>(m_server->processId()), SIGTERM), 0);
    QVERIFY(m_server->waitForFinished(5000));
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server->exitCode(), 0);
    QVERIFY(waitForEvent(u"server.stopping"_s));
    QVERIFY(waitForEvent(u"server.stopped"_s));
    QVERIFY(!m_stderr.contains("QSqlDatabasePrivate"));
}

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
