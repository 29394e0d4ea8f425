// The real callos-server serving HTTP on loopback: /healthz, /readyz, one
// JSON log line per request (request id, no query values), SIGTERM -> exit 0.
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
    void healthAndReadiness();
    void unknownPathIs404WithErrorShape();
    void sigtermExitsCleanly();

private:
    // Log lines (JSON objects) the server wrote to stderr so far.
    QList<QJsonObject> logLines();
    bool waitForEvent(const QString &event, QJsonObject *found = nullptr, int timeoutMs = 10000);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_server;
    QByteArray m_stderr;
    quint16 m_port = 0;
};

void TestServerProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_stderr.clear();
    m_server = std::make_unique<QProcess>();
    // Port 0: the server picks a free port and logs it, so parallel test
    // runs never race for one.
    m_server->start(QStringLiteral(CALLOS_SERVER_BINARY),
        { u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dir->path() });
    QVERIFY(m_server->waitForStarted(10000));
    QJsonObject listening;
    QVERIFY2(waitForEvent(u"server.listening"_s, &listening), m_stderr.constData());
    m_port = static_cast<quint16>(listening.value(u"port"_s).toInt());
    QVERIFY(m_port != 0);
    QCOMPARE(listening.value(u"address"_s).toString(), u"127.0.0.1"_s);
}

void TestServerProcess::cleanup()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->kill();
        m_server->waitForFinished(5000);
    }
    m_server.reset();
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
