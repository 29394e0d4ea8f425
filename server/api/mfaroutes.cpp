#include "api/mfaroutes.h"

#include "accounts/secondfactor.h"
#include "api/authroutes.h"
#include "audit/auditlog.h"
#include "auth/loginthrottle.h"
#include "auth/passwordhasher.h"
#include "http/httprouter.h"
#include "http/jsonrequest.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

#include <QJsonArray>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

constexpr int kMaximumPasswordLength = 1024;
constexpr int kMaximumCodeLength = 64;

struct CodeRequest
{
    QString code;
};

struct DisableRequest
{
    QString password;
    QString code;
};

QString readCode(JsonObjectReader &reader)
{
    const QString code = reader.string(u"code"_s).value_or(QString());
    if (code.size() > kMaximumCodeLength)
        reader.addError(u"code"_s, MfaRoutes::tr("at most %1 characters").arg(kMaximumCodeLength));
    return code;
}

// The body {code} of confirm and recovery-codes.
ApiResult<QString> readCodeBody(HttpExchange &exchange)
{
    const ApiResult<CodeRequest> request = readJsonBody<CodeRequest>(exchange, [](JsonObjectReader &reader) {
        return CodeRequest{ readCode(reader) };
    });
    if (!request)
        return request.failure();
    return request.value().code;
}

ApiFailure codeInvalid()
{
    return ApiFailure{ Refusal{ u"auth.mfa_invalid"_s,
                           MfaRoutes::tr("The code is wrong or was used already. Codes work once; wait for the "
                                         "next one of your authenticator app.") },
        ApiFailure::Status::Forbidden, {}, {} };
}

ApiFailure alreadyEnabled()
{
    return ApiFailure::conflict(u"auth.mfa_already_enabled"_s,
        MfaRoutes::tr("Two-factor sign-in is on already. Turn it off first to enrol another authenticator."));
}

ApiFailure notEnabled()
{
    return ApiFailure::conflict(u"auth.mfa_not_enabled"_s, MfaRoutes::tr("Two-factor sign-in is not on."));
}

QString kindName(SecondFactorKind kind)
{
    return kind == SecondFactorKind::Totp ? u"totp"_s : u"recovery_code"_s;
}

QJsonObject recoveryCodesJson(const QStringList &codes)
{
    return QJsonObject{ { u"recovery_codes"_s, QJsonArray::fromStringList(codes) } };
}

// A recovery code spent on something else than signing in is audited too.
std::optional<Refusal> auditRecoveryCodeUse(AuditLog &audit, Transaction &transaction,
    const SecondFactor &secondFactor, const Principal &who, const QString &during)
{
    const Result<int> left = secondFactor.remainingRecoveryCodes(who.orgId, who.userId);
    if (!left)
        return left.refusal();
    return audit.record(transaction, AuditEntry{ who.orgId, who.userId, u"auth.recovery_code_used"_s, who.userId,
                                         QJsonObject{ { u"during"_s, during }, { u"remaining"_s, left.value() } } });
}

} // namespace

MfaRoutes::MfaRoutes(Database &database, AuditLog &audit, const PasswordHasher &hasher, LoginThrottle &throttle,
    const SecondFactor &secondFactor)
    : m_database(database)
    , m_audit(audit)
    , m_hasher(hasher)
    , m_throttle(throttle)
    , m_secondFactor(secondFactor)
{
}

void MfaRoutes::addTo(HttpRouter &router)
{
    using Method = HttpExchange::Method;
    router.addSync(Method::Get, u"/api/v1/auth/mfa"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return status(exchange); });
    // Enrol takes no body, or "{}".
    router.addSync(Method::Post, u"/api/v1/auth/mfa/enrol"_s, { Access::Agent, 1024 },
        [this](HttpExchange &exchange) { return enrol(exchange); });
    router.addSync(Method::Post, u"/api/v1/auth/mfa/confirm"_s, { Access::Agent, 4 * 1024 },
        [this](HttpExchange &exchange) { return confirm(exchange); });
    router.add(Method::Post, u"/api/v1/auth/mfa/disable"_s, { Access::Agent, 4 * 1024 },
        [this](const SharedExchange &exchange) { disable(exchange); });
    router.addSync(Method::Post, u"/api/v1/auth/mfa/recovery-codes"_s, { Access::Agent, 4 * 1024 },
        [this](HttpExchange &exchange) { return regenerateRecoveryCodes(exchange); });
}

ApiResult<MfaState> MfaRoutes::readState(const Principal &who, Expect expect) const
{
    const Result<std::optional<MfaState>> state = m_secondFactor.read(who.orgId, who.userId);
    if (!state)
        return ApiFailure::internal(state.refusal());
    if (!state.value())
        return ApiFailure::notFound(u"user.not_found"_s, tr("Your account no longer exists."));
    if (expect == Expect::On && !state.value()->enabled)
        return notEnabled();
    if (expect == Expect::Off && state.value()->enabled)
        return alreadyEnabled();
    return *state.value();
}

std::optional<QHttpServerResponse> MfaRoutes::throttled(const HttpExchange &exchange) const
{
    if (const std::optional<qint64> waitMs
        = m_throttle.retryAfterMs(exchange.principal().email, exchange.remoteAddress()))
        return AuthRoutes::throttledResponse(*waitMs);
    return std::nullopt;
}

ApiFailure MfaRoutes::refuseGuess(const HttpExchange &exchange, const ApiFailure &failure)
{
    m_throttle.recordFailure(exchange.principal().email, exchange.remoteAddress());
    return failure;
}

ApiResult<SecondFactorKind> MfaRoutes::consumeCode(
    Transaction &transaction, const HttpExchange &exchange, const MfaState &state, const QString &code)
{
    const Principal &who = exchange.principal();
    const Result<std::optional<SecondFactorKind>> used
        = m_secondFactor.consumeEither(transaction, who.orgId, who.userId, state, code);
    if (!used)
        return ApiFailure::internal(used.refusal());
    if (!used.value()) {
        transaction.abort(Refusal{});
        return refuseGuess(exchange, codeInvalid());
    }
    return *used.value();
}

ApiAnswer MfaRoutes::status(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const ApiResult<MfaState> state = readState(who);
    if (!state)
        return state.failure();
    const Result<std::optional<SqlRows::Row>> organisation = SqlRows::first(m_database, tr("reading the organisation"),
        u"SELECT require_mfa FROM organisations WHERE org_id = ?"_s, { who.orgId });
    if (!organisation)
        return ApiFailure::internal(organisation.refusal());
    int remaining = 0;
    if (state.value().enabled) {
        const Result<int> left = m_secondFactor.remainingRecoveryCodes(who.orgId, who.userId);
        if (!left)
            return ApiFailure::internal(left.refusal());
        remaining = left.value();
    }
    return QHttpServerResponse(QJsonObject{ { u"enabled"_s, state.value().enabled },
        { u"enrolment_pending"_s, !state.value().enabled && !state.value().pendingSecret.isEmpty() },
        { u"recovery_codes_remaining"_s, remaining },
        { u"required_by_organisation"_s, organisation.value() && organisation.value()->at(0).toBool() } });
}

ApiAnswer MfaRoutes::enrol(HttpExchange &exchange)
{
    // No body, or an empty object: a field is a mistake the client should hear of.
    if (!exchange.body().trimmed().isEmpty()) {
        const ApiResult<bool> empty = readJsonBody<bool>(exchange, [](JsonObjectReader &) { return true; });
        if (!empty)
            return empty.failure();
    }
    const Principal &who = exchange.principal();
    // A stolen session must not swap the authenticator: turning MFA off
    // first takes the password and a code.
    if (const ApiResult<MfaState> state = readState(who, Expect::Off); !state)
        return state.failure();
    Transaction transaction(m_database, tr("Starting two-factor enrolment"));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<TotpSecret> secret = m_secondFactor.startEnrolment(transaction, who.orgId, who.userId);
    if (!secret)
        return ApiFailure::internal(secret.refusal());
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    return QHttpServerResponse(QJsonObject{ { u"secret"_s, secret.value().toBase32() },
        { u"otpauth_uri"_s, SecondFactor::otpauthUriFor(secret.value(), who.email) } });
}

ApiAnswer MfaRoutes::confirm(HttpExchange &exchange)
{
    const ApiResult<QString> code = readCodeBody(exchange);
    if (!code)
        return code.failure();
    const Principal &who = exchange.principal();
    const ApiResult<MfaState> state = readState(who, Expect::Off);
    if (!state)
        return state.failure();
    if (state.value().pendingSecret.isEmpty())
        return ApiFailure::conflict(u"auth.mfa_not_enrolled"_s,
            tr("There is no enrolment to confirm. Start one with POST /api/v1/auth/mfa/enrol."));
    if (std::optional<QHttpServerResponse> wait = throttled(exchange))
        return std::move(*wait);

    Transaction transaction(m_database, tr("Turning on two-factor sign-in"));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<std::optional<QStringList>> codes
        = m_secondFactor.confirm(transaction, who.orgId, who.userId, state.value(), code.value());
    if (!codes)
        return ApiFailure::internal(codes.refusal());
    if (!codes.value()) {
        transaction.abort(Refusal{});
        return refuseGuess(exchange, codeInvalid());
    }
    if (auto refusal = m_audit.record(transaction, AuditEntry{ who.orgId, who.userId, u"auth.mfa_enabled"_s,
                                                       who.userId, QJsonObject{ { u"session_id"_s, who.sessionId } } }))
        return ApiFailure::internal(*refusal);
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    m_throttle.recordSuccess(who.email, exchange.remoteAddress());
    return QHttpServerResponse(recoveryCodesJson(*codes.value()));
}

void MfaRoutes::disable(const SharedExchange &exchange)
{
    const ApiResult<DisableRequest> request = readJsonBody<DisableRequest>(*exchange, [](JsonObjectReader &reader) {
        DisableRequest read;
        read.password = reader.string(u"password"_s).value_or(QString());
        if (read.password.size() > kMaximumPasswordLength)
            reader.addError(u"password"_s, tr("at most %1 characters").arg(kMaximumPasswordLength));
        read.code = readCode(reader);
        return read;
    });
    if (!request) {
        exchange->reply(request.failure());
        return;
    }
    const Principal &who = exchange->principal();
    if (const ApiResult<MfaState> state = readState(who, Expect::On); !state) {
        exchange->reply(state.failure());
        return;
    }
    if (std::optional<QHttpServerResponse> wait = throttled(*exchange)) {
        exchange->reply(std::move(*wait));
        return;
    }
    const Result<std::optional<SqlRows::Row>> found = SqlRows::first(m_database, tr("reading your account"),
        u"SELECT password_hash FROM users WHERE id = ? AND org_id = ?"_s, { who.userId, who.orgId });
    if (!found || !found.value()) {
        exchange->reply(ApiFailure::internal(found ? Refusal{ u"user.not_found"_s, u"account gone"_s } : found.refusal()));
        return;
    }
    const PasswordHasher &hasher = m_hasher;
    QtConcurrent::run([&hasher, hash = found.value()->at(0).toString(), password = request.value().password]() {
        return hasher.verify(hash, password);
    }).then(this, [this, exchange, code = request.value().code](bool passwordOk) {
        // Other requests ran while the password was checked: this one's scope again.
        const TenantScope::Entered scope = exchange->enterScope();
        finishDisable(exchange, code, passwordOk);
    });
}

void MfaRoutes::finishDisable(const SharedExchange &exchange, const QString &code, bool passwordOk)
{
    const Principal &who = exchange->principal();
    if (!passwordOk) {
        exchange->reply(refuseGuess(*exchange,
            ApiFailure{ Refusal{ u"auth.wrong_password"_s, tr("The password is wrong.") },
                ApiFailure::Status::Forbidden, {}, {} }));
        return;
    }
    // Read again: the state may have changed while the password was checked.
    const ApiResult<MfaState> state = readState(who, Expect::On);
    if (!state) {
        exchange->reply(state.failure());
        return;
    }
    Transaction transaction(m_database, tr("Turning off two-factor sign-in"));
    if (auto refusal = transaction.begin()) {
        exchange->reply(ApiFailure::internal(*refusal));
        return;
    }
    const ApiResult<SecondFactorKind> used = consumeCode(transaction, *exchange, state.value(), code);
    if (!used) {
        exchange->reply(used.failure());
        return;
    }
    std::optional<Refusal> refusal;
    if (used.value() == SecondFactorKind::RecoveryCode)
        refusal = auditRecoveryCodeUse(m_audit, transaction, m_secondFactor, who, u"mfa_disable"_s);
    if (!refusal)
        refusal = m_secondFactor.disable(transaction, who.orgId, who.userId);
    if (!refusal)
        refusal = m_audit.record(transaction, AuditEntry{ who.orgId, who.userId, u"auth.mfa_disabled"_s, who.userId,
                                                  QJsonObject{ { u"session_id"_s, who.sessionId },
                                                      { u"via"_s, kindName(used.value()) } } });
    if (!refusal)
        refusal = transaction.commit();
    if (refusal) {
        exchange->reply(ApiFailure::internal(*refusal));
        return;
    }
    m_throttle.recordSuccess(who.email, exchange->remoteAddress());
    exchange->reply(QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent));
}

ApiAnswer MfaRoutes::regenerateRecoveryCodes(HttpExchange &exchange)
{
    const ApiResult<QString> code = readCodeBody(exchange);
    if (!code)
        return code.failure();
    const Principal &who = exchange.principal();
    const ApiResult<MfaState> state = readState(who, Expect::On);
    if (!state)
        return state.failure();
    if (std::optional<QHttpServerResponse> wait = throttled(exchange))
        return std::move(*wait);

    Transaction transaction(m_database, tr("Issuing new recovery codes"));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const ApiResult<SecondFactorKind> used = consumeCode(transaction, exchange, state.value(), code.value());
    if (!used)
        return used.failure();
    if (used.value() == SecondFactorKind::RecoveryCode) {
        if (auto refusal = auditRecoveryCodeUse(m_audit, transaction, m_secondFactor, who, u"recovery_codes"_s))
            return ApiFailure::internal(*refusal);
    }
    const Result<QStringList> codes = m_secondFactor.replaceRecoveryCodes(transaction, who.orgId, who.userId);
    if (!codes)
        return ApiFailure::internal(codes.refusal());
    if (auto refusal = m_audit.record(transaction,
            AuditEntry{ who.orgId, who.userId, u"auth.recovery_codes_regenerated"_s, who.userId,
                QJsonObject{ { u"count"_s, int(codes.value().size()) }, { u"via"_s, kindName(used.value()) } } }))
        return ApiFailure::internal(*refusal);
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    m_throttle.recordSuccess(who.email, exchange.remoteAddress());
    return QHttpServerResponse(recoveryCodesJson(codes.value()));
}

} // namespace callos::server
