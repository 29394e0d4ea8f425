#include "recording/zoomwebhooksignature.h"

#include <QMessageAuthenticationCode>

#include <sodium.h>

namespace callos::server {

ZoomWebhookSignature::ZoomWebhookSignature(QByteArray secretToken)
    : m_secret(std::move(secretToken))
{
}

QByteArray ZoomWebhookSignature::sign(const QByteArray &timestamp, const QByteArray &rawBody) const
{
    QByteArray message;
    message.reserve(rawBody.size() + timestamp.size() + 4);
    message.append("v0:").append(timestamp).append(':').append(rawBody);
    return QByteArray("v0=").append(hmacHex(message));
}

bool ZoomWebhookSignature::verify(
    const QByteArray &signature, const QByteArray &timestamp, const QByteArray &rawBody) const
{
    const QByteArray expected = sign(timestamp, rawBody);
    return signature.size() == expected.size()
        && sodium_memcmp(signature.constData(), expected.constData(), size_t(expected.size())) == 0;
}

QByteArray ZoomWebhookSignature::encryptedToken(const QByteArray &plainToken) const
{
    return hmacHex(plainToken);
}

QByteArray ZoomWebhookSignature::hmacHex(const QByteArray &message) const
{
    return QMessageAuthenticationCode::hash(message, m_secret, QCryptographicHash::Sha256).toHex();
}

} // namespace callos::server
