#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QUrl>
#include <QWebSocket>

#include <variant>

namespace callos::test {

// A WebSocket client for tests of /api/v1/live, driven step by step: what
// the server sent is queued, and next() waits for the next message.
//
//   LiveClient live(api.url(u"/api/v1/live"_s));
//   QVERIFY(live.open());
//   live.send({{"type","hello"},{"token",token}});
//   QCOMPARE(live.next()["type"], "ready");
class LiveClient
{
public:
    explicit LiveClient(const QUrl &url);
    ~LiveClient();
    LiveClient(const LiveClient &) = delete;
    LiveClient &operator=(const LiveClient &) = delete;

    // Connects; false when the handshake did not complete in time.
    bool open(int timeoutMs = 5000);
    void send(const QJsonObject &message);
    void sendText(const QString &text);
    // Connects, says hello with the token and waits for "ready".
    bool helloAs(const QString &token);
    // Connects, sends a view with the share token and waits for "viewing".
    bool viewWith(const QString &shareToken);

    // The next text message as JSON; an empty object on timeout or close.
    QJsonObject next(int timeoutMs = 5000);
    // The next binary message; empty on timeout or close.
    QByteArray nextBinary(int timeoutMs = 5000);
    // Whether nothing arrives within `ms`.
    bool quietFor(int ms);
    // Waits for the server to close; its close code, or -1 on timeout.
    int waitClosed(int timeoutMs = 5000);
    QString closeReason() const { return m_socket.closeReason(); }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }

private:
    using Message = std::variant<QString, QByteArray>;
    bool waitFor(int timeoutMs);

    QUrl m_url;
    QWebSocket m_socket;
    QList<Message> m_inbox;
    bool m_closed = false;
};

} // namespace callos::test
