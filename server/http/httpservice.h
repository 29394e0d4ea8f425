#pragma once

#include "common/result.h"
#include "config/listenaddress.h"

#include <QCoreApplication>
#include <QHttpServer>

#include <functional>

namespace callos::server {

class Database;
class JsonLog;

// The HTTP side of the server: routes, the request log and the listening
// sockets. Every request gets a random id (returned as X-Request-Id) and one
// log line with method, path, status and duration; never headers, query
// values or bodies, which may carry tokens and personal data.
class HttpService
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::HttpService)

public:
    HttpService(const Database &database, JsonLog &log);

    // The port actually listened on (the one chosen when `address.port` is 0).
    Result<quint16> listen(const ListenAddress &address);
    // Closes the listening sockets; open connections are served on.
    void stopAccepting();
    // Bytes still waiting to go out on open connections (shutdown drains them).
    qint64 pendingResponseBytes() const;

private:
    using Handler = std::function<QHttpServerResponse(const QHttpServerRequest &)>;
    void addRoute(const QString &path, QHttpServerRequest::Method method, Handler handler);
    QHttpServerResponse healthz(const QHttpServerRequest &request) const;
    QHttpServerResponse readyz(const QHttpServerRequest &request) const;
    void logRequest(const QString &requestId, const QHttpServerRequest &request, int status, qint64 durationMs);

    const Database &m_database;
    JsonLog &m_log;
    QHttpServer m_server;
};

} // namespace callos::server
