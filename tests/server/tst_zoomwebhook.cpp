// POST /webhooks/zoom over real HTTP, on SQLite and PostgreSQL: Zoom's URL
// validation, and a signed recording.completed that finds its call by the
// meeting number of the agent's Zoom link, adds the recording and the job
// that fetches its audio - once, however often Zoom delivers it. Forged,
// stale, altered, oversized and malformed deliveries are refused, and
// nothing of them is stored.
#include "apiharness.h"
#include "callevents.h"
#include "playbook/playbookloader.h"
#include "recording/zoommeetinglink.h"
#include "recording/zoomwebhooksignature.h"
#include "storage/sqlrows.h"
#include "testdatabases.h"
#include "testpaths.h"
#include "zoomcalls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;
using namespace callos::test::zoomcalls;

namespace {

// The signature test vector of Zoom's documentation, as the integrations
// page gives it: secret, timestamp and the exact body bytes.
const QByteArray kVectorSecret = "zoom-secret-public-example";
const QByteArray kVectorTimestamp = "1700000000";
const QByteArray kVectorBody
    = R"({"event":"endpoint.url_validation","payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1700000000123})";
const QByteArray kVectorSignature = "v0=0ae6c66de705e5c61b0023766f19c651d8c81522deeee0eba60e4731cf3a129c";
const QByteArray kVectorEncryptedToken = "4d50f1ce5b3b791cef6d94c2a9e51d866043528014914fc57e002b50900b9e40";



// recording.completed of meeting `meeting`, its files on Zoom's host.
QJsonObject recordingCompleted(const QString &meeting, const QString &uuid, qint64 startMs, const QJsonArray &files = {})
{
    return zoomcalls::recordingCompleted(meeting, uuid, startMs,
        files.isEmpty() ? zoomcalls::recordingFiles(uuid, startMs, u"https://example.zoom.us/rec/download/"_s) : files,
        u"download-token-"_s + uuid);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestZoomWebhook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void signatureMatchesTheReferenceVector();
    void meetingNumberFromTheAgentsLink_data();
    void meetingNumberFromTheAgentsLink();
    void urlValidationIsAnswered_data() { TestDatabases::addBackendRows(); }
    void urlValidationIsAnswered();
    void recordingReachesItsCallOnce_data() { TestDatabases::addBackendRows(); }
    void recordingReachesItsCallOnce();
    void consentIsAuditedAndRequired_data() { TestDatabases::addBackendRows(); }
    void consentIsAuditedAndRequired();
    void aPersonalRoomsCallsAreToldApart_data() { TestDatabases::addBackendRows(); }
    void aPersonalRoomsCallsAreToldApart();
    void aRecordingBeforeItsCallWaitsForIt_data() { TestDatabases::addBackendRows(); }
    void aRecordingBeforeItsCallWaitsForIt();
    void badDeliveriesAreRefusedAndStoreNothing_data() { TestDatabases::addBackendRows(); }
    void badDeliveriesAreRefusedAndStoreNothing();
    void withoutASecretNothingIsTaken_data() { TestDatabases::addBackendRows(); }
    void withoutASecretNothingIsTaken();

private:
    // The whole server on this test row's backend, with Zoom's secret token.
    // `sweep`: how often notices that came before their call look for it.
    void startServer(const QByteArray &secret = kSecret, std::chrono::milliseconds sweep = std::chrono::minutes(1));
    // Signed as Zoom signs, at the server's time unless told otherwise.
    ApiReply deliver(const QByteArray &body, const QByteArray &secret = kSecret,
        std::optional<qint64> timestamp = std::nullopt);
    // A call the agent started at `startMs` with `zoomLink`, with the
    // prospect's consent to record when `consent`, pushed to the server.
    QString pushCall(const QString &token, const QString &prefix, const QString &zoomLink, bool consent, qint64 startMs);
    int count(const QString &table);

    Playbook m_playbook;
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
};

void TestZoomWebhook::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY(loaded.ok());
    m_playbook = *loaded.value;
}

void TestZoomWebhook::startServer(const QByteArray &secret, std::chrono::milliseconds sweep)
{
    m_api.reset();
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    ServerApp::Settings app;
    app.integrations.zoom.webhookSecret = secret;
    app.waitingRecordingsSweep = sweep;
    m_api = std::make_unique<ApiHarness>(settings.value(), app);
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
}

void TestZoomWebhook::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

ApiReply TestZoomWebhook::deliver(const QByteArray &body, const QByteArray &secret, std::optional<qint64> timestamp)
{
    return zoomcalls::deliver(*m_api, body, secret, timestamp);
}

QString TestZoomWebhook::pushCall(
    const QString &token, const QString &prefix, const QString &zoomLink, bool consent, qint64 startMs)
{
    return zoomcalls::pushCall(*m_api, m_playbook, token, prefix, zoomLink, consent, startMs);
}

int TestZoomWebhook::count(const QString &table)
{
    const auto rows = SqlRows::first(m_api->database(), u"test"_s, u"SELECT count(*) FROM "_s + table);
    return rows && rows.value() ? rows.value()->at(0).toInt() : -1;
}

void TestZoomWebhook::signatureMatchesTheReferenceVector()
{
    const ZoomWebhookSignature signature(kVectorSecret);
    QCOMPARE(signature.sign(kVectorTimestamp, kVectorBody), kVectorSignature);
    QVERIFY(signature.verify(kVectorSignature, kVectorTimestamp, kVectorBody));
    QCOMPARE(signature.encryptedToken("qgg8vlvZRS6UYooatFL8Aw"), kVectorEncryptedToken);
    // Any change to the bytes, the time or the secret breaks it.
    QByteArray flipped = kVectorBody;
    flipped[20] = char(flipped[20] ^ 0x01);
    QVERIFY(!signature.verify(kVectorSignature, kVectorTimestamp, flipped));
    QVERIFY(!signature.verify(kVectorSignature, "1700000001", kVectorBody));
    QVERIFY(!ZoomWebhookSignature("zoom-secret-public-examplf").verify(kVectorSignature, kVectorTimestamp, kVectorBody));
    QVERIFY(!signature.verify(kVectorSignature.left(kVectorSignature.size() - 1), kVectorTimestamp, kVectorBody));
    QVERIFY(!signature.verify(QByteArray(), kVectorTimestamp, kVectorBody));
}

void TestZoomWebhook::meetingNumberFromTheAgentsLink_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("number"); // empty: none
    QTest::newRow("join") << u"https://us02web.zoom.us/j/87565330005?pwd=abc"_s << u"87565330005"_s;
    QTest::newRow("plain host, nine digits") << u"https://zoom.us/j/123456789"_s << u"123456789"_s;
    QTest::newRow("start") << u"https://zoom.us/s/8756533000"_s << u"8756533000"_s;
    QTest::newRow("webinar") << u"https://acme.zoom.us/w/87565330005?tk=x"_s << u"87565330005"_s;
    QTest::newRow("web client join") << u"https://app.zoom.us/wc/join/87565330005"_s << u"87565330005"_s;
    QTest::newRow("web client") << u"https://app.zoom.us/wc/87565330005/join?fromPWA=1"_s << u"87565330005"_s;
    QTest::newRow("spaces around") << u"  https://zoom.us/j/87565330005  "_s << u"87565330005"_s;
    QTest::newRow("personal link name") << u"https://zoom.us/my/dana.whitfield"_s << QString();
    QTest::newRow("too short") << u"https://zoom.us/j/12345"_s << QString();
    QTest::newRow("letters") << u"https://zoom.us/j/8756533x005"_s << QString();
    QTest::newRow("not zoom") << u"https://zoom.us.example.com/j/87565330005"_s << QString();
    QTest::newRow("plain http") << u"http://zoom.us/j/87565330005"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestZoomWebhook::meetingNumberFromTheAgentsLink()
{
    QFETCH(QString, link);
    QFETCH(QString, number);
    QCOMPARE(zoomMeetingNumber(link).value_or(QString()), number);
}

void TestZoomWebhook::urlValidationIsAnswered()
{
    startServer(kVectorSecret);
    // The vector's time, so its timestamp is fresh.
    m_api->clock().advance(1700000000000 + 1500 - m_api->clock().nowMs());
    const ApiReply reply = m_api->send("POST", u"/webhooks/zoom"_s, kVectorBody,
        { { "Content-Type", "application/json" }, { "x-zm-signature", kVectorSignature },
            { "x-zm-request-timestamp", kVectorTimestamp } });
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[u"plainToken"_s].toString(), u"qgg8vlvZRS6UYooatFL8Aw"_s);
    QCOMPARE(reply.json[u"encryptedToken"_s].toString().toLatin1(), kVectorEncryptedToken);
    // A challenge without its token is a bad request.
    const ApiReply empty = deliver(R"({"event":"endpoint.url_validation","payload":{}})", kVectorSecret);
    QCOMPARE(empty.status, 400);
    QCOMPARE(empty.fieldPaths(), QStringList{ u"payload.plainToken"_s });
}

void TestZoomWebhook::recordingReachesItsCallOnce()
{
    startServer();
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser alice = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    const QString token = m_api->signIn(alice);
    const qint64 callStart = m_api->clock().nowMs() - 60 * 60000;
    const QString callId = pushCall(token, u"z-"_s, kZoomLink, true, callStart);
    QVERIFY(!callId.isEmpty());
    const auto stored = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT zoom_meeting_id, recording_consent FROM calls WHERE id = ?"_s, { callId });
    QCOMPARE(stored.value()->at(0).toString(), kMeeting);
    QVERIFY(stored.value()->at(1).toBool());

    // Zoom's body in its own key order and spacing: the signature covers
    // these bytes, whatever JSON they hold.
    const QByteArray body = QJsonDocument(recordingCompleted(kMeeting, u"WEz4RT2lSyKx2MD9Z+lYfA=="_s, callStart + 12000))
                                .toJson(QJsonDocument::Indented);
    const ApiReply first = deliver(body);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json[u"status"_s].toString(), u"accepted"_s);
    const QString recordingId = first.json[u"recording_id"_s].toString();
    QVERIFY(!recordingId.isEmpty());

    const auto recording = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT call_id, org_id, source, state, started_at, ended_at, file_type FROM recordings WHERE id = ?"_s,
        { recordingId });
    QVERIFY(recording.value());
    const SqlRows::Row &row = *recording.value();
    QCOMPARE(row.at(0).toString(), callId);
    QCOMPARE(row.at(1).toString(), acme.orgId);
    QCOMPARE(row.at(2).toString(), u"zoom"_s);
    QCOMPARE(row.at(3).toString(), u"pending"_s);
    QCOMPARE(row.at(4).toLongLong(), callStart + 12000);
    QCOMPARE(row.at(5).toLongLong(), callStart + 12000 + 52 * 60000);
    QCOMPARE(row.at(6).toString(), u"M4A"_s); // the audio file, not the video

    // The job that fetches it: the audio file's address and download token.
    const auto job = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT kind, org_id, payload, state FROM jobs"_s);
    QVERIFY(job.value());
    QCOMPARE(job.value()->at(0).toString(), u"recording.fetch"_s);
    QCOMPARE(job.value()->at(1).toString(), acme.orgId);
    const QJsonObject payload = QJsonDocument::fromJson(job.value()->at(2).toString().toUtf8()).object();
    QCOMPARE(payload[u"recording_id"_s].toString(), recordingId);
    QCOMPARE(payload[u"url"_s].toString(), u"https://example.zoom.us/rec/download/WEz4RT2lSyKx2MD9Z+lYfA==-m4a"_s);
    QCOMPARE(payload[u"download_token"_s].toString(), u"download-token-WEz4RT2lSyKx2MD9Z+lYfA=="_s);
    QCOMPARE(job.value()->at(3).toString(), u"queued"_s);

    // Zoom delivers again (it retries when our 200 was lost), and an
    // attacker replays the captured request within the window: the same.
    m_api->clock().advance(30000);
    const ApiReply again = deliver(body);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json[u"status"_s].toString(), u"duplicate"_s);
    QCOMPARE(count(u"recordings"_s), 1);
    QCOMPARE(count(u"jobs"_s), 1);
    // The download token is a secret: never in the log.
    QVERIFY(!m_api->logText().contains("download-token"));
}

void TestZoomWebhook::consentIsAuditedAndRequired()
{
    startServer();
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser alice = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    const QString token = m_api->signIn(alice);
    const qint64 start = m_api->clock().nowMs() - 60 * 60000;
    const QString callId = pushCall(token, u"c-"_s, kZoomLink, true, start);
    QVERIFY(!callId.isEmpty());

    // The consent is in the audit log: who, when, the wording.
    const ApiReply audit = m_api->get(u"/api/v1/audit?action=call.consent_recorded"_s, m_api->signIn(acme.admin));
    QCOMPARE(audit.status, 200);
    const QJsonArray entries = audit.json[u"entries"_s].toArray();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0][u"actor_user_id"_s].toString(), alice.id);
    QCOMPARE(entries[0][u"target"_s].toString(), callId);
    QCOMPARE(entries[0][u"details"_s][u"given"_s].toBool(), true);
    QCOMPARE(entries[0][u"details"_s][u"wording"_s].toString(), zoomcalls::consentWording());
    QCOMPARE(entries[0][u"details"_s][u"recorded_at"_s].toInteger(), start + 20000);

    // A call in the same meeting, hours later, without consent: its
    // recording is not taken.
    const qint64 later = m_api->clock().nowMs() - 5 * 60000;
    const QString noConsent = pushCall(token, u"n-"_s, kZoomLink, false, later);
    QVERIFY(!noConsent.isEmpty());
    const ApiReply refused = deliver(compact(recordingCompleted(kMeeting, u"later-instance"_s, later + 5000)));
    QCOMPARE(refused.status, 200);
    QCOMPARE(refused.json[u"status"_s].toString(), u"ignored"_s);
    QCOMPARE(refused.json[u"reason"_s].toString(), u"no_consent"_s);
    QCOMPARE(count(u"recordings"_s), 0);
    QCOMPARE(count(u"jobs"_s), 0);
    QVERIFY(m_api->logText().contains("no_consent"));
}

void TestZoomWebhook::aPersonalRoomsCallsAreToldApart()
{
    startServer();
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const auto globex = m_api->addOrganisation(u"Globex"_s);
    const SeededUser alice = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    const SeededUser gus = m_api->addUser(globex.orgId, Role::Agent, u"gus@globex.example"_s);
    const qint64 tenOClock = m_api->clock().nowMs() - 3 * 60 * 60000;
    // Back to back in one personal meeting room, and an older call of
    // another organisation that used the same number.
    const QString first = pushCall(m_api->signIn(alice), u"p1-"_s, kZoomLink, true, tenOClock);
    const QString second = pushCall(m_api->signIn(alice), u"p2-"_s, kZoomLink, true, tenOClock + 30 * 60000);
    const QString globexCall = pushCall(m_api->signIn(gus), u"g-"_s, kZoomLink, true, tenOClock - 2 * 24 * 3600000LL);
    QVERIFY(!first.isEmpty() && !second.isEmpty() && !globexCall.isEmpty());

    const auto callOf = [&](const QString &recordingId) {
        const auto row = SqlRows::first(
            m_api->database(), u"test"_s, u"SELECT call_id FROM recordings WHERE id = ?"_s, { recordingId });
        return row && row.value() ? row.value()->at(0).toString() : QString();
    };
    // The agent started recording a minute before starting the call in the app.
    const ApiReply early = deliver(compact(recordingCompleted(kMeeting, u"instance-1"_s, tenOClock - 60000)));
    QCOMPARE(early.json[u"status"_s].toString(), u"accepted"_s);
    QCOMPARE(callOf(early.json[u"recording_id"_s].toString()), first);
    const ApiReply late = deliver(compact(recordingCompleted(kMeeting, u"instance-2"_s, tenOClock + 31 * 60000)));
    QCOMPARE(late.json[u"status"_s].toString(), u"accepted"_s);
    QCOMPARE(callOf(late.json[u"recording_id"_s].toString()), second);
    const ApiReply old = deliver(compact(recordingCompleted(kMeeting, u"instance-0"_s, tenOClock - 2 * 24 * 3600000LL)));
    QCOMPARE(callOf(old.json[u"recording_id"_s].toString()), globexCall);
    const auto globexRow = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT org_id FROM recordings WHERE id = ?"_s, { old.json[u"recording_id"_s].toString() });
    QCOMPARE(globexRow.value()->at(0).toString(), globex.orgId);

    // A meeting no call used, a recording days from any call: they wait for
    // a call (aRecordingBeforeItsCallWaitsForIt). No audio file, and an
    // event CallOS does not handle: 200, nothing stored.
    const auto answerTo = [&](const QByteArray &body) {
        const ApiReply reply = deliver(body);
        return reply.status == 200 ? QString(reply.json[u"status"_s].toString() + u" "_s + reply.json[u"reason"_s].toString())
                                   : QString::number(reply.status) + u" "_s + QString::fromUtf8(reply.body);
    };
    const auto ignoredFor = [&](const QByteArray &body) { return QString(answerTo(body)).remove(u"ignored "_s); };
    QCOMPARE(answerTo(compact(recordingCompleted(u"99999999999"_s, u"elsewhere"_s, tenOClock))), u"waiting no_call"_s);
    QCOMPARE(answerTo(compact(recordingCompleted(kMeeting, u"next-week"_s, tenOClock + 7 * 24 * 3600000LL))),
        u"waiting no_call"_s);
    const QJsonArray timelineOnly{ QJsonObject{ { u"file_type"_s, u"TIMELINE"_s },
        { u"download_url"_s, u"https://example.zoom.us/rec/download/t"_s } } };
    QCOMPARE(ignoredFor(compact(recordingCompleted(kMeeting, u"timeline"_s, tenOClock, timelineOnly))), u"no_audio"_s);
    QCOMPARE(ignoredFor(R"({"event":"meeting.started","payload":{"object":{"id":87565330005}}})"),
        u"event_not_handled"_s);
    QCOMPARE(count(u"recordings"_s), 3);
    QCOMPARE(count(u"jobs"_s), 3);
}

// The agent's desktop was offline during the call: Zoom's recording comes
// first and waits; once the desktop sends the call, the server's own sweep
// takes the recording to it. A notice whose call never comes is dropped
// after a day, when its download token has expired.
void TestZoomWebhook::aRecordingBeforeItsCallWaitsForIt()
{
    startServer(kSecret, std::chrono::milliseconds(50));
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser alice = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    const qint64 callStart = m_api->clock().nowMs() - 60 * 60000;
    const QByteArray body = compact(recordingCompleted(kMeeting, u"offline-call"_s, callStart + 12000));
    const ApiReply first = deliver(body);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json[u"status"_s].toString(), u"waiting"_s);
    QCOMPARE(first.json[u"reason"_s].toString(), u"no_call"_s);
    QCOMPARE(deliver(body).json[u"status"_s].toString(), u"waiting"_s); // Zoom's second delivery
    QCOMPARE(count(u"zoom_recordings_waiting"_s), 1);
    QCOMPARE(count(u"recordings"_s), 0);
    // Sweeps come and go; nothing to take it to yet.
    QTest::qWait(200);
    QCOMPARE(count(u"zoom_recordings_waiting"_s), 1);

    // The desktop is back and sends the call.
    const QString callId = pushCall(m_api->signIn(alice), u"late-"_s, kZoomLink, true, callStart);
    QVERIFY(!callId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(count(u"recordings"_s), 1, 5000);
    QCOMPARE(count(u"zoom_recordings_waiting"_s), 0);
    const auto recording = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT r.call_id, r.org_id, j.kind, j.payload FROM recordings r JOIN jobs j ON j.dedupe_key = r.id"_s);
    QVERIFY(recording && recording.value());
    QCOMPARE(recording.value()->at(0).toString(), callId);
    QCOMPARE(recording.value()->at(1).toString(), acme.orgId);
    QCOMPARE(recording.value()->at(2).toString(), u"recording.fetch"_s);
    // With the download token it came with.
    QVERIFY(recording.value()->at(3).toString().contains(u"download-token-offline-call"_s));
    // Zoom delivering it once more now adds nothing.
    QCOMPARE(deliver(body).json[u"status"_s].toString(), u"duplicate"_s);

    // A recording whose call never comes waits a day, then goes.
    QCOMPARE(deliver(compact(recordingCompleted(u"99999999999"_s, u"never"_s, callStart))).json[u"status"_s].toString(),
        u"waiting"_s);
    m_api->clock().advance(23 * 3600000LL);
    QTest::qWait(200);
    QCOMPARE(count(u"zoom_recordings_waiting"_s), 1);
    m_api->clock().advance(2 * 3600000LL);
    QTRY_COMPARE_WITH_TIMEOUT(count(u"zoom_recordings_waiting"_s), 0, 5000);
    QCOMPARE(count(u"recordings"_s), 1);
}

void TestZoomWebhook::badDeliveriesAreRefusedAndStoreNothing()
{
    startServer();
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser alice = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    const qint64 start = m_api->clock().nowMs() - 60 * 60000;
    QVERIFY(!pushCall(m_api->signIn(alice), u"b-"_s, kZoomLink, true, start).isEmpty());
    const QByteArray body = compact(recordingCompleted(kMeeting, u"instance"_s, start + 1000));
    const QByteArray now = QByteArray::number(m_api->clock().nowMs() / 1000);
    const auto post = [&](const QByteArray &bytes, const QList<QPair<QByteArray, QByteArray>> &headers) {
        QList<QPair<QByteArray, QByteArray>> all{ { "Content-Type", "application/json" } };
        all += headers;
        return m_api->send("POST", u"/webhooks/zoom"_s, bytes, all);
    };

    struct Case
    {
        const char *name;
        ApiReply reply;
        int status;
        QString code;
    };
    QByteArray flipped = body;
    flipped[body.indexOf("87565330005") + 3] = '9'; // another meeting number, same signature
    QByteArray huge = body;
    huge.insert(huge.size() - 1, ",\"padding\":\"" + QByteArray(300 * 1024, 'x') + '"');
    const qint64 nowSeconds = m_api->clock().nowMs() / 1000;
    const QList<Case> cases{
        { "forged: signed with another secret", deliver(body, "not-acme-secret"), 401, u"webhook.bad_signature"_s },
        { "a byte flipped after signing",
            post(flipped, { { "x-zm-signature", ZoomWebhookSignature("acme-zoom-secret").sign(now, body) },
                              { "x-zm-request-timestamp", now } }),
            401, u"webhook.bad_signature"_s },
        { "signature of another time",
            post(body, { { "x-zm-signature", ZoomWebhookSignature("acme-zoom-secret").sign(now, body) },
                           { "x-zm-request-timestamp", QByteArray::number(nowSeconds - 1) } }),
            401, u"webhook.bad_signature"_s },
        { "stale: 301 s old, signed correctly", deliver(body, "acme-zoom-secret", nowSeconds - 301), 401,
            u"webhook.stale"_s },
        { "from the future", deliver(body, "acme-zoom-secret", nowSeconds + 301), 401, u"webhook.stale"_s },
        { "timestamp not a number",
            post(body, { { "x-zm-signature", "v0=00" }, { "x-zm-request-timestamp", "soon" } }), 401,
            u"webhook.stale"_s },
        { "no signature", post(body, { { "x-zm-request-timestamp", now } }), 401, u"webhook.unsigned"_s },
        { "no timestamp", post(body, { { "x-zm-signature", "v0=00" } }), 401, u"webhook.unsigned"_s },
        { "huge body, signed", deliver(huge), 413, u"request.too_large"_s },
        { "invalid JSON, signed", deliver(body.left(body.size() - 1)), 400, u"request.malformed_json"_s },
        { "JSON but no object, signed", deliver("[1,2]"), 400, u"request.malformed_json"_s },
        { "recording without files, signed",
            deliver(R"({"event":"recording.completed","payload":{"object":{"uuid":"u","id":87565330005}}})"), 400,
            u"request.invalid"_s },
    };
    for (const Case &c : cases) {
        QVERIFY2(c.reply.status == c.status,
            qPrintable(u"%1: %2 %3"_s.arg(QString::fromLatin1(c.name)).arg(c.reply.status).arg(QString::fromUtf8(c.reply.body))));
        QVERIFY2(c.reply.errorCode() == c.code, qPrintable(QString::fromLatin1(c.name) + u": "_s + c.reply.errorCode()));
    }
    // The 400 names what is missing.
    const ApiReply missing
        = deliver(R"({"event":"recording.completed","payload":{"object":{"uuid":"u","id":"8756533x005"}}})");
    QCOMPARE(missing.fieldPaths(), (QStringList{ u"payload.object.id"_s, u"payload.object.recording_files"_s }));
    QCOMPARE(count(u"recordings"_s), 0);
    QCOMPARE(count(u"jobs"_s), 0);

    // And the genuine delivery still goes through afterwards.
    const ApiReply genuine = deliver(body);
    QCOMPARE(genuine.json[u"status"_s].toString(), u"accepted"_s);
    QCOMPARE(count(u"recordings"_s), 1);
}

void TestZoomWebhook::withoutASecretNothingIsTaken()
{
    startServer(QByteArray());
    const ApiReply reply = deliver(compact(recordingCompleted(kMeeting, u"x"_s, m_api->clock().nowMs())));
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.errorCode(), u"zoom.not_configured"_s);
    QVERIFY(reply.errorMessage().contains(u"CALLOS_ZOOM_WEBHOOK_SECRET"_s));
    QCOMPARE(count(u"recordings"_s), 0);
}

QTEST_GUILESS_MAIN(TestZoomWebhook)
#include "tst_zoomwebhook.moc"
