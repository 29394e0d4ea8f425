// S3RecordingStore against FakeS3 over real HTTP on loopback: what goes up
// is signed (libcurl's SigV4, checked by the fake's own verification),
// encrypted at rest and arrives byte for byte; what S3 refuses comes back
// as a refusal an admin can act on, permanent or worth another try; a cut
// or stalled transfer stores nothing and leaves nothing behind; reading
// goes through the staging folder; playback links are presigned as AWS's
// documentation computes them, work while they last and not after. (The
// whole pipeline on S3, with the media route's redirect: tst_callpipeline.)
#include "fakeclock.h"
#include "fakes3.h"
#include "net/httpclient.h"
#include "recording/makerecordingstore.h"
#include "recording/s3presigner.h"
#include "recording/s3recordingstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

const QString kBucket = u"callos-recordings"_s;
const QString kRegion = u"eu-central-1"_s;
const QByteArray kKeyId = "AKIACALLOSTEST000001";
const QByteArray kSecret = "test/Secret+Of/The=S3Fake";
const QString kKey = u"0190c0de-0000-7000-8000-00000000a11c/0190c0de-0000-7000-8000-0000000000aa.m4a"_s;

// Bytes no compression or coincidence makes shorter; a multiple of 4 long.
QByteArray audioBytes(int size)
{
    QList<quint32> words(size / 4);
    QRandomGenerator(11).fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.constData()), words.size() * 4);
}

// A plain client, as a browser's player follows a playback link: no keys.
HttpResponse fetch(const QUrl &link)
{
    HttpClient http;
    HttpRequest request;
    request.url = QString::fromLatin1(link.toEncoded());
    return http.send(request);
}

QString s3Code(const QByteArray &body)
{
    const qsizetype start = body.indexOf("<Code>");
    const qsizetype end = body.indexOf("</Code>");
    return start < 0 || end < start ? QString() : QString::fromUtf8(body.mid(start + 6, end - start - 6));
}

} // namespace

class TestS3RecordingStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void presignsAsTheAwsExample();
    void addressesFollowTheSettings();
    void storedEncryptedSignedAndWhole();
    void aWrongSecretIsRefusedClearly();
    void aBusyS3IsWorthAnotherTry();
    void aCutOrStalledTransferStoresNothing();
    void readingGoesThroughTheStagingFolder();
    void aPlaybackLinkWorksUntilItExpires();
    void theFakeHoldsClientsToTheContract();

private:
    S3Settings settings(const QByteArray &secret = kSecret) const;
    std::unique_ptr<S3RecordingStore> store(const QByteArray &secret = kSecret);
    // A finished download in the staging folder, as RecordingFetchHandler leaves it.
    QString staged(const QByteArray &bytes);
    QStringList stagedFiles() const;
    QString stagingDirectory() const { return m_dir.filePath(u"recordings/.incoming"_s); }

    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<FakeS3> m_s3;
    std::unique_ptr<HttpClient> m_http;
    QTemporaryDir m_dir;
};

void TestS3RecordingStore::init()
{
    // The server's clock and S3's agree, as they must within 15 minutes.
    m_clock = std::make_unique<FakeClock>(QDateTime::currentMSecsSinceEpoch());
    m_s3 = std::make_unique<FakeS3>(kBucket, kRegion, kKeyId, kSecret);
    QVERIFY(m_s3->start());
    m_s3->setClock([clock = m_clock.get()] { return clock->nowMs(); });
    m_http = std::make_unique<HttpClient>();
}

void TestS3RecordingStore::cleanup()
{
    m_s3.reset();
    m_http.reset();
    QDir(m_dir.filePath(u"recordings"_s)).removeRecursively();
}

S3Settings TestS3RecordingStore::settings(const QByteArray &secret) const
{
    S3Settings s3;
    s3.bucket = kBucket;
    s3.region = kRegion;
    s3.accessKeyId = kKeyId;
    s3.secretAccessKey = secret;
    s3.endpoint = m_s3->endpoint();
    s3.urlLifetimeSeconds = 120;
    return s3;
}

std::unique_ptr<S3RecordingStore> TestS3RecordingStore::store(const QByteArray &secret)
{
    auto out = std::make_unique<S3RecordingStore>(settings(secret), stagingDirectory(), *m_http, *m_clock);
    out->setStallTimeoutMs(1000);
    return out;
}

QString TestS3RecordingStore::staged(const QByteArray &bytes)
{
    QDir().mkpath(stagingDirectory());
    const QString path = stagingDirectory() + u"/fetch-%1.part"_s.arg(QRandomGenerator::global()->generate());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QStringList TestS3RecordingStore::stagedFiles() const
{
    return QDir(stagingDirectory()).entryList(QDir::Files | QDir::Hidden);
}

void TestS3RecordingStore::presignsAsTheAwsExample()
{
    // AWS's worked example of "Authenticating Requests: Using Query
    // Parameters (AWS Signature Version 4)": GET test.txt of examplebucket,
    // 2013-05-24 00:00:00 UTC, us-east-1, a day long.
    const S3Presigner presigner("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", u"us-east-1"_s);
    const qint64 at = QDateTime(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const QUrl link = presigner.presignGet(QUrl(u"https://examplebucket.s3.amazonaws.com/test.txt"_s), at, 86400);
    QCOMPARE(link.toEncoded(),
        QByteArray("https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                   "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                   "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                   "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"));
}

void TestS3RecordingStore::addressesFollowTheSettings()
{
    // AWS: virtual-hosted, the key's segments encoded as S3 signs them.
    S3Settings aws = settings();
    aws.endpoint.clear();
    const S3RecordingStore onAws(aws, stagingDirectory(), *m_http, *m_clock);
    QCOMPARE(onAws.objectUrl(u"org/a b+c.m4a"_s),
        u"https://callos-recordings.s3.eu-central-1.amazonaws.com/org/a%20b%2Bc.m4a"_s);
    const std::optional<QUrl> link = onAws.playbackUrl(kKey);
    QVERIFY(link);
    QCOMPARE(link->host(), u"callos-recordings.s3.eu-central-1.amazonaws.com"_s);
    QCOMPARE(link->path(), u"/"_s + kKey);
    const QUrlQuery query(*link);
    QCOMPARE(query.queryItemValue(u"X-Amz-Expires"_s), u"120"_s);
    QCOMPARE(query.queryItemValue(u"X-Amz-Credential"_s, QUrl::FullyDecoded),
        QString::fromLatin1(kKeyId) + QDateTime::fromMSecsSinceEpoch(m_clock->nowMs(), Qt::UTC).toString(u"/yyyyMMdd"_s)
            + u"/eu-central-1/s3/aws4_request"_s);
    // Never the secret, in any form.
    QVERIFY(!link->toEncoded().contains(kSecret));
    QVERIFY(!link->toEncoded().contains(QUrl::toPercentEncoding(QString::fromLatin1(kSecret))));
    // A key that would leave the bucket gets no link.
    QVERIFY(!onAws.playbackUrl(u"../other/x.m4a"_s));

    // An S3-compatible endpoint: path-style under it.
    QCOMPARE(store()->objectUrl(kKey), m_s3->endpoint() + u"/callos-recordings/"_s + kKey);
    // The factory: S3 with a bucket, else the disk.
    QCOMPARE(makeRecordingStore(settings(), m_dir.filePath(u"recordings"_s), *m_http, *m_clock)->name(), u"s3"_s);
    QCOMPARE(makeRecordingStore(S3Settings(), m_dir.filePath(u"recordings"_s), *m_http, *m_clock)->name(), u"disk"_s);
    QVERIFY(!makeRecordingStore(S3Settings(), m_dir.filePath(u"recordings"_s), *m_http, *m_clock)->playbackUrl(kKey));
}

void TestS3RecordingStore::storedEncryptedSignedAndWhole()
{
    const QByteArray audio = audioBytes(700 * 1024);
    const QString path = staged(audio);
    QVERIFY(!path.isEmpty());
    const std::optional<Refusal> refusal = store()->store(kKey, path, u"audio/mp4"_s);
    QVERIFY2(!refusal, refusal ? qPrintable(refusal->message) : "");

    const std::optional<FakeS3::Object> object = m_s3->object(kKey);
    QVERIFY(object);
    QVERIFY(object->bytes == audio);
    QCOMPARE(object->encryption, "AES256");
    QCOMPARE(object->contentType, "audio/mp4");
    // Gone from the local disk once S3 has it.
    QVERIFY(!QFile::exists(path));
    QVERIFY(stagedFiles().isEmpty());

    // One PUT, signed with the encryption header and the body's hash in
    // the signature (so S3 refuses a body that arrives otherwise).
    const QList<FakeRequest> puts = m_s3->requestsTo(u"/callos-recordings/"_s);
    QCOMPARE(puts.size(), 1);
    QCOMPARE(puts[0].method, "PUT");
    QCOMPARE(puts[0].header("x-amz-server-side-encryption"), "AES256");
    QCOMPARE(
        puts[0].header("x-amz-content-sha256"), QCryptographicHash::hash(audio, QCryptographicHash::Sha256).toHex());
    const QByteArray authorization = puts[0].header("Authorization");
    QVERIFY2(
        authorization.startsWith(QByteArray("AWS4-HMAC-SHA256 Credential=" + kKeyId + '/')), authorization.constData());
    QVERIFY2(authorization.contains("x-amz-content-sha256;x-amz-date;x-amz-server-side-encryption"),
        authorization.constData());
    QVERIFY(!authorization.contains(kSecret));
}

void TestS3RecordingStore::aWrongSecretIsRefusedClearly()
{
    const QString path = staged(audioBytes(4096));
    const std::optional<Refusal> refusal = store("not-the-secret")->store(kKey, path, u"audio/mp4"_s);
    QVERIFY(refusal);
    // S3 said no to the request itself: asking again cannot help.
    QCOMPARE(refusal->code, u"recording.store_refused"_s);
    QVERIFY(RecordingStore::isPermanent(*refusal));
    QCOMPARE(refusal->message,
        u"Recording %1: S3 answered HTTP 403. S3 says SignatureDoesNotMatch: The request signature we calculated "
        "does not match the signature you provided. Check your key and signing method. "
        "Check CALLOS_S3_SECRET_ACCESS_KEY."_s.arg(kKey));
    QVERIFY(!refusal->message.contains(u"not-the-secret"_s));
    QVERIFY(!m_s3->object(kKey));
    // The caller's file stays for the caller (the fetch job removes it).
    QVERIFY(QFile::exists(path));

    // Another bucket's key id, and reading with the wrong secret.
    S3Settings stranger = settings();
    stranger.accessKeyId = "AKIASOMEONEELSE00001";
    S3RecordingStore other(stranger, stagingDirectory(), *m_http, *m_clock);
    const std::optional<Refusal> unknown = other.store(kKey, path, u"audio/mp4"_s);
    QVERIFY(unknown);
    QCOMPARE(unknown->code, u"recording.store_refused"_s);
    QVERIFY2(unknown->message.contains(u"InvalidAccessKeyId"_s)
            && unknown->message.endsWith(u"Check CALLOS_S3_ACCESS_KEY_ID."_s),
        qPrintable(unknown->message));
    m_s3->putObject(kKey, "bytes", "audio/mp4");
    const Result<std::unique_ptr<LocalRecording>> read = store("not-the-secret")->local(kKey);
    QVERIFY(!read);
    QCOMPARE(read.refusal().code, u"recording.store_refused"_s);
    QVERIFY(read.refusal().message.contains(u"SignatureDoesNotMatch"_s));
}

void TestS3RecordingStore::aBusyS3IsWorthAnotherTry()
{
    const QByteArray audio = audioBytes(64 * 1024);
    const QString path = staged(audio);
    m_s3->misbehaveNext(FakeS3::error(500, "InternalError", "We encountered an internal error. Please try again."));
    m_s3->misbehaveNext(FakeS3::error(503, "SlowDown", "Please reduce your request rate."));
    const std::unique_ptr<S3RecordingStore> s3 = store();

    const std::optional<Refusal> first = s3->store(kKey, path, u"audio/mp4"_s);
    QVERIFY(first);
    QCOMPARE(first->code, u"recording.store_unavailable"_s);
    QVERIFY(!RecordingStore::isPermanent(*first));
    QVERIFY2(first->message.contains(u"S3 answered HTTP 500. S3 says InternalError"_s), qPrintable(first->message));
    const std::optional<Refusal> second = s3->store(kKey, path, u"audio/mp4"_s);
    QVERIFY(second);
    QCOMPARE(second->code, u"recording.store_unavailable"_s);
    QVERIFY2(second->message.contains(u"S3 answered HTTP 503. S3 says SlowDown: Please reduce your request rate."_s),
        qPrintable(second->message));
    QVERIFY(!m_s3->object(kKey));
    QVERIFY(QFile::exists(path));

    QVERIFY(!s3->store(kKey, path, u"audio/mp4"_s));
    QVERIFY(m_s3->object(kKey)->bytes == audio);
    QCOMPARE(m_s3->requestsTo(u"/callos-recordings/"_s).size(), 3);
}

void TestS3RecordingStore::aCutOrStalledTransferStoresNothing()
{
    const QByteArray audio = audioBytes(256 * 1024);
    const QString path = staged(audio);
    const std::unique_ptr<S3RecordingStore> s3 = store();

    // The connection drops before S3 answers; then S3 never answers.
    FakeResponse hangUp;
    hangUp.hangUp = true;
    m_s3->misbehaveNext(hangUp);
    FakeResponse stall;
    stall.stall = true;
    m_s3->misbehaveNext(stall);
    for (const char *what : { "hang up", "stall" }) {
        const std::optional<Refusal> refusal = s3->store(kKey, path, u"audio/mp4"_s);
        QVERIFY2(refusal, what);
        QCOMPARE(refusal->code, u"recording.store_unavailable"_s);
        QVERIFY2(refusal->message.startsWith(u"Recording %1: S3 did not answer: "_s.arg(kKey)),
            qPrintable(refusal->message));
        QVERIFY2(!m_s3->object(kKey), what);
        QVERIFY(QFile::exists(path));
    }

    // A download cut short: a refusal worth another try, and no partial
    // file anywhere.
    QVERIFY(!s3->store(kKey, path, u"audio/mp4"_s));
    FakeResponse cut;
    cut.headers = { { "Content-Type", "audio/mp4" } };
    cut.body = audio;
    cut.truncateAfter = 100 * 1024;
    m_s3->misbehaveNext(cut);
    const Result<std::unique_ptr<LocalRecording>> local = s3->local(kKey);
    QVERIFY(!local);
    QCOMPARE(local.refusal().code, u"recording.store_unavailable"_s);
    QVERIFY2(stagedFiles().isEmpty(), qPrintable(stagedFiles().join(u", "_s)));
    m_s3->misbehaveNext(cut);
    QVERIFY(!s3->open(kKey));
    QVERIFY2(stagedFiles().isEmpty(), qPrintable(stagedFiles().join(u", "_s)));
}

void TestS3RecordingStore::readingGoesThroughTheStagingFolder()
{
    const QByteArray audio = audioBytes(300 * 1024);
    QVERIFY(!store()->store(kKey, staged(audio), u"audio/mp4"_s));
    const std::unique_ptr<S3RecordingStore> s3 = store();

    {
        const Result<std::unique_ptr<LocalRecording>> local = s3->local(kKey);
        QVERIFY2(local, local ? "" : qPrintable(local.refusal().message));
        QVERIFY(local.value()->path().startsWith(stagingDirectory() + u'/'));
        QFile copy(local.value()->path());
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY(copy.readAll() == audio);
        // Readable by the server's user only.
        QCOMPARE(copy.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QCOMPARE(stagedFiles().size(), 1);
    }
    QVERIFY(stagedFiles().isEmpty()); // the copy went with it

    const Result<std::unique_ptr<QIODevice>> opened = s3->open(kKey);
    QVERIFY(opened);
    QVERIFY(opened.value()->readAll() == audio);
    QVERIFY(stagedFiles().isEmpty());

    // The GETs were signed too.
    const QList<FakeRequest> asked = m_s3->requestsTo(u"/callos-recordings/"_s);
    QCOMPARE(asked.size(), 3);
    QCOMPARE(asked[1].method, "GET");
    QVERIFY(asked[1].header("Authorization").startsWith("AWS4-HMAC-SHA256 "));

    const Result<std::unique_ptr<LocalRecording>> missing = s3->local(u"org/nothing.m4a"_s);
    QVERIFY(!missing);
    QCOMPARE(missing.refusal().code, u"recording.missing"_s);
    QCOMPARE(missing.refusal().message, u"The recording org/nothing.m4a is not in the S3 bucket callos-recordings."_s);
    QVERIFY(stagedFiles().isEmpty());
}

void TestS3RecordingStore::aPlaybackLinkWorksUntilItExpires()
{
    const QByteArray audio = audioBytes(50 * 1024);
    const std::unique_ptr<S3RecordingStore> s3 = store();
    QVERIFY(!s3->store(kKey, staged(audio), u"audio/mp4"_s));
    const std::optional<QUrl> link = s3->playbackUrl(kKey);
    QVERIFY(link);
    QVERIFY(link->toString().startsWith(m_s3->endpoint() + u"/callos-recordings/"_s + kKey + u"?X-Amz-"_s));

    // Anyone with the link, no keys: the bytes, while it lasts.
    const HttpResponse played = fetch(*link);
    QCOMPARE(played.status, 200);
    QVERIFY(played.body == audio);
    m_clock->advance(119 * 1000);
    QCOMPARE(fetch(*link).status, 200);
    // A player that carries the API's bearer token along is refused: the
    // token is not S3's, and a request is signed one way only.
    HttpRequest withToken;
    withToken.url = QString::fromLatin1(link->toEncoded());
    withToken.headers = { { "Authorization", "Bearer callos-session-token" } };
    const HttpResponse twoWays = m_http->send(withToken);
    QCOMPARE(twoWays.status, 400);
    QCOMPARE(s3Code(twoWays.body), u"InvalidArgument"_s);

    // A link to another object made from this one is refused.
    QUrl other = *link;
    other.setPath(u"/callos-recordings/0190c0de-0000-7000-8000-00000000a11c/other.m4a"_s);
    m_s3->putObject(u"0190c0de-0000-7000-8000-00000000a11c/other.m4a"_s, "other", "audio/mp4");
    const HttpResponse forged = fetch(other);
    QCOMPARE(forged.status, 403);
    QCOMPARE(s3Code(forged.body), u"SignatureDoesNotMatch"_s);

    // Past its lifetime: refused, and the next link works again.
    m_clock->advance(2 * 1000);
    const HttpResponse late = fetch(*link);
    QCOMPARE(late.status, 403);
    QCOMPARE(s3Code(late.body), u"AccessDenied"_s);
    QVERIFY(late.body.contains("<Message>Request has expired</Message>"));
    QCOMPARE(fetch(*s3->playbackUrl(kKey)).status, 200);
}

void TestS3RecordingStore::theFakeHoldsClientsToTheContract()
{
    // What the fake refuses, S3 refuses: a store that got these wrong
    // would fail here, not only in production.
    m_s3->putObject(kKey, "bytes", "audio/mp4");
    const QString url = store()->objectUrl(kKey);
    const auto signedRequest = [&](const QByteArray &method) {
        HttpRequest request;
        request.method = method;
        request.url = url;
        request.awsSigV4 = "aws:amz:eu-central-1:s3";
        request.awsCredentials = kKeyId + ':' + kSecret;
        request.headers = { { "x-amz-content-sha256", "UNSIGNED-PAYLOAD" } };
        return request;
    };

    // Unsigned: refused.
    HttpRequest anonymous;
    anonymous.url = url;
    HttpResponse answer = m_http->send(anonymous);
    QCOMPARE(answer.status, 403);
    QCOMPARE(s3Code(answer.body), u"AccessDenied"_s);

    // Signed, but without the payload hash S3 requires.
    HttpRequest noHash = signedRequest("GET");
    noHash.headers.clear();
    answer = m_http->send(noHash);
    QCOMPARE(answer.status, 400);
    QCOMPARE(s3Code(answer.body), u"InvalidRequest"_s);

    // A PUT without encryption at rest.
    HttpRequest plain = signedRequest("PUT");
    plain.body = "not encrypted";
    answer = m_http->send(plain);
    QCOMPARE(answer.status, 400);
    QCOMPARE(s3Code(answer.body), u"InvalidArgument"_s);

    // A body that is not the one whose hash was signed.
    HttpRequest changed = signedRequest("PUT");
    changed.headers = { { "x-amz-content-sha256", QCryptographicHash::hash("one", QCryptographicHash::Sha256).toHex() },
        { "x-amz-server-side-encryption", "AES256" } };
    changed.body = "another";
    answer = m_http->send(changed);
    QCOMPARE(answer.status, 400);
    QCOMPARE(s3Code(answer.body), u"XAmzContentSHA256Mismatch"_s);

    // A header libcurl signs but never sends ("Expect:", the line that
    // removes a header): the signature cannot hold.
    HttpRequest phantom = signedRequest("GET");
    phantom.headers.append({ QByteArray("Expect"), QByteArray() });
    answer = m_http->send(phantom);
    QCOMPARE(answer.status, 403);
    QCOMPARE(s3Code(answer.body), u"SignatureDoesNotMatch"_s);

    // A request from a clock 20 minutes off.
    m_clock->advance(20 * 60 * 1000);
    answer = m_http->send(signedRequest("GET"));
    QCOMPARE(answer.status, 403);
    QCOMPARE(s3Code(answer.body), u"RequestTimeTooSkewed"_s);
    m_clock->advance(-20 * 60 * 1000);

    // And a right one passes.
    answer = m_http->send(signedRequest("GET"));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, "bytes");
}

QTEST_GUILESS_MAIN(TestS3RecordingStore)
#include "tst_s3recordingstore.moc"
