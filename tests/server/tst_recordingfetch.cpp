// From Zoom's webhook to the recording in the store, on SQLite and
// PostgreSQL: the server's own worker threads (PipelineWorkers) fetch the
// audio from a fake Zoom over real HTTP with the webhook's download token,
// store it, and queue its transcription - and recover from what Zoom's
// side does wrong: 429 with Retry-After, 500, a cut download, a stall, a
// refused token, a redirect to a storage link on another host.
#include "apiharness.h"
#include "fakezoom.h"
#include "jobs/jobqueue.h"
#include "net/httpclient.h"
#include "pipeline/pipelineworkers.h"
#include "playbook/playbookloader.h"
#include "recording/diskrecordingstore.h"
#include "recording/recordingfetchhandler.h"
#include "recording/recordingdownload.h"
#include "recording/recordinghandoff.h"
#include "recording/recordings.h"
#include "storage/sqlrows.h"
#include "tablerows.h"
#include "testdatabases.h"
#include "testpaths.h"
#include "zoomcalls.h"

#include <QBuffer>
#include <QDir>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;
using namespace callos::test::zoomcalls;

namespace {


QByteArray audioBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(7);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

} // namespace

class TestRecordingFetch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void webhookToStoredRecording_data() { TestDatabases::addBackendRows(); }
    void webhookToStoredRecording();
    void zoomSaysComeBackLater_data() { TestDatabases::addBackendRows(); }
    void zoomSaysComeBackLater();
    void cutAndStalledDownloadsLeaveNothing_data() { TestDatabases::addBackendRows(); }
    void cutAndStalledDownloadsLeaveNothing();
    void aRefusedTokenEndsTheJob_data() { TestDatabases::addBackendRows(); }
    void aRefusedTokenEndsTheJob();
    void aSecondRunChangesNothing_data() { TestDatabases::addBackendRows(); }
    void aSecondRunChangesNothing();

private:
    // The server, its workers and a call in meeting kMeeting with consent;
    // Zoom then announces `bytes` as the call's recording. The recording id.
    QString announceRecording(const QByteArray &bytes, const QByteArray &zoomsToken = kDownloadToken);
    QString recordingState(const QString &recordingId);
    QString jobState(const QString &kind);
    QString jobError(const QString &kind);
    int jobCount(const QString &kind);
    // Of the recording.fetch job.
    int attempts();
    // Moves the server's clock on and lets the workers look again.
    void later(qint64 ms);
    QStringList stagedFiles() const;

    Playbook m_playbook;
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
    QBuffer m_workerLogBuffer;
    std::unique_ptr<JsonLog> m_workerLog;
    std::unique_ptr<PipelineWorkers> m_workers;
    std::unique_ptr<FakeZoom> m_zoom;
    QTemporaryDir m_dataDir;
};

void TestRecordingFetch::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY(loaded.ok());
    m_playbook = *loaded.value;
}

void TestRecordingFetch::init()
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    ServerApp::Settings app;
    app.integrations.zoom.webhookSecret = kSecret;
    m_api = std::make_unique<ApiHarness>(settings.value(), app);
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
    m_zoom = std::make_unique<FakeZoom>();
    QVERIFY(m_zoom->start());

    PipelineSettings pipeline;
    pipeline.recordingsDirectory = m_dataDir.filePath(u"recordings"_s);
    pipeline.downloadStallTimeoutMs = 1000;
    pipeline.pollMs = 50;
    m_workerLogBuffer.setData(QByteArray());
    m_workerLogBuffer.open(QIODevice::WriteOnly);
    m_workerLog = std::make_unique<JsonLog>(m_workerLogBuffer, m_api->clock());
    m_workers = std::make_unique<PipelineWorkers>(settings.value(), m_api->clock(), *m_workerLog, pipeline);
    QVERIFY(m_workers->start());
    // SQLite has no notifications: the server wakes its own workers.
    m_api->app().jobs().setLocalWakeUp([workers = m_workers.get()] { workers->wake(); });
}

void TestRecordingFetch::cleanup()
{
    if (m_api)
        m_api->app().jobs().setLocalWakeUp({});
    m_workers.reset();
    m_workerLog.reset();
    m_workerLogBuffer.close();
    m_zoom.reset();
    m_api.reset();
    m_databases.reset();
    QDir(m_dataDir.filePath(u"recordings"_s)).removeRecursively();
}

QString TestRecordingFetch::announceRecording(const QByteArray &bytes, const QByteArray &zoomsToken)
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser alice = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    const qint64 start = m_api->clock().nowMs() - 60 * 60000;
    if (zoomcalls::pushCall(*m_api, m_playbook, m_api->signIn(alice), u"f-"_s, kZoomLink, true, start).isEmpty())
        return {};
    const QString uuid = u"WEz4RT2lSyKx2MD9Z+lYfA=="_s;
    m_zoom->addFile(uuid + u"-m4a"_s, bytes, zoomsToken);
    const QJsonObject body = zoomcalls::recordingCompleted(kMeeting, uuid, start + 5000,
        zoomcalls::recordingFiles(uuid, start + 5000, m_zoom->url(u"/rec/download/"_s)), QString::fromLatin1(kDownloadToken));
    const ApiReply reply = zoomcalls::deliver(*m_api, QJsonDocument(body).toJson(QJsonDocument::Compact), kSecret);
    if (reply.json[u"status"_s].toString() != u"accepted"_s)
        qWarning() << "webhook:" << reply.status << reply.body;
    return reply.json[u"recording_id"_s].toString();
}

QString TestRecordingFetch::recordingState(const QString &recordingId)
{
    const auto row = SqlRows::first(
        m_api->database(), u"test"_s, u"SELECT state FROM recordings WHERE id = ?"_s, { recordingId });
    return row && row.value() ? row.value()->at(0).toString() : QString();
}

QString TestRecordingFetch::jobState(const QString &kind)
{
    return tablerows::jobState(*m_api, kind);
}

QString TestRecordingFetch::jobError(const QString &kind)
{
    return tablerows::jobError(*m_api, kind);
}

int TestRecordingFetch::jobCount(const QString &kind)
{
    return tablerows::count(*m_api, u"jobs WHERE kind = '%1'"_s.arg(kind));
}

int TestRecordingFetch::attempts()
{
    const auto row = SqlRows::first(
        m_api->database(), u"test"_s, u"SELECT attempts FROM jobs WHERE kind = 'recording.fetch'"_s);
    return row && row.value() ? row.value()->at(0).toInt() : -1;
}

void TestRecordingFetch::later(qint64 ms)
{
    m_api->clock().advance(ms);
    m_workers->wake();
}

QStringList TestRecordingFetch::stagedFiles() const
{
    return QDir(m_dataDir.filePath(u"recordings/.incoming"_s)).entryList(QDir::Files);
}

void TestRecordingFetch::webhookToStoredRecording()
{
    const QByteArray audio = audioBytes(700 * 1024);
    const QString recordingId = announceRecording(audio);
    QVERIFY(!recordingId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(recordingState(recordingId), u"stored"_s, 10000);

    const auto row = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT org_id, storage_key, size_bytes FROM recordings WHERE id = ?"_s, { recordingId });
    const QString key = row.value()->at(1).toString();
    QCOMPARE(key, row.value()->at(0).toString() + u'/' + recordingId + u".m4a"_s);
    QCOMPARE(row.value()->at(2).toLongLong(), qint64(audio.size()));
    QFile stored(m_dataDir.filePath(u"recordings/"_s + key));
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QVERIFY(stored.readAll() == audio);
    // Readable by the server's user only.
    QCOMPARE(stored.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QVERIFY(stagedFiles().isEmpty());

    // Zoom was asked once, for the audio file, with the bearer token.
    const QList<FakeRequest> asked = m_zoom->requestsTo(u"/rec/download/"_s);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked[0].path, u"/rec/download/WEz4RT2lSyKx2MD9Z+lYfA==-m4a"_s);
    QCOMPARE(asked[0].header("Authorization"), "Bearer " + kDownloadToken);
    QTRY_COMPARE(jobState(u"recording.fetch"_s), u"done"_s);
    // Next: its transcription, queued in the same transaction (and taken
    // by the workers at once: these bytes are no audio, so it fails, which
    // tst_callpipeline's real recordings do not).
    QCOMPARE(jobCount(u"recording.transcribe"_s), 1);
}

void TestRecordingFetch::zoomSaysComeBackLater()
{
    // Twice busy (429 for 30 s, then a 500), then a redirect to a storage
    // link on another host name.
    m_zoom->misbehaveNext(FakeResponse::json(429, R"({"code":429,"message":"Too many requests."})",
        { { "Retry-After", "30" } }));
    m_zoom->misbehaveNext(FakeResponse::json(500, R"({"code":500,"message":"Internal error."})"));
    m_zoom->setRedirects(true, u"localhost"_s);
    const QByteArray audio = audioBytes(64 * 1024);
    const QString recordingId = announceRecording(audio);
    QVERIFY(!recordingId.isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(jobState(u"recording.fetch"_s), u"failed"_s, 10000);
    QCOMPARE(jobError(u"recording.fetch"_s), u"Zoom answered HTTP 429."_s);
    const auto runAt = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT run_at FROM jobs WHERE kind = 'recording.fetch'"_s);
    // Not before Zoom's 30 s.
    QVERIFY(runAt.value()->at(0).toLongLong() >= m_api->clock().nowMs() + 30000);
    // Nothing happens while the fake clock stands still...
    QTest::qWait(300);
    QCOMPARE(m_zoom->requestsTo(u"/rec/download/"_s).size(), 1);
    // ... and the retry comes once it is due.
    later(31000);
    QTRY_COMPARE_WITH_TIMEOUT(jobError(u"recording.fetch"_s), u"Zoom answered HTTP 500."_s, 10000);
    later(10 * 60000);
    QTRY_COMPARE_WITH_TIMEOUT(recordingState(recordingId), u"stored"_s, 10000);
    QCOMPARE(m_zoom->requestsTo(u"/rec/download/"_s).size(), 3);
    // The storage link got no bearer token: it left the host the token was for.
    const QList<FakeRequest> storage = m_zoom->requestsTo(u"/storage/"_s);
    QCOMPARE(storage.size(), 1);
    QCOMPARE(storage[0].header("Authorization"), QByteArray());
    QCOMPARE(storage[0].header("Host").left(10), "localhost:");
}

void TestRecordingFetch::cutAndStalledDownloadsLeaveNothing()
{
    const QByteArray audio = audioBytes(256 * 1024);
    FakeResponse cut;
    cut.headers = { { "Content-Type", "audio/mp4" } };
    cut.body = audio;
    cut.truncateAfter = 100 * 1024;
    m_zoom->misbehaveNext(cut);
    FakeResponse stall;
    stall.stall = true;
    m_zoom->misbehaveNext(stall);
    FakeResponse hangUp;
    hangUp.hangUp = true;
    m_zoom->misbehaveNext(hangUp);
    const QString recordingId = announceRecording(audio);
    QVERIFY(!recordingId.isEmpty());

    const QStringList expected{ u"cut"_s, u"stall"_s, u"hang up"_s };
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(attempts() == i + 1 && jobState(u"recording.fetch"_s) == u"failed"_s, 10000);
        QVERIFY2(jobError(u"recording.fetch"_s).startsWith(u"Zoom did not answer: "_s),
            qPrintable(expected[i] + u": "_s + jobError(u"recording.fetch"_s)));
        QCOMPARE(recordingState(recordingId), u"pending"_s);
        // No partial file anywhere.
        QVERIFY2(stagedFiles().isEmpty(), qPrintable(stagedFiles().join(u", "_s)));
        QCOMPARE(QDir(m_dataDir.filePath(u"recordings"_s)).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList{ u".incoming"_s });
        later(60 * 60000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(recordingState(recordingId), u"stored"_s, 10000);
    QCOMPARE(m_zoom->requestsTo(u"/rec/download/"_s).size(), 4);
    QCOMPARE(attempts(), 4);
}

void TestRecordingFetch::aRefusedTokenEndsTheJob()
{
    // Zoom no longer takes the webhook's token (24 h passed).
    const QString recordingId = announceRecording(audioBytes(1024), "another-token");
    QVERIFY(!recordingId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(jobState(u"recording.fetch"_s), u"dead"_s, 10000);
    QCOMPARE(jobError(u"recording.fetch"_s),
        u"Zoom answered HTTP 401. The download token has expired or is not valid."_s);
    QCOMPARE(recordingState(recordingId), u"pending"_s);
    QCOMPARE(jobCount(u"recording.transcribe"_s), 0);
    // Never in the log: the token.
    QVERIFY(m_workerLogBuffer.data().contains("jobs.attempt_failed"));
    QVERIFY(!m_workerLogBuffer.data().contains(kDownloadToken));
}

void TestRecordingFetch::aSecondRunChangesNothing()
{
    const QByteArray audio = audioBytes(4096);
    const QString recordingId = announceRecording(audio);
    QTRY_COMPARE_WITH_TIMEOUT(recordingState(recordingId), u"stored"_s, 10000);
    QTRY_COMPARE(jobState(u"recording.fetch"_s), u"done"_s);
    m_workers->stop();

    // The worker died after storing but before the queue heard: the job
    // runs again. Same recording, same file, still one transcription.
    const auto payload = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT id, org_id, payload FROM jobs WHERE kind = 'recording.fetch'"_s);
    Job again;
    again.id = payload.value()->at(0).toString();
    again.orgId = payload.value()->at(1).toString();
    again.kind = u"recording.fetch"_s;
    again.payload = QJsonDocument::fromJson(payload.value()->at(2).toString().toUtf8()).object();
    UuidGenerator ids;
    QRandomGenerator random(3);
    JobQueue queue(m_api->database(), m_api->clock(), ids, random);
    Recordings recordings(m_api->database(), m_api->clock(), ids);
    DiskRecordingStore store(m_dataDir.filePath(u"recordings"_s));
    HttpClient http;
    RecordingDownload download(recordings, store, http, m_api->clock());
    RecordingHandoff handoff(m_api->database(), recordings, queue);
    RecordingFetchHandler handler(download, handoff);
    QCOMPARE(handler.run(again).has_value(), false);
    QCOMPARE(m_zoom->requestsTo(u"/rec/download/"_s).size(), 1);
    QCOMPARE(jobCount(u"recording.transcribe"_s), 1);
    QCOMPARE(recordingState(recordingId), u"stored"_s);
}

QTEST_GUILESS_MAIN(TestRecordingFetch)
#include "tst_recordingfetch.moc"
