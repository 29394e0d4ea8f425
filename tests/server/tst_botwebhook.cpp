// The meeting bot's webhook, POST /webhooks/attendee, on SQLite and
// PostgreSQL, and the signature it checks: Attendee signs the canonical
// JSON of the payload (sorted keys, no spaces), not the bytes it sends, so
// a body in another key order and spacing must verify and a changed byte
// must not. Forged, unsigned, stale, replayed, malformed, oversized
// deliveries are refused with nothing stored; state changes of a known bot reach the review; the
// recording's readiness adds one recording and its fetch job.
#include "agentcall.h"
#include "apiharness.h"
#include "botcalls.h"
#include "fakebot.h"
#include "live/livehub.h"
#include "liveclient.h"
#include "meetingbot/attendeewebhook.h"
#include "meetingbot/attendeewebhooksignature.h"
#include "meetingbot/canonicaljson.h"
#include "playbook/playbookloader.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"
#include "tablerows.h"
#include "testdatabases.h"
#include "testpaths.h"
#include "zoomcalls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;
using namespace callos::test::botcalls;

namespace {

// A reference made outside CallOS, with Python as Attendee runs it:
//   canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
//   base64(hmac.new(base64decode(kWebhookSecret), canonical.encode(), sha256).digest())
// for a payload with non-ASCII text, a character beyond the BMP, floats
// and a null. kVectorPosted is json.dumps(payload) (what Attendee posts),
// with some numbers written another way that Python reads the same.
const QByteArray kVectorPosted
    = R"({"idempotency_key": "5f0f4c1e-8a52-4c8e-9b0e-2d7b1f3a9c11", "bot_id": "bot_weIAju4OXNZkDTpZ", )"
      R"("bot_metadata": {"callos_call_id": "0190c0de-0000-7000-8000-000000000001"}, "trigger": "bot.state_change", )"
      R"("data": {"new_state": "ended", "old_state": "post_processing", "created_at": "2025-07-15T14:30:45.123456Z", )"
      R"("event_type": "post_processing_completed", "event_sub_type": null, )"
      R"("note": "\u00dcberpr\u00fcfung \u2014 ok \ud83d\ude00", "ratio": 0.50, "big": 1E16, "small": 1.0e-5, "neg": -0}})";
const QByteArray kVectorCanonical
    = R"({"bot_id":"bot_weIAju4OXNZkDTpZ","bot_metadata":{"callos_call_id":"0190c0de-0000-7000-8000-000000000001"},)"
      R"("data":{"big":1e+16,"created_at":"2025-07-15T14:30:45.123456Z","event_sub_type":null,)"
      R"("event_type":"post_processing_completed","neg":0,"new_state":"ended",)"
      "\"note\":\"\xC3\x9C"
      "berpr\xC3\xBC"
      "fung \xE2\x80\x94 ok \xF0\x9F\x98\x80\","
      R"("old_state":"post_processing","ratio":0.5,"small":1e-05},)"
      R"("idempotency_key":"5f0f4c1e-8a52-4c8e-9b0e-2d7b1f3a9c11","trigger":"bot.state_change"})";
const QByteArray kVectorSignature = "4y9OP3F6SDXFVg9sLGoKC+ljLnLnxn/W5Q+g7Rccq2Q=";
// The same payload in yet another key order, spacing and escaping.
const QByteArray kVectorReordered
    = "{\n  \"trigger\":\"bot.state_change\",\n  \"data\" : {\"small\":1e-5,\t\"neg\":0,"
      "\"note\":\"\\u00DCberpr\xC3\xBC"
      "fung \\u2014 ok \\uD83D\\uDE00\",\"ratio\":5e-1,"
      "\"big\":1.0e16,\"event_sub_type\":null,\"event_type\":\"post_processing_completed\","
      "\"created_at\":\"2025-07-15T14:30:45.123456Z\",\"old_state\":\"post_processing\","
      "\"new_state\":\"ended\"},\r\n  \"bot_metadata\":{\"callos_call_id\":"
      "\"0190c0de-0000-7000-8000-000000000001\"},\"bot_id\":\"bot_weIAju4OXNZkDTpZ\",\n"
      "  \"idempotency_key\":\"5f0f4c1e-8a52-4c8e-9b0e-2d7b1f3a9c11\"\n}\n";

const QString kBotId = u"bot_weIAju4OXNZkDTpZ"_s;

} // namespace

class TestBotWebhook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void canonicalJsonIsPythons_data();
    void canonicalJsonIsPythons();
    void notJsonIsRefused_data();
    void notJsonIsRefused();
    void signatureMatchesTheReferenceVector();
    void badDeliveriesAreRefusedAndStoreNothing_data() { TestDatabases::addBackendRows(); }
    void badDeliveriesAreRefusedAndStoreNothing();
    void statesReachTheReview_data() { TestDatabases::addBackendRows(); }
    void statesReachTheReview();
    void aReadyRecordingIsAddedOnce_data() { TestDatabases::addBackendRows(); }
    void aReadyRecordingIsAddedOnce();
    void withoutConsentNoRecording_data() { TestDatabases::addBackendRows(); }
    void withoutConsentNoRecording();
    void unknownBotsAreIgnoredOrAdopted_data() { TestDatabases::addBackendRows(); }
    void unknownBotsAreIgnoredOrAdopted();
    void withoutASecretNothingIsTaken_data() { TestDatabases::addBackendRows(); }
    void withoutASecretNothingIsTaken();
    void theAppSeesTheBotLive_data() { TestDatabases::addBackendRows(); }
    void theAppSeesTheBotLive();

private:
    // The whole server with Attendee's webhook secret (and no bot service:
    // no bots are sent here), and an agent's call with a Zoom link.
    void startServer(const QByteArray &secret = kWebhookSecret);
    // A call with `consent`, and a bot that joined it (as BotJoinHandler
    // would keep it). The call's id.
    QString callWithBot(bool consent, const QString &botId = kBotId);
    ApiReply deliverState(
        const QString &key, const QString &state, const QString &eventType, qint64 atMs, const QString &botId = kBotId);
    QJsonObject review(const QString &callId);
    QJsonObject recordingStep(const QString &callId);
    int count(const QString &table);
    QString botState(const QString &botId = kBotId);

    Playbook m_playbook;
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
    QString m_token;
    QString m_orgId;
};

void TestBotWebhook::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY(loaded.ok());
    m_playbook = *loaded.value;
}

void TestBotWebhook::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

void TestBotWebhook::startServer(const QByteArray &secret)
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    ServerApp::Settings app;
    app.integrations.attendee.webhookSecret = secret;
    app.live.pipelinePoll = std::chrono::milliseconds(50);
    m_api = std::make_unique<ApiHarness>(settings.value(), app);
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    m_orgId = acme.orgId;
    m_token = m_api->signIn(m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s));
}

QString TestBotWebhook::callWithBot(bool consent, const QString &botId)
{
    AgentCall call(*m_api, m_playbook, m_token, u"w-"_s + botId);
    const QString callId = call.start(zoomcalls::kZoomLink, m_api->clock().nowMs() - 10 * 60000, consent);
    if (callId.isEmpty())
        return {};
    Transaction transaction(m_api->database(), u"test bot"_s);
    if (transaction.begin()
        || transaction.exec(u"INSERT INTO meeting_bots (id, org_id, call_id, provider, external_id, state, "
                            "created_at, updated_at) VALUES (?, ?, ?, 'attendee', ?, 'joining', ?, ?)"_s,
            { QString(u"row-"_s + botId), m_orgId, callId, botId, m_api->clock().nowMs(), m_api->clock().nowMs() })
        || transaction.commit())
        return {};
    return callId;
}

ApiReply TestBotWebhook::deliverState(
    const QString &key, const QString &state, const QString &eventType, qint64 atMs, const QString &botId)
{
    return deliver(*m_api, stateChange(botId, key, state, eventType, atMs));
}

QJsonObject TestBotWebhook::review(const QString &callId)
{
    return m_api->get(u"/api/v1/calls/%1/review"_s.arg(callId), m_token).json;
}

QJsonObject TestBotWebhook::recordingStep(const QString &callId)
{
    return review(callId)[u"pipeline"_s][u"steps"_s][0].toObject();
}

int TestBotWebhook::count(const QString &table)
{
    return tablerows::count(*m_api, table);
}

QString TestBotWebhook::botState(const QString &botId)
{
    const auto row = SqlRows::first(
        m_api->database(), u"test"_s, u"SELECT state FROM meeting_bots WHERE external_id = ?"_s, { botId });
    return row && row.value() ? row.value()->at(0).toString() : QString();
}

void TestBotWebhook::canonicalJsonIsPythons_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("keys sorted, spaces gone") << QByteArray(R"( { "b" : 1 ,	"a" : [ true , false , null ] } )")
                                              << QByteArray(R"({"a":[true,false,null],"b":1})");
    QTest::newRow("nested objects sorted too") << QByteArray(R"({"z":{"y":1,"x":{"b":2,"a":1}},"a":{}})")
                                               << QByteArray(R"({"a":{},"z":{"x":{"a":1,"b":2},"y":1}})");
    QTest::newRow("keys by code point") << QByteArray(R"({"b":1,"B":2,"é":3,"a":4,"\ud83d\ude00":5,"\uffff":6})")
                                        << QByteArray("{\"B\":2,\"a\":4,\"b\":1,\"\xC3\xA9\":3,\"\xEF\xBF\xBF\":6,"
                                                      "\"\xF0\x9F\x98\x80\":5}");
    QTest::newRow("the last of a key given twice") << QByteArray(R"({"a":1,"a":2})") << QByteArray(R"({"a":2})");
    QTest::newRow("escapes as Python writes them")
        << QByteArray(R"(["\u0041\/\"\\\b\f\n\r\t\u0001\u001F\u007f\u2028"])")
        << QByteArray("[\"A/\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\x7F\xE2\x80\xA8\"]");
    QTest::newRow("UTF-8 as it is") << QByteArray("[\"\xC3\xBC\xF0\x9F\x98\x80\"]")
                                    << QByteArray("[\"\xC3\xBC\xF0\x9F\x98\x80\"]");
    QTest::newRow("integers keep their digits") << QByteArray(R"([0,-0,12,-7,123456789012345678901234567890])")
                                                << QByteArray(R"([0,0,12,-7,123456789012345678901234567890])");
    QTest::newRow("floats as Python's repr")
        << QByteArray(R"([1.0,0.5,1E16,1e15,0.0001,0.00001,-2.50e2,3.14159,1e-7,123.456e-2,-0.0,1e308])")
        << QByteArray(R"([1.0,0.5,1e+16,1000000000000000.0,0.0001,1e-05,-250.0,3.14159,1e-07,1.23456,-0.0,1e+308])");
    QTest::newRow("a bare value") << QByteArray(" \"x\" ") << QByteArray("\"x\"");
}

void TestBotWebhook::canonicalJsonIsPythons()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, canonical);
    const Result<QByteArray> made = CanonicalJson::of(text);
    QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.refusal().message));
    QCOMPARE(made.value(), canonical);
}

void TestBotWebhook::notJsonIsRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("trailing bytes") << QByteArray(R"({"a":1} x)");
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})");
    QTest::newRow("single quotes") << QByteArray(R"({'a':1})");
    QTest::newRow("NaN") << QByteArray(R"({"a":NaN})");
    QTest::newRow("leading zero") << QByteArray(R"({"a":01})");
    QTest::newRow("a number out of range") << QByteArray(R"({"a":1e999})");
    QTest::newRow("a raw control character") << QByteArray("{\"a\":\"x\ny\"}");
    QTest::newRow("a lone surrogate") << QByteArray(R"({"a":"\ud83d"})");
    QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"\xC3\x28\"}");
    QTest::newRow("overlong UTF-8") << QByteArray("{\"a\":\"\xC0\xAF\"}");
    QTest::newRow("a UTF-8 surrogate") << QByteArray("{\"a\":\"\xED\xA0\x80\"}");
    QTest::newRow("a byte order mark") << QByteArray("\xEF\xBB\xBF{}");
    QTest::newRow("too deep") << QByteArray(65, '[') + QByteArray(65, ']');
}

void TestBotWebhook::notJsonIsRefused()
{
    QFETCH(QByteArray, text);
    const Result<QByteArray> made = CanonicalJson::of(text);
    QVERIFY(!made.ok());
    QCOMPARE(made.refusal().code, u"json.invalid"_s);
    // As deep as allowed is fine.
    QVERIFY(CanonicalJson::of(QByteArray(64, '[') + QByteArray(64, ']')).ok());
}

void TestBotWebhook::signatureMatchesTheReferenceVector()
{
    // The reference's canonical form, from what Attendee posts.
    const Result<QByteArray> canonical = CanonicalJson::of(kVectorPosted);
    QVERIFY(canonical.ok());
    QCOMPARE(canonical.value(), kVectorCanonical);
    // By hand: HMAC-SHA256 over those bytes with the decoded secret.
    QCOMPARE(QMessageAuthenticationCode::hash(kVectorCanonical, kSecretBytes, QCryptographicHash::Sha256).toBase64(),
        kVectorSignature);
    QCOMPARE(AttendeeWebhookSignature::decodeSecret(kWebhookSecret).value_or(QByteArray()), kSecretBytes);
    const AttendeeWebhookSignature signature(kSecretBytes);
    QCOMPARE(signature.sign(kVectorCanonical), kVectorSignature);
    QVERIFY(signature.verify(kVectorSignature, kVectorCanonical));

    // Another key order, spacing and escaping of the same payload verifies ...
    QVERIFY(signature.verify(kVectorSignature, CanonicalJson::of(kVectorReordered).value()));
    // ... a changed byte of it does not ("ended" -> "endee").
    QByteArray flipped = kVectorPosted;
    const qsizetype at = flipped.indexOf("\"ended\"") + 5;
    flipped[at] = char(flipped[at] ^ 0x01);
    QVERIFY(CanonicalJson::of(flipped).ok());
    QVERIFY(!signature.verify(kVectorSignature, CanonicalJson::of(flipped).value()));
    // Nor another secret, a shortened or an empty signature.
    QVERIFY(!AttendeeWebhookSignature("callos-attendee-test-secret-2026").verify(kVectorSignature, kVectorCanonical));
    QVERIFY(!signature.verify(kVectorSignature.left(kVectorSignature.size() - 1), kVectorCanonical));
    QVERIFY(!signature.verify(QByteArray(), kVectorCanonical));
    // A secret that is not base64 is no secret.
    QVERIFY(!AttendeeWebhookSignature::decodeSecret("not base64 !"));
    QVERIFY(!AttendeeWebhookSignature::decodeSecret(""));
    // FakeBot, built from the contract alone, signs the same way.
    QCOMPARE(FakeBot::canonicalJson(QJsonDocument::fromJson(kVectorPosted).object()),
        CanonicalJson::of(FakeBot::postedJson(QJsonDocument::fromJson(kVectorPosted).object())).value());
}

void TestBotWebhook::badDeliveriesAreRefusedAndStoreNothing()
{
    startServer();
    const QString callId = callWithBot(true);
    QVERIFY(!callId.isEmpty());
    const QJsonObject payload
        = stateChange(kBotId, u"k-1"_s, u"joined_recording"_s, u"bot_joined_meeting"_s, m_api->clock().nowMs());
    const QByteArray body = FakeBot::postedJson(payload);
    const QByteArray good = signatureOf(payload);
    const auto post = [&](const QByteArray &bytes, const QByteArray &signature) {
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", "application/json" } };
        if (!signature.isNull())
            headers.append({ "X-Webhook-Signature", signature });
        return m_api->send("POST", u"/webhooks/attendee"_s, bytes, headers);
    };
    QByteArray altered = body;
    altered.replace("joined_recording", "joined_recordinf");
    // Signed right, but no delivery: the signature is checked before the
    // fields are.
    const QJsonObject noBot { { u"idempotency_key"_s, u"k-2"_s }, { u"trigger"_s, u"bot.state_change"_s },
        { u"data"_s, QJsonObject { { u"new_state"_s, u"ended"_s } } } };
    // Signed right, but from long ago (a captured delivery sent again under
    // its own key) or from the future; and one that does not say when.
    const qint64 now = m_api->clock().nowMs();
    const QJsonObject stale = stateChange(kBotId, u"k-3"_s, u"joined_recording"_s, u"bot_joined_meeting"_s,
        now - AttendeeWebhook::kMaxAgeMs - 1000);
    const QJsonObject ahead = stateChange(kBotId, u"k-4"_s, u"joined_recording"_s, u"bot_joined_meeting"_s,
        now + AttendeeWebhook::kMaxAheadMs + 1000);
    QJsonObject undated = stateChange(kBotId, u"k-5"_s, u"joined_recording"_s, u"bot_joined_meeting"_s, now);
    QJsonObject undatedData = undated[u"data"_s].toObject();
    undatedData.remove(u"created_at"_s);
    undated[u"data"_s] = undatedData;

    struct Case
    {
        const char *name;
        ApiReply reply;
        int status;
        QString code;
    };
    const QList<Case> cases {
        { "no signature", post(body, QByteArray()), 401, u"webhook.unsigned"_s },
        { "empty signature", post(body, ""), 401, u"webhook.unsigned"_s },
        { "forged signature", post(body, signatureOf(payload, "another-secret")), 401, u"webhook.bad_signature"_s },
        { "signature not base64", post(body, "not-a-signature"), 401, u"webhook.bad_signature"_s },
        { "altered body", post(altered, good), 401, u"webhook.bad_signature"_s },
        { "not JSON", post("{\"bot_id\": ", good), 400, u"request.malformed_json"_s },
        { "invalid UTF-8", post("{\"bot_id\": \"\xC3\x28\"}", good), 400, u"request.malformed_json"_s },
        { "too deep", post(QByteArray(100, '[') + QByteArray(100, ']'), good), 400, u"request.malformed_json"_s },
        { "huge", post(QByteArray(300 * 1024, ' ') + body, good), 413, u"request.too_large"_s },
        { "no bot_id", post(FakeBot::postedJson(noBot), signatureOf(noBot)), 400, u"request.invalid"_s },
        { "stale", post(FakeBot::postedJson(stale), signatureOf(stale)), 401, u"webhook.stale"_s },
        { "from the future", post(FakeBot::postedJson(ahead), signatureOf(ahead)), 401, u"webhook.stale"_s },
        { "no created_at", post(FakeBot::postedJson(undated), signatureOf(undated)), 400, u"request.invalid"_s },
        // Stale and forged: the signature is what is reported.
        { "stale and forged", post(FakeBot::postedJson(stale), signatureOf(stale, "another-secret")), 401,
            u"webhook.bad_signature"_s },
    };
    for (const Case &c : cases) {
        QVERIFY2(c.reply.status == c.status && c.reply.errorCode() == c.code,
            qPrintable(
                QString::fromLatin1(c.name) + u": "_s + QString::number(c.reply.status) + u' ' + c.reply.errorCode()));
    }
    const ApiReply unnamed = post(FakeBot::postedJson(noBot), signatureOf(noBot));
    QCOMPARE(unnamed.fieldPaths(), (QStringList { u"bot_id"_s, u"data.created_at"_s }));
    QCOMPARE(post(FakeBot::postedJson(undated), signatureOf(undated)).fieldPaths(),
        QStringList { u"data.created_at"_s });
    // Nothing of any of them was kept, nor did the bot change.
    QCOMPARE(count(u"meeting_bot_events"_s), 0);
    QCOMPARE(count(u"recordings"_s), 0);
    QCOMPARE(botState(), u"joining"_s);
    // Never in the log: the secret.
    QVERIFY(!m_api->logText().contains(kWebhookSecret));
    QVERIFY(!m_api->logText().contains(kSecretBytes));

    // The same delivery, signed right, is taken.
    const ApiReply taken = post(body, good);
    QCOMPARE(taken.status, 200);
    QCOMPARE(taken.json[u"status"_s].toString(), u"updated"_s);
    QCOMPARE(taken.json[u"state"_s].toString(), u"recording"_s);
    QCOMPARE(count(u"meeting_bot_events"_s), 1);
    // Replayed as it was: seen, nothing more kept.
    const ApiReply replay = post(body, good);
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.json[u"status"_s].toString(), u"duplicate"_s);
    QCOMPARE(count(u"meeting_bot_events"_s), 1);
    // Late, but within the window: taken (and, being older, changes no state).
    const QJsonObject late = stateChange(kBotId, u"k-6"_s, u"joining"_s, u"bot_joined_meeting"_s,
        now - AttendeeWebhook::kMaxAgeMs + 60000);
    QCOMPARE(post(FakeBot::postedJson(late), signatureOf(late)).json[u"state"_s].toString(), u"recording"_s);
    QCOMPARE(count(u"meeting_bot_events"_s), 2);
}

void TestBotWebhook::statesReachTheReview()
{
    startServer();
    const QString callId = callWithBot(true);
    QVERIFY(!callId.isEmpty());
    QJsonObject step = recordingStep(callId);
    QCOMPARE(step[u"step"_s].toString(), u"recording"_s);
    QCOMPARE(step[u"state"_s].toString(), u"waiting"_s);
    QCOMPARE(step[u"engine"_s].toString(), u"bot"_s);
    QCOMPARE(step[u"bot"_s][u"state"_s].toString(), u"joining"_s);

    const qint64 t0 = m_api->clock().nowMs();
    const QList<QPair<QString, QString>> lifecycle { { u"joining"_s, u"joining"_s },
        { u"waiting_room"_s, u"joining"_s }, { u"joined_not_recording"_s, u"in_meeting"_s },
        { u"joined_recording"_s, u"recording"_s } };
    for (qsizetype i = 0; i < lifecycle.size(); ++i) {
        m_api->clock().advance(1000);
        const ApiReply reply = deliverState(u"life-%1"_s.arg(i), lifecycle[i].first, u"some_event"_s, t0 + i * 1000);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json[u"state"_s].toString(), lifecycle[i].second);
        step = recordingStep(callId);
        QCOMPARE(step[u"bot"_s][u"state"_s].toString(), lifecycle[i].second);
        QCOMPARE(step[u"bot"_s][u"updated_at"_s].toInteger(), m_api->clock().nowMs());
    }
    const auto row = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT provider_state, last_event, last_event_at FROM meeting_bots WHERE external_id = ?"_s, { kBotId });
    QCOMPARE(row.value()->at(0).toString(), u"joined_recording"_s);
    QCOMPARE(row.value()->at(1).toString(), u"some_event"_s);
    QCOMPARE(row.value()->at(2).toLongLong(), t0 + 3000);

    // The same delivery again changes nothing.
    const qint64 updatedAt = recordingStep(callId)[u"bot"_s][u"updated_at"_s].toInteger();
    m_api->clock().advance(1000);
    const ApiReply again = deliverState(u"life-3"_s, u"joined_recording"_s, u"some_event"_s, t0 + 3000);
    QCOMPARE(again.json[u"status"_s].toString(), u"duplicate"_s);
    QCOMPARE(recordingStep(callId)[u"bot"_s][u"updated_at"_s].toInteger(), updatedAt);
    // An older change that comes late does not undo a newer one.
    const ApiReply late = deliverState(u"late"_s, u"joining"_s, u"some_event"_s, t0 - 5000);
    QCOMPARE(late.json[u"status"_s].toString(), u"updated"_s);
    QCOMPARE(late.json[u"state"_s].toString(), u"recording"_s);
    // A state CallOS does not know keeps the one it has, and says which.
    const ApiReply unknown = deliverState(u"odd"_s, u"joined_somewhere_new"_s, u"some_event"_s, t0 + 9000);
    QCOMPARE(unknown.json[u"state"_s].toString(), u"recording"_s);
    QCOMPARE(count(u"meeting_bot_events"_s), 6);

    // A fatal error shows as failed, with what Attendee said.
    QJsonObject fatal = stateChange(kBotId, u"fatal"_s, u"fatal_error"_s, u"fatal_error"_s, t0 + 10000);
    QJsonObject data = fatal[u"data"_s].toObject();
    data[u"event_sub_type"_s] = u"process_terminated"_s;
    fatal[u"data"_s] = data;
    QCOMPARE(deliver(*m_api, fatal).json[u"state"_s].toString(), u"failed"_s);
    step = recordingStep(callId);
    QCOMPARE(step[u"bot"_s][u"state"_s].toString(), u"failed"_s);
    QCOMPARE(step[u"bot"_s][u"last_error"_s].toString(), u"fatal_error/process_terminated"_s);

    // Another organisation's agent sees none of it.
    const auto globex = m_api->addOrganisation(u"Globex"_s);
    const QString stranger = m_api->signIn(m_api->addUser(globex.orgId, Role::Agent, u"gus@globex.example"_s));
    QCOMPARE(m_api->get(u"/api/v1/calls/%1/review"_s.arg(callId), stranger).status, 404);
}

void TestBotWebhook::aReadyRecordingIsAddedOnce()
{
    startServer();
    const QString callId = callWithBot(true);
    QVERIFY(!callId.isEmpty());
    const qint64 at = m_api->clock().nowMs();
    const ApiReply ready = deliverState(u"done-1"_s, u"ended"_s, u"post_processing_completed"_s, at);
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.json[u"status"_s].toString(), u"accepted"_s);
    const QString recordingId = ready.json[u"recording_id"_s].toString();
    QVERIFY(!recordingId.isEmpty());

    const auto recording = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT call_id, source, source_key, state, file_type, started_at FROM recordings WHERE id = ?"_s,
        { recordingId });
    QCOMPARE(recording.value()->at(0).toString(), callId);
    QCOMPARE(recording.value()->at(1).toString(), u"bot"_s);
    QCOMPARE(recording.value()->at(2).toString(), kBotId);
    QCOMPARE(recording.value()->at(3).toString(), u"pending"_s);
    QCOMPARE(recording.value()->at(4).toString(), u"MP4"_s);
    QVERIFY(recording.value()->at(5).isNull()); // the fetch asks the bot for it
    const auto job = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT kind, payload, dedupe_key FROM jobs WHERE kind = 'recording.fetch_bot'"_s);
    QVERIFY(job.value());
    const QJsonObject payload = QJsonDocument::fromJson(job.value()->at(1).toString().toUtf8()).object();
    QCOMPARE(payload[u"bot_id"_s].toString(), kBotId);
    QCOMPARE(payload[u"recording_id"_s].toString(), recordingId);
    QCOMPARE(job.value()->at(2).toString(), recordingId);

    // The review: the recording comes from the bot, its fetch is queued.
    const QJsonObject step = recordingStep(callId);
    QCOMPARE(step[u"engine"_s].toString(), u"bot"_s);
    QCOMPARE(step[u"state"_s].toString(), u"queued"_s);
    QCOMPARE(step[u"bot"_s][u"state"_s].toString(), u"ended"_s);
    QCOMPARE(review(callId)[u"recording"_s][u"source"_s].toString(), u"bot"_s);

    // Sent again, or told again under another key: still one recording.
    QCOMPARE(deliverState(u"done-1"_s, u"ended"_s, u"post_processing_completed"_s, at).json[u"status"_s].toString(),
        u"duplicate"_s);
    QCOMPARE(deliverState(u"done-2"_s, u"ended"_s, u"post_processing_completed"_s, at).json[u"status"_s].toString(),
        u"updated"_s);
    QCOMPARE(count(u"recordings"_s), 1);
    QCOMPARE(count(u"jobs WHERE kind = 'recording.fetch_bot'"_s), 1);
}

void TestBotWebhook::withoutConsentNoRecording()
{
    startServer();
    const QString callId = callWithBot(false);
    QVERIFY(!callId.isEmpty());
    const ApiReply ready = deliverState(u"done"_s, u"ended"_s, u"post_processing_completed"_s, m_api->clock().nowMs());
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.json[u"status"_s].toString(), u"ignored"_s);
    QCOMPARE(ready.json[u"reason"_s].toString(), u"no_consent"_s);
    QCOMPARE(count(u"recordings"_s), 0);
    QCOMPARE(count(u"jobs WHERE kind = 'recording.fetch_bot'"_s), 0);
    // The bot's state is kept all the same; the review says why nothing comes.
    QCOMPARE(botState(), u"ended"_s);
    const QJsonObject step = recordingStep(callId);
    QCOMPARE(step[u"state"_s].toString(), u"no_consent"_s);
    QCOMPARE(step[u"bot"_s][u"state"_s].toString(), u"ended"_s);
    QVERIFY(m_api->logText().contains("meetingbot.webhook_ignored"));
}

void TestBotWebhook::unknownBotsAreIgnoredOrAdopted()
{
    startServer();
    const QString callId = callWithBot(true);
    QVERIFY(!callId.isEmpty());
    const qint64 now = m_api->clock().nowMs();

    // Not CallOS's bot, nor naming a call: ignored, and logged.
    const ApiReply stranger = deliverState(u"s-1"_s, u"joined_recording"_s, u"x"_s, now, u"bot_stranger"_s);
    QCOMPARE(stranger.status, 200);
    QCOMPARE(stranger.json[u"status"_s].toString(), u"ignored"_s);
    QCOMPARE(stranger.json[u"reason"_s].toString(), u"unknown_bot"_s);
    QVERIFY(m_api->logText().contains("\"reason\":\"unknown_bot\""));
    // Naming a call that does not exist: the same.
    const QJsonObject noCall { { u"callos_call_id"_s, u"0190c0de-0000-7000-8000-0000000000ff"_s } };
    QCOMPARE(deliver(*m_api, stateChange(u"bot_other"_s, u"s-2"_s, u"joining"_s, u"x"_s, now, noCall))
                 .json[u"reason"_s]
                 .toString(),
        u"unknown_bot"_s);
    // Another trigger than state changes: ignored.
    QJsonObject transcript = stateChange(kBotId, u"t-1"_s, u"joined_recording"_s, u"x"_s, now);
    transcript[u"trigger"_s] = u"transcript.update"_s;
    QCOMPARE(deliver(*m_api, transcript).json[u"reason"_s].toString(), u"trigger_not_handled"_s);
    QCOMPARE(count(u"meeting_bot_events"_s), 0);

    // A bot whose join answer was lost names its call in its metadata, and
    // the call has no bot yet: it is adopted.
    AgentCall lost(*m_api, m_playbook, m_token, u"lost-"_s);
    const QString lostCall = lost.start(zoomcalls::kZoomLink, now - 60000, true);
    QVERIFY(!lostCall.isEmpty());
    const QJsonObject named { { u"callos_call_id"_s, lostCall } };
    const ApiReply adopted
        = deliver(*m_api, stateChange(u"bot_lostAnswer"_s, u"a-1"_s, u"joined_recording"_s, u"x"_s, now, named));
    QCOMPARE(adopted.json[u"status"_s].toString(), u"updated"_s);
    QCOMPARE(adopted.json[u"state"_s].toString(), u"recording"_s);
    QCOMPARE(recordingStep(lostCall)[u"bot"_s][u"state"_s].toString(), u"recording"_s);
    // A second bot naming a call that has one is not.
    const QJsonObject taken { { u"callos_call_id"_s, callId } };
    QCOMPARE(deliver(*m_api, stateChange(u"bot_second"_s, u"a-2"_s, u"joining"_s, u"x"_s, now, taken))
                 .json[u"reason"_s]
                 .toString(),
        u"unknown_bot"_s);
    QCOMPARE(count(u"meeting_bots"_s), 2);
}

void TestBotWebhook::withoutASecretNothingIsTaken()
{
    startServer(QByteArray());
    const QString callId = callWithBot(true);
    QVERIFY(!callId.isEmpty());
    const ApiReply reply = deliverState(u"k"_s, u"joined_recording"_s, u"x"_s, m_api->clock().nowMs());
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.errorCode(), u"meetingbot.not_configured"_s);
    QVERIFY(reply.errorMessage().contains(u"CALLOS_ATTENDEE_WEBHOOK_SECRET"_s));
    // A secret that is not base64 counts as none.
    cleanup();
    startServer("this is not base64!");
    QCOMPARE(deliverState(u"k"_s, u"joined_recording"_s, u"x"_s, m_api->clock().nowMs()).status, 503);
    QCOMPARE(count(u"meeting_bot_events"_s), 0);
}

void TestBotWebhook::theAppSeesTheBotLive()
{
    startServer();
    const QString callId = callWithBot(true);
    QVERIFY(!callId.isEmpty());
    // The desktop's review panel follows the call's pipeline on the live
    // channel: the bot's state is part of it.
    LiveClient app(m_api->url(QString::fromLatin1(LiveHub::kPath)));
    QVERIFY(app.helloAs(m_token));
    app.send({ { u"type"_s, u"watch_pipeline"_s }, { u"call"_s, callId } });
    const QJsonObject first = app.next();
    QCOMPARE(first[u"type"_s].toString(), u"pipeline"_s);
    QCOMPARE(first[u"pipeline"_s][u"steps"_s][0][u"bot"_s][u"state"_s].toString(), u"joining"_s);
    QCOMPARE(first[u"pipeline"_s].toObject(), review(callId)[u"pipeline"_s].toObject());

    const qint64 t0 = m_api->clock().nowMs();
    m_api->clock().advance(1000);
    QCOMPARE(deliverState(u"live-1"_s, u"joined_recording"_s, u"bot_joined_meeting"_s, t0).status, 200);
    const QJsonObject recording = app.next();
    QCOMPARE(recording[u"pipeline"_s][u"steps"_s][0][u"bot"_s][u"state"_s].toString(), u"recording"_s);
    QCOMPARE(recording[u"pipeline"_s][u"steps"_s][0][u"bot"_s][u"updated_at"_s].toInteger(), m_api->clock().nowMs());
    // Sent again: nothing changed, nothing pushed.
    QCOMPARE(deliverState(u"live-1"_s, u"joined_recording"_s, u"bot_joined_meeting"_s, t0).json[u"status"_s]
                 .toString(),
        u"duplicate"_s);
    QVERIFY(app.quietFor(300));

    // A fatal error arrives with its reason.
    QJsonObject fatal = stateChange(kBotId, u"live-2"_s, u"fatal_error"_s, u"fatal_error"_s, t0 + 500);
    QJsonObject data = fatal[u"data"_s].toObject();
    data[u"event_sub_type"_s] = u"bot_not_launched"_s;
    fatal[u"data"_s] = data;
    QCOMPARE(deliver(*m_api, fatal).status, 200);
    const QJsonObject failed = app.next();
    const QJsonObject bot = failed[u"pipeline"_s][u"steps"_s][0][u"bot"_s].toObject();
    QCOMPARE(bot[u"state"_s].toString(), u"failed"_s);
    QCOMPARE(bot[u"last_error"_s].toString(), u"fatal_error/bot_not_launched"_s);
}

QTEST_GUILESS_MAIN(TestBotWebhook)
#include "tst_botwebhook.moc"
