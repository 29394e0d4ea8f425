#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QTcpServer;

namespace callos::test {

// A request as the fake received it.
struct FakeRequest
{
    QByteArray method;
    QString path; // decoded, without the query
    QByteArray target; // path and query as sent, still percent-encoded (signatures cover these bytes)
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
};

// What the fake answers, or how it misbehaves.
struct FakeResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Waits this long before answering (a slow service).
    int delayMs = 0;
    // Sends the headers with the full Content-Length but only this many
    // bytes of the body, then hangs up (a connection cut mid-download).
    qint64 truncateAfter = -1;
    // Hangs up without a word.
    bool hangUp = false;
    // Never answers and keeps the connection open (a timeout).
    bool stall = false;

    static FakeResponse json(int status, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> headers = {});
};

// The base of the fakes of external services (tests/fakes/): an HTTP/1.1
// server on a loopback port, on a thread of its own so that blocking
// clients (libcurl in the job workers) can call it from any thread,
// including the test's. A subclass answers in respond(); tests can put
// misbehaviours in front of it (misbehaveNext) and read what was asked
// (requests()). Every answer closes its connection.
class FakeHttpServer
{
public:
    FakeHttpServer();
    virtual ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer &) = delete;
    FakeHttpServer &operator=(const FakeHttpServer &) = delete;

    // Listens on 127.0.0.1 on a free port; false if it could not.
    bool start();
    quint16 port() const { return m_port; }
    QString url(const QString &pathAndQuery) const;

    // The next `times` requests (any path) get `response` instead of the
    // service's answer.
    void misbehaveNext(const FakeResponse &response, int times = 1);
    // The same for the next `times` requests to paths starting with
    // `pathPrefix` only (a download after an API call); misbehaviours are
    // used in the order they were asked for.
    void misbehaveNextAt(const QString &pathPrefix, const FakeResponse &response, int times = 1);
    QList<FakeRequest> requests() const;
    // Requests to paths starting with `prefix`.
    QList<FakeRequest> requestsTo(const QString &prefix) const;
    void clearRequests();

protected:
    // Runs on the fake's thread.
    virtual FakeResponse respond(const FakeRequest &request) = 0;
    // An object on the fake's thread from start() until the destructor, for
    // a subclass's own work there (timers, outgoing requests such as
    // webhooks): invokeMethod on it, or parent to it what must live there.
    // A subclass deletes what it parented before it is gone itself.
    QObject *threadContext() const { return m_worker; }

private:
    friend class FakeHttpWorker;
    FakeResponse answer(const FakeRequest &request);

    QThread m_thread;
    QObject *m_worker = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QList<FakeRequest> m_requests;
    QList<QPair<QString, FakeResponse>> m_misbehaviours; // path prefix (empty: any), answer
};

} // namespace callos::test
