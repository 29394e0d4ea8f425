// AssemblyAiClient against a fake AssemblyAI over real HTTP on loopback:
// the exact bytes and JSON it sends, a transcript polled to completion and
// read into CallOS's Transcript, every way a call can fail (429 with
// Retry-After, 5xx, a cut or invalid answer, a stall, a refused key or
// request, data that breaks the documented shape) and whether each is
// tried again; the webhook delivered with its auth header and checked by
// AssemblyAiWebhook. No failure ever shows the API key.
#include "fakeassemblyai.h"
#include "fakeclock.h"
#include "jsonedits.h"
#include "net/httpclient.h"
#include "transcription/assemblyaiclient.h"
#include "transcription/assemblyaiwebhook.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

const QByteArray kApiKey = "4f1c2d9e8b7a65430f1e2d3c4b5a6978";
const QString kWebhookHeader = u"X-CallOS-Webhook"_s;
const QString kWebhookSecret = u"whsec-7d41b0a9c3e2f58a"_s;

using State = AssemblyAiTranscriptStatus::State;

// Answers every delivery with 200 unless told to misbehave; the base class
// keeps what it got.
class WebhookReceiver : public FakeHttpServer
{
protected:
    FakeResponse respond(const FakeRequest &) override { return FakeResponse::json(200, "{}"); }
};

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(11);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

// Two speakers as AssemblyAI writes them, with the numbers spelled out, and
// what CallOS must make of them.
const QByteArray kUtterancesJson = R"([
  {"speaker": "A", "start": 250, "end": 1900, "text": "Thanks for joining.", "confidence": 0.93,
   "words": [
     {"text": "Thanks", "start": 250, "end": 700, "confidence": 0.98, "speaker": "A"},
     {"text": "for", "start": 720, "end": 900, "confidence": 0.87, "speaker": "A"},
     {"text": "joining.", "start": 950, "end": 1900, "confidence": 0.95, "speaker": "A"}]},
  {"speaker": "B", "start": 2300, "end": 3400, "text": "Glad to be here.", "confidence": 0.9,
   "words": [
     {"text": "Glad", "start": 2300, "end": 2600, "confidence": 0.91, "speaker": "B"},
     {"text": "to", "start": 2650, "end": 2800, "confidence": 0.88, "speaker": "B"},
     {"text": "be", "start": 2820, "end": 3000, "confidence": 0.9, "speaker": "B"},
     {"text": "here.", "start": 3050, "end": 3400, "confidence": 0.92, "speaker": "B"}]},
  {"speaker": "A", "start": 3400, "end": 3900, "text": "", "confidence": 0.5, "words": []}
])";

QJsonArray goodUtterances()
{
    return QJsonDocument::fromJson(kUtterancesJson).array();
}

Transcript expectedTranscript()
{
    Transcript transcript;
    transcript.engine = u"assemblyai"_s;
    transcript.language = u"en_us"_s;
    transcript.durationMs = 4000;
    transcript.utterances = {
        Utterance { u"A"_s, 250, 1900, u"Thanks for joining."_s, 0.93,
            { TranscriptWord { u"Thanks"_s, 250, 700, 0.98 }, TranscriptWord { u"for"_s, 720, 900, 0.87 },
                TranscriptWord { u"joining."_s, 950, 1900, 0.95 } } },
        Utterance { u"B"_s, 2300, 3400, u"Glad to be here."_s, 0.9,
            { TranscriptWord { u"Glad"_s, 2300, 2600, 0.91 }, TranscriptWord { u"to"_s, 2650, 2800, 0.88 },
                TranscriptWord { u"be"_s, 2820, 3000, 0.9 }, TranscriptWord { u"here."_s, 3050, 3400, 0.92 } } },
        Utterance { u"A"_s, 3400, 3900, QString(), 0.5, {} },
    };
    return transcript;
}

// The utterances with `edits` ("utterances[1].start" and the like) applied.
QJsonArray editedUtterances(std::initializer_list<JsonEdit> edits)
{
    const QByteArray edited = withEdits(QJsonObject { { u"utterances"_s, goodUtterances() } }, edits);
    return QJsonDocument::fromJson(edited).object().value(u"utterances"_s).toArray();
}

QJsonObject parsed(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

enum class Call { Upload, Create, Fetch };

} // namespace

class TestAssemblyAiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void uploadStreamsTheFileAsItIs();
    void uploadOfNoFileOrAnEmptyOneIsPermanent();
    void createSendsTheDocumentedJson();
    void createWithoutWebhookOrLanguageSendsNeitherField();
    void pollsFromQueuedThroughProcessingToTheTranscript();
    void anErrorStatusCarriesAssemblyAisText();
    void failuresOfEveryCall_data();
    void failuresOfEveryCall();
    void aWrongKeyIsPermanentWithTheMessage();
    void aRefusedRequestIsPermanentWithTheMessage();
    void anUnknownTranscriptIsPermanent();
    void invalidTranscriptDataIsNamed_data();
    void invalidTranscriptDataIsNamed();
    void durationFallsBackToTheLastEnd();
    void secretsQuotedBackAreBlanked();
    void webhookIsDeliveredAndVerified();
    void webhookIsTriedAgainUntilA2xxOrA4xx();
    void transcriptsCanFinishOnTheirOwn();
    void fakeRefusesWhatTheSpecRefuses_data();
    void fakeRefusesWhatTheSpecRefuses();
    void verifierRefusesWrongHeaders();
    void parserRefusesBadBodies_data();
    void parserRefusesBadBodies();

private:
    AssemblyAiSettings settings(const QByteArray &apiKey = kApiKey) const;
    std::unique_ptr<AssemblyAiClient> client(const QByteArray &apiKey = kApiKey);
    QString uploadSome();
    QString createOne(const AssemblyAiTranscriptOptions &options = {});
    // Fetches until the transcript is finished (at most 10 times).
    JobResult<AssemblyAiTranscriptStatus> fetchUntilFinished(const QString &id);
    // What every failure must be: explained, and without a secret.
    static bool isClean(const JobFailure &failure);

    std::unique_ptr<FakeAssemblyAi> m_fake;
    std::unique_ptr<WebhookReceiver> m_receiver;
    HttpClient m_http;
    FakeClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<AssemblyAiClient> m_client;
};

AssemblyAiSettings TestAssemblyAiClient::settings(const QByteArray &apiKey) const
{
    AssemblyAiSettings settings;
    settings.apiKey = apiKey;
    settings.baseUrl = m_fake->baseUrl();
    settings.connectTimeoutMs = 2000;
    settings.requestTimeoutMs = 1500;
    settings.uploadStallTimeoutMs = 1000;
    return settings;
}

std::unique_ptr<AssemblyAiClient> TestAssemblyAiClient::client(const QByteArray &apiKey)
{
    return std::make_unique<AssemblyAiClient>(settings(apiKey), m_http, m_clock);
}

void TestAssemblyAiClient::init()
{
    m_fake = std::make_unique<FakeAssemblyAi>(kApiKey);
    QVERIFY(m_fake->start());
    m_fake->setUtterances(goodUtterances(), 4);
    m_receiver = std::make_unique<WebhookReceiver>();
    QVERIFY(m_receiver->start());
    m_client = client();
}

void TestAssemblyAiClient::cleanup()
{
    m_client.reset();
    m_fake.reset();
    m_receiver.reset();
}

QString TestAssemblyAiClient::uploadSome()
{
    const QString path = m_dir.filePath(u"some.m4a"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(randomBytes(1000)) != 1000)
        return {};
    file.close();
    const JobResult<QString> url = m_client->upload(path);
    return url ? url.value() : QString();
}

QString TestAssemblyAiClient::createOne(const AssemblyAiTranscriptOptions &options)
{
    const QString audio = uploadSome();
    if (audio.isEmpty())
        return {};
    const JobResult<QString> id = m_client->createTranscript(audio, options);
    return id ? id.value() : QString();
}

JobResult<AssemblyAiTranscriptStatus> TestAssemblyAiClient::fetchUntilFinished(const QString &id)
{
    for (int i = 0; i < 10; ++i) {
        JobResult<AssemblyAiTranscriptStatus> status = m_client->fetchTranscript(id);
        if (!status || status.value().isFinished())
            return status;
    }
    return JobFailure { u"never finished"_s, std::nullopt, true };
}

bool TestAssemblyAiClient::isClean(const JobFailure &failure)
{
    return !failure.message.isEmpty() && !failure.message.contains(QString::fromLatin1(kApiKey))
        && !failure.message.contains(kWebhookSecret);
}

void TestAssemblyAiClient::uploadStreamsTheFileAsItIs()
{
    // Bigger than any buffer on the way, and every byte value.
    const QByteArray audio = randomBytes(3 * 1024 * 1024 + 17);
    const QString path = m_dir.filePath(u"call.m4a"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(audio), audio.size());
    file.close();

    const JobResult<QString> uploadUrl = m_client->upload(path);
    QVERIFY2(uploadUrl.ok(), uploadUrl ? "" : qPrintable(uploadUrl.failure().message));
    QVERIFY(uploadUrl.value().startsWith(m_fake->url(u"/upload/"_s)));
    QCOMPARE(m_fake->uploadedBytes(uploadUrl.value()), audio);

    const QList<FakeRequest> requests = m_fake->requestsTo(u"/v2/upload"_s);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.at(0).method, "POST"_ba);
    QCOMPARE(requests.at(0).header("Authorization"), kApiKey); // the key itself, no "Bearer"
    QCOMPARE(requests.at(0).header("Content-Type"), "application/octet-stream"_ba);
    QCOMPARE(requests.at(0).header("Content-Length"), QByteArray::number(audio.size()));
}

void TestAssemblyAiClient::uploadOfNoFileOrAnEmptyOneIsPermanent()
{
    const JobResult<QString> missing = m_client->upload(m_dir.filePath(u"gone.m4a"_s));
    QVERIFY(!missing.ok());
    QVERIFY(isClean(missing.failure()));
    QVERIFY(missing.failure().permanent);
    QVERIFY2(missing.failure().message.contains(u"does not exist"_s), qPrintable(missing.failure().message));

    QFile empty(m_dir.filePath(u"empty.m4a"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    const JobResult<QString> nothing = m_client->upload(empty.fileName());
    QVERIFY(!nothing.ok());
    QVERIFY(isClean(nothing.failure()));
    QVERIFY(nothing.failure().permanent);
    QVERIFY2(nothing.failure().message.contains(u"is empty"_s), qPrintable(nothing.failure().message));
    QVERIFY(m_fake->requests().isEmpty());

    // Without a key nothing is sent.
    const QString audio = m_dir.filePath(u"audio.m4a"_s);
    QFile file(audio);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("audio");
    file.close();
    const JobResult<QString> unset = AssemblyAiClient(settings(QByteArray()), m_http, m_clock).upload(audio);
    QVERIFY(!unset.ok());
    QVERIFY(unset.failure().permanent);
    QCOMPARE(unset.failure().message, u"No AssemblyAI API key is set."_s);
    QVERIFY(m_fake->requests().isEmpty());
}

void TestAssemblyAiClient::createSendsTheDocumentedJson()
{
    const QString audio = uploadSome();
    QVERIFY(!audio.isEmpty());
    AssemblyAiTranscriptOptions options;
    options.webhookUrl = u"https://callos.example/api/v1/webhooks/assemblyai"_s;
    options.webhookAuthHeaderName = kWebhookHeader;
    options.webhookAuthHeaderValue = kWebhookSecret;
    const JobResult<QString> id = m_client->createTranscript(audio, options);
    QVERIFY2(id.ok(), id ? "" : qPrintable(id.failure().message));
    QCOMPARE(m_fake->transcriptIds(), QStringList { id.value() });

    const QList<FakeRequest> requests = m_fake->requestsTo(u"/v2/transcript"_s);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.at(0).method, "POST"_ba);
    QCOMPARE(requests.at(0).header("Authorization"), kApiKey);
    QCOMPARE(requests.at(0).header("Content-Type"), "application/json"_ba);
    const QJsonObject expected {
        { u"audio_url"_s, audio },
        { u"speech_models"_s, QJsonArray { u"universal-3-pro"_s, u"universal-2"_s } },
        { u"speaker_labels"_s, true },
        { u"speakers_expected"_s, 2 },
        { u"webhook_url"_s, u"https://callos.example/api/v1/webhooks/assemblyai"_s },
        { u"webhook_auth_header_name"_s, kWebhookHeader },
        { u"webhook_auth_header_value"_s, kWebhookSecret },
    };
    QCOMPARE(parsed(requests.at(0).body), expected);
    // Nothing else in the body either (no nulls, no extra whitespace).
    QCOMPARE(requests.at(0).body, QJsonDocument(expected).toJson(QJsonDocument::Compact));
    QCOMPARE(m_fake->transcriptRequest(id.value()), expected);
}

void TestAssemblyAiClient::createWithoutWebhookOrLanguageSendsNeitherField()
{
    const QString audio = uploadSome();
    QVERIFY(!audio.isEmpty());

    const JobResult<QString> plain = m_client->createTranscript(audio, AssemblyAiTranscriptOptions {});
    QVERIFY(plain.ok());
    const QJsonObject expected {
        { u"audio_url"_s, audio },
        { u"speech_models"_s, QJsonArray { u"universal-3-pro"_s, u"universal-2"_s } },
        { u"speaker_labels"_s, true },
        { u"speakers_expected"_s, 2 },
    };
    QCOMPARE(m_fake->transcriptRequest(plain.value()), expected);

    // Settings say which models and language; any https URL is audio too.
    AssemblyAiSettings german = settings();
    german.speechModels = { u"universal-2"_s };
    german.languageCode = u"de"_s;
    AssemblyAiTranscriptOptions unknownSpeakers;
    unknownSpeakers.speakersExpected = 0;
    const JobResult<QString> other = AssemblyAiClient(german, m_http, m_clock)
                                         .createTranscript(u"https://storage.example/call.m4a"_s, unknownSpeakers);
    QVERIFY2(other.ok(), other ? "" : qPrintable(other.failure().message));
    QCOMPARE(m_fake->transcriptRequest(other.value()),
        (QJsonObject { { u"audio_url"_s, u"https://storage.example/call.m4a"_s },
            { u"speech_models"_s, QJsonArray { u"universal-2"_s } }, { u"speaker_labels"_s, true },
            { u"language_code"_s, u"de"_s } }));
}

void TestAssemblyAiClient::pollsFromQueuedThroughProcessingToTheTranscript()
{
    m_fake->setPolls(2, 1);
    const QString id = createOne();
    QVERIFY(!id.isEmpty());

    QList<State> seen;
    std::optional<Transcript> transcript;
    for (int i = 0; i < 4; ++i) {
        const JobResult<AssemblyAiTranscriptStatus> status = m_client->fetchTranscript(id);
        QVERIFY2(status.ok(), status ? "" : qPrintable(status.failure().message));
        seen.append(status.value().state);
        QCOMPARE(status.value().transcript.has_value(), status.value().state == State::Completed);
        transcript = status.value().transcript;
    }
    QCOMPARE(seen, (QList<State> { State::Queued, State::Queued, State::Processing, State::Completed }));
    QVERIFY(transcript);
    QCOMPARE(*transcript, expectedTranscript());
    QCOMPARE(m_fake->requestsTo(u"/v2/transcript/"_s + id).size(), 4);
    for (const FakeRequest &request : m_fake->requestsTo(u"/v2/transcript/"_s + id)) {
        QCOMPARE(request.method, "GET"_ba);
        QCOMPARE(request.header("Authorization"), kApiKey);
    }

    // A completed transcript stays so.
    const JobResult<AssemblyAiTranscriptStatus> again = m_client->fetchTranscript(id);
    QVERIFY(again.ok());
    QCOMPARE(again.value().transcript, std::optional<Transcript>(expectedTranscript()));
}

void TestAssemblyAiClient::anErrorStatusCarriesAssemblyAisText()
{
    const QString why = u"Transcoding failed. File does not appear to contain audio. File type is text/html."_s;
    m_fake->setError(why);
    const QString id = createOne();
    QVERIFY(!id.isEmpty());
    const JobResult<AssemblyAiTranscriptStatus> status = fetchUntilFinished(id);
    QVERIFY2(status.ok(), status ? "" : qPrintable(status.failure().message));
    QCOMPARE(status.value().state, State::Error);
    QCOMPARE(status.value().error, why);
    QVERIFY(!status.value().transcript);
}

void TestAssemblyAiClient::failuresOfEveryCall_data()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<QString>("misbehaviour");
    QTest::addColumn<bool>("permanent");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: none
    QTest::addColumn<QString>("says");

    const QList<std::pair<Call, QString>> calls { { Call::Upload, u"upload"_s }, { Call::Create, u"create"_s },
        { Call::Fetch, u"fetch"_s } };
    for (const auto &[call, name] : calls) {
        const int c = int(call);
        QTest::addRow("%s: 429 with Retry-After", qPrintable(name))
            << c << u"429"_s << false << qint64(7000) << u"HTTP 429. AssemblyAI says: Too Many Requests"_s;
        QTest::addRow("%s: 500", qPrintable(name))
            << c << u"500"_s << false << qint64(-1) << u"HTTP 500. AssemblyAI says: Internal Server Error"_s;
        QTest::addRow("%s: 503 without a body", qPrintable(name))
            << c << u"503"_s << false << qint64(-1) << u"AssemblyAI answered HTTP 503."_s;
        QTest::addRow("%s: cut mid-answer", qPrintable(name))
            << c << u"truncated"_s << false << qint64(-1) << u"AssemblyAI did not answer"_s;
        QTest::addRow("%s: JSON cut by a proxy", qPrintable(name))
            << c << u"cut json"_s << false << qint64(-1) << u"not valid JSON"_s;
        QTest::addRow("%s: hangs up", qPrintable(name))
            << c << u"hang up"_s << false << qint64(-1) << u"AssemblyAI did not answer"_s;
        QTest::addRow("%s: stalls", qPrintable(name))
            << c << u"stall"_s << false << qint64(-1) << u"AssemblyAI did not answer"_s;
        QTest::addRow("%s: 403", qPrintable(name))
            << c << u"403"_s << true << qint64(-1) << u"HTTP 403. AssemblyAI says: Cannot access uploaded file"_s;
        QTest::addRow("%s: JSON of another shape", qPrintable(name))
            << c << u"array"_s << true << qint64(-1) << u"not an object"_s;
    }
    QTest::addRow("upload: no upload_url")
        << int(Call::Upload) << u"empty object"_s << true << qint64(-1) << u"not usable: upload_url: is required"_s;
    QTest::addRow("create: no id") << int(Call::Create) << u"empty object"_s << true << qint64(-1)
                                   << u"not usable: id: is required"_s;
    QTest::addRow("fetch: no status") << int(Call::Fetch) << u"empty object"_s << true << qint64(-1)
                                      << u"status: is required"_s;
    QTest::addRow("fetch: unknown status") << int(Call::Fetch) << u"done"_s << true << qint64(-1)
                                           << u"status: must be queued, processing, completed or error"_s;
}

void TestAssemblyAiClient::failuresOfEveryCall()
{
    QFETCH(int, call);
    QFETCH(QString, misbehaviour);
    QFETCH(bool, permanent);
    QFETCH(qint64, retryAfterMs);
    QFETCH(QString, says);

    // What the call needs exists already; only the call itself misbehaves.
    const QString path = m_dir.filePath(u"call.m4a"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(randomBytes(4096));
    }
    const QString audio = uploadSome();
    const QString id = createOne();
    QVERIFY(!id.isEmpty());

    FakeResponse response;
    if (misbehaviour == u"429"_s)
        response = FakeResponse::json(429, R"({"error":"Too Many Requests"})", { { "Retry-After", "7" } });
    else if (misbehaviour == u"500"_s)
        response = FakeResponse::json(500, R"({"error":"Internal Server Error"})");
    else if (misbehaviour == u"503"_s)
        response.status = 503;
    else if (misbehaviour == u"403"_s)
        response = FakeResponse::json(403, R"({"error":"Cannot access uploaded file"})");
    else if (misbehaviour == u"truncated"_s) {
        response = FakeResponse::json(200, R"({"id":"x","upload_url":"http://127.0.0.1/u"})");
        response.truncateAfter = 9;
    } else if (misbehaviour == u"cut json"_s)
        response = FakeResponse::json(200, R"({"id":"x","upload_url":"http://127.0)");
    else if (misbehaviour == u"hang up"_s)
        response.hangUp = true;
    else if (misbehaviour == u"stall"_s)
        response.stall = true;
    else if (misbehaviour == u"array"_s)
        response = FakeResponse::json(200, "[]");
    else if (misbehaviour == u"empty object"_s)
        response = FakeResponse::json(200, "{}");
    else if (misbehaviour == u"done"_s)
        response = FakeResponse::json(200, QByteArray(R"({"id":")" + id.toLatin1() + R"(","status":"done"})"));
    m_fake->misbehaveNext(response);

    std::optional<JobFailure> failure;
    switch (Call(call)) {
    case Call::Upload:
        if (const auto result = m_client->upload(path); !result)
            failure = result.failure();
        break;
    case Call::Create:
        if (const auto result = m_client->createTranscript(audio, {}); !result)
            failure = result.failure();
        break;
    case Call::Fetch:
        if (const auto result = m_client->fetchTranscript(id); !result)
            failure = result.failure();
        break;
    }
    QVERIFY(failure);
    QVERIFY2(isClean(*failure), qPrintable(failure->message));
    QVERIFY2(failure->message.contains(says), qPrintable(failure->message));
    QCOMPARE(failure->permanent, permanent);
    QCOMPARE(failure->retryAfterMs, retryAfterMs < 0 ? std::nullopt : std::optional<qint64>(retryAfterMs));

    // The next attempt goes through.
    switch (Call(call)) {
    case Call::Upload:
        QVERIFY(m_client->upload(path).ok());
        break;
    case Call::Create:
        QVERIFY(m_client->createTranscript(audio, {}).ok());
        break;
    case Call::Fetch:
        QVERIFY(m_client->fetchTranscript(id).ok());
        break;
    }
}

void TestAssemblyAiClient::aWrongKeyIsPermanentWithTheMessage()
{
    const QByteArray wrongKey = "0000aaaa1111bbbb2222cccc3333dddd";
    const QString path = m_dir.filePath(u"call.m4a"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(randomBytes(100));
    }
    const JobResult<QString> upload = client(wrongKey)->upload(path);
    QVERIFY(!upload.ok());
    QVERIFY(upload.failure().permanent);
    QCOMPARE(upload.failure().message,
        u"Uploading the recording to AssemblyAI failed: AssemblyAI answered HTTP 401. AssemblyAI says: "
        "Authentication error, API token missing/invalid"_s);
    QVERIFY(!upload.failure().message.contains(QString::fromLatin1(wrongKey)));

    const JobResult<AssemblyAiTranscriptStatus> fetch = client(wrongKey)->fetchTranscript(u"abc-123"_s);
    QVERIFY(!fetch.ok());
    QVERIFY(fetch.failure().permanent);
    QVERIFY(fetch.failure().message.contains(u"HTTP 401"_s));
    // "Bearer <key>" is a wrong key too.
    QVERIFY(!client(QByteArray("Bearer " + kApiKey))->fetchTranscript(u"abc-123"_s).ok());
}

void TestAssemblyAiClient::aRefusedRequestIsPermanentWithTheMessage()
{
    // AssemblyAI cannot download plain http: the fake refuses it as the spec's 400.
    const JobResult<QString> id = m_client->createTranscript(u"http://insecure.example/call.m4a"_s, {});
    QVERIFY(!id.ok());
    QVERIFY(isClean(id.failure()));
    QVERIFY(id.failure().permanent);
    QVERIFY(!id.failure().retryAfterMs);
    QCOMPARE(id.failure().message,
        u"Creating the AssemblyAI transcript failed: AssemblyAI answered HTTP 400. AssemblyAI says: "
        "audio_url must be an upload_url of this account or an https URL"_s);

    // A model list the fake cannot take (empty) is not even sent.
    AssemblyAiSettings noModels = settings();
    noModels.speechModels.clear();
    const JobResult<QString> none
        = AssemblyAiClient(noModels, m_http, m_clock).createTranscript(u"https://storage.example/call.m4a"_s, {});
    QVERIFY(!none.ok());
    QVERIFY(none.failure().permanent);
    QVERIFY(m_fake->transcriptIds().isEmpty());
}

void TestAssemblyAiClient::anUnknownTranscriptIsPermanent()
{
    const JobResult<AssemblyAiTranscriptStatus> status
        = m_client->fetchTranscript(u"5551722f-ab5a-4a62-9e5c-1e2e1a1e0b6c"_s);
    QVERIFY(!status.ok());
    QVERIFY(isClean(status.failure()));
    QVERIFY(status.failure().permanent);
    QVERIFY2(status.failure().message.contains(u"HTTP 404. AssemblyAI says: Transcript not found"_s),
        qPrintable(status.failure().message));

    // An id that would change the path is never sent.
    const JobResult<AssemblyAiTranscriptStatus> odd = m_client->fetchTranscript(u"../upload"_s);
    QVERIFY(!odd.ok());
    QVERIFY(odd.failure().permanent);
    QVERIFY(m_fake->requestsTo(u"/v2/upload"_s).isEmpty());
}

void TestAssemblyAiClient::invalidTranscriptDataIsNamed_data()
{
    QTest::addColumn<QJsonArray>("utterances");
    QTest::addColumn<QJsonValue>("audioDuration");
    QTest::addColumn<QString>("says");

    const QJsonValue four(4);
    QTest::newRow("negative start") << editedUtterances({ { u"utterances[1].start"_s, -5 } }) << four
                                    << u"utterances[1].start: must not be negative, but is -5"_s;
    QTest::newRow("end before start") << editedUtterances({ { u"utterances[0].end"_s, 200 } }) << four
                                      << u"utterances[0].end: 200 is before the start 250"_s;
    QTest::newRow("out of order")
        << editedUtterances({ { u"utterances[1].start"_s, 100 }, { u"utterances[1].end"_s, 3400 } }) << four
        << u"utterances[1].start: 100 is before the start 250 of the utterance before it: not in time order"_s;
    QTest::newRow("no speaker") << editedUtterances({ { u"utterances[1].speaker"_s, kRemove } }) << four
                                << u"utterances[1].speaker: is required"_s;
    QTest::newRow("empty speaker") << editedUtterances({ { u"utterances[0].speaker"_s, u" "_s } }) << four
                                   << u"utterances[0].speaker: must not be empty"_s;
    QTest::newRow("time in seconds") << editedUtterances({ { u"utterances[0].start"_s, 0.25 } }) << four
                                     << u"utterances[0].start: must be a whole number of milliseconds, not 0.25"_s;
    QTest::newRow("time as text") << editedUtterances({ { u"utterances[0].end"_s, u"1900"_s } }) << four
                                  << u"utterances[0].end: must be a number"_s;
    QTest::newRow("confidence above 1") << editedUtterances({ { u"utterances[1].confidence"_s, 90 } }) << four
                                        << u"utterances[1].confidence: must be between 0 and 1, but is 90"_s;
    QTest::newRow("word out of order") << editedUtterances({ { u"utterances[1].words[2].start"_s,
        2000 } }) << four << u"utterances[1].words[2].start: 2000 is before the start 2650 of the word before it"_s;
    QTest::newRow("word without end") << editedUtterances({ { u"utterances[0].words[1].end"_s, kRemove } }) << four
                                      << u"utterances[0].words[1].end: is required"_s;
    QTest::newRow("no words") << editedUtterances({ { u"utterances[0].words"_s, kRemove } }) << four
                              << u"utterances[0].words: is required"_s;
    QTest::newRow("utterance not an object")
        << editedUtterances({ { u"utterances[2]"_s, u"A: hello"_s } }) << four << u"utterances[2]: must be an object"_s;
    QTest::newRow("negative duration") << goodUtterances() << QJsonValue(-1)
                                       << u"audio_duration: must be a number of seconds from 0 to 360000"_s;
    QTest::newRow("everything wrong at once")
        << editedUtterances({ { u"utterances[0].start"_s, -1 }, { u"utterances[0].speaker"_s, kRemove },
               { u"utterances[1].end"_s, -2 }, { u"utterances[1].words[0].text"_s, 5 },
               { u"utterances[2].confidence"_s, -0.5 }, { u"utterances[2].text"_s, kRemove } })
        << four << u"(and 1 more)"_s;
}

void TestAssemblyAiClient::invalidTranscriptDataIsNamed()
{
    QFETCH(QJsonArray, utterances);
    QFETCH(QJsonValue, audioDuration);
    QFETCH(QString, says);

    m_fake->setUtterances(utterances, audioDuration);
    m_fake->setPolls(0, 0);
    const QString id = createOne();
    QVERIFY(!id.isEmpty());
    const JobResult<AssemblyAiTranscriptStatus> status = m_client->fetchTranscript(id);
    QVERIFY(!status.ok());
    const JobFailure failure = status.failure();
    QVERIFY2(isClean(failure), qPrintable(failure.message));
    QVERIFY(failure.permanent);
    QVERIFY2(failure.message.startsWith(u"AssemblyAI's transcript %1 is not usable: "_s.arg(id)),
        qPrintable(failure.message));
    QVERIFY2(failure.message.contains(says), qPrintable(failure.message));
}

void TestAssemblyAiClient::durationFallsBackToTheLastEnd()
{
    // audio_duration is [integer, null] in the spec.
    m_fake->setUtterances(goodUtterances(), QJsonValue::Null);
    m_fake->setPolls(0, 0);
    const QString id = createOne();
    const JobResult<AssemblyAiTranscriptStatus> status = m_client->fetchTranscript(id);
    QVERIFY2(status.ok(), status ? "" : qPrintable(status.failure().message));
    QVERIFY(status.value().transcript);
    QCOMPARE(status.value().transcript->durationMs, 3900);

    // A fraction of a second is kept, in ms.
    m_fake->setUtterances(goodUtterances(), 3.9375);
    const JobResult<AssemblyAiTranscriptStatus> fractional = m_client->fetchTranscript(createOne());
    QVERIFY(fractional.ok());
    QCOMPARE(fractional.value().transcript->durationMs, 3938);

    // Silence: no utterances at all is a transcript too.
    m_fake->setUtterances(QJsonArray(), 60);
    const JobResult<AssemblyAiTranscriptStatus> silent = m_client->fetchTranscript(createOne());
    QVERIFY(silent.ok());
    QVERIFY(silent.value().transcript->utterances.isEmpty());
    QCOMPARE(silent.value().transcript->durationMs, 60000);
}

void TestAssemblyAiClient::secretsQuotedBackAreBlanked()
{
    const QString audio = uploadSome();
    QVERIFY(!audio.isEmpty());
    m_fake->misbehaveNext(FakeResponse::json(400,
        QByteArray(
            R"({"error":"Key )" + kApiKey + R"( cannot use header value )" + kWebhookSecret.toLatin1() + R"("})")));
    AssemblyAiTranscriptOptions options;
    options.webhookUrl = m_receiver->url(u"/hook"_s);
    options.webhookAuthHeaderName = kWebhookHeader;
    options.webhookAuthHeaderValue = kWebhookSecret;
    const JobResult<QString> id = m_client->createTranscript(audio, options);
    QVERIFY(!id.ok());
    QCOMPARE(id.failure().message,
        u"Creating the AssemblyAI transcript failed: AssemblyAI answered HTTP 400. AssemblyAI says: "
        "Key [secret] cannot use header value [secret]"_s);

    // A key with spaces around it (as read from a file) is sent without them.
    const JobResult<AssemblyAiTranscriptStatus> status
        = client(QByteArray("  " + kApiKey + "\n"))->fetchTranscript(createOne());
    QVERIFY(status.ok());
}

void TestAssemblyAiClient::webhookIsDeliveredAndVerified()
{
    AssemblyAiTranscriptOptions options;
    options.webhookUrl = m_receiver->url(u"/api/v1/webhooks/assemblyai"_s);
    options.webhookAuthHeaderName = kWebhookHeader;
    options.webhookAuthHeaderValue = kWebhookSecret;
    const QString id = createOne(options);
    QVERIFY(!id.isEmpty());
    QVERIFY(m_receiver->requests().isEmpty());

    m_fake->finish(id);
    QTRY_COMPARE(m_receiver->requests().size(), 1);
    const FakeRequest delivery = m_receiver->requests().at(0);
    QCOMPARE(delivery.method, "POST"_ba);
    QCOMPARE(delivery.path, u"/api/v1/webhooks/assemblyai"_s);
    QCOMPARE(delivery.header(kWebhookHeader.toLatin1()), kWebhookSecret.toLatin1());
    QCOMPARE(parsed(delivery.body), (QJsonObject { { u"transcript_id"_s, id }, { u"status"_s, u"completed"_s } }));

    const AssemblyAiWebhook webhook(kWebhookHeader.toLatin1(), kWebhookSecret.toLatin1());
    QCOMPARE(webhook.headerName(), kWebhookHeader.toLatin1());
    const Result<AssemblyAiNotification> notice = webhook.read(delivery.header(webhook.headerName()), delivery.body);
    QVERIFY2(notice.ok(), notice ? "" : qPrintable(notice.refusal().message));
    QCOMPARE(notice.value(), (AssemblyAiNotification { id, u"completed"_s }));

    // The delivery says which; the transcript itself is fetched.
    const JobResult<AssemblyAiTranscriptStatus> status = m_client->fetchTranscript(notice.value().transcriptId);
    QVERIFY(status.ok());
    QCOMPARE(status.value().state, State::Completed);
    QCOMPARE(status.value().transcript, std::optional<Transcript>(expectedTranscript()));

    // A failed transcript is announced as such.
    m_fake->setError(u"Audio duration is too short."_s);
    const QString failed = createOne(options);
    m_fake->finish(failed);
    QTRY_COMPARE(m_receiver->requests().size(), 2);
    const Result<AssemblyAiNotification> error
        = webhook.read(m_receiver->requests().at(1).header(webhook.headerName()), m_receiver->requests().at(1).body);
    QVERIFY(error.ok());
    QCOMPARE(error.value(), (AssemblyAiNotification { failed, u"error"_s }));
    QTRY_COMPARE(m_fake->webhookAttempts().size(), 2);
    QCOMPARE(m_fake->webhookAttempts().at(1).httpStatus, 200);
}

void TestAssemblyAiClient::webhookIsTriedAgainUntilA2xxOrA4xx()
{
    m_fake->setWebhookRetryDelayMs(10);
    AssemblyAiTranscriptOptions options;
    options.webhookUrl = m_receiver->url(u"/hook"_s);
    options.webhookAuthHeaderName = kWebhookHeader;
    options.webhookAuthHeaderValue = kWebhookSecret;

    // Two 500s, then taken; polling to the end sends it too.
    m_receiver->misbehaveNext(FakeResponse::json(500, "{}"), 2);
    m_fake->setPolls(0, 0);
    const QString first = createOne(options);
    QVERIFY(m_client->fetchTranscript(first).ok());
    QTRY_COMPARE(m_receiver->requests().size(), 3);
    QTRY_COMPARE(m_fake->webhookAttempts().size(), 3);
    QList<int> statuses;
    for (const FakeAssemblyAi::WebhookAttempt &attempt : m_fake->webhookAttempts())
        statuses.append(attempt.httpStatus);
    QCOMPARE(statuses, (QList<int> { 500, 500, 200 }));

    // A 4xx: the receiver will never take it, so no more attempts.
    m_receiver->clearRequests();
    m_receiver->misbehaveNext(FakeResponse::json(401, "{}"));
    const QString second = createOne(options);
    m_fake->finish(second);
    QTRY_COMPARE(m_fake->webhookAttempts().size(), 4);
    QTest::qWait(200);
    QCOMPARE(m_receiver->requests().size(), 1);
    QCOMPARE(m_fake->webhookAttempts().last().httpStatus, 401);

    // Never an answer: 10 attempts, then AssemblyAI gives up.
    m_receiver->clearRequests();
    m_receiver->misbehaveNext(FakeResponse::json(503, "{}"), 20);
    const QString third = createOne(options);
    m_fake->finish(third);
    QTRY_COMPARE(m_receiver->requests().size(), FakeAssemblyAi::kMaxWebhookAttempts);
    QTest::qWait(200);
    QCOMPARE(m_receiver->requests().size(), FakeAssemblyAi::kMaxWebhookAttempts);
}

void TestAssemblyAiClient::transcriptsCanFinishOnTheirOwn()
{
    m_fake->setFinishesAfterMs(20);
    m_fake->setPolls(100, 100);
    AssemblyAiTranscriptOptions options;
    options.webhookUrl = m_receiver->url(u"/hook"_s);
    const QString id = createOne(options);
    QTRY_COMPARE(m_receiver->requests().size(), 1);
    // No auth header was asked for, so none is sent.
    QVERIFY(m_receiver->requests().at(0).header(kWebhookHeader.toLatin1()).isEmpty());
    const JobResult<AssemblyAiTranscriptStatus> status = m_client->fetchTranscript(id);
    QVERIFY(status.ok());
    QCOMPARE(status.value().state, State::Completed);
}

void TestAssemblyAiClient::fakeRefusesWhatTheSpecRefuses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("says");

    const QByteArray base = R"("audio_url":"https://storage.example/a.m4a","speech_models":["universal-2"])";
    QTest::newRow("valid") << QByteArray("{" + base + "}") << QString();
    QTest::newRow("not an object") << "[]"_ba << u"The request body must be a JSON object"_s;
    QTest::newRow("unknown field") << QByteArray("{" + base + R"(,"speaker_label":true})")
                                   << u"speaker_label is not a valid parameter"_s;
    QTest::newRow("no audio_url") << R"({"speech_models":["universal-2"]})"_ba
                                  << u"audio_url is required and must be a string"_s;
    QTest::newRow("no speech_models") << R"({"audio_url":"https://storage.example/a.m4a"})"_ba
                                      << u"speech_models is required and must be a non-empty list"_s;
    QTest::newRow("speech_models of numbers")
        << R"({"audio_url":"https://storage.example/a.m4a","speech_models":[2]})"_ba
        << u"speech_models must be a list of model names"_s;
    QTest::newRow("speaker_labels as text")
        << QByteArray("{" + base + R"(,"speaker_labels":"true"})") << u"speaker_labels must be a Boolean"_s;
    QTest::newRow("speakers_expected as text")
        << QByteArray("{" + base + R"(,"speakers_expected":"2"})") << u"speakers_expected must be an integer"_s;
    QTest::newRow("speakers_expected 2.5")
        << QByteArray("{" + base + R"(,"speakers_expected":2.5})") << u"speakers_expected must be an integer"_s;
    QTest::newRow("language_code a number")
        << QByteArray("{" + base + R"(,"language_code":5})") << u"language_code must be a string"_s;
    QTest::newRow("webhook_url not a URL")
        << QByteArray("{" + base + R"(,"webhook_url":"callos"})") << u"webhook_url must be a URL"_s;
    QTest::newRow("header value a number") << QByteArray("{" + base + R"(,"webhook_auth_header_value":1})")
                                           << u"webhook_auth_header_value must be a string"_s;
}

void TestAssemblyAiClient::fakeRefusesWhatTheSpecRefuses()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, says);
    HttpRequest request;
    request.method = "POST";
    request.url = m_fake->url(u"/v2/transcript"_s);
    request.headers = { { "Authorization", kApiKey }, { "Content-Type", "application/json" } };
    request.body = body;
    const HttpResponse response = m_http.send(request);
    QCOMPARE(response.error, QString());
    if (says.isEmpty()) {
        QCOMPARE(response.status, 200);
        QCOMPARE(parsed(response.body).value(u"status"_s).toString(), u"queued"_s);
        return;
    }
    QCOMPARE(response.status, 400);
    QCOMPARE(parsed(response.body), (QJsonObject { { u"error"_s, says } }));
    QVERIFY(m_fake->transcriptIds().isEmpty());

    // Uploads are raw bytes, said so.
    HttpRequest upload;
    upload.method = "POST";
    upload.url = m_fake->url(u"/v2/upload"_s);
    upload.headers = { { "Authorization", kApiKey }, { "Content-Type", "audio/mp4" } };
    upload.body = "audio";
    QCOMPARE(m_http.send(upload).status, 400);
}

void TestAssemblyAiClient::verifierRefusesWrongHeaders()
{
    const AssemblyAiWebhook webhook(kWebhookHeader.toLatin1(), kWebhookSecret.toLatin1());
    const QByteArray body = R"({"transcript_id":"5551722f-ab5a","status":"completed"})";
    QVERIFY(webhook.verify(kWebhookSecret.toLatin1()));
    const QList<QByteArray> wrongs { QByteArray(), "whsec-7d41b0a9c3e2f58"_ba, "whsec-7d41b0a9c3e2f58a "_ba,
        "WHSEC-7D41B0A9C3E2F58A"_ba, "Bearer whsec-7d41b0a9c3e2f58a"_ba, "whsec-7d41b0a9c3e2f58b"_ba };
    for (const QByteArray &wrong : wrongs) {
        QVERIFY2(!webhook.verify(wrong), wrong.constData());
        const Result<AssemblyAiNotification> refused = webhook.read(wrong, body);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.refusal().code, u"webhook.unauthorised"_s);
        QCOMPARE(refused.refusal().message, u"The AssemblyAI webhook's X-CallOS-Webhook header is missing or wrong."_s);
    }
    // Without a secret of its own nothing passes, not even nothing.
    const AssemblyAiWebhook unset(kWebhookHeader.toLatin1(), QByteArray());
    QVERIFY(!unset.verify(QByteArray()));
    QVERIFY(!unset.read(QByteArray(), body).ok());
}

void TestAssemblyAiClient::parserRefusesBadBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("says");

    QTest::newRow("not JSON") << "transcript_id=1"_ba << u"not JSON"_s;
    QTest::newRow("cut") << R"({"transcript_id":"ab)"_ba << u"not JSON"_s;
    QTest::newRow("array") << R"(["ab","completed"])"_ba << u"must be an object"_s;
    QTest::newRow("no id") << R"({"status":"completed"})"_ba << u"transcript_id: is required"_s;
    QTest::newRow("id a number") << R"({"transcript_id":7,"status":"completed"})"_ba
                                 << u"transcript_id: must be a string"_s;
    QTest::newRow("id with a slash") << R"({"transcript_id":"../x","status":"completed"})"_ba
                                     << u"transcript_id: must be letters, digits"_s;
    QTest::newRow("no status") << R"({"transcript_id":"ab"})"_ba << u"status: is required"_s;
    QTest::newRow("redacted audio") << R"({"transcript_id":"ab","status":"redacted_audio_ready"})"_ba
                                    << u"status: must be completed or error"_s;
    QTest::newRow("huge") << QByteArray(R"({"transcript_id":"ab","status":"completed","pad":")" + QByteArray(20000, 'x')
        + R"("})") << u"larger than 16384 bytes"_s;
}

void TestAssemblyAiClient::parserRefusesBadBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, says);
    const AssemblyAiWebhook webhook(kWebhookHeader.toLatin1(), kWebhookSecret.toLatin1());
    const Result<AssemblyAiNotification> notice = webhook.read(kWebhookSecret.toLatin1(), body);
    QVERIFY(!notice.ok());
    QCOMPARE(notice.refusal().code, u"webhook.invalid_body"_s);
    QVERIFY2(notice.refusal().message.startsWith(u"The AssemblyAI webhook's body is not valid: "_s),
        qPrintable(notice.refusal().message));
    QVERIFY2(notice.refusal().message.contains(says), qPrintable(notice.refusal().message));

    // Fields AssemblyAI may add are no reason to refuse.
    const Result<AssemblyAiNotification> more
        = webhook.parse(R"({"transcript_id":"ab-12","status":"error","webhook_attempt":2})");
    QVERIFY(more.ok());
    QCOMPARE(more.value(), (AssemblyAiNotification { u"ab-12"_s, u"error"_s }));
}

QTEST_GUILESS_MAIN(TestAssemblyAiClient)
#include "tst_assemblyaiclient.moc"
