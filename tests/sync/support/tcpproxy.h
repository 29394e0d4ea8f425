#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <memory>

namespace callos::test {

// A TCP proxy on loopback between the desktop's sync and a server, for the
// faults a real network has: the server unreachable (the proxy stops
// listening: connections are refused), a request forwarded but its answer
// never delivered (the server committed, the client saw the line drop), and
// random disconnects. It understands just enough HTTP/1.1 to tell requests
// apart on a kept-alive connection: a request starts with the first bytes
// the client sends after the previous answer began.
class TcpProxy : public QObject
{
    Q_OBJECT

public:
    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr);
    ~TcpProxy() override;

    // Listens on 127.0.0.1 (port 0: any free port, kept for goUp()).
    bool listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    void setTargetPort(quint16 port) { m_targetPort = port; }

    // Down: not listening, every open connection cut. Up: listening again on
    // the same port.
    void goDown();
    bool goUp();
    bool isUp() const { return m_server.isListening(); }

    // The next `count` requests whose first line contains `match` reach the
    // server, but the client never gets their answer: the connection is cut
    // as the answer starts, i.e. after the server committed.
    void dropAnswers(int count, const QByteArray &match);
    // From now on, each request is cut before it reaches the server with
    // probability `beforeServer`, or after the server answered (answer not
    // delivered) with probability `afterServer`. 0, 0: off.
    void setRandomDrops(double beforeServer, double afterServer, quint32 seed);

    // Called with the first line of each request right after it was forwarded.
    std::function<void(const QByteArray &requestLine)> onRequestForwarded;
    // Called when an answer is dropped, with the request's first line.
    std::function<void(const QByteArray &requestLine)> onAnswerDropped;

    int requestsForwarded() const { return m_forwarded; }
    int answersDropped() const { return m_answersDropped; }
    int requestsCut() const { return m_requestsCut; }

private:
    struct Link;

    void accept();
    void fromClient(Link *link);
    void fromServer(Link *link);
    void cut(Link *link);

    QTcpServer m_server;
    quint16 m_port = 0;
    quint16 m_targetPort;
    QList<Link *> m_links;
    int m_dropCount = 0;
    QByteArray m_dropMatch;
    double m_beforeServer = 0;
    double m_afterServer = 0;
    QRandomGenerator m_random;
    int m_forwarded = 0;
    int m_answersDropped = 0;
    int m_requestsCut = 0;
};

} // namespace callos::test
