#pragma once

#include "auth/recoverycodes.h"
#include "auth/totp.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class SodiumRuntime;
class Transaction;

// An account's two-factor sign-in as stored: users.mfa_secret,
// mfa_enabled_at, mfa_last_step, mfa_pending_secret.
struct MfaState
{
    bool enabled = false;
    QString secret;        // base32, when enabled
    qint64 lastStep = 0;   // the last TOTP step accepted (0: none yet)
    QString pendingSecret; // base32, while an enrolment awaits its first code
};

// What proved the second factor.
enum class SecondFactorKind { Totp, RecoveryCode };

// The second factor of an account: enrolling and confirming an
// authenticator app, checking a code once, recovery codes, turning it off.
// Codes are checked with TotpVerifier and RecoveryCodes (server/auth) and
// used up in the caller's transaction, by statements that only change a row
// while the code is still unused: of two requests with one code, one wins.
//
// The TOTP secret is kept as base32 text: the server needs the secret
// itself to compute codes, so it cannot be hashed like a password.
class SecondFactor
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::SecondFactor)

public:
    // The issuer authenticator apps show next to the account.
    static constexpr auto kIssuer = "CallOS";

    SecondFactor(Database &database, const SodiumRuntime &sodium, const Clock &clock, IdGenerator &ids);

    // std::nullopt when the user does not exist in that organisation.
    Result<std::optional<MfaState>> read(const QString &orgId, const QString &userId) const;

    // Checks `totp` or else `recoveryCode` against an enabled MFA and uses
    // it up in `transaction`: the TOTP step becomes mfa_last_step, the
    // recovery code is marked used. std::nullopt: the code is wrong or used.
    Result<std::optional<SecondFactorKind>> consume(Transaction &transaction, const QString &orgId,
        const QString &userId, const MfaState &state, const QString &totp, const QString &recoveryCode) const;
    // Like consume() for one `code` field that takes either: six digits
    // (spaces allowed) are a TOTP code, anything else a recovery code.
    Result<std::optional<SecondFactorKind>> consumeEither(Transaction &transaction, const QString &orgId,
        const QString &userId, const MfaState &state, const QString &code) const;

    // A fresh secret, stored as the pending one (replacing an earlier
    // enrolment that was never confirmed).
    Result<TotpSecret> startEnrolment(Transaction &transaction, const QString &orgId, const QString &userId) const;
    // Turns MFA on when `code` is right for the pending secret: the secret
    // becomes mfa_secret, its step mfa_last_step, and a fresh set of
    // recovery codes replaces any old one. The codes to show, once; or
    // std::nullopt when the code is wrong.
    Result<std::optional<QStringList>> confirm(Transaction &transaction, const QString &orgId, const QString &userId,
        const MfaState &state, const QString &code) const;
    // MFA off: secret, pending secret and recovery codes gone.
    std::optional<Refusal> disable(Transaction &transaction, const QString &orgId, const QString &userId) const;
    // A fresh set of recovery codes; every earlier code stops working.
    Result<QStringList> replaceRecoveryCodes(Transaction &transaction, const QString &orgId, const QString &userId) const;
    // Unused recovery codes of the user.
    Result<int> remainingRecoveryCodes(const QString &orgId, const QString &userId) const;

    static QString otpauthUriFor(const TotpSecret &secret, const QString &email);

private:
    Result<std::optional<SecondFactorKind>> consumeTotp(Transaction &transaction, const QString &orgId,
        const QString &userId, const MfaState &state, const QString &code) const;
    Result<std::optional<SecondFactorKind>> consumeRecoveryCode(
        Transaction &transaction, const QString &orgId, const QString &userId, const QString &code) const;

    Database &m_database;
    const SodiumRuntime &m_sodium;
    const Clock &m_clock;
    IdGenerator &m_ids;
    TotpVerifier m_verifier;
    RecoveryCodes m_recoveryCodes;
};

} // namespace callos::server
