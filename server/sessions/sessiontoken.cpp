#include "sessions/sessiontoken.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace callos::server {

QString SessionToken::generate(QLatin1StringView prefix)
{
    quint32 words[8];
    // QRandomGenerator::system() reads the operating system's CSPRNG.
    QRandomGenerator::system()->fillRange(words);
    const QByteArray bytes(reinterpret_cast<const char *>(words), sizeof(words));
    return QString(prefix)
        + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString SessionToken::hash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString SessionToken::fromAuthorizationHeader(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    constexpr QByteArrayView kScheme = "bearer ";
    if (trimmed.size() <= kScheme.size() || !trimmed.first(kScheme.size()).toLower().startsWith(kScheme))
        return {};
    // Tokens are ASCII; anything else cannot be one of ours.
    const QByteArray token = trimmed.sliced(kScheme.size()).trimmed();
    for (const char c : token) {
        if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e)
            return {};
    }
    return QString::fromLatin1(token);
}

} // namespace callos::server
