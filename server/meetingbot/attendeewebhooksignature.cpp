#include "meetingbot/attendeewebhooksignature.h"

#include <QMessageAuthenticationCode>

#include <sodium.h>

namespace callos::server {

std::optional<QByteArray> AttendeeWebhookSignature::decodeSecret(const QByteArray &base64Secret)
{
    const QByteArray::FromBase64Result decoded
        = QByteArray::fromBase64Encoding(base64Secret.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    return decoded.decoded;
}

AttendeeWebhookSignature::AttendeeWebhookSignature(QByteArray secretBytes) : m_secret(std::move(secretBytes)) { }

QByteArray AttendeeWebhookSignature::sign(const QByteArray &canonicalJson) const
{
    return QMessageAuthenticationCode::hash(canonicalJson, m_secret, QCryptographicHash::Sha256).toBase64();
}

bool AttendeeWebhookSignature::verify(const QByteArray &signature, const QByteArray &canonicalJson) const
{
    const QByteArray expected = sign(canonicalJson);
    return signature.size() == expected.size()
        && sodium_memcmp(signature.constData(), expected.constData(), size_t(expected.size())) == 0;
}

} // namespace callos::server
