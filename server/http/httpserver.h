#pragma once

#include "http/httprouter.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>

namespace callos::server {

class JsonLog;
class SessionStore;
class TenantScope;

// Serves the route table: gives every request an id, finds its route (404,
// 405 with Allow), refuses bodies over the route's limit (413), signs the
// request in from its bearer token when the route needs it (401, 403 for a
// role too low), then hands the exchange to the handler. One log line per
// request: method, path, status, duration, who; never headers or bodies.
//
// Row-level security (PostgreSQL): the session lookup runs in the system's
// scope (the organisation is not known before it), the handler in the
// principal's organisation's, a public route's handler in the system's; no
// scope once the handler returns. See TenantScope.
class HttpServer final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    HttpServer(TenantScope &scope, SessionStore &sessions, JsonLog &log, QObject *parent = nullptr);

    HttpRouter &router() { return m_router; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void dispatch(const SharedExchange &exchange);
    void logRequest(const HttpExchange &exchange, int status, const QString &detail);

    HttpRouter m_router;
    TenantScope &m_scope;
    SessionStore &m_sessions;
    JsonLog &m_log;
};

} // namespace callos::server
