// A job worker killed with SIGKILL in the middle of a job, on SQLite and
// PostgreSQL: the real callos-server process analyses a call with Claude
// (a fake that never answers the first request), is killed while it
// waits, and is started again. The job runs again at once - not when its
// hour-long lease would have run out - and the call ends with exactly one
// analysis.
#include "apiharness.h"
#include "fakeclaude.h"
#include "fakezoom.h"
#include "playbook/playbookloader.h"
#include "spokencall.h"
#include "storage/sqlrows.h"
#include "testdatabases.h"
#include "testpaths.h"
#include "zoomcalls.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;
using namespace callos::test::zoomcalls;

namespace {

const QString kInstance = u"crash-instance=="_s;

} // namespace

class TestPipelineCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedMidJobRunsAgainOnce_data() { TestDatabases::addBackendRows(); }
    void killedMidJobRunsAgainOnce();

private:
    // callos-server on the test's database, its services the fakes.
    std::unique_ptr<QProcess> startServer(const QString &database, const QString &dataDir, const QString &claudeUrl);
    // The rows `sql` counts, looked at from the test's own connection.
    int count(const DatabaseSettings &settings, const QString &sql);
};

std::unique_ptr<QProcess> TestPipelineCrash::startServer(
    const QString &database, const QString &dataDir, const QString &claudeUrl)
{
    auto server = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"CALLOS_SERVER_DB"_s, database);
    environment.insert(u"CALLOS_ANTHROPIC_API_KEY"_s, u"sk-ant-crash"_s);
    environment.insert(u"CALLOS_ANTHROPIC_BASE_URL"_s, claudeUrl);
    server->setProcessEnvironment(environment);
    server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server->start(QStringLiteral(CALLOS_SERVER_BINARY), { u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir });
    return server;
}

int TestPipelineCrash::count(const DatabaseSettings &settings, const QString &sql)
{
    FakeClock clock;
    Result<std::unique_ptr<Database>> opened = Database::open(settings, clock);
    if (!opened)
        return -1;
    const TenantScope::Entered scope = opened.value()->tenantScope().enterSystem();
    const auto row = SqlRows::first(*opened.value(), u"test"_s, sql);
    return row && row.value() ? row.value()->at(0).toInt() : -1;
}

void TestPipelineCrash::killedMidJobRunsAgainOnce()
{
    Validated<Playbook> playbook = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY(playbook.ok());
    TestDatabases databases;
    const auto settings = databases.create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    QTemporaryDir dataDir;
    FakeZoom zoom;
    FakeClaude claude("sk-ant-crash");
    QVERIFY(zoom.start() && claude.start());
    claude.setAnswer(QJsonObject{ { u"summary"_s, u"A short call."_s }, { u"objections"_s, QJsonArray() },
        { u"readiness"_s, QJsonObject{ { u"score"_s, 40 }, { u"reasons"_s, QJsonArray() } } },
        { u"risk_flags"_s, QJsonArray() },
        { u"agent_feedback"_s, QJsonObject{ { u"strengths"_s, QJsonArray() }, { u"improvements"_s, QJsonArray() } } },
        { u"follow_up_email"_s, QJsonObject{ { u"subject"_s, u"Thanks"_s }, { u"body"_s, u"Hello"_s } } } });
    // The first request hangs: the worker waits in the middle of its job.
    FakeResponse hang;
    hang.stall = true;
    claude.misbehaveNext(hang);

    // The call and Zoom's webhook, through the API on the same database.
    {
        ServerApp::Settings app;
        app.integrations.zoom.webhookSecret = kSecret;
        ApiHarness api(settings.value(), app);
        QVERIFY2(api.isReady(), qPrintable(api.why()));
        const auto acme = api.addOrganisation(u"Acme"_s);
        const QString token = api.signIn(api.addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s));
        const qint64 callStart = api.clock().nowMs() - 10 * 60000;
        QVERIFY(!zoomcalls::pushCall(api, *playbook.value, token, u"k-"_s,
            u"https://zoom.us/j/%1"_s.arg(kMeeting), true, callStart).isEmpty());
        const std::optional<SpokenCall> spoken = SpokenCall::speak(
            { { true, u"how many clients do you work with today"_s }, { false, u"about two hundred"_s } }, 800, 300);
        QVERIFY2(spoken, "espeak-ng could not speak");
        zoom.addFile(kInstance + u"-m4a"_s, wavFile(spoken->audio), kDownloadToken);
        const QJsonObject body = zoomcalls::recordingCompleted(kMeeting, kInstance, callStart + 2000,
            zoomcalls::recordingFiles(kInstance, callStart + 2000, zoom.url(u"/rec/download/"_s)),
            QString::fromLatin1(kDownloadToken));
        QCOMPARE(zoomcalls::deliver(api, QJsonDocument(body).toJson(QJsonDocument::Compact), kSecret)
                     .json[u"status"_s]
                     .toString(),
            u"accepted"_s);
    }

    const QString location = TestDatabases::location(settings.value());
    std::unique_ptr<QProcess> server = startServer(location, dataDir.path(), claude.baseUrl());
    QVERIFY(server->waitForStarted(10000));
    // Fetched, transcribed offline, and now asking Claude, who does not answer.
    QVERIFY2(QTest::qWaitFor([&] { return claude.messageBodies().size() == 1; }, 60000),
        "the server never got as far as asking Claude");
    QCOMPARE(count(settings.value(), u"SELECT count(*) FROM jobs WHERE kind = 'call.analyse' AND state = 'running'"_s), 1);
    ::kill(pid_t(server->processId()), SIGKILL);
    QVERIFY(server->waitForFinished(10000));
    QCOMPARE(server->exitStatus(), QProcess::CrashExit);
    QCOMPARE(count(settings.value(), u"SELECT count(*) FROM analyses"_s), 0);

    // Started again: the dead process's job is released and runs again.
    server = startServer(location, dataDir.path(), claude.baseUrl());
    QVERIFY(server->waitForStarted(10000));
    QVERIFY2(QTest::qWaitFor(
                 [&] { return count(settings.value(), u"SELECT count(*) FROM analyses"_s) == 1; }, 30000),
        "the job did not run again");
    QCOMPARE(claude.messageBodies().size(), 2);
    QCOMPARE(count(settings.value(),
                 u"SELECT count(*) FROM jobs WHERE kind = 'call.analyse' AND state = 'done' AND attempts = 2"_s),
        1);
    // Exactly one of everything the pipeline makes.
    QCOMPARE(count(settings.value(), u"SELECT count(*) FROM analyses WHERE state = 'completed'"_s), 1);
    QCOMPARE(count(settings.value(), u"SELECT count(*) FROM transcripts"_s), 1);
    QCOMPARE(count(settings.value(), u"SELECT count(*) FROM recordings"_s), 1);
    QCOMPARE(zoom.requestsTo(u"/rec/download/"_s).size(), 1);
    server->terminate();
    QVERIFY(server->waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestPipelineCrash)
#include "tst_pipelinecrash.moc"
