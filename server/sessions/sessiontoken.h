#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>

namespace callos::server {

// The bearer tokens a client holds. 256 random bits, so guessing one is
// hopeless; the server keeps only a SHA-256 of each, so a leaked database
// copy signs nobody in. A slow hash would add nothing for random secrets of
// this size and would cost a hash per request.
class SessionToken
{
public:
    static constexpr auto kPrefix = "cos_";

    // "cos_" + 43 base64url characters. Other bearer secrets (share links)
    // are made the same way under their own prefix.
    static QString generate(QLatin1StringView prefix = QLatin1StringView(kPrefix));
    // What sessions.token_hash stores: hex SHA-256 of the token's UTF-8.
    static QString hash(const QString &token);
    // Takes the token out of an "Authorization: Bearer <token>" header value;
    // empty when the header is missing or of another scheme.
    static QString fromAuthorizationHeader(const QByteArray &value);
};

} // namespace callos::server
