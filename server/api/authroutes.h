#pragma once

#include "http/httpexchange.h"

#include <QCoreApplication>
#include <QObject>

namespace callos {
class Clock;
}

namespace callos::server {

class AuditLog;
class Database;
class HttpRouter;
class LoginThrottle;
class PasswordHasher;
class SecondFactor;
class SessionStore;
struct LoginRequest;

// /api/v1/auth: sign in, sign out, who am I, my sessions, change password.
// An account with MFA signs in with its password and a TOTP code or a
// recovery code; a user whose organisation requires MFA and who has none
// gets a session that may only enrol (mfa_setup_required). The MFA routes
// themselves are MfaRoutes.
//
// A wrong password counts with the LoginThrottle wherever it is checked:
// at sign-in and at a password change (so a stolen session cannot guess the
// current password either); past the free failures both answer 429.
//
// Password checks (Argon2id, ~0.1 s) run on a worker thread so one sign-in
// never stalls every other request; the database work around them stays on
// the server's thread, which owns the connection.
class AuthRoutes : public QObject
{
    Q_OBJECT

public:
    AuthRoutes(Database &database, SessionStore &sessions, AuditLog &audit, const PasswordHasher &hasher,
        LoginThrottle &throttle, const SecondFactor &secondFactor, const Clock &clock);

    void addTo(HttpRouter &router);

    // 429 auth.throttled with Retry-After: the LoginThrottle said to wait.
    static QHttpServerResponse throttledResponse(qint64 waitMs);

private:
    struct Account;

    void login(const SharedExchange &exchange);
    void finishLogin(const SharedExchange &exchange, const Account &account, const LoginRequest &request,
        const QString &email, bool passwordOk);
    // A failed sign-in of a known account: counted by the throttle, audited.
    void refuseLogin(const SharedExchange &exchange, const Account &account, const QString &email,
        const QString &reason, const ApiFailure &failure);
    ApiAnswer logout(HttpExchange &exchange);
    ApiAnswer me(HttpExchange &exchange);
    ApiAnswer sessions(HttpExchange &exchange);
    ApiAnswer endSession(HttpExchange &exchange);
    void changePassword(const SharedExchange &exchange);

    Database &m_database;
    SessionStore &m_sessions;
    AuditLog &m_audit;
    const PasswordHasher &m_hasher;
    LoginThrottle &m_throttle;
    const SecondFactor &m_secondFactor;
    const Clock &m_clock;
    // Verified against when the e-mail is unknown, so "no such user" takes
    // as long as "wrong password" and the timing tells an attacker nothing.
    QString m_decoyHash;
};

} // namespace callos::server
