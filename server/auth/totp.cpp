#include "auth/totp.h"

#include "auth/base32.h"
#include "auth/sodiumruntime.h"

#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QtEndian>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Longer input is refused before looking at it: "123 456" with generous
// spacing fits, a pasted paragraph does not.
constexpr qsizetype kMaxCodeInputLength = 32;

// The digits of a code as typed, or std::nullopt when it is not 6 ASCII
// digits. QChar::isDigit is not used: it accepts Arabic-Indic and
// full-width digits, which no authenticator shows.
std::optional<QByteArray> digitsOf(QStringView code)
{
    if (code.size() > kMaxCodeInputLength)
        return std::nullopt;
    QByteArray digits;
    digits.reserve(Totp::kDigits);
    for (const QChar c : code) {
        if (c == u' ')
            continue;
        if (c < u'0' || c > u'9')
            return std::nullopt;
        digits.append(char(c.unicode()));
    }
    if (digits.size() != Totp::kDigits)
        return std::nullopt;
    return digits;
}

QString percentEncoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

TotpSecret TotpSecret::generate(const SodiumRuntime &sodium)
{
    Q_UNUSED(sodium) // its existence is the point: libsodium is initialised
    QByteArray bytes(kBytes, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return TotpSecret(std::move(bytes));
}

Result<TotpSecret> TotpSecret::fromBase32(QStringView text)
{
    Result<QByteArray> bytes = Base32::decode(text);
    if (!bytes)
        return bytes.refusal();
    if (bytes.value().size() < kMinimumBytes)
        return Refusal{ u"totp.secret_too_short"_s,
            tr("The authenticator secret is too short: it needs at least %1 bits.").arg(kMinimumBytes * 8) };
    return TotpSecret(std::move(bytes).value());
}

QString TotpSecret::toBase32() const
{
    return Base32::encode(m_bytes);
}

QString otpauthUri(const TotpSecret &secret, const QString &issuer, const QString &accountName)
{
    const QString encodedIssuer = percentEncoded(issuer);
    return u"otpauth://totp/"_s + encodedIssuer + u":"_s + percentEncoded(accountName) + u"?secret="_s
        + secret.toBase32() + u"&issuer="_s + encodedIssuer + u"&algorithm=SHA1&digits="_s
        + QString::number(Totp::kDigits) + u"&period="_s + QString::number(Totp::kStepMs / 1000);
}

qint64 Totp::stepAt(qint64 msSinceEpoch)
{
    // C++ division truncates towards zero; RFC 6238 wants floor.
    const qint64 step = msSinceEpoch / kStepMs;
    return (msSinceEpoch % kStepMs < 0) ? step - 1 : step;
}

QByteArray Totp::codeAt(const TotpSecret &secret, qint64 step, int digits)
{
    Q_ASSERT(digits >= 6 && digits <= 8);
    // RFC 4226 section 5.3: HMAC of the 8-byte big-endian counter, then
    // "dynamic truncation" to 31 bits picked by the low nibble of the last byte.
    char counter[8];
    qToBigEndian(quint64(step), counter);
    const QByteArray mac = QMessageAuthenticationCode::hash(
        QByteArray(counter, sizeof(counter)), secret.bytes(), QCryptographicHash::Sha1);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 truncated = (quint32(quint8(mac.at(offset)) & 0x7f) << 24)
        | (quint32(quint8(mac.at(offset + 1))) << 16) | (quint32(quint8(mac.at(offset + 2))) << 8)
        | quint32(quint8(mac.at(offset + 3)));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QByteArray::number(truncated % modulus).rightJustified(digits, '0');
}

TotpVerifier::TotpVerifier(const SodiumRuntime &sodium)
{
    Q_UNUSED(sodium) // its existence is the point: libsodium is initialised
}

std::optional<qint64> TotpVerifier::verify(
    const TotpSecret &secret, QStringView code, qint64 nowMs, qint64 lastUsedStep) const
{
    // The format is not secret, so refusing a malformed code early leaks nothing.
    const std::optional<QByteArray> digits = digitsOf(code);
    if (!digits)
        return std::nullopt;
    const qint64 now = Totp::stepAt(nowMs);
    std::optional<qint64> accepted;
    // Every allowed candidate is computed and compared in full, without
    // stopping at a match: timing then says nothing about which digits or
    // which step were right. If two steps happen to share the code, the
    // later one is taken, which burns both for replay.
    for (qint64 candidate = now - kAllowedDrift; candidate <= now + kAllowedDrift; ++candidate) {
        if (candidate <= lastUsedStep)
            continue;
        const QByteArray expected = Totp::codeAt(secret, candidate);
        if (sodium_memcmp(expected.constData(), digits->constData(), size_t(Totp::kDigits)) == 0)
            accepted = candidate;
    }
    return accepted;
}

} // namespace callos::server
