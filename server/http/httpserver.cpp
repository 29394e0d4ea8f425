#include "http/httpserver.h"

#include "runtime/jsonlog.h"
#include "sessions/sessionstore.h"
#include "sessions/sessiontoken.h"
#include "storage/tenantscope.h"

#include <QMetaEnum>
#include <QRandomGenerator>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// 128 random bits from the system's CSPRNG, hex: unique enough to find one
// request in the logs of many nodes, and says nothing about the request.
QString newRequestId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}

QString methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(static_cast<int>(method));
    return key ? QString::fromLatin1(key).toUpper() : u"UNKNOWN"_s;
}

// Paths are logged encoded (no control characters in the log) and capped: a
// request line is attacker-controlled. Share-link tokens in /view/ paths are
// secrets, so that part is cut.
QString loggablePath(const QString &path)
{
    constexpr qsizetype kMaximumPathLength = 512;
    QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(path, "/"));
    if (encoded.startsWith(u"/view/"_s))
        encoded = u"/view/…"_s;
    return encoded.left(kMaximumPathLength);
}

Role requiredRole(Access access)
{
    switch (access) {
    case Access::Manager:
        return Role::Manager;
    case Access::Admin:
        return Role::Admin;
    case Access::Public:
    case Access::Agent:
        break;
    }
    return Role::Agent;
}

// Judged by the route's pattern, not the request's path: "//api/v1/users"
// reaches the users route too.
bool isAuthRoute(const HttpRouter::Route &route)
{
    static const QStringList kAuthPrefix{ u"api"_s, u"v1"_s, u"auth"_s };
    return route.segments.size() > kAuthPrefix.size() && route.segments.first(kAuthPrefix.size()) == kAuthPrefix;
}

} // namespace

HttpServer::HttpServer(TenantScope &scope, SessionStore &sessions, JsonLog &log, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_scope(scope)
    , m_sessions(sessions)
    , m_log(log)
{
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Qt turns a WebSocket upgrade into a QWebSocket after this returns
    // (LiveHub takes it from there); answering it here would send a 404
    // before the 101.
    if (request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
        return true;
    auto exchange = std::make_shared<HttpExchange>(request, socket, makeResponder(request, socket), newRequestId(),
        [this](const HttpExchange &done, int status, const QString &detail) { logRequest(done, status, detail); });
    dispatch(exchange);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Not reached: handleRequest() takes every request. Answer anyway.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

void HttpServer::dispatch(const SharedExchange &exchange)
{
    const HttpRouter::Match match = m_router.match(exchange->method(), exchange->path());
    if (!match.route) {
        if (match.allowedMethods.isEmpty()) {
            exchange->reply(ApiFailure::notFound(u"http.not_found"_s,
                tr("There is no %1 %2 here.").arg(methodName(exchange->method()), loggablePath(exchange->path()))));
            return;
        }
        QStringList allowed;
        for (const HttpExchange::Method method : match.allowedMethods)
            allowed.append(methodName(method));
        ApiFailure failure{ Refusal{ u"http.method_not_allowed"_s,
                                tr("%1 does not take %2; it takes %3.")
                                    .arg(loggablePath(exchange->path()), methodName(exchange->method()),
                                        allowed.join(u", "_s)) },
            ApiFailure::Status::MethodNotAllowed, {}, {} };
        QHttpServerResponse response = failure.response();
        response.setHeader("Allow", allowed.join(u", "_s).toLatin1());
        exchange->reply(std::move(response));
        return;
    }
    const HttpRouter::Route &route = *match.route;
    if (exchange->body().size() > route.options.maxBodyBytes) {
        exchange->reply(ApiFailure{ Refusal{ u"request.too_large"_s,
                                        tr("The request body is %1 bytes; this endpoint takes at most %2.")
                                            .arg(exchange->body().size())
                                            .arg(route.options.maxBodyBytes) },
            ApiFailure::Status::PayloadTooLarge, {}, {} });
        return;
    }
    if (route.options.access != Access::Public) {
        const QString token = SessionToken::fromAuthorizationHeader(exchange->header("Authorization"));
        if (token.isEmpty()) {
            exchange->reply(ApiFailure{ Refusal{ u"auth.required"_s, tr("Sign in first (Authorization: Bearer <token>).") },
                ApiFailure::Status::Unauthorized, {}, {} });
            return;
        }
        // The session names the organisation, so it is looked up among all of them.
        Result<Principal> principal = [&] {
            const TenantScope::Entered system = m_scope.enterSystem();
            return m_sessions.authenticate(token);
        }();
        if (!principal) {
            const Refusal &why = principal.refusal();
            if (why.code.startsWith(u"auth."_s))
                exchange->reply(ApiFailure{ why, ApiFailure::Status::Unauthorized, {}, {} });
            else
                exchange->reply(ApiFailure::internal(why));
            return;
        }
        // Until a user the organisation requires MFA of has confirmed it,
        // their session only reaches the auth routes, where they enrol.
        if (principal.value().mfaSetupRequired && !isAuthRoute(route)) {
            exchange->setPrincipal(std::move(principal).value());
            exchange->reply(ApiFailure{ Refusal{ u"auth.mfa_setup_required"_s,
                                            tr("Your organisation requires two-factor sign-in. Set it up first "
                                               "(POST /api/v1/auth/mfa/enrol, then /api/v1/auth/mfa/confirm).") },
                ApiFailure::Status::Forbidden, {}, {} });
            return;
        }
        if (!roleAtLeast(principal.value().role, requiredRole(route.options.access))) {
            exchange->setPrincipal(std::move(principal).value());
            exchange->reply(ApiFailure::forbidden(tr("Your role (%1) may not do this; it needs %2.")
                    .arg(roleName(exchange->principal().role), roleName(requiredRole(route.options.access)))));
            return;
        }
        exchange->setPrincipal(std::move(principal).value());
        exchange->setTenantScope(m_scope, TenantScope::Scope::organisation(exchange->principal().orgId));
    } else {
        // Nobody is signed in yet; sign-in looks an address up across organisations.
        exchange->setTenantScope(m_scope, TenantScope::Scope::system());
    }
    exchange->setParams(match.params);
    const TenantScope::Entered scope = exchange->enterScope();
    // A handler never runs in a scope other than its own.
    if (const std::optional<Refusal> refusal = m_scope.settle()) {
        exchange->reply(ApiFailure::internal(*refusal));
        return;
    }
    route.handler(exchange);
}

void HttpServer::logRequest(const HttpExchange &exchange, int status, const QString &detail)
{
    QJsonObject fields{ { u"request_id"_s, exchange.requestId() }, { u"method"_s, methodName(exchange.method()) },
        { u"path"_s, loggablePath(exchange.path()) }, { u"status"_s, status },
        { u"duration_ms"_s, exchange.elapsedMs() } };
    if (exchange.hasPrincipal()) {
        fields.insert(u"org_id"_s, exchange.principal().orgId);
        fields.insert(u"user_id"_s, exchange.principal().userId);
    }
    if (!detail.isEmpty())
        fields.insert(u"detail"_s, detail);
    m_log.write(status >= 500 ? u"error"_s : u"info"_s, u"http.request"_s, fields);
}

} // namespace callos::server
