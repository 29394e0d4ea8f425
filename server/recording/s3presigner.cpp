#include "recording/s3presigner.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// What a client sends as Host for `url`: the port only when it is not the
// scheme's own (curl and browsers both leave 80 and 443 out).
QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    const int port = url.port();
    const int usual = url.scheme() == u"https"_s ? 443 : 80;
    if (port != -1 && port != usual)
        host += ':' + QByteArray::number(port);
    return host;
}

} // namespace

S3Presigner::S3Presigner(QByteArray accessKeyId, QByteArray secretAccessKey, QString region)
    : m_accessKeyId(std::move(accessKeyId)), m_secretAccessKey(std::move(secretAccessKey)), m_region(region.toLatin1())
{ }

QByteArray S3Presigner::uriEncode(const QByteArray &value)
{
    // Qt leaves exactly RFC 3986's unreserved characters as they are and
    // writes %XX in upper case: S3's rule.
    return value.toPercentEncoding();
}

QUrl S3Presigner::presignGet(const QUrl &objectUrl, qint64 nowMs, int lifetimeSeconds) const
{
    const QByteArray amzDate
        = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
    const QByteArray day = amzDate.left(8);
    const QByteArray scope = day + '/' + m_region + "/s3/aws4_request";

    // The parameters in the order of their names, as the canonical query
    // needs them; the link carries them in the same order.
    const QByteArray query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
        + uriEncode(m_accessKeyId + '/' + scope) + "&X-Amz-Date=" + amzDate
        + "&X-Amz-Expires=" + QByteArray::number(lifetimeSeconds) + "&X-Amz-SignedHeaders=host";
    QByteArray path = objectUrl.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";
    const QByteArray canonicalRequest
        = "GET\n" + path + '\n' + query + "\nhost:" + hostHeader(objectUrl) + "\n\nhost\nUNSIGNED-PAYLOAD";
    const QByteArray stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n'
        + QCryptographicHash::hash(canonicalRequest, QCryptographicHash::Sha256).toHex();

    const QByteArray signingKey
        = hmac(hmac(hmac(hmac("AWS4" + m_secretAccessKey, day), m_region), "s3"), "aws4_request");
    const QByteArray signature = hmac(signingKey, stringToSign).toHex();

    QUrl link = objectUrl;
    link.setQuery(QString::fromLatin1(query + "&X-Amz-Signature=" + signature), QUrl::StrictMode);
    return link;
}

} // namespace callos::server
