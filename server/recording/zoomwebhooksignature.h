#pragma once

#include <QByteArray>

namespace callos::server {

// Zoom's webhook signatures (integrations page, "Zoom"), with the app's
// secret token:
// - every delivery carries x-zm-signature = "v0=" + hex(HMAC-SHA256(secret,
//   "v0:" + x-zm-request-timestamp + ":" + raw body));
// - the URL validation challenge is answered with hex(HMAC-SHA256(secret,
//   plainToken)).
// The signature covers the bytes as received: re-serialised JSON would not
// match, so nothing is parsed before verify() passes.
class ZoomWebhookSignature
{
public:
    explicit ZoomWebhookSignature(QByteArray secretToken);

    QByteArray sign(const QByteArray &timestamp, const QByteArray &rawBody) const;
    // Compares in constant time, so the answer's timing tells a forger
    // nothing about how much of a guess was right.
    bool verify(const QByteArray &signature, const QByteArray &timestamp, const QByteArray &rawBody) const;
    QByteArray encryptedToken(const QByteArray &plainToken) const;

private:
    QByteArray hmacHex(const QByteArray &message) const;

    QByteArray m_secret;
};

} // namespace callos::server
