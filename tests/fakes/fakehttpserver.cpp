#include "fakehttpserver.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace callos::test {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 529: return "Overloaded";
    default: return "Status";
    }
}

} // namespace

// Lives on the fake's thread: accepts, reads one request per connection,
// answers through FakeHttpServer::answer().
class FakeHttpWorker : public QObject
{
public:
    explicit FakeHttpWorker(FakeHttpServer &owner) : m_owner(owner) { }

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return 0;
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                serve(socket);
        });
        return m_server->serverPort();
    }

private:
    void serve(QTcpSocket *socket)
    {
        socket->setParent(this);
        auto buffer = std::make_shared<QByteArray>();
        auto continued = std::make_shared<bool>(false);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, continued] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            FakeRequest request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
            request.method = start.value(0);
            request.target = start.value(1);
            const QUrl target(QString::fromLatin1(start.value(1)));
            request.path = target.path();
            request.query = QUrlQuery(target);
            qint64 length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                request.headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
                if (line.left(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) == 0)
                    length = line.mid(colon + 1).trimmed().toLongLong();
            }
            if (buffer->size() < headerEnd + 4 + length) {
                // A client that waits for leave to send its body (libcurl's
                // uploads) gets it, as from any HTTP/1.1 server.
                if (!*continued && request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0) {
                    *continued = true;
                    socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                }
                return; // the body is still coming
            }
            request.body = buffer->mid(headerEnd + 4, length);
            buffer->clear();
            disconnect(socket, &QTcpSocket::readyRead, socket, nullptr);
            const FakeResponse response = m_owner.answer(request);
            if (response.delayMs > 0)
                QTimer::singleShot(response.delayMs, socket, [socket, response] { write(socket, response); });
            else
                write(socket, response);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    static void write(QTcpSocket *socket, const FakeResponse &response)
    {
        if (response.stall)
            return;
        if (response.hangUp) {
            socket->disconnectFromHost();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n";
        out += response.truncateAfter >= 0 ? response.body.left(response.truncateAfter) : response.body;
        socket->write(out);
        socket->disconnectFromHost();
    }

    FakeHttpServer &m_owner;
    QTcpServer *m_server = nullptr;
};

QByteArray FakeRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FakeResponse FakeResponse::json(int status, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> headers)
{
    FakeResponse response;
    response.status = status;
    response.body = body;
    response.headers = std::move(headers);
    response.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return response;
}

FakeHttpServer::FakeHttpServer() = default;

FakeHttpServer::~FakeHttpServer()
{
    if (m_worker) {
        QObject *worker = m_worker;
        QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

bool FakeHttpServer::start()
{
    auto *worker = new FakeHttpWorker(*this);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    m_thread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(worker, [worker, &port] { port = worker->listen(); }, Qt::BlockingQueuedConnection);
    m_port = port;
    return port != 0;
}

QString FakeHttpServer::url(const QString &pathAndQuery) const
{
    return u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(pathAndQuery);
}

void FakeHttpServer::misbehaveNext(const FakeResponse &response, int times)
{
    misbehaveNextAt(QString(), response, times);
}

void FakeHttpServer::misbehaveNextAt(const QString &pathPrefix, const FakeResponse &response, int times)
{
    const QMutexLocker lock(&m_mutex);
    for (int i = 0; i < times; ++i)
        m_misbehaviours.append({ pathPrefix, response });
}

QList<FakeRequest> FakeHttpServer::requests() const
{
    const QMutexLocker lock(&m_mutex);
    return m_requests;
}

QList<FakeRequest> FakeHttpServer::requestsTo(const QString &prefix) const
{
    QList<FakeRequest> out;
    for (const FakeRequest &request : requests()) {
        if (request.path.startsWith(prefix))
            out.append(request);
    }
    return out;
}

void FakeHttpServer::clearRequests()
{
    const QMutexLocker lock(&m_mutex);
    m_requests.clear();
}

FakeResponse FakeHttpServer::answer(const FakeRequest &request)
{
    {
        const QMutexLocker lock(&m_mutex);
        m_requests.append(request);
        for (qsizetype i = 0; i < m_misbehaviours.size(); ++i) {
            if (request.path.startsWith(m_misbehaviours[i].first))
                return m_misbehaviours.takeAt(i).second;
        }
    }
    return respond(request);
}

} // namespace callos::test
