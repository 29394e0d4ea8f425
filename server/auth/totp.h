#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <limits>
#include <optional>
#include <utility>

namespace callos::server {

class SodiumRuntime;

// The shared secret of an account's authenticator app (RFC 6238 TOTP).
// Whoever holds it can produce codes, so it is as sensitive as a password
// and, unlike one, cannot be stored hashed: the server needs the secret
// itself to compute the expected code.
class TotpSecret
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::TotpSecret)

public:
    // 160 bits: the length RFC 4226 (R6) recommends and the output size of
    // HMAC-SHA1. Secrets shorter than 128 bits (the RFC minimum) are refused.
    static constexpr qsizetype kBytes = 20;
    static constexpr qsizetype kMinimumBytes = 16;

    // Fresh from libsodium's CSPRNG.
    static TotpSecret generate(const SodiumRuntime &sodium);
    // A secret as toBase32 wrote it (or as a person typed it: see Base32).
    static Result<TotpSecret> fromBase32(QStringView text);

    const QByteArray &bytes() const { return m_bytes; }
    // Upper case, no padding: what authenticator apps show and accept.
    QString toBase32() const;

private:
    explicit TotpSecret(QByteArray bytes) : m_bytes(std::move(bytes)) {}

    QByteArray m_bytes;
};

// The otpauth:// URI an authenticator app scans from a QR code (Google's Key
// Uri Format, which every app follows):
//   otpauth://totp/CallOS:alice%40example.com?secret=...&issuer=CallOS
//       &algorithm=SHA1&digits=6&period=30
// Issuer and account name are percent-encoded (everything but A-Z a-z 0-9
// - . _ ~), so a ":" in either cannot be mistaken for the separator and "&"
// or "#" cannot cut the query short. The issuer goes in the label and in
// the issuer parameter, as the format recommends for old and new apps.
QString otpauthUri(const TotpSecret &secret, const QString &issuer, const QString &accountName);

// RFC 6238 with the parameters every authenticator app defaults to:
// HMAC-SHA1, 30-second steps counted from the Unix epoch, 6 digits.
class Totp
{
public:
    static constexpr qint64 kStepMs = 30'000;
    static constexpr int kDigits = 6;

    // The time step holding a moment (floor division, also before 1970).
    static qint64 stepAt(qint64 msSinceEpoch);
    // The code for one step as ASCII digits, zero-padded. `digits` (6 to 8)
    // exists for the RFC's 8-digit test vectors; the server uses kDigits.
    static QByteArray codeAt(const TotpSecret &secret, qint64 step, int digits = kDigits);
};

// Checks a code a person typed, once.
class TotpVerifier
{
public:
    // lastUsedStep for an account that never used a code.
    static constexpr qint64 kNoStepUsed = std::numeric_limits<qint64>::min();
    // Steps accepted on either side of now: one covers a phone clock off by
    // up to 30 s and a code typed just as it changed, and keeps the window
    // for guessing to 3 codes out of a million.
    static constexpr int kAllowedDrift = 1;

    explicit TotpVerifier(const SodiumRuntime &sodium);

    // The step the code belongs to, or std::nullopt. Accepted: exactly 6
    // ASCII digits, with spaces anywhere ("123 456" as apps show it),
    // matching the step of nowMs or one step either side, and only a step
    // after lastUsedStep. The caller stores the returned step as the new
    // lastUsedStep in the same transaction that accepts the login, so a code
    // works once, and an older code seen after a newer one is refused
    // (RFC 6238 section 5.2).
    std::optional<qint64> verify(const TotpSecret &secret, QStringView code, qint64 nowMs, qint64 lastUsedStep) const;
};

} // namespace callos::server
