// The work after a call, end to end, on SQLite and PostgreSQL: a signed
// Zoom webhook for a call with consent, the server's own job workers
// fetching the audio from a fake Zoom, transcribing and analysing it, and
// the agent's GET /calls/{id}/review showing every step done with the
// results. Offline (no keys): real speech made by espeak-ng, transcribed by
// pocketsphinx, analysed by the rule-based analyzer. With keys: the fakes
// of AssemblyAI (which calls the server's webhook) and Claude, following
// their documented contracts. With S3: the recording goes to a fake S3
// bucket instead of this disk, and playback is a redirect to a short-lived
// presigned link that S3 serves. The same offline, with the recording made
// by a meeting bot (FakeBot) the server sent to the call's meeting.
#include "apiharness.h"
#include "botcalls.h"
#include "fakeassemblyai.h"
#include "fakebot.h"
#include "fakeclaude.h"
#include "fakes3.h"
#include "fakezoom.h"
#include "jobs/jobqueue.h"
#include "net/httpclient.h"
#include "pipeline/pipelineworkers.h"
#include "playbook/playbookloader.h"
#include "spokencall.h"
#include "testdatabases.h"
#include "testpaths.h"
#include "zoomcalls.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;
using namespace callos::test::zoomcalls;

namespace {

const QString kInstance = u"WEz4RT2lSyKx2MD9Z+lYfA=="_s;
const QByteArray kS3KeyId = "AKIACALLOSPIPELINE01";
const QByteArray kS3Secret = "pipeline/S3+secret=of-the-test";

// Every file under `folder`, folders of their own left out.
QStringList filesUnder(const QString &folder)
{
    QStringList out;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    return out;
}

const QList<Line> kSpoken = {
    { true, u"thank you for taking the time to talk with me today"_s },
    { false, u"no problem I have about twenty minutes"_s },
    { true, u"how many clients do you work with today"_s },
    { false, u"we work with about two hundred clients"_s },
    { true, u"what would it mean for your business if revenue were predictable"_s },
    { false, u"we could finally plan our hiring for next year"_s },
};

QStringList stepStates(const QJsonObject &review)
{
    QStringList out;
    for (const QJsonValue &step : review[u"pipeline"_s][u"steps"_s].toArray())
        out.append(step[u"step"_s].toString() + u'=' + step[u"state"_s].toString());
    return out;
}

QJsonObject stepOf(const QJsonObject &review, const QString &name)
{
    for (const QJsonValue &step : review[u"pipeline"_s][u"steps"_s].toArray()) {
        if (step[u"step"_s].toString() == name)
            return step.toObject();
    }
    return {};
}

// An answer in the analysis schema, as Claude would give it.
QJsonObject claudesAnswer()
{
    const QJsonObject evidence{ { u"quote"_s, u"How many clients do you work with today?"_s }, { u"speaker"_s, u"A"_s },
        { u"start_ms"_s, 1000 }, { u"end_ms"_s, 4000 } };
    return QJsonObject{ { u"summary"_s, u"A discovery call with a coaching firm of 600 clients."_s },
        { u"objections"_s, QJsonArray() },
        { u"readiness"_s, QJsonObject{ { u"score"_s, 72 }, { u"reasons"_s, QJsonArray{ u"Clear pain."_s } } } },
        { u"risk_flags"_s,
            QJsonArray{ QJsonObject{ { u"code"_s, u"no_explicit_decision"_s }, { u"severity"_s, u"high"_s },
                { u"description"_s, u"No decision was made."_s }, { u"evidence"_s, QJsonArray{ evidence } } } } },
        { u"agent_feedback"_s,
            QJsonObject{ { u"strengths"_s, QJsonArray{ u"Open questions."_s } },
                { u"improvements"_s, QJsonArray{ u"Close with a decision."_s } } } },
        { u"follow_up_email"_s, QJsonObject{ { u"subject"_s, u"Our call"_s }, { u"body"_s, u"Hello Dana,"_s } } } };
}

} // namespace

class TestCallPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void offlineFromWebhookToAnalysis_data() { TestDatabases::addBackendRows(); }
    void offlineFromWebhookToAnalysis();
    void withKeysTheServicesDoTheWork_data() { TestDatabases::addBackendRows(); }
    void withKeysTheServicesDoTheWork();
    void aRefusalIsKeptAsAFailedAnalysis_data() { TestDatabases::addBackendRows(); }
    void aRefusalIsKeptAsAFailedAnalysis();
    void offlineFromTheBotsRecordingToAnalysis_data() { TestDatabases::addBackendRows(); }
    void offlineFromTheBotsRecordingToAnalysis();
    void withS3TheRecordingStaysOffThisDisk_data() { TestDatabases::addBackendRows(); }
    void withS3TheRecordingStaysOffThisDisk();
    void aStoreThatRefusesEndsTheFetch_data() { TestDatabases::addBackendRows(); }
    void aStoreThatRefusesEndsTheFetch();
    void aStoredFailureRunsAgainOnRetry_data() { TestDatabases::addBackendRows(); }
    void aStoredFailureRunsAgainOnRetry();

private:
    // The server with `services`, its workers (which services that call
    // back reach at the server's own address) and an agent signed in.
    bool startServer(const IntegrationSettings &services);
    // startServer, and an agent's call in meeting kMeeting with consent,
    // whose recording Zoom then announces (the bytes served by the fake
    // Zoom). The call's id.
    QString start(const IntegrationSettings &services, const QByteArray &recording);
    QJsonObject review();
    // What an offline run ends with: every step done, pocketsphinx's
    // transcript of kSpoken on the recording's time line, the rule-based
    // analysis, and `wav` played back (and audited).
    void checkOfflineReview(const QJsonObject &done, const QByteArray &wav);
    // Fakes of AssemblyAI and Claude, and the settings that point at them.
    IntegrationSettings keyedServices();
    // A fake S3 bucket, and the settings that point at it with `secret`.
    S3Settings fakeS3(const QByteArray &secret);
    bool reviewed(const std::function<bool(const QJsonObject &)> &done, int timeoutMs);

    Playbook m_playbook;
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
    std::unique_ptr<FakeZoom> m_zoom;
    std::unique_ptr<FakeAssemblyAi> m_assemblyAi;
    std::unique_ptr<FakeClaude> m_claude;
    std::unique_ptr<FakeBot> m_bot;
    std::unique_ptr<FakeS3> m_s3;
    QBuffer m_workerLogBuffer;
    std::unique_ptr<JsonLog> m_workerLog;
    std::unique_ptr<PipelineWorkers> m_workers;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    QString m_callId;
    SeededUser m_admin;
    SeededUser m_agent;
    QString m_token;
};

void TestCallPipeline::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY(loaded.ok());
    m_playbook = *loaded.value;
}

void TestCallPipeline::cleanup()
{
    if (m_api)
        m_api->app().jobs().setLocalWakeUp({});
    m_workers.reset();
    m_s3.reset(); // before the clock it reads
    m_workerLog.reset();
    m_workerLogBuffer.close();
    m_zoom.reset();
    m_assemblyAi.reset();
    m_claude.reset();
    m_bot.reset();
    m_api.reset();
    m_databases.reset();
    m_dataDir.reset();
}

bool TestCallPipeline::startServer(const IntegrationSettings &services)
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    if (!settings.ok()) {
        qWarning() << TestDatabases::why(settings);
        return false;
    }
    ServerApp::Settings app;
    app.integrations = services;
    app.integrations.zoom.webhookSecret = kSecret;
    app.recordingsDirectory = m_dataDir->filePath(u"recordings"_s);
    m_api = std::make_unique<ApiHarness>(settings.value(), app);
    if (!m_api->isReady())
        return false;
    if (services.s3.enabled() && m_s3) {
        // S3 holds signed requests to its own clock (15 minutes either way)
        // and libcurl signs with the machine's: the server's clock starts
        // there, and S3 reads it, so the test decides when a link expires.
        m_api->clock().advance(QDateTime::currentMSecsSinceEpoch() - m_api->clock().nowMs());
        m_s3->setClock([clock = &m_api->clock()] { return clock->nowMs(); });
    }

    PipelineSettings pipeline;
    pipeline.recordingsDirectory = app.recordingsDirectory;
    pipeline.pollMs = 50;
    pipeline.services = app.integrations;
    // AssemblyAI and the bot call the server back where the test serves it.
    if (services.hasAssemblyAi() || services.hasMeetingBot())
        pipeline.services.publicUrl = botcalls::publicUrlOf(*m_api);
    m_workerLogBuffer.setData(QByteArray());
    m_workerLogBuffer.open(QIODevice::WriteOnly);
    m_workerLog = std::make_unique<JsonLog>(m_workerLogBuffer, m_api->clock());
    m_workers = std::make_unique<PipelineWorkers>(settings.value(), m_api->clock(), *m_workerLog, pipeline);
    if (!m_workers->start())
        return false;
    m_api->app().jobs().setLocalWakeUp([workers = m_workers.get()] { workers->wake(); });

    const auto acme = m_api->addOrganisation(u"Acme"_s);
    m_admin = acme.admin;
    m_agent = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    m_token = m_api->signIn(m_agent);
    return true;
}

QString TestCallPipeline::start(const IntegrationSettings &services, const QByteArray &recording)
{
    if (!startServer(services))
        return {};
    m_zoom = std::make_unique<FakeZoom>();
    if (!m_zoom->start())
        return {};
    const qint64 callStart = m_api->clock().nowMs() - 30 * 60000;
    m_callId = zoomcalls::pushCall(*m_api, m_playbook, m_token, u"p-"_s, kZoomLink, true, callStart);
    if (m_callId.isEmpty())
        return {};
    m_zoom->addFile(kInstance + u"-m4a"_s, recording, kDownloadToken);
    const QJsonObject body = zoomcalls::recordingCompleted(kMeeting, kInstance, callStart + 3000,
        zoomcalls::recordingFiles(kInstance, callStart + 3000, m_zoom->url(u"/rec/download/"_s)),
        QString::fromLatin1(kDownloadToken));
    const ApiReply accepted = zoomcalls::deliver(*m_api, QJsonDocument(body).toJson(QJsonDocument::Compact), kSecret);
    if (accepted.json[u"status"_s].toString() != u"accepted"_s) {
        qWarning() << "webhook:" << accepted.body;
        return {};
    }
    return m_callId;
}

QJsonObject TestCallPipeline::review()
{
    return m_api->get(u"/api/v1/calls/%1/review"_s.arg(m_callId), m_token).json;
}

bool TestCallPipeline::reviewed(const std::function<bool(const QJsonObject &)> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (done(review()))
            return true;
        QTest::qWait(100);
    }
    qWarning() << "last review:" << stepStates(review()) << m_workerLogBuffer.data();
    return false;
}

void TestCallPipeline::offlineFromWebhookToAnalysis()
{
    const std::optional<SpokenCall> spoken = SpokenCall::speak(kSpoken, 1200, 500);
    QVERIFY2(spoken, "espeak-ng could not speak the call (is it installed? scripts/install-deps)");
    const QByteArray wav = wavFile(spoken->audio);
    QVERIFY(!start(IntegrationSettings(), wav).isEmpty());

    // Right after the webhook, before the workers are done, the review
    // already says where the work stands.
    const QStringList early = stepStates(review());
    QCOMPARE(early.size(), 3);
    QVERIFY2(early.first().startsWith(u"recording="_s), qPrintable(early.join(u", "_s)));

    QVERIFY(reviewed([](const QJsonObject &r) { return r[u"analysis"_s].isObject(); }, 120000));
    checkOfflineReview(review(), wav);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(stepOf(review(), u"recording"_s)[u"engine"_s].toString(), u"zoom"_s);
}

void TestCallPipeline::checkOfflineReview(const QJsonObject &done, const QByteArray &wav)
{
    QCOMPARE(stepStates(done),
        (QStringList{ u"recording=done"_s, u"transcription=done"_s, u"analysis=done"_s }));
    // Labelled, so an agent knows how far to trust it.
    QCOMPARE(stepOf(done, u"transcription"_s)[u"engine"_s].toString(), u"pocketsphinx"_s);
    QCOMPARE(stepOf(done, u"analysis"_s)[u"engine"_s].toString(), u"rule-based"_s);

    const QJsonObject transcript = done[u"transcript"_s].toObject();
    QCOMPARE(transcript[u"engine"_s].toString(), u"pocketsphinx"_s);
    const QJsonArray utterances = transcript[u"utterances"_s].toArray();
    QCOMPARE(utterances.size(), kSpoken.size()); // one per turn: the pauses split them
    // The two voices are told apart, the agent first.
    for (qsizetype i = 0; i < utterances.size(); ++i)
        QCOMPARE(utterances[i][u"speaker"_s].toString(), kSpoken[i].agent ? u"A"_s : u"B"_s);
    QVERIFY(utterances[2][u"text"_s].toString().contains(u"clients"_s));

    // The call's events on the recording's time line: the consent was
    // given 20 s after the call started, 17 s after the recording did.
    bool consentPlaced = false;
    for (const QJsonValue &entry : done[u"timeline"_s].toArray()) {
        if (entry[u"kind"_s].toString() == u"consent"_s)
            consentPlaced = entry[u"at_ms"_s].toInteger() == 17000;
    }
    QVERIFY(consentPlaced);

    const QJsonObject analysis = done[u"analysis"_s].toObject();
    QCOMPARE(analysis[u"engine"_s].toString(), u"rule-based"_s);
    QCOMPARE(analysis[u"state"_s].toString(), u"completed"_s);
    const QJsonObject result = analysis[u"result"_s].toObject();
    QVERIFY(result[u"metrics"_s][u"speakers_known"_s].toBool());
    QCOMPARE(result[u"metrics"_s][u"agent_speaker"_s].toString(), u"A"_s);
    // The agent asked two questions ("how many ...", "what would ..."),
    // the prospect none; recognition may lose a question word.
    const int agentQuestions = result[u"metrics"_s][u"questions"_s][u"A"_s].toInt();
    QVERIFY2(agentQuestions >= 1 && agentQuestions <= 2, qPrintable(QString::number(agentQuestions)));
    QCOMPARE(result[u"metrics"_s][u"questions"_s][u"B"_s].toInt(), 0);
    QStringList codes;
    for (const QJsonValue &flag : result[u"risk_flags"_s].toArray())
        codes.append(flag[u"code"_s].toString());
    QVERIFY2(codes.contains(u"no_explicit_decision"_s), qPrintable(codes.join(u", "_s)));
    QVERIFY(!result[u"follow_up_email"_s][u"body"_s].toString().isEmpty());

    // The recording plays back, and the access is in the audit log.
    const QString recordingId = done[u"recording"_s][u"id"_s].toString();
    const ApiReply media = m_api->get(u"/api/v1/recordings/%1/media"_s.arg(recordingId), m_token);
    QCOMPARE(media.status, 200);
    QVERIFY(media.body == wav);
    const ApiReply audit = m_api->get(u"/api/v1/audit?action=recording.accessed"_s, m_api->signIn(m_admin));
    QCOMPARE(audit.json[u"entries"_s].toArray().size(), 1);
    QCOMPARE(audit.json[u"entries"_s][0][u"actor_user_id"_s].toString(), m_agent.id);
    QCOMPARE(audit.json[u"entries"_s][0][u"details"_s][u"recording_id"_s].toString(), recordingId);
}

IntegrationSettings TestCallPipeline::keyedServices()
{
    m_assemblyAi = std::make_unique<FakeAssemblyAi>("aai-test-key");
    m_claude = std::make_unique<FakeClaude>("sk-ant-test-key");
    if (!m_assemblyAi->start() || !m_claude->start())
        return {};
    IntegrationSettings services;
    services.assemblyAi.apiKey = "aai-test-key";
    services.assemblyAi.baseUrl = m_assemblyAi->baseUrl();
    services.claude.apiKey = "sk-ant-test-key";
    services.claude.baseUrl = m_claude->baseUrl();
    return services;
}

void TestCallPipeline::withKeysTheServicesDoTheWork()
{
    const IntegrationSettings services = keyedServices();
    QVERIFY(services.hasAssemblyAi() && services.hasClaude());
    // Personal data said in the call, for the mask.
    const QJsonArray utterances{
        FakeAssemblyAi::utterance(u"A"_s, 1000, 4000, u"How many clients do you work with today?"_s, 0.95),
        FakeAssemblyAi::utterance(u"B"_s, 4500, 9000,
            u"About 1200. Mail me at dana@whitfield.example or call +1 555 123 4567."_s, 0.9),
        FakeAssemblyAi::utterance(u"A"_s, 9500, 12000, u"What would predictable revenue mean for you?"_s, 0.93),
    };
    m_assemblyAi->setUtterances(utterances);
    // Polls alone would take long: the webhook brings the collection forward.
    m_assemblyAi->setPolls(1000, 1000);
    m_assemblyAi->setFinishesAfterMs(300);
    m_claude->setAnswer(claudesAnswer());
    const QByteArray recording = "the call's audio, as Zoom stored it";
    QVERIFY(!start(services, recording).isEmpty());
    QVERIFY(reviewed([](const QJsonObject &r) { return r[u"analysis"_s].isObject(); }, 30000));
    const QJsonObject done = review();
    QCOMPARE(stepStates(done), (QStringList{ u"recording=done"_s, u"transcription=done"_s, u"analysis=done"_s }));
    QCOMPARE(stepOf(done, u"transcription"_s)[u"engine"_s].toString(), u"assemblyai"_s);
    QCOMPARE(stepOf(done, u"analysis"_s)[u"engine"_s].toString(), u"claude"_s);

    // AssemblyAI got the recording, was asked for two speakers and to call back.
    const QStringList ids = m_assemblyAi->transcriptIds();
    QCOMPARE(ids.size(), 1);
    const QJsonObject asked = m_assemblyAi->transcriptRequest(ids.first());
    QCOMPARE(m_assemblyAi->uploadedBytes(asked[u"audio_url"_s].toString()), recording);
    QCOMPARE(asked[u"speaker_labels"_s].toBool(), true);
    QCOMPARE(asked[u"speakers_expected"_s].toInt(), 2);
    QCOMPARE(asked[u"webhook_url"_s].toString(), m_api->url(u"/webhooks/assemblyai"_s).toString());
    QCOMPARE(asked[u"webhook_auth_header_name"_s].toString(), u"X-CallOS-Webhook-Token"_s);
    const QList<FakeAssemblyAi::WebhookAttempt> calls = m_assemblyAi->webhookAttempts();
    QVERIFY(!calls.isEmpty());
    QCOMPARE(calls.last().httpStatus, 200);
    // Its utterances, stored as they came.
    const QJsonArray stored = done[u"transcript"_s][u"utterances"_s].toArray();
    QCOMPARE(stored.size(), 3);
    QCOMPARE(stored[1][u"speaker"_s].toString(), u"B"_s);
    QCOMPARE(stored[1][u"start"_s].toInteger(), 4500);
    QCOMPARE(stored[1][u"end"_s].toInteger(), 9000);
    QCOMPARE(stored[1][u"text"_s].toString(), u"About 1200. Mail me at dana@whitfield.example or call +1 555 123 4567."_s);

    // Claude was asked once: the stable layers first, cached at the last of
    // them; the transcript with its times, and masked.
    const QList<QJsonObject> bodies = m_claude->messageBodies();
    QCOMPARE(bodies.size(), 1);
    const QJsonArray system = bodies.first()[u"system"_s].toArray();
    QCOMPARE(system.size(), 4);
    for (qsizetype i = 0; i < system.size(); ++i)
        QCOMPARE(system[i].toObject().contains(u"cache_control"_s), i == 3);
    QVERIFY(system[2][u"text"_s].toString().contains(u"price: Price"_s)); // the playbook's objection ids
    const QString user = bodies.first()[u"messages"_s][0][u"content"_s].toString();
    QVERIFY(user.contains(u"[1000-4000] A: How many clients do you work with today?"_s));
    QVERIFY2(user.contains(u"[4500-9000] B: About [number]. Mail me at [email] or call [phone]."_s), qPrintable(user));
    QVERIFY(!user.contains(u"dana@whitfield.example"_s));
    QVERIFY(!user.contains(u"About 1200"_s));
    QCOMPARE(bodies.first()[u"output_config"_s][u"format"_s][u"type"_s].toString(), u"json_schema"_s);

    const QJsonObject analysis = done[u"analysis"_s].toObject();
    QCOMPARE(analysis[u"state"_s].toString(), u"completed"_s);
    QCOMPARE(analysis[u"result"_s][u"summary"_s].toString(), claudesAnswer()[u"summary"_s].toString());
    QCOMPARE(analysis[u"result"_s][u"readiness"_s][u"score"_s].toInt(), 72);
    // The figures are ours, whoever analysed.
    QCOMPARE(analysis[u"result"_s][u"metrics"_s][u"questions"_s][u"A"_s].toInt(), 2);
    QCOMPARE(analysis[u"prompt_versions"_s].toObject(),
        (QJsonObject{ { u"platform"_s, 0 }, { u"organisation"_s, 0 }, { u"playbook"_s, 0 }, { u"task"_s, 0 },
            { u"call"_s, 0 } }));
    QVERIFY(!analysis[u"model"_s].toString().isEmpty());
    // No key in anything the workers logged.
    QVERIFY(!m_workerLogBuffer.data().contains("aai-test-key"));
    QVERIFY(!m_workerLogBuffer.data().contains("sk-ant-test-key"));
}

void TestCallPipeline::aRefusalIsKeptAsAFailedAnalysis()
{
    const IntegrationSettings services = keyedServices();
    QVERIFY(services.hasClaude());
    // Long enough for the admin's new prompt version below to come first.
    m_assemblyAi->setFinishesAfterMs(1500);
    m_claude->setRefusal();
    QVERIFY(!start(services, "audio").isEmpty());
    // An admin's own organisation layer: the next analysis records it.
    const ApiReply added = m_api->post(u"/api/v1/prompts/organisation"_s,
        QJsonObject{ { u"text"_s, u"We coach coaching businesses of 500+ clients."_s } }, m_api->signIn(m_admin));
    QCOMPARE(added.status, 201);
    QCOMPARE(added.json[u"version"_s].toInt(), 1);

    QVERIFY(reviewed([](const QJsonObject &r) { return r[u"analysis"_s].isObject(); }, 30000));
    const QJsonObject done = review();
    const QJsonObject analysis = done[u"analysis"_s].toObject();
    QCOMPARE(analysis[u"engine"_s].toString(), u"claude"_s);
    QCOMPARE(analysis[u"state"_s].toString(), u"failed"_s);
    QVERIFY2(analysis[u"failure_reason"_s].toString().startsWith(u"Claude declined to analyse the call"_s),
        qPrintable(analysis[u"failure_reason"_s].toString()));
    QCOMPARE(analysis[u"prompt_versions"_s][u"organisation"_s].toInt(), 1);
    QCOMPARE(stepOf(done, u"analysis"_s)[u"state"_s].toString(), u"failed"_s);
    QCOMPARE(stepOf(done, u"analysis"_s)[u"last_error"_s].toString(), analysis[u"failure_reason"_s].toString());
    // Asked once: a refusal is not asked again.
    QTest::qWait(300);
    QCOMPARE(m_claude->messageBodies().size(), 1);
    QVERIFY(m_claude->messageBodies().first()[u"system"_s][1][u"text"_s].toString().contains(u"500+ clients"_s));
}

void TestCallPipeline::offlineFromTheBotsRecordingToAnalysis()
{
    const std::optional<SpokenCall> spoken = SpokenCall::speak(kSpoken, 1200, 500);
    QVERIFY2(spoken, "espeak-ng could not speak the call (is it installed? scripts/install-deps)");
    const QByteArray wav = wavFile(spoken->audio);
    m_bot = std::make_unique<FakeBot>(botcalls::kApiKey, botcalls::kWebhookSecret);
    QVERIFY(m_bot->start());
    // No Zoom webhook, no AssemblyAI, no Claude: the bot records, the rest
    // runs here.
    QVERIFY(startServer(botcalls::botServices(*m_bot, u"http://127.0.0.1"_s)));
    m_bot->setClock([api = m_api.get()] { return api->clock().nowMs(); });
    const qint64 callStart = m_api->clock().nowMs() - 30 * 60000;
    m_callId = zoomcalls::pushCall(*m_api, m_playbook, m_token, u"bot-"_s, kZoomLink, true, callStart);
    QVERIFY(!m_callId.isEmpty());

    // The call's link and consent send the bot; it joins and records.
    QTRY_COMPARE_WITH_TIMEOUT(m_bot->botIds().size(), 1, 10000);
    const QString botId = m_bot->botIds().first();
    QVERIFY(reviewed([](const QJsonObject &r) { return stepOf(r, u"recording"_s).contains(u"bot"_s); }, 10000));
    QCOMPARE(m_bot->sendStateChange(botId, u"joined_recording"_s, u"bot_joined_meeting"_s), 200);
    QJsonObject recording = stepOf(review(), u"recording"_s);
    QCOMPARE(recording[u"engine"_s].toString(), u"bot"_s);
    QCOMPARE(recording[u"state"_s].toString(), u"waiting"_s);
    QCOMPARE(recording[u"bot"_s][u"state"_s].toString(), u"recording"_s);

    // The meeting ends; Attendee finishes the recording, which began 3 s
    // into the call, and says so.
    m_bot->setRecording(botId, wav, callStart + 3000);
    QCOMPARE(m_bot->sendRecordingReady(botId), 200);
    QVERIFY(reviewed([](const QJsonObject &r) { return r[u"analysis"_s].isObject(); }, 120000));
    const QJsonObject done = review();
    checkOfflineReview(done, wav);
    if (QTest::currentTestFailed())
        return;
    recording = stepOf(done, u"recording"_s);
    QCOMPARE(recording[u"engine"_s].toString(), u"bot"_s);
    QCOMPARE(recording[u"bot"_s][u"state"_s].toString(), u"ended"_s);
    QCOMPARE(done[u"recording"_s][u"source"_s].toString(), u"bot"_s);
    QCOMPARE(done[u"recording"_s][u"started_at"_s].toInteger(), callStart + 3000);
    QCOMPARE(done[u"recording"_s][u"file_type"_s].toString(), u"MP4"_s);
    // The recording's link was asked for once and downloaded without
    // credentials (it is signed itself).
    QCOMPARE(m_bot->requestsTo(u"/api/v1/bots/%1/recording"_s.arg(botId)).size(), 1);
    const QList<FakeRequest> media = m_bot->requestsTo(u"/media/"_s);
    QCOMPARE(media.size(), 1);
    QCOMPARE(media.first().header("Authorization"), QByteArray());
    QVERIFY(!m_workerLogBuffer.data().contains(botcalls::kApiKey));
}

S3Settings TestCallPipeline::fakeS3(const QByteArray &secret)
{
    m_s3 = std::make_unique<FakeS3>(u"callos-recordings"_s, u"eu-central-1"_s, kS3KeyId, kS3Secret);
    if (!m_s3->start())
        return {};
    S3Settings s3;
    s3.bucket = u"callos-recordings"_s;
    s3.region = u"eu-central-1"_s;
    s3.accessKeyId = kS3KeyId;
    s3.secretAccessKey = secret;
    s3.endpoint = m_s3->endpoint();
    return s3;
}

void TestCallPipeline::withS3TheRecordingStaysOffThisDisk()
{
    IntegrationSettings services = keyedServices();
    QVERIFY(services.hasAssemblyAi());
    services.claude.apiKey.clear(); // the rule-based analyzer: Claude is not what this is about
    services.s3 = fakeS3(kS3Secret);
    QVERIFY(services.s3.enabled());
    m_assemblyAi->setFinishesAfterMs(300);
    // S3 is busy at first.
    m_s3->misbehaveNext(FakeS3::error(503, "SlowDown", "Please reduce your request rate."));
    const QByteArray recording = "the call's audio, as it was kept in S3";
    QVERIFY(!start(services, recording).isEmpty());

    QVERIFY(reviewed(
        [](const QJsonObject &r) { return stepOf(r, u"recording"_s)[u"state"_s].toString() == u"retrying"_s; }, 10000));
    const QString busy = stepOf(review(), u"recording"_s)[u"last_error"_s].toString();
    QVERIFY2(
        busy.contains(u"S3 answered HTTP 503. S3 says SlowDown: Please reduce your request rate."_s), qPrintable(busy));
    QVERIFY(m_s3->keys().isEmpty());
    // The retry, when it is due.
    m_api->clock().advance(60000);
    m_workers->wake();
    QVERIFY(reviewed([](const QJsonObject &r) { return r[u"analysis"_s].isObject(); }, 30000));
    const QJsonObject done = review();
    QCOMPARE(stepStates(done), (QStringList { u"recording=done"_s, u"transcription=done"_s, u"analysis=done"_s }));
    // Twice: the first download went nowhere while S3 was busy.
    QCOMPARE(m_zoom->requestsTo(u"/rec/download/"_s).size(), 2);

    // In the bucket, encrypted at rest, byte for byte; not on this disk.
    const QString recordingId = done[u"recording"_s][u"id"_s].toString();
    QCOMPARE(m_s3->keys().size(), 1);
    const QString key = m_s3->keys().first();
    QVERIFY2(key.endsWith(u'/' + recordingId + u".m4a"_s), qPrintable(key));
    QVERIFY(m_s3->object(key)->bytes == recording);
    QCOMPARE(m_s3->object(key)->encryption, "AES256");
    QCOMPARE(filesUnder(m_dataDir->filePath(u"recordings"_s)), QStringList());
    // Transcription read it back from S3: AssemblyAI got the very bytes.
    const QStringList transcripts = m_assemblyAi->transcriptIds();
    QCOMPARE(transcripts.size(), 1);
    QVERIFY(m_assemblyAi->uploadedBytes(m_assemblyAi->transcriptRequest(transcripts.first())[u"audio_url"_s].toString())
        == recording);
    int gets = 0;
    for (const FakeRequest &request : m_s3->requests())
        gets += request.method == "GET" && request.header("Authorization").startsWith("AWS4-HMAC-SHA256 ");
    QCOMPARE(gets, 1);

    // Playback: a redirect to a presigned link, after the access is audited.
    const ApiReply media = m_api->get(u"/api/v1/recordings/%1/media"_s.arg(recordingId), m_token);
    QCOMPARE(media.status, 302);
    QVERIFY(media.body.isEmpty());
    QCOMPARE(media.header("Cache-Control"), "no-store");
    const QUrl link = QUrl::fromEncoded(media.header("Location"), QUrl::StrictMode);
    QVERIFY2(link.toString().startsWith(m_s3->endpoint() + u"/callos-recordings/"_s + key + u'?'),
        media.header("Location").constData());
    QCOMPARE(QUrlQuery(link).queryItemValue(u"X-Amz-Expires"_s), u"300"_s);
    QVERIFY(!media.header("Location").contains(kS3Secret));
    const ApiReply audit = m_api->get(u"/api/v1/audit?action=recording.accessed"_s, m_api->signIn(m_admin));
    QCOMPARE(audit.json[u"entries"_s].toArray().size(), 1);
    QCOMPARE(audit.json[u"entries"_s][0][u"actor_user_id"_s].toString(), m_agent.id);
    QCOMPARE(audit.json[u"entries"_s][0][u"details"_s][u"recording_id"_s].toString(), recordingId);

    // The player follows it, with no keys of its own: the recording...
    HttpClient player;
    HttpRequest play;
    play.url = QString::fromLatin1(link.toEncoded());
    const HttpResponse played = player.send(play);
    QCOMPARE(played.status, 200);
    QVERIFY(played.body == recording);
    // ... for five minutes.
    m_api->clock().advance(301 * 1000);
    const HttpResponse late = player.send(play);
    QCOMPARE(late.status, 403);
    QVERIFY2(late.body.contains("<Message>Request has expired</Message>"), late.body.constData());

    // The secret in no log.
    QVERIFY(!m_workerLogBuffer.data().contains(kS3Secret));
    QVERIFY(!m_api->logText().contains(kS3Secret));
}

void TestCallPipeline::aStoreThatRefusesEndsTheFetch()
{
    IntegrationSettings services;
    services.s3 = fakeS3("not-the-secret");
    QVERIFY(!start(services, "audio").isEmpty());
    // S3 refuses the signature: asking again cannot help, the step fails
    // at once and says what to fix.
    QVERIFY(reviewed(
        [](const QJsonObject &r) { return stepOf(r, u"recording"_s)[u"state"_s].toString() == u"failed"_s; }, 10000));
    const QJsonObject step = stepOf(review(), u"recording"_s);
    QCOMPARE(step[u"attempts"_s].toInt(), 1);
    const QString why = step[u"last_error"_s].toString();
    QVERIFY2(why.contains(u"S3 answered HTTP 403. S3 says SignatureDoesNotMatch"_s)
            && why.endsWith(u"Check CALLOS_S3_SECRET_ACCESS_KEY."_s),
        qPrintable(why));
    QVERIFY(m_s3->keys().isEmpty());
    // Nothing half-done left on this disk either.
    QCOMPARE(filesUnder(m_dataDir->filePath(u"recordings"_s)), QStringList());
    QVERIFY(!m_workerLogBuffer.data().contains("not-the-secret"));
}

// AssemblyAI's error and Claude's refusal are stored as the steps' results,
// their jobs done: the app's Retry throws those results away and runs the
// steps again, and the audit log keeps what they said.
void TestCallPipeline::aStoredFailureRunsAgainOnRetry()
{
    const IntegrationSettings services = keyedServices();
    m_assemblyAi->setError(u"File does not appear to contain audio."_s);
    m_assemblyAi->setFinishesAfterMs(100);
    m_claude->setRefusal();
    QVERIFY(!start(services, "audio").isEmpty());
    const auto stepIs = [](const QString &step, const QString &state) {
        return [=](const QJsonObject &r) { return stepOf(r, step)[u"state"_s].toString() == state; };
    };
    QVERIFY2(reviewed(stepIs(u"transcription"_s, u"failed"_s), 30000), qPrintable(stepStates(review()).join(u' ')));
    const QString assemblyAiSaid = stepOf(review(), u"transcription"_s)[u"last_error"_s].toString();
    QVERIFY2(assemblyAiSaid.endsWith(u"File does not appear to contain audio."_s), qPrintable(assemblyAiSaid));
    const QString retryPath = u"/api/v1/calls/%1/review/retry"_s.arg(m_callId);

    // AssemblyAI works again; the agent retries: transcribed this time.
    m_assemblyAi->setError(QString());
    ApiReply again = m_api->post(retryPath, {}, m_token);
    QCOMPARE(again.status, 200);
    QVERIFY2(stepOf(again.json, u"transcription"_s)[u"state"_s].toString() != u"failed"_s, again.body.constData());
    // Claude refuses the analysis.
    QVERIFY2(reviewed(stepIs(u"analysis"_s, u"failed"_s), 30000), qPrintable(stepStates(review()).join(u' ')));
    QCOMPARE(stepOf(review(), u"transcription"_s)[u"state"_s].toString(), u"done"_s);
    QCOMPARE(m_assemblyAi->transcriptIds().size(), 2);
    const QString refusal = review()[u"analysis"_s][u"failure_reason"_s].toString();

    // Claude answers now; retried, the call is analysed, once more only.
    m_claude->setAnswer(claudesAnswer());
    again = m_api->post(retryPath, {}, m_token);
    QCOMPARE(again.status, 200);
    // The refusal is gone: no analysis yet, or (a worker woken at once by
    // PostgreSQL's notification) already the new one.
    QVERIFY2(again.json[u"analysis"_s][u"state"_s].toString() != u"failed"_s, again.body.constData());
    QVERIFY2(reviewed(stepIs(u"analysis"_s, u"done"_s), 30000), qPrintable(stepStates(review()).join(u' ')));
    QCOMPARE(review()[u"analysis"_s][u"state"_s].toString(), u"completed"_s);
    QCOMPARE(review()[u"analysis"_s][u"result"_s][u"summary"_s].toString(), claudesAnswer()[u"summary"_s].toString());
    QCOMPARE(m_claude->messageBodies().size(), 2);
    QCOMPARE(m_api->post(retryPath, {}, m_token).status, 409); // nothing failed any more

    const ApiReply audit = m_api->get(u"/api/v1/audit?action=call.pipeline_retried"_s, m_api->signIn(m_admin));
    const QJsonArray entries = audit.json[u"entries"_s].toArray();
    QCOMPARE(entries.size(), 2);
    QStringList said;
    for (const QJsonValue &entry : entries)
        said.append(entry[u"details"_s][u"failures"_s][0].toString());
    said.sort();
    QStringList expected{ assemblyAiSaid, refusal };
    expected.sort();
    QCOMPARE(said, expected);
}

QTEST_GUILESS_MAIN(TestCallPipeline)
#include "tst_callpipeline.moc"
