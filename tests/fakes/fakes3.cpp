#include "fakes3.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace callos::test {

namespace {

constexpr auto kAlgorithm = "AWS4-HMAC-SHA256";
constexpr auto kUnsignedPayload = "UNSIGNED-PAYLOAD";
// How far a signed request's time may be from S3's own.
constexpr qint64 kMaxSkewMs = 15 * 60 * 1000;

using Pairs = QList<QPair<QByteArray, QByteArray>>;

// The request target split as sent: the raw path, and the query's
// parameters decoded (S3 encodes them again its own way to sign them).
struct Target
{
    QByteArray rawPath;
    Pairs query;
};

Target splitTarget(const QByteArray &target)
{
    Target out;
    const qsizetype mark = target.indexOf('?');
    out.rawPath = mark < 0 ? target : target.left(mark);
    if (mark >= 0) {
        for (const QByteArray &part : target.mid(mark + 1).split('&')) {
            if (part.isEmpty())
                continue;
            const qsizetype equals = part.indexOf('=');
            const QByteArray name = equals < 0 ? part : part.left(equals);
            const QByteArray value = equals < 0 ? QByteArray() : part.mid(equals + 1);
            out.query.append({ QByteArray::fromPercentEncoding(name), QByteArray::fromPercentEncoding(value) });
        }
    }
    return out;
}

QByteArray queryValue(const Pairs &query, const QByteArray &name)
{
    for (const auto &[key, value] : query) {
        if (key == name)
            return value;
    }
    return {};
}

bool hasQueryValue(const Pairs &query, const QByteArray &name)
{
    return std::any_of(query.cbegin(), query.cend(), [&](const auto &pair) { return pair.first == name; });
}

// Each name and value URI-encoded (unreserved characters as they are),
// sorted by name, then value; the signature itself left out.
QByteArray canonicalQuery(const Pairs &query)
{
    Pairs encoded;
    for (const auto &[name, value] : query) {
        if (name != "X-Amz-Signature")
            encoded.append({ name.toPercentEncoding(), value.toPercentEncoding() });
    }
    std::sort(encoded.begin(), encoded.end());
    QByteArrayList parts;
    for (const auto &[name, value] : std::as_const(encoded))
        parts.append(name + '=' + value);
    return parts.join('&');
}

// The lines "name:value\n" of the signed headers as received: values
// trimmed, inner runs of spaces made one, repeated headers joined by ",".
// std::nullopt when a signed header did not arrive.
std::optional<QByteArray> canonicalHeaders(const FakeRequest &request, const QByteArrayList &signedHeaders)
{
    QByteArray out;
    for (const QByteArray &name : signedHeaders) {
        QByteArrayList values;
        for (const auto &[key, value] : request.headers) {
            if (key.toLower() == name)
                values.append(value.simplified());
        }
        if (values.isEmpty())
            return std::nullopt;
        out += name + ':' + values.join(',') + '\n';
    }
    return out;
}

std::optional<qint64> amzDateMs(const QByteArray &amzDate)
{
    QDateTime at = QDateTime::fromString(QString::fromLatin1(amzDate), u"yyyyMMdd'T'HHmmss'Z'"_s);
    if (!at.isValid())
        return std::nullopt;
    at.setTimeSpec(Qt::UTC);
    return at.toMSecsSinceEpoch();
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// Any x-amz-* header of the request that the signature does not cover.
bool hasUnsignedAmzHeader(const FakeRequest &request, const QByteArrayList &signedHeaders)
{
    return std::any_of(request.headers.cbegin(), request.headers.cend(), [&](const auto &header) {
        const QByteArray name = header.first.toLower();
        return name.startsWith("x-amz-") && !signedHeaders.contains(name);
    });
}

const QByteArray kSignatureMismatch = "The request signature we calculated does not match the signature you provided. "
                                      "Check your key and signing method.";

} // namespace

FakeS3::FakeS3(QString bucket, QString region, QByteArray accessKeyId, QByteArray secretAccessKey)
    : m_bucket(std::move(bucket))
    , m_region(region.toLatin1())
    , m_accessKeyId(std::move(accessKeyId))
    , m_secretAccessKey(std::move(secretAccessKey))
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{ }

void FakeS3::setClock(std::function<qint64()> nowMs)
{
    const QMutexLocker lock(&m_stateMutex);
    m_now = std::move(nowMs);
}

std::optional<FakeS3::Object> FakeS3::object(const QString &key) const
{
    const QMutexLocker lock(&m_stateMutex);
    const auto found = m_objects.constFind(key);
    if (found == m_objects.constEnd())
        return std::nullopt;
    return *found;
}

QStringList FakeS3::keys() const
{
    const QMutexLocker lock(&m_stateMutex);
    QStringList out = m_objects.keys();
    out.sort();
    return out;
}

void FakeS3::putObject(const QString &key, const QByteArray &bytes, const QByteArray &contentType)
{
    const QMutexLocker lock(&m_stateMutex);
    m_objects.insert(key, Object { bytes, contentType, "AES256" });
}

FakeResponse FakeS3::error(int status, const QByteArray &code, const QByteArray &message)
{
    FakeResponse response;
    response.status = status;
    response.headers = { { "Content-Type", "application/xml" } };
    response.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
        + QString::fromUtf8(message).toHtmlEscaped().toUtf8() + "</Message><RequestId>FAKES3</RequestId></Error>";
    return response;
}

QByteArray FakeS3::signatureOf(const QByteArray &canonicalRequest, const QByteArray &amzDate) const
{
    const QByteArray day = amzDate.left(8);
    QByteArray key = "AWS4" + m_secretAccessKey;
    for (const QByteArray &part : { day, m_region, QByteArray("s3"), QByteArray("aws4_request") })
        key = QMessageAuthenticationCode::hash(part, key, QCryptographicHash::Sha256);
    const QByteArray stringToSign = QByteArray(kAlgorithm) + '\n' + amzDate + '\n' + day + '/' + m_region
        + "/s3/aws4_request\n" + sha256Hex(canonicalRequest);
    return QMessageAuthenticationCode::hash(stringToSign, key, QCryptographicHash::Sha256).toHex();
}

std::optional<FakeResponse> FakeS3::checkCredential(const QByteArray &credential, const QByteArray &amzDate) const
{
    const QByteArrayList scope = credential.split('/');
    if (scope.size() != 5 || scope.at(3) != "s3" || scope.at(4) != "aws4_request")
        return error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed.");
    if (scope.at(0) != m_accessKeyId)
        return error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
    if (scope.at(1) != amzDate.left(8))
        return error(400, "AuthorizationHeaderMalformed",
            "The authorization header is malformed; the date of the credential is not the request's.");
    if (scope.at(2) != m_region)
        return error(400, "AuthorizationHeaderMalformed",
            "The authorization header is malformed; the region '" + scope.at(2) + "' is wrong; expecting '" + m_region
                + "'");
    return std::nullopt;
}

std::optional<FakeResponse> FakeS3::checkHeaderSignature(const FakeRequest &request, qint64 nowMs) const
{
    const QByteArray authorization = request.header("Authorization");
    const QByteArray prefix = QByteArray(kAlgorithm) + ' ';
    if (!authorization.startsWith(prefix))
        return error(400, "InvalidArgument", "Unsupported Authorization Type");
    QHash<QByteArray, QByteArray> fields;
    for (const QByteArray &part : authorization.mid(prefix.size()).split(',')) {
        const QByteArray field = part.trimmed();
        const qsizetype equals = field.indexOf('=');
        if (equals > 0)
            fields.insert(field.left(equals), field.mid(equals + 1));
    }
    const QByteArrayList signedHeaders = fields.value("SignedHeaders").split(';');
    if (!fields.contains("Credential") || !fields.contains("Signature") || !signedHeaders.contains("host"))
        return error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed.");

    const QByteArray amzDate = request.header("x-amz-date");
    const std::optional<qint64> at = amzDateMs(amzDate);
    if (!at)
        return error(403, "AccessDenied", "AWS authentication requires a valid Date or x-amz-date header");
    if (auto refused = checkCredential(fields.value("Credential"), amzDate))
        return refused;
    if (qAbs(*at - nowMs) > kMaxSkewMs)
        return error(
            403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.");
    if (hasUnsignedAmzHeader(request, signedHeaders))
        return error(403, "AccessDenied", "There were headers present in the request which were not signed");

    const QByteArray payloadHash = request.header("x-amz-content-sha256");
    if (payloadHash.isEmpty())
        return error(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
    if (payloadHash != kUnsignedPayload && payloadHash != sha256Hex(request.body))
        return error(400, "XAmzContentSHA256Mismatch",
            "The provided 'x-amz-content-sha256' header does not match what was computed.");

    // A signed header that never arrived cannot be checked (libcurl signs
    // header lines it then does not send): S3 computes a different
    // signature then. (Unconfirmed which error S3 names; this one is what
    // the client sees for any other signing mistake.)
    const std::optional<QByteArray> headers = canonicalHeaders(request, signedHeaders);
    if (!headers)
        return error(403, "SignatureDoesNotMatch", kSignatureMismatch);
    const Target target = splitTarget(request.target);
    const QByteArray canonicalRequest = request.method + '\n' + target.rawPath + '\n' + canonicalQuery(target.query)
        + '\n' + *headers + '\n' + signedHeaders.join(';') + '\n' + payloadHash;
    if (signatureOf(canonicalRequest, amzDate) != fields.value("Signature"))
        return error(403, "SignatureDoesNotMatch", kSignatureMismatch);
    return std::nullopt;
}

std::optional<FakeResponse> FakeS3::checkPresigned(const FakeRequest &request, qint64 nowMs) const
{
    const Target target = splitTarget(request.target);
    for (const QByteArray name :
        { "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature" }) {
        if (!hasQueryValue(target.query, name))
            return error(400, "AuthorizationQueryParametersError",
                "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, "
                "X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
    }
    if (queryValue(target.query, "X-Amz-Algorithm") != kAlgorithm)
        return error(400, "AuthorizationQueryParametersError", "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
    bool number = false;
    const qint64 expires = queryValue(target.query, "X-Amz-Expires").toLongLong(&number);
    if (!number || expires < 1 || expires > 604800)
        return error(400, "AuthorizationQueryParametersError",
            "X-Amz-Expires must be a number of seconds from 1 to 604800 (a week)");
    const QByteArray amzDate = queryValue(target.query, "X-Amz-Date");
    const std::optional<qint64> at = amzDateMs(amzDate);
    if (!at)
        return error(400, "AuthorizationQueryParametersError", "X-Amz-Date must be in the ISO8601 Long Format");
    if (auto refused = checkCredential(queryValue(target.query, "X-Amz-Credential"), amzDate))
        return refused;

    const QByteArrayList signedHeaders = queryValue(target.query, "X-Amz-SignedHeaders").split(';');
    const std::optional<QByteArray> headers = canonicalHeaders(request, signedHeaders);
    if (!signedHeaders.contains("host") || !headers)
        return error(403, "SignatureDoesNotMatch", kSignatureMismatch);
    if (hasUnsignedAmzHeader(request, signedHeaders))
        return error(403, "AccessDenied", "There were headers present in the request which were not signed");
    const QByteArray canonicalRequest = request.method + '\n' + target.rawPath + '\n' + canonicalQuery(target.query)
        + '\n' + *headers + '\n' + signedHeaders.join(';') + '\n' + kUnsignedPayload;
    if (signatureOf(canonicalRequest, amzDate) != queryValue(target.query, "X-Amz-Signature"))
        return error(403, "SignatureDoesNotMatch", kSignatureMismatch);
    // Checked after the signature, as S3 does: nobody learns anything about
    // a link they could not have made.
    if (nowMs > *at + expires * 1000)
        return error(403, "AccessDenied", "Request has expired");
    // (Unconfirmed wording.) A link made by a clock far ahead of S3's.
    if (*at - nowMs > kMaxSkewMs)
        return error(403, "AccessDenied", "Request is not valid yet");
    return std::nullopt;
}

FakeResponse FakeS3::respond(const FakeRequest &request)
{
    const QString bucketPrefix = u'/' + m_bucket + u'/';
    if (!request.path.startsWith(bucketPrefix) || request.path.size() == bucketPrefix.size())
        return error(404, "NoSuchBucket", "The specified bucket does not exist");
    const QString key = request.path.mid(bucketPrefix.size());

    std::function<qint64()> clock;
    {
        const QMutexLocker lock(&m_stateMutex);
        clock = m_now;
    }
    const qint64 nowMs = clock();
    const bool byHeader = !request.header("Authorization").isEmpty();
    const bool byQuery = request.query.hasQueryItem(u"X-Amz-Algorithm"_s);
    if (byHeader && byQuery)
        return error(400, "InvalidArgument", "Only one auth mechanism allowed");
    if (!byHeader && !byQuery)
        return error(403, "AccessDenied", "Access Denied");
    if (auto refused = byHeader ? checkHeaderSignature(request, nowMs) : checkPresigned(request, nowMs))
        return *refused;

    const QMutexLocker lock(&m_stateMutex);
    if (request.method == "PUT" && byHeader) {
        const QByteArray encryption = request.header("x-amz-server-side-encryption");
        if (encryption != "AES256")
            return error(400, "InvalidArgument",
                "This bucket takes only objects encrypted at rest: x-amz-server-side-encryption must be AES256");
        m_objects.insert(key, Object { request.body, request.header("Content-Type"), encryption });
        FakeResponse stored;
        stored.headers
            = { { "ETag", '"' + QCryptographicHash::hash(request.body, QCryptographicHash::Md5).toHex() + '"' },
                  { "x-amz-server-side-encryption", encryption } };
        return stored;
    }
    if (request.method == "GET") {
        const auto found = m_objects.constFind(key);
        if (found == m_objects.constEnd())
            return error(404, "NoSuchKey", "The specified key does not exist.");
        FakeResponse object;
        object.headers = { { "Content-Type", found->contentType },
            { "ETag", '"' + QCryptographicHash::hash(found->bytes, QCryptographicHash::Md5).toHex() + '"' },
            { "x-amz-server-side-encryption", found->encryption } };
        object.body = found->bytes;
        return object;
    }
    return error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
}

} // namespace callos::test
