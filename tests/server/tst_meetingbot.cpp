// The meeting bot, from the call's events to the bot in the meeting, on
// SQLite and PostgreSQL: the server's own job workers send a bot to a fake
// Attendee (FakeBot, real HTTP on loopback) when a call has a Zoom link and
// the prospect's consent - once per call, whichever came second - and ask
// it to leave when the consent is withdrawn; they cope with what the
// service does wrong (429 with Retry-After, 500, a malformed answer, a hang,
// a refused key, an answer lost on the way), and the bot's states reach the
// call's review. The bot's recording is then fetched through the same kinds
// of faults (and an expired link, a cut download, a redirect) and stored
// once, with one transcription job.
#include "agentcall.h"
#include "apiharness.h"
#include "botcalls.h"
#include "fakebot.h"
#include "jobs/jobqueue.h"
#include "pipeline/pipelineworkers.h"
#include "playbook/playbookloader.h"
#include "storage/sqlrows.h"
#include "tablerows.h"
#include "testdatabases.h"
#include "testpaths.h"
#include "zoomcalls.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <list>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;
using namespace callos::test::botcalls;

class TestMeetingBot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void aCallWithLinkAndConsentGetsOneBot_data() { TestDatabases::addBackendRows(); }
    void aCallWithLinkAndConsentGetsOneBot();
    void noConsentOrNoLinkNoBot_data() { TestDatabases::addBackendRows(); }
    void noConsentOrNoLinkNoBot();
    void withdrawnConsentSendsTheBotAway_data() { TestDatabases::addBackendRows(); }
    void withdrawnConsentSendsTheBotAway();
    void aBusyServiceIsAskedAgainLater_data() { TestDatabases::addBackendRows(); }
    void aBusyServiceIsAskedAgainLater();
    void aRefusedKeyEndsTheJob_data() { TestDatabases::addBackendRows(); }
    void aRefusedKeyEndsTheJob();
    void aBotWhoseAnswerWasLostIsAdopted_data() { TestDatabases::addBackendRows(); }
    void aBotWhoseAnswerWasLostIsAdopted();
    void theRecordingIsFetchedOnceWhateverGoesWrong_data() { TestDatabases::addBackendRows(); }
    void theRecordingIsFetchedOnceWhateverGoesWrong();
    void halfSetUpSendsNoBots();

private:
    // The server with the bot service on the fake (whose key is `fakesKey`)
    // and its workers; an agent signed in.
    void startServer(const QByteArray &fakesKey = kApiKey);
    QString startCall(const QString &prefix, const QString &link, bool consent);
    QJsonObject botOfReview(const QString &callId);
    QString jobState(const QString &kind);
    QString jobError(const QString &kind);
    int count(const QString &tableAndWhere);
    void later(qint64 ms);

    Playbook m_playbook;
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
    std::unique_ptr<FakeBot> m_bot;
    QBuffer m_workerLogBuffer;
    std::unique_ptr<JsonLog> m_workerLog;
    std::unique_ptr<PipelineWorkers> m_workers;
    QTemporaryDir m_dataDir;
    SeededUser m_agent;
    QString m_token;
    std::list<AgentCall> m_calls;
};

void TestMeetingBot::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY(loaded.ok());
    m_playbook = *loaded.value;
}

void TestMeetingBot::cleanup()
{
    if (m_api)
        m_api->app().jobs().setLocalWakeUp({});
    m_workers.reset();
    m_workerLog.reset();
    m_workerLogBuffer.close();
    m_calls.clear();
    m_bot.reset();
    m_api.reset();
    m_databases.reset();
}

void TestMeetingBot::startServer(const QByteArray &fakesKey)
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    m_bot = std::make_unique<FakeBot>(fakesKey, kWebhookSecret);
    QVERIFY(m_bot->start());
    // The bot's webhooks are dated by the server's (fake) clock.
    m_bot->setClock([this] { return m_api ? m_api->clock().nowMs() : 0; });
    // The serving side only needs to know bots are on (its port is not
    // known yet); the workers, who send them, get the real address below.
    ServerApp::Settings app;
    app.integrations = botServices(*m_bot, u"http://127.0.0.1"_s);
    m_api = std::make_unique<ApiHarness>(settings.value(), app);
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));

    PipelineSettings pipeline;
    pipeline.recordingsDirectory = m_dataDir.filePath(u"recordings"_s);
    pipeline.pollMs = 50;
    pipeline.services = botServices(*m_bot, publicUrlOf(*m_api));
    // A hanging service is given up on soon.
    pipeline.services.attendee.requestTimeoutMs = 1000;
    pipeline.downloadStallTimeoutMs = 1000;
    m_workerLogBuffer.setData(QByteArray());
    m_workerLogBuffer.open(QIODevice::WriteOnly);
    m_workerLog = std::make_unique<JsonLog>(m_workerLogBuffer, m_api->clock());
    m_workers = std::make_unique<PipelineWorkers>(settings.value(), m_api->clock(), *m_workerLog, pipeline);
    QVERIFY(m_workers->start());
    m_api->app().jobs().setLocalWakeUp([workers = m_workers.get()] { workers->wake(); });

    const auto acme = m_api->addOrganisation(u"Acme"_s);
    m_agent = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    m_token = m_api->signIn(m_agent);
}

QString TestMeetingBot::startCall(const QString &prefix, const QString &link, bool consent)
{
    AgentCall &call = m_calls.emplace_back(*m_api, m_playbook, m_token, prefix);
    return call.start(link, m_api->clock().nowMs() - 60000, consent);
}

QJsonObject TestMeetingBot::botOfReview(const QString &callId)
{
    const ApiReply review = m_api->get(u"/api/v1/calls/%1/review"_s.arg(callId), m_token);
    return review.json[u"pipeline"_s][u"steps"_s][0][u"bot"_s].toObject();
}

QString TestMeetingBot::jobState(const QString &kind)
{
    return tablerows::jobState(*m_api, kind);
}

QString TestMeetingBot::jobError(const QString &kind)
{
    return tablerows::jobError(*m_api, kind);
}

int TestMeetingBot::count(const QString &tableAndWhere)
{
    return tablerows::count(*m_api, tableAndWhere);
}

void TestMeetingBot::later(qint64 ms)
{
    m_api->clock().advance(ms);
    m_workers->wake();
}

void TestMeetingBot::aCallWithLinkAndConsentGetsOneBot()
{
    startServer();
    // Link and consent in one push.
    const QString callId = startCall(u"one-"_s, zoomcalls::kZoomLink, true);
    QVERIFY(!callId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(count(u"meeting_bots"_s), 1, 10000);
    QCOMPARE(m_bot->botIds().size(), 1);
    const QString botId = m_bot->botIds().first();

    // Asked as Attendee documents it.
    const QList<FakeRequest> created = m_bot->requestsTo(u"/api/v1/bots"_s);
    QCOMPARE(created.size(), 1);
    QCOMPARE(created[0].header("Authorization"), "Token " + kApiKey);
    const QJsonObject asked = m_bot->createRequest(botId);
    QCOMPARE(asked[u"meeting_url"_s].toString(), zoomcalls::kZoomLink);
    QCOMPARE(asked[u"bot_name"_s].toString(), u"CallOS Recorder"_s);
    QCOMPARE(asked[u"webhooks"_s].toArray().size(), 1);
    QCOMPARE(asked[u"webhooks"_s][0][u"url"_s].toString(), m_api->url(u"/webhooks/attendee"_s).toString());
    QCOMPARE(asked[u"webhooks"_s][0][u"triggers"_s].toArray(), QJsonArray { u"bot.state_change"_s });
    QCOMPARE(asked[u"deduplication_key"_s].toString(), QString(u"callos-"_s + callId));
    QCOMPARE(asked[u"metadata"_s][u"callos_call_id"_s].toString(), callId);
    QCOMPARE(asked[u"recording_settings"_s][u"format"_s].toString(), u"mp4"_s);

    const auto row = SqlRows::first(
        m_api->database(), u"test"_s, u"SELECT call_id, provider, external_id, state FROM meeting_bots"_s);
    QCOMPARE(row.value()->at(0).toString(), callId);
    QCOMPARE(row.value()->at(1).toString(), u"attendee"_s);
    QCOMPARE(row.value()->at(2).toString(), botId);
    QCOMPARE(row.value()->at(3).toString(), u"joining"_s);
    QCOMPARE(botOfReview(callId)[u"state"_s].toString(), u"joining"_s);

    // The bot's own word, signed, reaches the review.
    QCOMPARE(m_bot->sendStateChange(botId, u"joined_recording"_s, u"bot_recording_permission_granted"_s), 200);
    QCOMPARE(botOfReview(callId)[u"state"_s].toString(), u"recording"_s);

    // Consent given again, more events: still the one bot.
    QVERIFY(m_calls.back().recordConsent(true));
    QTest::qWait(300);
    QCOMPARE(count(u"jobs WHERE kind = 'bot.join'"_s), 1);
    QCOMPARE(m_bot->botIds().size(), 1);

    // Link first, consent in a later push: the bot goes when the consent comes.
    const QString second = startCall(u"two-"_s, zoomcalls::kZoomLink, false);
    QVERIFY(!second.isEmpty());
    QTest::qWait(300);
    QCOMPARE(m_bot->botIds().size(), 1);
    QVERIFY(botOfReview(second).isEmpty());
    QVERIFY(m_calls.back().recordConsent(true));
    QTRY_COMPARE_WITH_TIMEOUT(m_bot->botIds().size(), 2, 10000);
    QCOMPARE(m_bot->createRequest(m_bot->botIds().last())[u"metadata"_s][u"callos_call_id"_s].toString(), second);
    QTRY_COMPARE_WITH_TIMEOUT(count(u"meeting_bots"_s), 2, 10000);
    // Never in the log: the key, the secret.
    QVERIFY(!m_workerLogBuffer.data().contains(kApiKey));
    QVERIFY(!m_api->logText().contains(kApiKey));
    QVERIFY(!m_api->logText().contains(kWebhookSecret));
}

void TestMeetingBot::noConsentOrNoLinkNoBot()
{
    startServer();
    const QString withoutConsent = startCall(u"nc-"_s, zoomcalls::kZoomLink, false);
    const QString withoutLink = startCall(u"nl-"_s, QString(), true);
    const QString otherLink = startCall(u"ol-"_s, u"https://meet.google.com/abc-defg-hij"_s, true);
    QVERIFY(!withoutConsent.isEmpty() && !withoutLink.isEmpty() && !otherLink.isEmpty());
    QTest::qWait(500);
    QCOMPARE(count(u"jobs WHERE kind LIKE 'bot.%'"_s), 0);
    QVERIFY(m_bot->botIds().isEmpty());
    QVERIFY(m_bot->requests().isEmpty());
    const QJsonObject step = m_api->get(u"/api/v1/calls/%1/review"_s.arg(withoutConsent), m_token)
                                 .json[u"pipeline"_s][u"steps"_s][0]
                                 .toObject();
    QCOMPARE(step[u"state"_s].toString(), u"no_consent"_s);
    QVERIFY(!step.contains(u"bot"_s));
    QVERIFY(!step.contains(u"engine"_s));
}

void TestMeetingBot::withdrawnConsentSendsTheBotAway()
{
    startServer();
    const QString callId = startCall(u"wd-"_s, zoomcalls::kZoomLink, true);
    QVERIFY(!callId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(count(u"meeting_bots"_s), 1, 10000);
    const QString botId = m_bot->botIds().first();
    QCOMPARE(m_bot->sendStateChange(botId, u"joined_recording"_s, u"bot_joined_meeting"_s), 200);

    QVERIFY(m_calls.back().recordConsent(false));
    QTRY_COMPARE_WITH_TIMEOUT(m_bot->leaveRequests(botId), 1, 10000);
    QTRY_COMPARE(jobState(u"bot.leave"_s), u"done"_s);
    const auto row = SqlRows::first(
        m_api->database(), u"test"_s, u"SELECT state, last_event FROM meeting_bots WHERE external_id = ?"_s, { botId });
    QCOMPARE(row.value()->at(0).toString(), u"leaving"_s);
    QCOMPARE(row.value()->at(1).toString(), u"leave_requested"_s);
    QCOMPARE(botOfReview(callId)[u"state"_s].toString(), u"leaving"_s);
    QCOMPARE(
        m_bot->requestsTo(u"/api/v1/bots/%1/leave"_s.arg(botId)).first().header("Authorization"), "Token " + kApiKey);

    // Its recording, finished all the same, is never fetched.
    m_bot->setRecording(botId, "audio", m_api->clock().nowMs());
    QCOMPARE(m_bot->sendRecordingReady(botId), 200);
    QCOMPARE(m_bot->lastDelivery().payload[u"data"_s][u"event_type"_s].toString(), u"post_processing_completed"_s);
    QTest::qWait(300);
    QCOMPARE(count(u"recordings"_s), 0);
    QVERIFY(m_bot->requestsTo(u"/api/v1/bots/%1/recording"_s.arg(botId)).isEmpty());
    QCOMPARE(botOfReview(callId)[u"state"_s].toString(), u"ended"_s);

    // Withdrawn before its bot could join: no bot goes, nothing waits.
    m_bot->misbehaveNext(FakeResponse::json(503, R"({"detail": "Service unavailable."})"));
    const QString early = startCall(u"early-"_s, zoomcalls::kZoomLink, true);
    QVERIFY(!early.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(count(u"jobs WHERE kind = 'bot.join' AND state = 'failed'"_s), 1, 10000);
    QVERIFY(m_calls.back().recordConsent(false));
    // Whichever of the two runs first, both end, the clock moving on.
    QTRY_VERIFY_WITH_TIMEOUT(
        (later(60000), count(u"jobs WHERE kind IN ('bot.join', 'bot.leave') AND state = 'done'"_s) == 4), 10000);
    QCOMPARE(m_bot->botIds().size(), 1);
    m_token = m_api->signIn(m_agent);
    QVERIFY(botOfReview(early).isEmpty());
}

void TestMeetingBot::aBusyServiceIsAskedAgainLater()
{
    startServer();
    m_bot->misbehaveNext(
        FakeResponse::json(429, R"({"detail": "Request was throttled."})", { { "Retry-After", "30" } }));
    m_bot->misbehaveNext(FakeResponse::json(500, R"({"detail": "Server error."})"));
    m_bot->misbehaveNext(FakeResponse::json(201, R"({"id": "bot_trunc)"));
    FakeResponse hang;
    hang.stall = true;
    m_bot->misbehaveNext(hang);
    const QString callId = startCall(u"busy-"_s, zoomcalls::kZoomLink, true);
    QVERIFY(!callId.isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(jobState(u"bot.join"_s), u"failed"_s, 10000);
    QVERIFY2(
        jobError(u"bot.join"_s).startsWith(u"Sending the bot to the meeting failed: Attendee answered HTTP 429."_s),
        qPrintable(jobError(u"bot.join"_s)));
    const auto runAt
        = SqlRows::first(m_api->database(), u"test"_s, u"SELECT run_at FROM jobs WHERE kind = 'bot.join'"_s);
    // Not before Attendee's 30 s.
    QVERIFY(runAt.value()->at(0).toLongLong() >= m_api->clock().nowMs() + 30000);
    // The review says the bot is asked for, and why it is not there yet.
    const QJsonObject waiting = botOfReview(callId);
    QCOMPARE(waiting[u"state"_s].toString(), u"requested"_s);
    QVERIFY(waiting[u"last_error"_s].toString().contains(u"429"_s));
    QTest::qWait(300);
    QCOMPARE(m_bot->requestsTo(u"/api/v1/bots"_s).size(), 1);

    const QStringList expected { u"HTTP 500"_s, u"not valid JSON"_s, u"did not answer"_s };
    later(31000);
    for (const QString &why : expected) {
        QTRY_VERIFY2_WITH_TIMEOUT(jobError(u"bot.join"_s).contains(why), qPrintable(jobError(u"bot.join"_s)), 10000);
        later(60 * 60000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(jobState(u"bot.join"_s), u"done"_s, 10000);
    QCOMPARE(m_bot->requestsTo(u"/api/v1/bots"_s).size(), 5);
    QCOMPARE(m_bot->botIds().size(), 1);
    QCOMPARE(count(u"meeting_bots"_s), 1);
    // Hours went by: the agent signs in again.
    m_token = m_api->signIn(m_agent);
    QCOMPARE(botOfReview(callId)[u"state"_s].toString(), u"joining"_s);
}

void TestMeetingBot::aRefusedKeyEndsTheJob()
{
    // The service does not take the server's key.
    startServer("another-key");
    const QString callId = startCall(u"key-"_s, zoomcalls::kZoomLink, true);
    QVERIFY(!callId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(jobState(u"bot.join"_s), u"dead"_s, 10000);
    const QString error = jobError(u"bot.join"_s);
    QVERIFY2(error.startsWith(u"Sending the bot to the meeting failed: Attendee answered HTTP 401. Attendee says: "_s),
        qPrintable(error));
    QVERIFY(error.contains(u"Invalid token."_s));
    QCOMPARE(m_bot->requestsTo(u"/api/v1/bots"_s).size(), 1);
    const QJsonObject bot = botOfReview(callId);
    QCOMPARE(bot[u"state"_s].toString(), u"failed"_s);
    QCOMPARE(bot[u"last_error"_s].toString(), error);
    QVERIFY(!error.contains(QString::fromLatin1(kApiKey)));
    QVERIFY(!m_workerLogBuffer.data().contains(kApiKey));
}

void TestMeetingBot::aBotWhoseAnswerWasLostIsAdopted()
{
    startServer();
    m_bot->loseNextCreateAnswer();
    const QString callId = startCall(u"lost-"_s, zoomcalls::kZoomLink, true);
    QVERIFY(!callId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(jobState(u"bot.join"_s), u"failed"_s, 10000);
    QCOMPARE(m_bot->botIds().size(), 1); // made, its answer lost
    // The retry sends no second bot: the dedupe key refuses it.
    later(60 * 60000);
    QTRY_COMPARE_WITH_TIMEOUT(jobState(u"bot.join"_s), u"dead"_s, 10000);
    QVERIFY2(jobError(u"bot.join"_s).contains(u"deduplication key"_s), qPrintable(jobError(u"bot.join"_s)));
    QCOMPARE(m_bot->botIds().size(), 1);
    QCOMPARE(count(u"meeting_bots"_s), 0);

    // The bot's first webhook names the call: it is adopted.
    const QString botId = m_bot->botIds().first();
    QCOMPARE(m_bot->sendStateChange(botId, u"joined_recording"_s, u"bot_joined_meeting"_s), 200);
    QCOMPARE(count(u"meeting_bots"_s), 1);
    m_token = m_api->signIn(m_agent);
    QCOMPARE(botOfReview(callId)[u"state"_s].toString(), u"recording"_s);
}

void TestMeetingBot::theRecordingIsFetchedOnceWhateverGoesWrong()
{
    startServer();
    const QString callId = startCall(u"rec-"_s, zoomcalls::kZoomLink, true);
    QVERIFY(!callId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(count(u"meeting_bots"_s), 1, 10000);
    const QString botId = m_bot->botIds().first();
    QByteArray media(300 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < media.size(); ++i)
        media[i] = char((i * 7919) % 251);
    const qint64 startedAt = m_api->clock().nowMs() - 50000;
    m_bot->setRecording(botId, media, startedAt);

    // Asking where the recording is: throttled, failing, a cut answer, no
    // answer. Then the link it gives has expired by the time it is used,
    // the next download is cut short, and the one after is redirected.
    const QString api = u"/api/"_s;
    m_bot->misbehaveNextAt(
        api, FakeResponse::json(429, R"({"detail": "Request was throttled."})", { { "Retry-After", "20" } }));
    m_bot->misbehaveNextAt(api, FakeResponse::json(500, R"({"detail": "Server error."})"));
    m_bot->misbehaveNextAt(api, FakeResponse::json(200, R"({"url": "http://127.0.0.1/med)"));
    FakeResponse hang;
    hang.stall = true;
    m_bot->misbehaveNextAt(api, hang);
    FakeResponse expired;
    expired.status = 403;
    expired.headers = { { "Content-Type", "application/xml" } };
    expired.body = "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>";
    m_bot->misbehaveNextAt(u"/media/"_s, expired);
    FakeResponse cut;
    cut.headers = { { "Content-Type", "video/mp4" } };
    cut.body = media;
    cut.truncateAfter = 100 * 1024;
    m_bot->misbehaveNextAt(u"/media/"_s, cut);
    m_bot->redirectNextDownload();

    QCOMPARE(m_bot->sendRecordingReady(botId), 200);
    const auto added = SqlRows::first(m_api->database(), u"test"_s, u"SELECT id FROM recordings"_s);
    QVERIFY(added && added.value());
    const QString recordingId = added.value()->at(0).toString();

    const QStringList expected { u"Attendee answered HTTP 429."_s, u"Attendee answered HTTP 500."_s,
        u"not valid JSON"_s, u"Attendee did not answer"_s, u"HTTP 403"_s, u"did not answer"_s };
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QTRY_VERIFY2_WITH_TIMEOUT(jobState(u"recording.fetch_bot"_s) == u"failed"_s
                && tablerows::count(*m_api, u"jobs WHERE kind = 'recording.fetch_bot' AND attempts = %1"_s.arg(i + 1))
                    == 1,
            qPrintable(jobError(u"recording.fetch_bot"_s)), 10000);
        QVERIFY2(jobError(u"recording.fetch_bot"_s).contains(expected[i]),
            qPrintable(expected[i] + u": "_s + jobError(u"recording.fetch_bot"_s)));
        // Nothing stored, nothing half-written, nothing queued after it.
        QCOMPARE(QDir(m_dataDir.filePath(u"recordings/.incoming"_s)).entryList(QDir::Files), QStringList());
        QCOMPARE(count(u"recordings WHERE state = 'pending'"_s), 1);
        QCOMPARE(count(u"jobs WHERE kind = 'recording.transcribe'"_s), 0);
        const QJsonObject step = m_api->get(u"/api/v1/calls/%1/review"_s.arg(callId), m_token)
                                     .json[u"pipeline"_s][u"steps"_s][0]
                                     .toObject();
        QCOMPARE(step[u"state"_s].toString(), u"retrying"_s);
        QCOMPARE(step[u"engine"_s].toString(), u"bot"_s);
        QCOMPARE(step[u"bot"_s][u"state"_s].toString(), u"ended"_s);
        if (i == 0) {
            // Not before Attendee's Retry-After.
            const auto runAt = SqlRows::first(
                m_api->database(), u"test"_s, u"SELECT run_at FROM jobs WHERE kind = 'recording.fetch_bot'"_s);
            QVERIFY(runAt.value()->at(0).toLongLong() >= m_api->clock().nowMs() + 20000);
        }
        later(60 * 60000);
        m_token = m_api->signIn(m_agent);
    }

    // Redirected to where the file is: followed, and stored.
    QTRY_COMPARE_WITH_TIMEOUT(jobState(u"recording.fetch_bot"_s), u"done"_s, 10000);
    QCOMPARE(m_bot->requestsTo(u"/api/v1/bots/%1/recording"_s.arg(botId)).size(), 7); // a fresh link each time
    QCOMPARE(m_bot->requestsTo(u"/media/"_s).size(), 3);
    QCOMPARE(m_bot->requestsTo(u"/storage/media/"_s).size(), 1);
    const auto stored = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT state, storage_key, size_bytes, started_at FROM recordings WHERE id = ?"_s, { recordingId });
    QCOMPARE(stored.value()->at(0).toString(), u"stored"_s);
    QCOMPARE(stored.value()->at(2).toLongLong(), media.size());
    QCOMPARE(stored.value()->at(3).toLongLong(), startedAt);
    QFile file(m_dataDir.filePath(u"recordings/"_s + stored.value()->at(1).toString()));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QCOMPARE(file.readAll(), media);
    // One recording, one transcription, whatever it took.
    QCOMPARE(count(u"recordings"_s), 1);
    QCOMPARE(count(u"jobs WHERE kind = 'recording.transcribe'"_s), 1);
    QCOMPARE(count(u"jobs WHERE kind = 'recording.fetch_bot'"_s), 1);
    // Attendee's link is signed itself: no key goes with the download.
    for (const FakeRequest &request : m_bot->requests()) {
        if (!request.path.startsWith(api))
            QCOMPARE(request.header("Authorization"), QByteArray());
    }
    QVERIFY(!m_workerLogBuffer.data().contains(kApiKey));
    // Told again afterwards: still the one recording.
    QCOMPARE(m_bot->sendRecordingReady(botId), 200);
    QCOMPARE(count(u"recordings"_s), 1);
    QCOMPARE(count(u"jobs WHERE kind = 'recording.fetch_bot'"_s), 1);
}

void TestMeetingBot::halfSetUpSendsNoBots()
{
    IntegrationSettings services;
    QVERIFY(!services.hasMeetingBot());
    QVERIFY(services.meetingBotWarnings().isEmpty()); // not wanted, nothing to say
    services.attendee.apiKey = kApiKey;
    QVERIFY(!services.hasMeetingBot());
    QString warnings = services.meetingBotWarnings().join(u'\n');
    QVERIFY2(warnings.contains(u"CALLOS_ATTENDEE_WEBHOOK_SECRET"_s) && warnings.contains(u"CALLOS_PUBLIC_URL"_s),
        qPrintable(warnings));
    services.attendee.webhookSecret = "not base64!";
    services.publicUrl = u"https://callos.example.com"_s;
    QVERIFY(!services.hasMeetingBot());
    QVERIFY(services.meetingBotWarnings().join(u'\n').contains(u"is not base64"_s));
    services.attendee.webhookSecret = kWebhookSecret;
    QVERIFY(services.hasMeetingBot());
    QVERIFY(services.meetingBotWarnings().isEmpty());
    QCOMPARE(services.meetingBotWebhookUrl(), u"https://callos.example.com/webhooks/attendee"_s);
    // Attendee takes https webhooks only: said, not refused.
    services.publicUrl = u"http://callos.example.com"_s;
    QVERIFY(services.hasMeetingBot());
    QVERIFY(services.meetingBotWarnings().join(u'\n').contains(u"not https"_s));
    // No warning ever shows a secret.
    services.publicUrl.clear();
    for (const QString &warning : services.meetingBotWarnings())
        QVERIFY(
            !warning.contains(QString::fromLatin1(kApiKey)) && !warning.contains(QString::fromLatin1(kWebhookSecret)));
}

QTEST_GUILESS_MAIN(TestMeetingBot)
#include "tst_meetingbot.moc"
