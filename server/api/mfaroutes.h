#pragma once

#include "accounts/secondfactor.h"
#include "http/httpexchange.h"

#include <QCoreApplication>
#include <QObject>

namespace callos::server {

class AuditLog;
class Database;
class HttpRouter;
class LoginThrottle;
class PasswordHasher;
class Transaction;

// /api/v1/auth/mfa: a signed-in user's own two-factor sign-in (TOTP).
//   GET  /api/v1/auth/mfa                 -> {enabled, enrolment_pending, recovery_codes_remaining,
//                                              required_by_organisation}
//   POST /api/v1/auth/mfa/enrol           -> {secret, otpauth_uri}; 409 auth.mfa_already_enabled
//   POST /api/v1/auth/mfa/confirm {code}  -> {recovery_codes} (shown this once)
//   POST /api/v1/auth/mfa/disable {password, code}        -> 204
//   POST /api/v1/auth/mfa/recovery-codes {code}          -> {recovery_codes}, the old ones die
// `code` of disable and recovery-codes is a TOTP code or a recovery code.
// A wrong code is 403 auth.mfa_invalid and counts as a failed sign-in with
// the LoginThrottle (429 auth.throttled past its free failures), so a
// stolen session cannot guess its way to turning MFA off.
class MfaRoutes : public QObject
{
    Q_OBJECT

public:
    MfaRoutes(Database &database, AuditLog &audit, const PasswordHasher &hasher, LoginThrottle &throttle,
        const SecondFactor &secondFactor);

    void addTo(HttpRouter &router);

private:
    // What the handler needs two-factor sign-in to be for it to go on.
    enum class Expect { Any, On, Off };
    // The caller's MFA state, or what to answer: the account is gone (404),
    // two-factor sign-in is not as expected (409 not on / on already), the
    // database failed.
    ApiResult<MfaState> readState(const Principal &who, Expect expect = Expect::Any) const;
    // 429 auth.throttled when the caller's account must wait before its
    // next code or password is checked.
    std::optional<QHttpServerResponse> throttled(const HttpExchange &exchange) const;
    // A wrong code or password: counted against the account, then answered.
    ApiFailure refuseGuess(const HttpExchange &exchange, const ApiFailure &failure);
    // Spends a TOTP code or a recovery code in `transaction`; a wrong one
    // rolls it back and is refused as a guess.
    ApiResult<SecondFactorKind> consumeCode(
        Transaction &transaction, const HttpExchange &exchange, const MfaState &state, const QString &code);

    ApiAnswer status(HttpExchange &exchange);
    ApiAnswer enrol(HttpExchange &exchange);
    ApiAnswer confirm(HttpExchange &exchange);
    void disable(const SharedExchange &exchange);
    void finishDisable(const SharedExchange &exchange, const QString &code, bool passwordOk);
    ApiAnswer regenerateRecoveryCodes(HttpExchange &exchange);

    Database &m_database;
    AuditLog &m_audit;
    const PasswordHasher &m_hasher;
    LoginThrottle &m_throttle;
    const SecondFactor &m_secondFactor;
};

} // namespace callos::server
