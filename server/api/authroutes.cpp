#include "api/authroutes.h"

#include "accounts/emailaddress.h"
#include "accounts/secondfactor.h"
#include "audit/auditlog.h"
#include "auth/loginthrottle.h"
#include "auth/passwordhasher.h"
#include "auth/passwordpolicy.h"
#include "common/clock.h"
#include "http/httprouter.h"
#include "http/jsonrequest.h"
#include "sessions/sessionstore.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

#include <QJsonArray>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace callos::server {

struct LoginRequest
{
    QString email;
    QString password;
    QString totp;
    QString recoveryCode;
};

namespace {

// Longer inputs are refused before hashing: Argon2 over megabytes of
// "password" would be a cheap way to keep the server busy.
constexpr int kMaximumPasswordLength = 1024;
// A TOTP code with generous spacing or a recovery code with dashes fits.
constexpr int kMaximumCodeLength = 64;

struct PasswordChange
{
    QString currentPassword;
    QString newPassword;
};

ApiFailure mfaRequired()
{
    return ApiFailure{ Refusal{ u"auth.mfa_required"_s,
                           AuthRoutes::tr("This account signs in with a second factor: send the code of your "
                                          "authenticator app (totp) or a recovery code (recovery_code).") },
        ApiFailure::Status::Unauthorized, {}, {} };
}

ApiFailure mfaInvalid()
{
    return ApiFailure{ Refusal{ u"auth.mfa_invalid"_s,
                           AuthRoutes::tr("The code is wrong or was used already. Codes work once; wait for the "
                                          "next one of your authenticator app.") },
        ApiFailure::Status::Unauthorized, {}, {} };
}

ApiFailure invalidCredentials()
{
    // One message for an unknown address, a wrong password and a disabled
    // account: the answer must not tell which accounts exist.
    return ApiFailure{ Refusal{ u"auth.invalid_credentials"_s,
                           AuthRoutes::tr("The e-mail address or the password is wrong.") },
        ApiFailure::Status::Unauthorized, {}, {} };
}

QJsonObject sessionJson(const SessionInfo &session, const QString &currentId)
{
    return QJsonObject{ { u"id"_s, session.id }, { u"created_at"_s, session.createdAt },
        { u"last_seen_at"_s, session.lastSeenAt }, { u"expires_at"_s, session.expiresAt },
        { u"current"_s, session.id == currentId } };
}

} // namespace

// What sign-in needs to know of the account behind an e-mail address.
struct AuthRoutes::Account
{
    bool exists = false;
    QString userId;
    QString orgId;
    QString passwordHash;
    bool disabled = false;
    MfaState mfa;
    bool organisationRequiresMfa = false;
};

AuthRoutes::AuthRoutes(Database &database, SessionStore &sessions, AuditLog &audit, const PasswordHasher &hasher,
    LoginThrottle &throttle, const SecondFactor &secondFactor, const Clock &clock)
    : m_database(database)
    , m_sessions(sessions)
    , m_audit(audit)
    , m_hasher(hasher)
    , m_throttle(throttle)
    , m_secondFactor(secondFactor)
    , m_clock(clock)
    , m_decoyHash(hasher.hash(u"decoy password for unknown accounts"_s).value())
{
}

void AuthRoutes::addTo(HttpRouter &router)
{
    using Method = HttpExchange::Method;
    router.add(Method::Post, u"/api/v1/auth/login"_s, { Access::Public, 4 * 1024 },
        [this](const SharedExchange &exchange) { login(exchange); });
    router.addSync(Method::Post, u"/api/v1/auth/logout"_s, { Access::Agent, 1024 },
        [this](HttpExchange &exchange) { return logout(exchange); });
    router.addSync(Method::Get, u"/api/v1/auth/me"_s, { Access::Agent, 1024 },
        [this](HttpExchange &exchange) { return me(exchange); });
    router.addSync(Method::Get, u"/api/v1/auth/sessions"_s, { Access::Agent, 1024 },
        [this](HttpExchange &exchange) { return sessions(exchange); });
    router.addSync(Method::Delete, u"/api/v1/auth/sessions/{id}"_s, { Access::Agent, 1024 },
        [this](HttpExchange &exchange) { return endSession(exchange); });
    router.add(Method::Post, u"/api/v1/auth/password"_s, { Access::Agent, 4 * 1024 },
        [this](const SharedExchange &exchange) { changePassword(exchange); });
}

QHttpServerResponse AuthRoutes::throttledResponse(qint64 waitMs)
{
    const qint64 seconds = (waitMs + 999) / 1000;
    ApiFailure failure{ Refusal{ u"auth.throttled"_s,
                            tr("Too many wrong passwords or codes. Try again in %n second(s).", nullptr,
                                int(seconds)) },
        ApiFailure::Status::TooManyRequests, QJsonObject{ { u"retry_after_s"_s, seconds } }, {} };
    QHttpServerResponse response = failure.response();
    response.setHeader("Retry-After", QByteArray::number(seconds));
    return response;
}

void AuthRoutes::login(const SharedExchange &exchange)
{
    ApiResult<LoginRequest> request = readJsonBody<LoginRequest>(*exchange, [](JsonObjectReader &reader) {
        LoginRequest read;
        read.email = reader.string(u"email"_s).value_or(QString());
        read.password = reader.string(u"password"_s).value_or(QString());
        read.totp = reader.string(u"totp"_s, Presence::Optional).value_or(QString());
        read.recoveryCode = reader.string(u"recovery_code"_s, Presence::Optional).value_or(QString());
        if (read.password.size() > kMaximumPasswordLength)
            reader.addError(u"password"_s, tr("at most %1 characters").arg(kMaximumPasswordLength));
        if (read.totp.size() > kMaximumCodeLength)
            reader.addError(u"totp"_s, tr("at most %1 characters").arg(kMaximumCodeLength));
        if (read.recoveryCode.size() > kMaximumCodeLength)
            reader.addError(u"recovery_code"_s, tr("at most %1 characters").arg(kMaximumCodeLength));
        if (!read.totp.isEmpty() && !read.recoveryCode.isEmpty())
            reader.addError(u"recovery_code"_s, tr("give either totp or recovery_code, not both"));
        return read;
    });
    if (!request) {
        exchange->reply(request.failure());
        return;
    }
    const Result<QString> email = EmailAddress::normalise(request.value().email);
    if (!email) {
        exchange->reply(ApiFailure::invalidField(u"email"_s, email.refusal().message));
        return;
    }
    if (const std::optional<qint64> waitMs = m_throttle.retryAfterMs(email.value(), exchange->remoteAddress())) {
        exchange->reply(throttledResponse(*waitMs));
        return;
    }

    const Result<std::optional<SqlRows::Row>> found = SqlRows::first(m_database, tr("looking up the account"),
        u"SELECT u.id, u.org_id, u.password_hash, u.disabled_at, u.mfa_secret, u.mfa_enabled_at, u.mfa_last_step, "
        "o.require_mfa FROM users u JOIN organisations o ON o.org_id = u.org_id WHERE lower(u.email) = ?"_s,
        { email.value() });
    if (!found) {
        exchange->reply(ApiFailure::internal(found.refusal()));
        return;
    }
    Account account;
    if (const std::optional<SqlRows::Row> &row = found.value()) {
        account.exists = true;
        account.userId = row->at(0).toString();
        account.orgId = row->at(1).toString();
        account.passwordHash = row->at(2).toString();
        account.disabled = !row->at(3).isNull();
        account.mfa.enabled = !row->at(5).isNull() && !row->at(4).toString().isEmpty();
        account.mfa.secret = account.mfa.enabled ? row->at(4).toString() : QString();
        account.mfa.lastStep = row->at(6).toLongLong();
        account.organisationRequiresMfa = row->at(7).toBool();
    }
    const QString hash = account.exists ? account.passwordHash : m_decoyHash;
    const PasswordHasher &hasher = m_hasher;
    // The second factor goes on with the answer; the password stays behind.
    LoginRequest codes = request.value();
    codes.password.clear();
    QtConcurrent::run([&hasher, hash, password = request.value().password]() { return hasher.verify(hash, password); })
        .then(this, [this, exchange, account, codes, email = email.value()](bool passwordOk) {
            // Other requests ran while the password was checked: this one's scope again.
            const TenantScope::Entered scope = exchange->enterScope();
            finishLogin(exchange, account, codes, email, passwordOk);
        });
}

void AuthRoutes::refuseLogin(const SharedExchange &exchange, const Account &account, const QString &email,
    const QString &reason, const ApiFailure &failure)
{
    const QHostAddress &address = exchange->remoteAddress();
    m_throttle.recordFailure(email, address);
    if (account.exists) {
        if (auto refusal = m_audit.record(AuditEntry{ account.orgId, account.userId, u"auth.login_failed"_s,
                account.userId, QJsonObject{ { u"reason"_s, reason }, { u"address"_s, address.toString() } } })) {
            exchange->reply(ApiFailure::internal(*refusal));
            return;
        }
    }
    exchange->reply(failure);
}

void AuthRoutes::finishLogin(const SharedExchange &exchange, const Account &account, const LoginRequest &request,
    const QString &email, bool passwordOk)
{
    const QHostAddress &address = exchange->remoteAddress();
    if (!account.exists || !passwordOk || account.disabled) {
        const QString reason = account.disabled && passwordOk ? u"account_disabled"_s : u"wrong_password"_s;
        refuseLogin(exchange, account, email, reason, invalidCredentials());
        return;
    }
    // The password was right. Asking for the second factor is the normal
    // first half of such a sign-in, not a failure.
    if (account.mfa.enabled && request.totp.isEmpty() && request.recoveryCode.isEmpty()) {
        exchange->reply(mfaRequired());
        return;
    }

    Transaction transaction(m_database, tr("Signing in"));
    if (auto refusal = transaction.begin()) {
        exchange->reply(ApiFailure::internal(*refusal));
        return;
    }
    std::optional<SecondFactorKind> secondFactor;
    if (account.mfa.enabled) {
        const Result<std::optional<SecondFactorKind>> used = m_secondFactor.consume(
            transaction, account.orgId, account.userId, account.mfa, request.totp, request.recoveryCode);
        if (!used) {
            exchange->reply(ApiFailure::internal(used.refusal()));
            return;
        }
        if (!used.value()) {
            // Rolled back before the failure is audited in a transaction of its own.
            transaction.abort(Refusal{});
            refuseLogin(exchange, account, email, u"mfa"_s, mfaInvalid());
            return;
        }
        secondFactor = used.value();
    }
    const Result<IssuedSession> issued = m_sessions.create(transaction, account.orgId, account.userId);
    if (!issued) {
        exchange->reply(ApiFailure::internal(issued.refusal()));
        return;
    }
    const QString mfaName = !secondFactor                             ? u"none"_s
        : *secondFactor == SecondFactorKind::Totp                    ? u"totp"_s
                                                                      : u"recovery_code"_s;
    if (auto refusal = m_audit.record(transaction, AuditEntry{ account.orgId, account.userId, u"auth.login"_s,
            account.userId, QJsonObject{ { u"session_id"_s, issued.value().id }, { u"address"_s, address.toString() },
                { u"mfa"_s, mfaName } } })) {
        exchange->reply(ApiFailure::internal(*refusal));
        return;
    }
    std::optional<int> recoveryCodesLeft;
    if (secondFactor == SecondFactorKind::RecoveryCode) {
        // Counted on the transaction's connection: the code just used is gone.
        const Result<int> left = m_secondFactor.remainingRecoveryCodes(account.orgId, account.userId);
        if (!left) {
            exchange->reply(ApiFailure::internal(left.refusal()));
            return;
        }
        recoveryCodesLeft = left.value();
        if (auto refusal = m_audit.record(transaction,
                AuditEntry{ account.orgId, account.userId, u"auth.recovery_code_used"_s, account.userId,
                    QJsonObject{ { u"during"_s, u"login"_s }, { u"remaining"_s, left.value() } } })) {
            exchange->reply(ApiFailure::internal(*refusal));
            return;
        }
    }
    if (auto refusal = transaction.commit()) {
        exchange->reply(ApiFailure::internal(*refusal));
        return;
    }
    m_throttle.recordSuccess(email, address);
    QJsonObject answer{ { u"token"_s, issued.value().token }, { u"session_id"_s, issued.value().id },
        { u"expires_at"_s, issued.value().expiresAt }, { u"idle_timeout_s"_s, m_sessions.policy().idleMs / 1000 },
        // Until MFA is set up, this session only reaches /api/v1/auth/*.
        { u"mfa_setup_required"_s, account.organisationRequiresMfa && !account.mfa.enabled } };
    if (recoveryCodesLeft)
        answer.insert(u"recovery_codes_remaining"_s, *recoveryCodesLeft);
    exchange->reply(QHttpServerResponse(answer));
}

ApiAnswer AuthRoutes::logout(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    Transaction transaction(m_database, tr("Signing out"));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    if (auto refusal = m_sessions.revoke(transaction, who, who.sessionId))
        return ApiFailure::internal(*refusal);
    if (auto refusal = m_audit.record(transaction,
            AuditEntry{ who.orgId, who.userId, u"auth.logout"_s, who.userId, { { u"session_id"_s, who.sessionId } } }))
        return ApiFailure::internal(*refusal);
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
}

ApiAnswer AuthRoutes::me(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const Result<std::optional<SqlRows::Row>> found = SqlRows::first(m_database, tr("reading your account"),
        u"SELECT u.email, u.display_name, u.role, u.mfa_enabled_at, o.name, o.require_mfa "
        "FROM users u JOIN organisations o ON o.org_id = u.org_id WHERE u.id = ? AND u.org_id = ?"_s,
        { who.userId, who.orgId });
    if (!found)
        return ApiFailure::internal(found.refusal());
    if (!found.value())
        return ApiFailure::notFound(u"user.not_found"_s, tr("Your account no longer exists."));
    const SqlRows::Row &row = *found.value();
    return QHttpServerResponse(QJsonObject{ { u"id"_s, who.userId }, { u"email"_s, row.at(0).toString() },
        { u"display_name"_s, row.at(1).toString() }, { u"role"_s, row.at(2).toString() },
        { u"mfa_enabled"_s, !row.at(3).isNull() }, { u"org_id"_s, who.orgId },
        { u"organisation"_s, row.at(4).toString() }, { u"organisation_requires_mfa"_s, row.at(5).toBool() },
        { u"session_id"_s, who.sessionId }, { u"mfa_setup_required"_s, who.mfaSetupRequired } });
}

ApiAnswer AuthRoutes::sessions(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const Result<QList<SessionInfo>> live = m_sessions.list(who.orgId, who.userId);
    if (!live)
        return ApiFailure::internal(live.refusal());
    QJsonArray items;
    for (const SessionInfo &session : live.value())
        items.append(sessionJson(session, who.sessionId));
    return QHttpServerResponse(QJsonObject{ { u"sessions"_s, items } });
}

ApiAnswer AuthRoutes::endSession(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const QString sessionId = exchange.param(0);
    Transaction transaction(m_database, tr("Ending a session"));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    if (auto refusal = m_sessions.revoke(transaction, who, sessionId)) {
        if (refusal->code == u"auth.session_not_found")
            return ApiFailure::notFound(refusal->code, refusal->message);
        return ApiFailure::internal(*refusal);
    }
    if (auto refusal = m_audit.record(transaction,
            AuditEntry{ who.orgId, who.userId, u"auth.session_ended"_s, who.userId, { { u"session_id"_s, sessionId } } }))
        return ApiFailure::internal(*refusal);
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
}

void AuthRoutes::changePassword(const SharedExchange &exchange)
{
    ApiResult<PasswordChange> request = readJsonBody<PasswordChange>(*exchange, [](JsonObjectReader &reader) {
        PasswordChange read;
        read.currentPassword = reader.string(u"current_password"_s).value_or(QString());
        read.newPassword = reader.string(u"new_password"_s).value_or(QString());
        if (read.currentPassword.size() > kMaximumPasswordLength)
            reader.addError(u"current_password"_s, tr("at most %1 characters").arg(kMaximumPasswordLength));
        if (read.newPassword.size() > kMaximumPasswordLength)
            reader.addError(u"new_password"_s, tr("at most %1 characters").arg(kMaximumPasswordLength));
        else if (auto weak = PasswordPolicy::check(read.newPassword))
            reader.addError(u"new_password"_s, weak->message);
        return read;
    });
    if (!request) {
        exchange->reply(request.failure());
        return;
    }
    const Principal who = exchange->principal();
    // A stolen session must not be a way around the sign-in throttle: a
    // wrong current password counts against the account as a failed
    // sign-in does, and a throttled account is not checked at all.
    if (const std::optional<qint64> waitMs = m_throttle.retryAfterMs(who.email, exchange->remoteAddress())) {
        exchange->reply(throttledResponse(*waitMs));
        return;
    }
    const Result<std::optional<SqlRows::Row>> found = SqlRows::first(m_database, tr("reading your account"),
        u"SELECT password_hash FROM users WHERE id = ? AND org_id = ?"_s, { who.userId, who.orgId });
    if (!found || !found.value()) {
        exchange->reply(ApiFailure::internal(found ? Refusal{ u"user.not_found"_s, u"account gone"_s } : found.refusal()));
        return;
    }
    struct Outcome
    {
        bool currentOk = false;
        Result<QString> newHash = Refusal{};
    };
    const PasswordHasher &hasher = m_hasher;
    QtConcurrent::run([&hasher, hash = found.value()->at(0).toString(), change = request.value()]() {
        Outcome outcome;
        outcome.currentOk = hasher.verify(hash, change.currentPassword);
        if (outcome.currentOk)
            outcome.newHash = hasher.hash(change.newPassword);
        return outcome;
    }).then(this, [this, exchange, who](const Outcome &outcome) {
        // Other requests ran while the passwords were hashed: this one's scope again.
        const TenantScope::Entered scope = exchange->enterScope();
        if (!outcome.currentOk) {
            m_throttle.recordFailure(who.email, exchange->remoteAddress());
            exchange->reply(ApiFailure{ Refusal{ u"auth.wrong_password"_s, tr("The current password is wrong.") },
                ApiFailure::Status::Forbidden, {}, {} });
            return;
        }
        if (!outcome.newHash) {
            exchange->reply(ApiFailure::internal(outcome.newHash.refusal()));
            return;
        }
        Transaction transaction(m_database, tr("Changing the password"));
        std::optional<Refusal> refusal = transaction.begin();
        if (!refusal)
            refusal = transaction.exec(u"UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ? AND org_id = ?"_s,
                { outcome.newHash.value(), m_clock.nowMs(), who.userId, who.orgId });
        // Whoever else holds a session of this account is signed out: a
        // password change is what a user does when they fear someone has it.
        if (!refusal)
            refusal = m_sessions.revokeAllOf(transaction, who.orgId, who.userId, who.sessionId);
        if (!refusal)
            refusal = m_audit.record(transaction, AuditEntry{ who.orgId, who.userId, u"auth.password_changed"_s, who.userId, {} });
        if (!refusal)
            refusal = transaction.commit();
        if (refusal) {
            exchange->reply(ApiFailure::internal(*refusal));
            return;
        }
        m_throttle.recordSuccess(who.email, exchange->remoteAddress());
        exchange->reply(QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent));
    });
}

} // namespace callos::server
