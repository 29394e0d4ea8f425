#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

class QIODevice;

namespace callos::server {

// One HTTP request of a client of an external service.
struct HttpRequest
{
    QByteArray method = "GET";
    QString url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Set: the body is streamed from here instead (uploads of recordings).
    QIODevice *bodySource = nullptr;
    qint64 bodySourceSize = -1;
    // Set: the answer's body goes here instead of into HttpResponse::body
    // (downloads of recordings), at most maxBodyBytes of it.
    QIODevice *bodySink = nullptr;
    qint64 maxBodyBytes = 16 * 1024 * 1024;
    bool followRedirects = false;
    // Gives up when nothing arrives for this long, or the whole exchange
    // takes longer than totalTimeoutMs (0: no limit; downloads set none and
    // rely on the stall limit).
    int connectTimeoutMs = 10000;
    int stallTimeoutMs = 30000;
    int totalTimeoutMs = 120000;
    // SigV4 signing by libcurl ("aws:amz:REGION:s3") with "KEY:SECRET".
    QByteArray awsSigV4;
    QByteArray awsCredentials;
};

struct HttpResponse
{
    // 0 when no HTTP answer came (see error).
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // of the final answer, after redirects
    QByteArray body;
    qint64 bodyBytes = 0; // also counted when sunk
    QString effectiveUrl;
    // Why there is no (whole) answer: connection refused, timeout, a body
    // above the limit, a sink that would not take it. Empty on success.
    QString error;

    bool ok() const { return error.isEmpty() && status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const;
    // Retry-After in ms: seconds, or an HTTP date; std::nullopt when absent
    // or unreadable.
    std::optional<qint64> retryAfterMs(qint64 nowMs) const;
};

// A blocking HTTP client on libcurl, for the job workers (never the thread
// that serves requests). Only http and https, also after redirects; a
// custom Authorization header is not sent on to another host when a
// redirect leaves the first one (libcurl's rule), so a bearer token never
// reaches a storage provider's signed link. A transfer ends early when its
// thread is asked to stop (QThread::requestInterruption).
class HttpClient
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::HttpClient)

public:
    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    HttpResponse send(const HttpRequest &request);

private:
    void *m_curl = nullptr; // CURL*, kept for its connection cache
};

} // namespace callos::server
