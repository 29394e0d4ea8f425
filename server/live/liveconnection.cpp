#include "live/liveconnection.h"

#include <QJsonDocument>
#include <QTimer>

namespace callos::server {

LiveConnection::LiveConnection(std::unique_ptr<QWebSocket> socket, QString id)
    : m_socket(std::move(socket))
    , m_id(std::move(id))
{
    m_opened.start();
    m_lastHeard.start();
}

LiveConnection::~LiveConnection()
{
    // Destroyed from the socket's own signal handlers at times: let Qt
    // finish with it first.
    m_socket->disconnect();
    m_socket.release()->deleteLater();
}

void LiveConnection::becomeMember(QString token, Principal principal)
{
    m_kind = Kind::Member;
    m_token = std::move(token);
    m_principal = std::move(principal);
}

void LiveConnection::becomeViewer(QString orgId, QString callId)
{
    m_kind = Kind::Viewer;
    m_viewedOrgId = std::move(orgId);
    m_viewedCallId = std::move(callId);
}

void LiveConnection::send(const QJsonObject &message)
{
    sendText(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void LiveConnection::sendText(const QString &text)
{
    if (closing())
        return;
    m_socket->sendTextMessage(text);
    ++m_messagesOut;
}

void LiveConnection::sendBinary(const QByteArray &bytes)
{
    if (closing())
        return;
    m_socket->sendBinaryMessage(bytes);
    ++m_messagesOut;
}

void LiveConnection::close(int code, const QString &reason)
{
    if (closing())
        return;
    m_closeCode = code;
    // A close reason is at most 123 bytes of UTF-8 (RFC 6455 5.5).
    QString shortReason = reason;
    while (shortReason.toUtf8().size() > 123)
        shortReason.chop(1);
    m_socket->close(QWebSocketProtocol::CloseCode(code), shortReason);
    // A client that never answers the close frame (gone, or broken) would
    // keep its TCP connection forever: cut it after a grace period.
    constexpr int kCloseGraceMs = 2000;
    QWebSocket *socket = m_socket.get();
    QTimer::singleShot(kCloseGraceMs, socket, [socket] { socket->abort(); });
}

} // namespace callos::server
