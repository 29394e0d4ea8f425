#pragma once

#include "http/apifailure.h"
#include "sessions/principal.h"
#include "storage/tenantscope.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace callos::server {

// One request and its one answer. Holds a copy of what handlers read (the
// QHttpServerRequest dies when the handler returns, and some answers come
// later, from a worker thread's result), the path parameters the router
// matched, the principal once authenticated, and the responder.
//
// reply() sends once; an exchange dropped without an answer replies 500 so
// no client is left waiting on a handler's mistake.
class HttpExchange
{
public:
    using Method = QHttpServerRequest::Method;
    // Called once the answer is written: the request log line.
    using Logger = std::function<void(const HttpExchange &, int status, const QString &detail)>;

    HttpExchange(const QHttpServerRequest &request, QTcpSocket *socket, QHttpServerResponder &&responder,
        QString requestId, Logger logger);
    ~HttpExchange();
    HttpExchange(const HttpExchange &) = delete;
    HttpExchange &operator=(const HttpExchange &) = delete;

    Method method() const { return m_method; }
    // Decoded path, e.g. /api/v1/calls/abc.
    const QString &path() const { return m_path; }
    const QUrlQuery &query() const { return m_query; }
    QByteArray header(const QByteArray &name) const;
    const QByteArray &body() const { return m_body; }
    const QHostAddress &remoteAddress() const { return m_remoteAddress; }
    const QString &requestId() const { return m_requestId; }
    qint64 elapsedMs() const { return m_timer.elapsed(); }

    // Path parameters in pattern order ("/calls/{id}" -> param(0)).
    QString param(int index) const { return m_params.value(index); }
    void setParams(QStringList params) { m_params = std::move(params); }

    // Set by the router before a handler of a signed-in route runs.
    const Principal &principal() const { return *m_principal; }
    bool hasPrincipal() const { return m_principal.has_value(); }
    void setPrincipal(Principal principal) { m_principal = std::move(principal); }

    // The rows the handler may touch (row-level security on PostgreSQL),
    // set by HttpServer: the principal's organisation, or the system's for
    // public routes. HttpServer enters it around the handler; a handler that
    // goes on later (after a worker thread) enters it again first, since
    // other requests ran in between:
    //   .then(this, [this, exchange](...) { const auto scope = exchange->enterScope(); ... })
    void setTenantScope(TenantScope &scope, TenantScope::Scope which);
    TenantScope::Entered enterScope() const;

    // The body as a JSON object: 415 unless Content-Type is JSON, 400 with
    // line and column for invalid UTF-8, bad syntax or too deep nesting.
    // (The size limit is the router's, before any handler runs.)
    ApiResult<QJsonObject> jsonObject() const;

    void reply(QHttpServerResponse &&response);
    void reply(const ApiFailure &failure);
    bool hasReplied() const { return m_replied; }

private:
    Method m_method;
    QString m_path;
    QUrlQuery m_query;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    QHostAddress m_remoteAddress;
    QString m_requestId;
    QElapsedTimer m_timer;
    QStringList m_params;
    std::optional<Principal> m_principal;
    TenantScope *m_tenantScope = nullptr;
    TenantScope::Scope m_scope;
    // The client may hang up while a worker thread computes the answer;
    // then there is nobody to write to.
    QPointer<QTcpSocket> m_socket;
    QHttpServerResponder m_responder;
    Logger m_logger;
    bool m_replied = false;
};

using SharedExchange = std::shared_ptr<HttpExchange>;

} // namespace callos::server
