#pragma once

#include "common/result.h"
#include "config/listenaddress.h"
#include "http/httpserver.h"

#include <QCoreApplication>

namespace callos::server {

class Database;
class JsonLog;
class SessionStore;

// The HTTP side of the server: the listening sockets, the health routes, and
// the route table the API modules add to. Every request gets a random id
// (returned as X-Request-Id) and one log line; see HttpServer.
class HttpService
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::HttpService)

public:
    HttpService(const Database &database, SessionStore &sessions, JsonLog &log);

    HttpRouter &router() { return m_server.router(); }
    HttpServer &server() { return m_server; }

    // The port actually listened on (the one chosen when `address.port` is 0).
    Result<quint16> listen(const ListenAddress &address);
    // Closes the listening sockets; open connections are served on.
    void stopAccepting();
    // Bytes still waiting to go out on open connections (shutdown drains them).
    qint64 pendingResponseBytes() const;

private:
    ApiAnswer readyz() const;

    const Database &m_database;
    HttpServer m_server;
};

} // namespace callos::server
