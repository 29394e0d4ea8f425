#include "http/httpservice.h"

#include "http/apierror.h"
#include "runtime/jsonlog.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QRandomGenerator>
#include <QTcpServer>
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

// Paths are logged encoded (no control characters in the log) and capped, a
// request line is attacker-controlled.
QString loggablePath(const QHttpServerRequest &request)
{
    constexpr qsizetype kMaximumPathLength = 512;
    return request.url().path(QUrl::FullyEncoded).left(kMaximumPathLength);
}

} // namespace

HttpService::HttpService(const Database &database, JsonLog &log) : m_database(database), m_log(log)
{
    addRoute(u"/healthz"_s, QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest &request) { return healthz(request); });
    addRoute(u"/readyz"_s, QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest &request) { return readyz(request); });

    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        QElapsedTimer timer;
        timer.start();
        const QString requestId = newRequestId();
        const Refusal notFound{ u"http.not_found"_s, tr("There is no %1 %2 here.").arg(methodName(request.method()),
                                                          loggablePath(request)) };
        responder.write(QJsonDocument(ApiError::body(notFound)), { { "X-Request-Id", requestId.toLatin1() } },
            QHttpServerResponder::StatusCode::NotFound);
        logRequest(requestId, request, 404, timer.elapsed());
    });
}

void HttpService::addRoute(const QString &path, QHttpServerRequest::Method method, Handler handler)
{
    m_server.route(path, method, [this, handler = std::move(handler)](const QHttpServerRequest &request) {
        QElapsedTimer timer;
        timer.start();
        const QString requestId = newRequestId();
        QHttpServerResponse response = handler(request);
        response.setHeader("X-Request-Id", requestId.toLatin1());
        logRequest(requestId, request, static_cast<int>(response.statusCode()), timer.elapsed());
        return response;
    });
}

Result<quint16> HttpService::listen(const ListenAddress &address)
{
    auto *socket = new QTcpServer(&m_server);
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

QHttpServerResponse HttpService::healthz(const QHttpServerRequest &request) const
{
    Q_UNUSED(request)
    // Liveness only: the process answers. Whether it can serve is /readyz.
    return QHttpServerResponse(QJsonObject{ { u"status"_s, u"ok"_s } });
}

QHttpServerResponse HttpService::readyz(const QHttpServerRequest &request) const
{
    Q_UNUSED(request)
    if (const std::optional<Refusal> refusal = m_database.ping())
        return ApiError::response(*refusal, QHttpServerResponse::StatusCode::ServiceUnavailable);
    return QHttpServerResponse(QJsonObject{ { u"status"_s, u"ok"_s } });
}

void HttpService::logRequest(
    const QString &requestId, const QHttpServerRequest &request, int status, qint64 durationMs)
{
    m_log.write(status >= 500 ? u"error"_s : u"info"_s, u"http.request"_s,
        QJsonObject{ { u"request_id"_s, requestId }, { u"method"_s, methodName(request.method()) },
            { u"path"_s, loggablePath(request) }, { u"status"_s, status }, { u"duration_ms"_s, durationMs } });
}

} // namespace callos::server
