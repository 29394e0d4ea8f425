// A recording made elsewhere, uploaded from the desktop in chunks, on SQLite
// and PostgreSQL: it is taken part by part (a part sent twice changes
// nothing, a part out of order is refused with where to go on), survives a
// server restart half-way, and once whole runs through the same work as a
// Zoom recording: stored byte for byte, transcribed offline (real espeak-ng
// speech), analysed, audited. Bad uploads are refused with their reason and
// leave nothing behind. With S3 set up, the whole upload goes to the
// bucket (FakeS3, which checks SigV4 and wants SSE), also after S3 failed
// once, and nothing stays on this disk.
#include "apiharness.h"
#include "fakes3.h"
#include "jobs/jobqueue.h"
#include "net/httpclient.h"
#include "pipeline/pipelineworkers.h"
#include "playbook/playbookloader.h"
#include "runtime/jsonlog.h"
#include "spokencall.h"
#include "testdatabases.h"
#include "testpaths.h"
#include "zoomcalls.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

const QList<QPair<QByteArray, QByteArray>> kOctets{ { "Content-Type", "application/octet-stream" } };
const QByteArray kS3KeyId = "AKIACALLOSUPLOADS001";
const QByteArray kS3Secret = "uploads/S3+secret=of-the-test";

QStringList filesUnder(const QString &folder)
{
    QStringList out;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    return out;
}

QStringList stepStates(const QJsonObject &review)
{
    QStringList out;
    for (const QJsonValue &step : review[u"pipeline"_s][u"steps"_s].toArray())
        out.append(step[u"step"_s].toString() + u'=' + step[u"state"_s].toString());
    return out;
}

} // namespace

class TestRecordingUpload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void anUploadedRecordingIsTranscribedAndAnalysed_data() { TestDatabases::addBackendRows(); }
    void anUploadedRecordingIsTranscribedAndAnalysed();
    void anUploadGoesOnAfterARestart_data() { TestDatabases::addBackendRows(); }
    void anUploadGoesOnAfterARestart();
    void badUploadsAreRefusedWithTheirReason_data() { TestDatabases::addBackendRows(); }
    void badUploadsAreRefusedWithTheirReason();
    void withS3AnUploadGoesToTheBucket_data() { TestDatabases::addBackendRows(); }
    void withS3AnUploadGoesToTheBucket();

private:
    void startServer();
    // The workers, with the same integrations as the server.
    void startWorkers();
    // A call of the agent with (or without) the prospect's consent to record.
    QString pushCall(bool consent, const QString &prefix);
    ApiReply begin(const QString &callId, const QJsonObject &body);
    ApiReply put(const QString &recordingId, qint64 offset, const QByteArray &bytes,
        const QList<QPair<QByteArray, QByteArray>> &headers = kOctets);

    Playbook m_playbook;
    QByteArray m_wav;
    std::optional<DatabaseSettings> m_settings;
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    QBuffer m_workerLogBuffer;
    std::unique_ptr<JsonLog> m_workerLog;
    std::unique_ptr<PipelineWorkers> m_workers;
    QString m_orgId;
    SeededUser m_admin;
    SeededUser m_agent;
    SeededUser m_colleague;
    QString m_token;
    // Recordings in S3 when set (withS3...), else on the disk.
    IntegrationSettings m_integrations;
    std::unique_ptr<FakeS3> m_s3;
};

void TestRecordingUpload::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY(loaded.ok());
    m_playbook = *loaded.value;
    const std::optional<SpokenCall> spoken = SpokenCall::speak(
        { { true, u"how many clients do you work with today"_s }, { false, u"we work with about two hundred clients"_s } },
        1000, 500);
    QVERIFY2(spoken, "espeak-ng could not speak the call (is it installed? scripts/install-deps)");
    m_wav = wavFile(spoken->audio);
}

void TestRecordingUpload::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    m_settings = settings.value();
    startServer();
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    m_orgId = acme.orgId;
    m_admin = acme.admin;
    m_agent = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    m_colleague = m_api->addUser(acme.orgId, Role::Agent, u"bob@acme.example"_s);
    m_token = m_api->signIn(m_agent);
}

void TestRecordingUpload::startServer()
{
    ServerApp::Settings app;
    app.recordingsDirectory = m_dataDir->filePath(u"recordings"_s);
    app.integrations = m_integrations;
    m_api = std::make_unique<ApiHarness>(*m_settings, app);
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
    if (m_s3) {
        // S3 holds signed requests to its own clock (15 minutes either way)
        // and libcurl signs with the machine's: the server's clock starts
        // there, and S3 reads it.
        m_api->clock().advance(QDateTime::currentMSecsSinceEpoch() - m_api->clock().nowMs());
        m_s3->setClock([clock = &m_api->clock()] { return clock->nowMs(); });
    }
}

void TestRecordingUpload::startWorkers()
{
    PipelineSettings pipeline;
    pipeline.recordingsDirectory = m_dataDir->filePath(u"recordings"_s);
    pipeline.pollMs = 50;
    pipeline.services = m_integrations;
    m_workerLogBuffer.setData(QByteArray());
    m_workerLogBuffer.open(QIODevice::WriteOnly);
    m_workerLog = std::make_unique<JsonLog>(m_workerLogBuffer, m_api->clock());
    m_workers = std::make_unique<PipelineWorkers>(*m_settings, m_api->clock(), *m_workerLog, pipeline);
    QVERIFY(m_workers->start());
    m_api->app().jobs().setLocalWakeUp([workers = m_workers.get()] { workers->wake(); });
}

void TestRecordingUpload::cleanup()
{
    if (m_api)
        m_api->app().jobs().setLocalWakeUp({});
    m_workers.reset();
    m_s3.reset(); // before the clock it reads
    m_integrations = IntegrationSettings();
    m_workerLog.reset();
    m_workerLogBuffer.close();
    m_api.reset();
    m_databases.reset();
    m_dataDir.reset();
}

QString TestRecordingUpload::pushCall(bool consent, const QString &prefix)
{
    return zoomcalls::pushCall(*m_api, m_playbook, m_token, prefix, zoomcalls::kZoomLink, consent,
        m_api->clock().nowMs() - 30 * 60000);
}

ApiReply TestRecordingUpload::begin(const QString &callId, const QJsonObject &body)
{
    return m_api->post(u"/api/v1/calls/%1/recording-uploads"_s.arg(callId), body, m_token);
}

ApiReply TestRecordingUpload::put(const QString &recordingId, qint64 offset, const QByteArray &bytes,
    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return m_api->send("PUT", u"/api/v1/recordings/%1/upload?offset=%2"_s.arg(recordingId).arg(offset), bytes,
        headers, m_token);
}

void TestRecordingUpload::anUploadedRecordingIsTranscribedAndAnalysed()
{
    const QString callId = pushCall(true, u"up-"_s);
    QVERIFY(!callId.isEmpty());
    const QJsonObject body{ { u"upload_key"_s, u"key-1"_s }, { u"file_name"_s, u"Whitfield call.WAV"_s },
        { u"size_bytes"_s, m_wav.size() } };
    const ApiReply begun = begin(callId, body);
    QCOMPARE(begun.status, 201);
    const QString recordingId = begun.json[u"recording_id"_s].toString();
    QCOMPARE(begun.json[u"received_bytes"_s].toInteger(), 0);
    QCOMPARE(begun.json[u"chunk_bytes"_s].toInteger(), 4 * 1024 * 1024);
    // The same start again (its answer was lost): the same upload.
    const ApiReply again = begin(callId, body);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json[u"recording_id"_s].toString(), recordingId);

    // Three parts; the first sent twice, then one out of order.
    const qint64 third = m_wav.size() / 3;
    ApiReply part = put(recordingId, 0, m_wav.left(third));
    QCOMPARE(part.status, 200);
    QCOMPARE(part.json[u"received_bytes"_s].toInteger(), third);
    QVERIFY(!part.json[u"complete"_s].toBool());
    part = put(recordingId, 0, m_wav.left(third));
    QCOMPARE(part.status, 200);
    QCOMPARE(part.json[u"received_bytes"_s].toInteger(), third);
    part = put(recordingId, 2 * third, m_wav.mid(2 * third));
    QCOMPARE(part.status, 409);
    QCOMPARE(part.errorCode(), u"upload.offset_mismatch"_s);
    QCOMPARE(part.json[u"error"_s][u"details"_s][u"received_bytes"_s].toInteger(), third);
    // Nothing is stored or queued before the file is whole.
    QCOMPARE(stepStates(m_api->get(u"/api/v1/calls/%1/review"_s.arg(callId), m_token).json).first(),
        u"recording=waiting"_s);

    // The workers start; the rest arrives.
    startWorkers();
    QCOMPARE(put(recordingId, third, m_wav.mid(third, third)).status, 200);
    part = put(recordingId, 2 * third, m_wav.mid(2 * third));
    QCOMPARE(part.status, 200);
    QVERIFY(part.json[u"complete"_s].toBool());

    QJsonObject review;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     review = m_api->get(u"/api/v1/calls/%1/review"_s.arg(callId), m_token).json;
                     return review[u"analysis"_s].isObject() && stepStates(review).value(2) == u"analysis=done"_s;
                 },
                 120000),
        qPrintable(stepStates(review).join(u", "_s) + u'\n' + QString::fromUtf8(m_workerLogBuffer.data())));
    QCOMPARE(stepStates(review), (QStringList{ u"recording=done"_s, u"transcription=done"_s, u"analysis=done"_s }));
    QCOMPARE(review[u"recording"_s][u"source"_s].toString(), u"upload"_s);
    QCOMPARE(review[u"recording"_s][u"size_bytes"_s].toInteger(), m_wav.size());
    QVERIFY(review[u"transcript"_s][u"utterances"_s].toArray().size() >= 1);

    // Stored byte for byte, played back as WAV; the upload is audited once.
    const ApiReply media = m_api->get(u"/api/v1/recordings/%1/media"_s.arg(recordingId), m_token);
    QCOMPARE(media.status, 200);
    QVERIFY(media.body == m_wav);
    QCOMPARE(media.header("Content-Type"), QByteArray("audio/wav"));
    QVERIFY(QDir(m_dataDir->filePath(u"recordings/.incoming"_s)).entryList(QDir::Files | QDir::Hidden).isEmpty());
    const ApiReply audit = m_api->get(u"/api/v1/audit?action=recording.uploaded"_s, m_api->signIn(m_admin));
    QCOMPARE(audit.json[u"entries"_s].toArray().size(), 1);
    QCOMPARE(audit.json[u"entries"_s][0][u"actor_user_id"_s].toString(), m_agent.id);
    // Done: the status says so, and more parts are refused.
    const ApiReply status = m_api->get(u"/api/v1/recordings/%1/upload"_s.arg(recordingId), m_token);
    QVERIFY(status.json[u"complete"_s].toBool());
    QCOMPARE(put(recordingId, 0, m_wav.left(10)).errorCode(), u"upload.finished"_s);
}

void TestRecordingUpload::anUploadGoesOnAfterARestart()
{
    const QString callId = pushCall(true, u"restart-"_s);
    const ApiReply begun = begin(callId,
        { { u"upload_key"_s, u"key-r"_s }, { u"file_name"_s, u"call.m4a"_s }, { u"size_bytes"_s, m_wav.size() } });
    const QString recordingId = begun.json[u"recording_id"_s].toString();
    const qint64 half = m_wav.size() / 2;
    QCOMPARE(put(recordingId, 0, m_wav.left(half)).status, 200);

    // The server goes and comes back on the same database and data folder;
    // the app asks where to go on.
    m_api.reset();
    startServer();
    m_token = m_api->signIn(m_agent);
    const ApiReply status = m_api->get(u"/api/v1/recordings/%1/upload"_s.arg(recordingId), m_token);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json[u"received_bytes"_s].toInteger(), half);
    QVERIFY(!status.json[u"complete"_s].toBool());
    const ApiReply rest = put(recordingId, half, m_wav.mid(half));
    QCOMPARE(rest.status, 200);
    QVERIFY(rest.json[u"complete"_s].toBool());
    // Queued once, whole.
    const Result<std::optional<JobInfo>> job =
        m_api->app().jobs().findByKey(m_orgId, u"recording.upload"_s, recordingId);
    QVERIFY(job && job.value());
    QFile part(m_dataDir->filePath(u"recordings/.incoming/upload-%1.part"_s.arg(recordingId)));
    QVERIFY(part.open(QIODevice::ReadOnly));
    QVERIFY(part.readAll() == m_wav);
}

void TestRecordingUpload::badUploadsAreRefusedWithTheirReason()
{
    const QString withConsent = pushCall(true, u"ok-"_s);
    const QString without = pushCall(false, u"no-"_s);
    const auto body = [](const QString &name, qint64 size) {
        return QJsonObject{ { u"upload_key"_s, u"k"_s }, { u"file_name"_s, name }, { u"size_bytes"_s, size } };
    };

    const ApiReply noConsent = begin(without, body(u"call.mp3"_s, 100));
    QCOMPARE(noConsent.status, 409);
    QCOMPARE(noConsent.errorCode(), u"recording.no_consent"_s);
    const ApiReply notAudio = begin(withConsent, body(u"notes.txt"_s, 100));
    QCOMPARE(notAudio.status, 400);
    QCOMPARE(notAudio.fieldPaths(), QStringList{ u"file_name"_s });
    QVERIFY(notAudio.body.contains("m4a"));
    QCOMPARE(begin(withConsent, body(u"call.mp3"_s, 0)).fieldPaths(), QStringList{ u"size_bytes"_s });
    QCOMPARE(begin(withConsent, body(u"call.mp3"_s, 3LL * 1024 * 1024 * 1024)).fieldPaths(),
        QStringList{ u"size_bytes"_s });
    QJsonObject extra = body(u"call.mp3"_s, 100);
    extra.insert(u"speakers"_s, 2);
    QCOMPARE(begin(withConsent, extra).fieldPaths(), QStringList{ u"speakers"_s });
    // A colleague's call is no call at all to this agent.
    const QString colleagueToken = m_api->signIn(m_colleague);
    QCOMPARE(m_api->post(u"/api/v1/calls/%1/recording-uploads"_s.arg(withConsent), body(u"call.mp3"_s, 100),
                    colleagueToken)
                 .errorCode(),
        u"call.not_found"_s);

    const QString recordingId = begin(withConsent, body(u"call.mp3"_s, 100)).json[u"recording_id"_s].toString();
    QVERIFY(!recordingId.isEmpty());
    QCOMPARE(put(recordingId, 0, QByteArray(101, 'x')).fieldPaths(), QStringList{ u"body"_s }); // past the size
    QCOMPARE(put(recordingId, 0, QByteArray(10, 'x'), { { "Content-Type", "audio/mpeg" } }).status, 415);
    QCOMPARE(m_api->send("PUT", u"/api/v1/recordings/%1/upload"_s.arg(recordingId), QByteArray(10, 'x'), kOctets,
                     m_token)
                 .fieldPaths(),
        QStringList{ u"offset"_s });
    QCOMPARE(put(recordingId, 0, QByteArray()).fieldPaths(), QStringList{ u"body"_s });
    QCOMPARE(put(recordingId, 0, QByteArray(4 * 1024 * 1024 + 1, 'x')).status, 413);
    QCOMPARE(m_api->send("PUT", u"/api/v1/recordings/%1/upload?offset=0"_s.arg(recordingId), QByteArray(10, 'x'),
                     kOctets, colleagueToken)
                 .errorCode(),
        u"recording.not_found"_s);
    // None of it arrived.
    QCOMPARE(m_api->get(u"/api/v1/recordings/%1/upload"_s.arg(recordingId), m_token).json[u"received_bytes"_s]
                 .toInteger(),
        0);
}

void TestRecordingUpload::withS3AnUploadGoesToTheBucket()
{
    // The server again, now with its recordings in a (fake) S3 bucket.
    m_s3 = std::make_unique<FakeS3>(u"callos-uploads"_s, u"eu-west-1"_s, kS3KeyId, kS3Secret);
    QVERIFY(m_s3->start());
    m_integrations.s3.bucket = u"callos-uploads"_s;
    m_integrations.s3.region = u"eu-west-1"_s;
    m_integrations.s3.accessKeyId = kS3KeyId;
    m_integrations.s3.secretAccessKey = kS3Secret;
    m_integrations.s3.endpoint = m_s3->endpoint();
    QVERIFY(m_integrations.s3.enabled());
    m_api.reset();
    startServer();
    m_token = m_api->signIn(m_agent);
    startWorkers();

    const QString callId = pushCall(true, u"s3-"_s);
    const ApiReply begun = begin(callId,
        { { u"upload_key"_s, u"key-s3"_s }, { u"file_name"_s, u"call.wav"_s }, { u"size_bytes"_s, m_wav.size() } });
    QCOMPARE(begun.status, 201);
    const QString recordingId = begun.json[u"recording_id"_s].toString();
    // S3 fails the first upload: the job tries again later, and the file
    // waits for it here.
    m_s3->misbehaveNext(FakeS3::error(500, "InternalError", "We encountered an internal error. Please try again."));
    QVERIFY(put(recordingId, 0, m_wav).json[u"complete"_s].toBool());
    QJsonObject review;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     review = m_api->get(u"/api/v1/calls/%1/review"_s.arg(callId), m_token).json;
                     return stepStates(review).value(0) == u"recording=retrying"_s;
                 },
                 20000),
        qPrintable(stepStates(review).join(u", "_s) + u'\n' + QString::fromUtf8(m_workerLogBuffer.data())));
    const QString busy = review[u"pipeline"_s][u"steps"_s][0][u"last_error"_s].toString();
    QVERIFY2(busy.contains(u"S3 answered HTTP 500. S3 says InternalError"_s), qPrintable(busy));
    QVERIFY(m_s3->keys().isEmpty());
    QCOMPARE(filesUnder(m_dataDir->filePath(u"recordings"_s)).size(), 1);

    // The retry, when it is due: stored, transcribed (read back from S3),
    // analysed.
    m_api->clock().advance(60000);
    m_workers->wake();
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     review = m_api->get(u"/api/v1/calls/%1/review"_s.arg(callId), m_token).json;
                     return review[u"analysis"_s].isObject() && stepStates(review).value(2) == u"analysis=done"_s;
                 },
                 120000),
        qPrintable(stepStates(review).join(u", "_s) + u'\n' + QString::fromUtf8(m_workerLogBuffer.data())));
    QCOMPARE(stepStates(review), (QStringList{ u"recording=done"_s, u"transcription=done"_s, u"analysis=done"_s }));
    QVERIFY(review[u"transcript"_s][u"utterances"_s].toArray().size() >= 1);

    // In the bucket, encrypted at rest, byte for byte, typed; not on this disk.
    QCOMPARE(m_s3->keys(), QStringList{ m_orgId + u'/' + recordingId + u".wav"_s });
    const std::optional<FakeS3::Object> object = m_s3->object(m_s3->keys().first());
    QVERIFY(object->bytes == m_wav);
    QCOMPARE(object->encryption, "AES256");
    QCOMPARE(object->contentType, "audio/wav");
    QCOMPARE(filesUnder(m_dataDir->filePath(u"recordings"_s)), QStringList());

    // Played back through a presigned link, audited.
    const ApiReply media = m_api->get(u"/api/v1/recordings/%1/media"_s.arg(recordingId), m_token);
    QCOMPARE(media.status, 302);
    HttpClient player;
    HttpRequest play;
    play.url = QString::fromLatin1(media.header("Location"));
    const HttpResponse played = player.send(play);
    QCOMPARE(played.status, 200);
    QVERIFY(played.body == m_wav);
    const ApiReply audit = m_api->get(u"/api/v1/audit?action=recording.accessed"_s, m_api->signIn(m_admin));
    QCOMPARE(audit.json[u"entries"_s].toArray().size(), 1);

    // The secret in no log.
    QVERIFY(!m_workerLogBuffer.data().contains(kS3Secret));
    QVERIFY(!m_api->logText().contains(kS3Secret));
}

QTEST_GUILESS_MAIN(TestRecordingUpload)
#include "tst_recordingupload.moc"
