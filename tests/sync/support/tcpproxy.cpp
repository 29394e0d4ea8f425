#include "tcpproxy.h"

namespace callos::test {

struct TcpProxy::Link
{
    QTcpSocket *client = nullptr;
    QTcpSocket *server = nullptr;
    QByteArray pending; // from the client, before the server connection is up
    bool inRequest = false; // the client is sending a request; no answer yet
    bool answering = false; // the server started answering the current request
    bool dropAnswer = false; // the current request's answer is not delivered
    QByteArray requestLine;
    bool announced = false; // onRequestForwarded was called for the current request
    bool gone = false;
};

TcpProxy::TcpProxy(quint16 targetPort, QObject *parent) : QObject(parent), m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::accept);
}

TcpProxy::~TcpProxy()
{
    goDown();
}

bool TcpProxy::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void TcpProxy::goDown()
{
    m_server.close();
    const QList<Link *> links = m_links;
    for (Link *link : links)
        cut(link);
}

bool TcpProxy::goUp()
{
    if (m_server.isListening())
        return true;
    return m_server.listen(QHostAddress::LocalHost, m_port);
}

void TcpProxy::dropAnswers(int count, const QByteArray &match)
{
    m_dropCount = count;
    m_dropMatch = match;
}

void TcpProxy::setRandomDrops(double beforeServer, double afterServer, quint32 seed)
{
    m_beforeServer = beforeServer;
    m_afterServer = afterServer;
    m_random.seed(seed);
}

void TcpProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *link = new Link;
        link->client = client;
        link->server = new QTcpSocket(this);
        m_links.append(link);
        connect(client, &QTcpSocket::readyRead, this, [this, link] { fromClient(link); });
        connect(client, &QTcpSocket::disconnected, this, [this, link] { cut(link); });
        connect(link->server, &QTcpSocket::connected, this, [link] {
            link->server->write(link->pending);
            link->pending.clear();
        });
        connect(link->server, &QTcpSocket::readyRead, this, [this, link] { fromServer(link); });
        connect(link->server, &QTcpSocket::disconnected, this, [this, link] { cut(link); });
        connect(link->server, &QTcpSocket::errorOccurred, this, [this, link] { cut(link); });
        link->server->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

void TcpProxy::fromClient(Link *link)
{
    if (link->gone)
        return;
    const QByteArray data = link->client->readAll();
    if (data.isEmpty())
        return;
    if (!link->inRequest || link->answering) {
        // The first bytes of a new request: decide its fate now.
        link->inRequest = true;
        link->answering = false;
        link->dropAnswer = false;
        link->announced = false;
        link->requestLine = data.left(data.indexOf("\r\n"));
        const double roll = m_random.generateDouble();
        if (m_beforeServer > 0 && roll < m_beforeServer) {
            ++m_requestsCut;
            cut(link);
            return;
        }
        if (m_dropCount > 0 && link->requestLine.contains(m_dropMatch)) {
            --m_dropCount;
            link->dropAnswer = true;
        } else if (m_afterServer > 0 && roll < m_beforeServer + m_afterServer) {
            link->dropAnswer = true;
        }
        ++m_forwarded;
    }
    if (link->server->state() == QAbstractSocket::ConnectedState)
        link->server->write(data);
    else
        link->pending.append(data);
    if (onRequestForwarded && !link->announced) {
        link->announced = true;
        onRequestForwarded(link->requestLine);
    }
}

void TcpProxy::fromServer(Link *link)
{
    if (link->gone)
        return;
    const QByteArray data = link->server->readAll();
    link->answering = true;
    if (link->dropAnswer) {
        ++m_answersDropped;
        if (onAnswerDropped)
            onAnswerDropped(link->requestLine);
        cut(link);
        return;
    }
    link->client->write(data);
}

void TcpProxy::cut(Link *link)
{
    if (link->gone)
        return;
    link->gone = true;
    link->client->disconnect(this);
    link->server->disconnect(this);
    // abort(): an RST, no graceful goodbye, as when a cable is pulled.
    link->client->abort();
    link->server->abort();
    m_links.removeOne(link);
    link->client->deleteLater();
    link->server->deleteLater();
    // The lambdas above may still be queued for this link; free it later.
    QMetaObject::invokeMethod(
        this, [link] { delete link; }, Qt::QueuedConnection);
}

} // namespace callos::test
