#pragma once

#include "sessions/principal.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QWebSocket>

#include <memory>
#include <optional>

namespace callos::server {

// One WebSocket on /api/v1/live and what it is allowed to see: nothing until
// its first message says who it is, then either a signed-in member of an
// organisation (watches calls it may see) or a viewer holding a share link
// (sees one call's slides). Holds the socket; LiveHub holds the connections.
class LiveConnection
{
public:
    enum class Kind { Pending, Member, Viewer };

    LiveConnection(std::unique_ptr<QWebSocket> socket, QString id);
    ~LiveConnection();
    LiveConnection(const LiveConnection &) = delete;
    LiveConnection &operator=(const LiveConnection &) = delete;

    QWebSocket &socket() { return *m_socket; }
    const QString &id() const { return m_id; }
    Kind kind() const { return m_kind; }

    // A member: the session's token (kept in memory only, to check the
    // session is still alive) and whom it acts for.
    void becomeMember(QString token, Principal principal);
    const QString &token() const { return m_token; }
    const Principal &principal() const { return *m_principal; }
    void updatePrincipal(Principal principal) { m_principal = std::move(principal); }

    // A viewer of one call's slides.
    void becomeViewer(QString orgId, QString callId);
    const QString &viewedOrgId() const { return m_viewedOrgId; }
    const QString &viewedCallId() const { return m_viewedCallId; }

    QSet<QString> &watchedCalls() { return m_watchedCalls; }

    void send(const QJsonObject &message);
    void sendText(const QString &text);
    void sendBinary(const QByteArray &bytes);
    // Sends a close frame once; later calls do nothing.
    void close(int code, const QString &reason);
    bool closing() const { return m_closeCode.has_value(); }
    int closeCode() const { return m_closeCode.value_or(int(m_socket->closeCode())); }

    // Anything heard from the client (a message, a pong) proves it is there.
    void heard() { m_lastHeard.restart(); }
    qint64 msSinceHeard() const { return m_lastHeard.elapsed(); }
    qint64 msOpen() const { return m_opened.elapsed(); }
    void countIn() { ++m_messagesIn; }
    int messagesIn() const { return m_messagesIn; }
    int messagesOut() const { return m_messagesOut; }

private:
    std::unique_ptr<QWebSocket> m_socket;
    QString m_id;
    Kind m_kind = Kind::Pending;
    QString m_token;
    std::optional<Principal> m_principal;
    QString m_viewedOrgId;
    QString m_viewedCallId;
    QSet<QString> m_watchedCalls;
    QElapsedTimer m_opened;
    QElapsedTimer m_lastHeard;
    std::optional<int> m_closeCode;
    int m_messagesIn = 0;
    int m_messagesOut = 0;
};

} // namespace callos::server
