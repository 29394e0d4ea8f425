#include "recording/s3recordingstore.h"

#include "common/clock.h"
#include "jobs/httpjobfailure.h"
#include "net/httpclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryFile>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

const QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
// SHA-256 of nothing: the payload hash of a GET.
constexpr auto kEmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
// S3's error documents are small; anything past this is not one.
constexpr qint64 kMaxErrorBytes = 64 * 1024;

struct S3Error
{
    QString code;
    QString message;
};

// <Error><Code>SignatureDoesNotMatch</Code><Message>...</Message>...</Error>
S3Error readError(const QByteArray &body)
{
    S3Error error;
    QXmlStreamReader xml(body);
    if (!xml.readNextStartElement() || xml.name() != u"Error"_s)
        return error;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"Code"_s)
            error.code = xml.readElementText().simplified().left(64);
        else if (xml.name() == u"Message"_s)
            error.message = xml.readElementText().simplified().left(300);
        else
            xml.skipCurrentElement();
    }
    return error;
}

// A request libcurl signs: the SigV4 "Authorization" over the method, the
// path, the Host, x-amz-date and every header set here. S3 wants the
// payload's hash in x-amz-content-sha256 on every signed request, and
// libcurl 7.88 signs with that header's value when it is set (without it,
// it would sign the hash of an empty body, also for a streamed upload).
HttpRequest signedRequest(const S3Settings &settings, QByteArray method, QString url, const QByteArray &payloadHash)
{
    HttpRequest request;
    request.method = std::move(method);
    request.url = std::move(url);
    request.headers.append({ "x-amz-content-sha256", payloadHash });
    request.awsSigV4 = "aws:amz:" + settings.region.toLatin1() + ":s3";
    request.awsCredentials = settings.accessKeyId + ':' + settings.secretAccessKey;
    return request;
}

} // namespace

S3RecordingStore::S3RecordingStore(S3Settings settings, QString stagingDirectory, HttpClient &http, const Clock &clock)
    : m_settings(std::move(settings))
    , m_presigner(m_settings.accessKeyId, m_settings.secretAccessKey, m_settings.region)
    , m_staging(QDir::cleanPath(std::move(stagingDirectory)))
    , m_http(http)
    , m_clock(clock)
{ }

QString S3RecordingStore::stagingDirectory() const
{
    if (m_staging.isEmpty())
        return {};
    QDir().mkpath(m_staging);
    QFile::setPermissions(m_staging, kOwnerOnly | QFileDevice::ExeOwner);
    return m_staging;
}

QString S3RecordingStore::objectUrl(const QString &key) const
{
    QStringList segments;
    for (const QString &segment : key.split(u'/'))
        segments.append(QString::fromLatin1(S3Presigner::uriEncode(segment.toUtf8())));
    const QString path = segments.join(u'/');
    if (m_settings.endpoint.isEmpty())
        return u"https://%1.s3.%2.amazonaws.com/%3"_s.arg(m_settings.bucket, m_settings.region, path);
    return u"%1/%2/%3"_s.arg(m_settings.endpoint, m_settings.bucket, path);
}

std::optional<Refusal> S3RecordingStore::store(const QString &key, const QString &localPath, const QString &contentType)
{
    if (!isValidKey(key))
        return Refusal { u"recording.bad_key"_s, tr("'%1' is no recording key.").arg(key) };
    QFile file(localPath);
    if (!file.open(QIODevice::ReadOnly))
        return Refusal { u"recording.store_failed"_s,
            tr("Cannot read the recording at %1: %2").arg(localPath, file.errorString()) };
    // Read once for the hash, once for the upload: S3 checks the body it
    // got against the signed hash, and stores nothing when they differ.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file) || !file.seek(0))
        return Refusal { u"recording.store_failed"_s,
            tr("Cannot read the recording at %1: %2").arg(localPath, file.errorString()) };

    HttpRequest request = signedRequest(m_settings, "PUT", objectUrl(key), hash.result().toHex());
    request.headers.append({ "Content-Type", contentType.toLatin1() });
    request.headers.append({ QByteArray("x-amz-server-side-encryption"), QByteArray("AES256") });
    request.bodySource = &file;
    request.bodySourceSize = file.size();
    request.maxBodyBytes = kMaxErrorBytes;
    request.totalTimeoutMs = 0; // a large file on a slow link may take long: only a stall ends it
    request.stallTimeoutMs = m_stallTimeoutMs;
    const HttpResponse response = m_http.send(request);
    if (!response.ok())
        return refusalOf(response, response.body, key);
    file.close();
    QFile::remove(localPath);
    return std::nullopt;
}

Result<QString> S3RecordingStore::download(const QString &key)
{
    if (!isValidKey(key))
        return Refusal { u"recording.bad_key"_s, tr("'%1' is no recording key.").arg(key) };
    const QString staging = stagingDirectory();
    if (staging.isEmpty())
        return Refusal { u"recording.store_failed"_s, tr("The S3 store has no local folder to download into.") };
    QTemporaryFile part(staging + u"/s3-XXXXXX.part"_s);
    if (!part.open())
        return Refusal { u"recording.store_failed"_s,
            tr("Cannot make a file for the recording %1: %2").arg(key, part.errorString()) };
    HttpRequest request = signedRequest(m_settings, "GET", objectUrl(key), kEmptyPayloadHash);
    request.bodySink = &part;
    request.maxBodyBytes = kMaxBytes;
    request.totalTimeoutMs = 0;
    request.stallTimeoutMs = m_stallTimeoutMs;
    const HttpResponse response = m_http.send(request);
    // libcurl holds the body to its Content-Length: a cut transfer is an
    // error here, and its partial file goes with `part`.
    if (!response.ok()) {
        QByteArray errorBody;
        if (response.error.isEmpty() && part.seek(0))
            errorBody = part.read(kMaxErrorBytes); // S3's error document went to the file
        if (response.status == 404 && readError(errorBody).code == u"NoSuchKey"_s)
            return Refusal { u"recording.missing"_s,
                tr("The recording %1 is not in the S3 bucket %2.").arg(key, m_settings.bucket) };
        return refusalOf(response, errorBody, key);
    }
    if (!part.flush())
        return Refusal { u"recording.store_failed"_s,
            tr("Cannot write the recording %1: %2").arg(key, part.errorString()) };
    part.setAutoRemove(false);
    part.close();
    return part.fileName();
}

Result<std::unique_ptr<QIODevice>> S3RecordingStore::open(const QString &key)
{
    const Result<QString> path = download(key);
    if (!path)
        return path.refusal();
    auto file = std::make_unique<QFile>(path.value());
    const bool opened = file->open(QIODevice::ReadOnly);
    // Unlinked at once: the open file stays readable (Linux), and nothing
    // is left in the staging folder whoever forgets to clean up.
    QFile::remove(path.value());
    if (!opened)
        return Refusal { u"recording.store_failed"_s,
            tr("Cannot read the recording %1: %2").arg(key, file->errorString()) };
    return std::unique_ptr<QIODevice>(std::move(file));
}

Result<std::unique_ptr<LocalRecording>> S3RecordingStore::local(const QString &key)
{
    const Result<QString> path = download(key);
    if (!path)
        return path.refusal();
    return std::make_unique<LocalRecording>(path.value(), true);
}

std::optional<QUrl> S3RecordingStore::playbackUrl(const QString &key) const
{
    if (!isValidKey(key))
        return std::nullopt;
    return m_presigner.presignGet(
        QUrl::fromEncoded(objectUrl(key).toLatin1(), QUrl::StrictMode), m_clock.nowMs(), m_settings.urlLifetimeSeconds);
}

Refusal S3RecordingStore::refusalOf(const HttpResponse &response, const QByteArray &errorBody, const QString &key) const
{
    const std::optional<JobFailure> failure = HttpJobFailure::of(response, u"S3"_s, m_clock.nowMs());
    QString message = tr("Recording %1: ").arg(key)
        + (failure ? failure->message : tr("S3 answered HTTP %1.").arg(response.status));
    const S3Error error = readError(errorBody);
    if (!error.code.isEmpty())
        message += u' ' + tr("S3 says %1: %2").arg(error.code, error.message);
    // What an admin changes for the usual refusals.
    if (error.code == u"SignatureDoesNotMatch"_s)
        message += u' ' + tr("Check %1.").arg(QString::fromLatin1(S3Settings::kSecretAccessKeyVariable));
    else if (error.code == u"InvalidAccessKeyId"_s)
        message += u' ' + tr("Check %1.").arg(QString::fromLatin1(S3Settings::kAccessKeyIdVariable));
    else if (error.code == u"NoSuchBucket"_s)
        message += u' ' + tr("Check %1.").arg(QString::fromLatin1(S3Settings::kBucketVariable));
    else if (error.code == u"AuthorizationHeaderMalformed"_s)
        message += u' ' + tr("Check %1.").arg(QString::fromLatin1(S3Settings::kRegionVariable));
    else if (error.code == u"RequestTimeTooSkewed"_s)
        message += u' ' + tr("This machine's clock is off by more than S3 allows.");
    const bool permanent = failure && failure->permanent;
    return Refusal { permanent ? QString::fromLatin1(kRefusedCode) : u"recording.store_unavailable"_s, message };
}

} // namespace callos::server
