#include "net/httpclient.h"

#include <QDateTime>
#include <QIODevice>
#include <QThread>

#include <curl/curl.h>

#include <mutex>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// What the callbacks share with send() for one exchange.
struct Exchange
{
    const HttpRequest *request = nullptr;
    HttpResponse *response = nullptr;
    bool tooLarge = false;
    bool sinkFailed = false;
};

size_t onBody(char *data, size_t size, size_t count, void *user)
{
    auto *exchange = static_cast<Exchange *>(user);
    const qint64 bytes = qint64(size * count);
    if (exchange->response->bodyBytes + bytes > exchange->request->maxBodyBytes) {
        exchange->tooLarge = true;
        return 0; // libcurl stops with CURLE_WRITE_ERROR
    }
    exchange->response->bodyBytes += bytes;
    if (QIODevice *sink = exchange->request->bodySink) {
        if (sink->write(data, bytes) != bytes) {
            exchange->sinkFailed = true;
            return 0;
        }
    } else {
        exchange->response->body.append(data, bytes);
    }
    return size_t(bytes);
}

size_t onHeader(char *data, size_t size, size_t count, void *user)
{
    auto *response = static_cast<HttpResponse *>(user);
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    // Each answer of a redirect chain starts with its status line: keep only
    // the last answer's headers.
    if (line.startsWith("HTTP/")) {
        response->headers.clear();
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        response->headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    return size * count;
}

// Asked to stop (the server shuts down): the transfer ends now, and its job
// is tried again later, by this process or another.
int onProgress(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return QThread::currentThread()->isInterruptionRequested() ? 1 : 0;
}

size_t onRead(char *buffer, size_t size, size_t count, void *user)
{
    auto *source = static_cast<QIODevice *>(user);
    const qint64 read = source->read(buffer, qint64(size * count));
    return read < 0 ? CURL_READFUNC_ABORT : size_t(read);
}

} // namespace

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<qint64> HttpResponse::retryAfterMs(qint64 nowMs) const
{
    const QByteArray value = header("Retry-After").trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = value.toLongLong(&isNumber);
    if (isNumber)
        return seconds >= 0 ? std::optional<qint64>(seconds * 1000) : std::nullopt;
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (!at.isValid())
        return std::nullopt;
    return qMax<qint64>(0, at.toMSecsSinceEpoch() - nowMs);
}

HttpClient::HttpClient()
{
    // Thread-safe in the libcurl Debian 12 ships (7.88); once per process.
    static std::once_flag initialised;
    std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_curl = curl_easy_init();
}

HttpClient::~HttpClient()
{
    curl_easy_cleanup(static_cast<CURL *>(m_curl));
}

HttpResponse HttpClient::send(const HttpRequest &request)
{
    HttpResponse response;
    auto *curl = static_cast<CURL *>(m_curl);
    if (!curl) {
        response.error = tr("The HTTP client could not be set up.");
        return response;
    }
    curl_easy_reset(curl);
    Exchange exchange{ &request, &response };
    const QByteArray url = request.url.toUtf8();
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(request.connectTimeoutMs));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(request.totalTimeoutMs));
    // "Nothing arrives for this long": below 1 byte/s for that many seconds.
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, long(qMax(1, (request.stallTimeoutMs + 999) / 1000)));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &exchange);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);

    const QByteArray method = request.method.toUpper();
    if (request.bodySource) {
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, &onRead);
        curl_easy_setopt(curl, CURLOPT_READDATA, request.bodySource);
        if (method == "PUT") {
            curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
            curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(request.bodySourceSize));
        } else {
            curl_easy_setopt(curl, CURLOPT_POST, 1L);
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.bodySourceSize));
        }
    } else if (method == "POST" || !request.body.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
    }
    if (method == "HEAD")
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    else if (method != "GET" && method != "POST" && !(method == "PUT" && request.bodySource))
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.constData());

    if (!request.awsSigV4.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, request.awsSigV4.constData());
        curl_easy_setopt(curl, CURLOPT_USERPWD, request.awsCredentials.constData());
    }

    curl_slist *headers = nullptr;
    QList<QByteArray> lines; // alive until the transfer ends
    for (const auto &[name, value] : request.headers)
        lines.append(name + ": " + value);
    // No "Expect: 100-continue" pause before a body - except on signed
    // requests: libcurl 7.88 signs the header lines it is given, the line
    // that removes Expect included, though it never sends it, and S3 then
    // finds a signed header missing (SignatureDoesNotMatch). S3 answers 100
    // at once, and a refusal comes before a large upload goes out.
    if (request.awsSigV4.isEmpty())
        lines.append("Expect:");
    for (const QByteArray &line : std::as_const(lines))
        headers = curl_slist_append(headers, line.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

    const CURLcode result = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = int(status);
    char *effective = nullptr;
    if (curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
        response.effectiveUrl = QString::fromUtf8(effective);
    if (exchange.tooLarge)
        response.error = tr("The answer is larger than %1 bytes.").arg(request.maxBodyBytes);
    else if (exchange.sinkFailed)
        response.error = tr("The answer could not be written: %1").arg(request.bodySink->errorString());
    else if (result != CURLE_OK)
        response.error = QString::fromUtf8(curl_easy_strerror(result));
    return response;
}

} // namespace callos::server
