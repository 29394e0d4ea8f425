#include "http/httpservice.h"

#include "http/apifailure.h"
#include "http/quickacklistener.h"
#include "storage/database.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace callos::server {

HttpService::HttpService(const Database &database, SessionStore &sessions, JsonLog &log)
    : m_database(database)
    , m_server(database.tenantScope(), sessions, log)
{
    constexpr RouteOptions kPublic{ Access::Public };
    // Liveness only: the process answers. Whether it can serve is /readyz.
    router().addSync(HttpExchange::Method::Get, u"/healthz"_s, kPublic,
        [](HttpExchange &) { return QHttpServerResponse(QJsonObject{ { u"status"_s, u"ok"_s } }); });
    router().addSync(HttpExchange::Method::Get, u"/readyz"_s, kPublic, [this](HttpExchange &) { return readyz(); });
}

Result<quint16> HttpService::listen(const ListenAddress &address)
{
    auto *socket = new QuickAckListener(&m_server);
    if (!socket->listen(address.host, address.port)) {
        const QString why = socket->errorString();
        delete socket;
        return Refusal{ u"http.cannot_listen"_s, tr("Cannot listen on %1: %2").arg(address.toString(), why) };
    }
    m_server.bind(socket);
    return socket->serverPort();
}

void HttpService::stopAccepting()
{
    const QList<QTcpServer *> servers = m_server.servers();
    for (QTcpServer *server : servers)
        server->close();
}

qint64 HttpService::pendingResponseBytes() const
{
    qint64 pending = 0;
    const QList<QTcpServer *> servers = m_server.servers();
    for (const QTcpServer *server : servers) {
        // Accepted connections are children of the QTcpServer that accepted them.
        const QList<QTcpSocket *> sockets = server->findChildren<QTcpSocket *>();
        for (const QTcpSocket *socket : sockets)
            pending += socket->bytesToWrite();
    }
    return pending;
}

ApiAnswer HttpService::readyz() const
{
    if (const std::optional<Refusal> refusal = m_database.ping()) {
        // Anyone may ask /readyz, so the driver's words (hosts, ports, users)
        // stay on the request's log line; a load balancer needs no more than
        // the status and the code.
        return ApiFailure{ Refusal{ refusal->code, tr("The database does not answer.") },
            ApiFailure::Status::ServiceUnavailable, {}, refusal->code + u": "_s + refusal->message };
    }
    return QHttpServerResponse(QJsonObject{ { u"status"_s, u"ok"_s } });
}

} // namespace callos::server
