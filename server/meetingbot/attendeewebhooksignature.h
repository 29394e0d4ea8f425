#pragma once

#include <QByteArray>

#include <optional>

namespace callos::server {

// Attendee's webhook signature (integrations page, "Meeting bot"):
//   X-Webhook-Signature = base64(HMAC-SHA256(base64decode(secret),
//                                            canonical JSON of the payload))
// where the canonical JSON is CanonicalJson's form. Unlike Zoom's, the
// signature covers the payload and not the bytes sent, so the receiver
// reads the body as JSON (strictly, CanonicalJson) before it can check it,
// and trusts nothing of it until verify() passes.
class AttendeeWebhookSignature
{
public:
    // The secret as Attendee shows it (base64); std::nullopt when it is not
    // base64 or decodes to nothing.
    static std::optional<QByteArray> decodeSecret(const QByteArray &base64Secret);

    explicit AttendeeWebhookSignature(QByteArray secretBytes);

    // The header value for these canonical bytes.
    QByteArray sign(const QByteArray &canonicalJson) const;
    // Compares in constant time, so the answer's timing tells a forger
    // nothing about how much of a guess was right.
    bool verify(const QByteArray &signature, const QByteArray &canonicalJson) const;

private:
    QByteArray m_secret;
};

} // namespace callos::server
