#include "liveclient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace callos::test {

LiveClient::LiveClient(const QUrl &url) : m_url(url)
{
    // Given the server's http:// address, as the other helpers hand it out.
    if (m_url.scheme() == u"http"_s)
        m_url.setScheme(u"ws"_s);
    QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &text) { m_inbox.append(text); });
    QObject::connect(
        &m_socket, &QWebSocket::binaryMessageReceived, [this](const QByteArray &bytes) { m_inbox.append(bytes); });
    QObject::connect(&m_socket, &QWebSocket::disconnected, [this] { m_closed = true; });
}

LiveClient::~LiveClient()
{
    m_socket.disconnect();
    m_socket.abort();
}

bool LiveClient::open(int timeoutMs)
{
    m_socket.open(m_url);
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::ConnectedState && !deadline.hasExpired() && !m_closed)
        QTest::qWait(5);
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void LiveClient::send(const QJsonObject &message)
{
    sendText(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void LiveClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
    m_socket.flush();
}

bool LiveClient::helloAs(const QString &token)
{
    if (!open())
        return false;
    send({ { u"type"_s, u"hello"_s }, { u"token"_s, token } });
    return next()[u"type"_s].toString() == u"ready"_s;
}

bool LiveClient::viewWith(const QString &shareToken)
{
    if (!open())
        return false;
    send({ { u"type"_s, u"view"_s }, { u"token"_s, shareToken } });
    return next()[u"type"_s].toString() == u"viewing"_s;
}

bool LiveClient::waitFor(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_inbox.isEmpty() && !m_closed && !deadline.hasExpired())
        QTest::qWait(2);
    return !m_inbox.isEmpty();
}

QJsonObject LiveClient::next(int timeoutMs)
{
    if (!waitFor(timeoutMs))
        return {};
    const Message message = m_inbox.takeFirst();
    if (!std::holds_alternative<QString>(message))
        return { { u"unexpected"_s, u"binary"_s } };
    return QJsonDocument::fromJson(std::get<QString>(message).toUtf8()).object();
}

QByteArray LiveClient::nextBinary(int timeoutMs)
{
    if (!waitFor(timeoutMs))
        return {};
    const Message message = m_inbox.takeFirst();
    if (!std::holds_alternative<QByteArray>(message))
        return "unexpected text: " + std::get<QString>(message).toUtf8();
    return std::get<QByteArray>(message);
}

bool LiveClient::quietFor(int ms)
{
    QTest::qWait(ms);
    return m_inbox.isEmpty();
}

int LiveClient::waitClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_closed && !deadline.hasExpired())
        QTest::qWait(2);
    return m_closed ? int(m_socket.closeCode()) : -1;
}

} // namespace callos::test
