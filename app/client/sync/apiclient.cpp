#include "client/sync/apiclient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

// Retry-After as seconds (what callos-server sends) or an HTTP date.
qint64 retryAfterMs(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (ok)
        return qMax<qint64>(0, seconds) * 1000;
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    return qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(at));
}

ApiProblem networkProblem(QNetworkReply *reply, bool cancelled)
{
    ApiProblem problem;
    if (cancelled) {
        problem.kind = ApiProblem::Kind::Cancelled;
        problem.code = u"net.cancelled"_s;
        problem.message = ApiProblem::tr("The request was cancelled.");
        return problem;
    }
    const QString host = reply->url().host();
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError: // the transfer timeout fired
    case QNetworkReply::TimeoutError:
        problem.kind = ApiProblem::Kind::Timeout;
        problem.code = u"net.timeout"_s;
        problem.message = ApiProblem::tr("The server %1 did not answer in time.").arg(host);
        break;
    case QNetworkReply::HostNotFoundError:
        problem.kind = ApiProblem::Kind::Unreachable;
        problem.code = u"net.host_not_found"_s;
        problem.message = ApiProblem::tr("The server %1 cannot be found. Check the address and the network.").arg(host);
        break;
    case QNetworkReply::ConnectionRefusedError:
        problem.kind = ApiProblem::Kind::Unreachable;
        problem.code = u"net.refused"_s;
        problem.message
            = ApiProblem::tr("The server %1 refuses connections: it is not running or not reachable.").arg(host);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        problem.kind = ApiProblem::Kind::Unreachable;
        problem.code = u"net.tls"_s;
        problem.message
            = ApiProblem::tr("A secure connection to %1 cannot be made: %2").arg(host, reply->errorString());
        break;
    default:
        problem.kind = ApiProblem::Kind::Unreachable;
        problem.code = u"net.failed"_s;
        problem.message = ApiProblem::tr("The connection to %1 failed: %2").arg(host, reply->errorString());
        break;
    }
    return problem;
}

} // namespace

ApiClient::ApiClient(QNetworkAccessManager &network, QObject *parent) : QObject(parent), m_network(network) { }

ApiClient::~ApiClient()
{
    // Handlers must not run into a half-destroyed owner.
    const QList<QNetworkReply *> replies = m_replies.keys();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
}

void ApiClient::setToken(const QString &token)
{
    m_token = token;
}

QUrl ApiClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = pageUrlFor(u"/api/v1"_s + path);
    url.setQuery(query);
    return url;
}

QUrl ApiClient::pageUrlFor(const QString &path) const
{
    QUrl url = m_baseUrl;
    QString prefix = url.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QUrl ApiClient::webSocketUrlFor(const QString &path) const
{
    QUrl url = urlFor(path);
    url.setScheme(url.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);
    return url;
}

void ApiClient::get(const QString &path, const QObject *context, Handler handler)
{
    send(Request { "GET", path, {}, std::nullopt, {} }, context, std::move(handler));
}

void ApiClient::post(const QString &path, const QJsonObject &body, const QObject *context, Handler handler)
{
    send(Request { "POST", path, {}, body, {} }, context, std::move(handler));
}

void ApiClient::put(const QString &path, const QJsonObject &body, const QObject *context, Handler handler)
{
    send(Request { "PUT", path, {}, body, {} }, context, std::move(handler));
}

void ApiClient::send(const Request &request, const QObject *context, Handler handler)
{
    QNetworkRequest http(urlFor(request.path, request.query));
    http.setTransferTimeout(m_timeoutMs);
    http.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        http.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!request.ifNoneMatch.isEmpty())
        http.setRawHeader("If-None-Match", request.ifNoneMatch);
    Q_ASSERT_X(!(request.body && request.payload), "ApiClient::send", "a request has one body");
    QByteArray body;
    if (request.body) {
        http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        body = QJsonDocument(*request.body).toJson(QJsonDocument::Compact);
    } else if (request.payload) {
        http.setHeader(QNetworkRequest::ContentTypeHeader, request.payload->mediaType);
        body = request.payload->bytes;
    }
    QNetworkReply *reply = m_network.sendCustomRequest(http, request.method, body);
    m_replies.insert(reply, context);
    Q_EMIT requestsInFlightChanged(int(m_replies.size()));
    QPointer<const QObject> guard(context);
    const bool guarded = context != nullptr;
    connect(reply, &QNetworkReply::finished, this, [this, reply, guard, guarded, handler = std::move(handler)] {
        const bool cancelled = m_cancelled.remove(reply);
        m_replies.remove(reply);
        reply->deleteLater();
        Q_EMIT requestsInFlightChanged(int(m_replies.size()));
        ApiResponse response = readReply(reply, cancelled);
        if (response.problem && response.problem->endsSession())
            Q_EMIT sessionEnded(*response.problem);
        if (guarded && !guard)
            return;
        if (handler)
            handler(response);
    });
}

void ApiClient::cancelAll()
{
    const QList<QNetworkReply *> replies = m_replies.keys();
    for (QNetworkReply *reply : replies) {
        m_cancelled.insert(reply);
        reply->abort();
    }
}

void ApiClient::cancel(const QObject *context)
{
    const QList<QNetworkReply *> replies = m_replies.keys(context);
    for (QNetworkReply *reply : replies) {
        m_cancelled.insert(reply);
        reply->abort();
    }
}

ApiResponse ApiClient::readReply(QNetworkReply *reply, bool cancelled)
{
    ApiResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An aborted reply is closed: reading it would only warn.
    if (reply->isOpen())
        response.body = reply->readAll();
    response.etag = reply->rawHeader("ETag");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject())
        response.json = document.object();

    if (cancelled || response.status == 0) {
        response.problem = networkProblem(reply, cancelled);
        return response;
    }
    if (response.status == 304 || (response.status >= 200 && response.status < 300))
        return response;

    ApiProblem problem;
    problem.kind = ApiProblem::Kind::Http;
    problem.status = response.status;
    problem.retryAfterMs = retryAfterMs(reply->rawHeader("Retry-After"));
    const QJsonObject error = response.json.value(u"error"_s).toObject();
    problem.code = error.value(u"code"_s).toString();
    problem.message = error.value(u"message"_s).toString();
    if (problem.code.isEmpty()) {
        // Not our API's error shape: a proxy, a web server at that address,
        // a server of another program.
        problem.kind = ApiProblem::Kind::BadAnswer;
        problem.code = u"net.bad_answer"_s;
        problem.message = ApiProblem::tr("The server at %1 answered HTTP %2, which is not a CallOS answer. Check "
                                         "the server address.")
                              .arg(reply->url().host())
                              .arg(response.status);
    } else if (problem.message.isEmpty()) {
        problem.message = ApiProblem::tr("The server refused the request (%1).").arg(problem.code);
    }
    response.problem = problem;
    return response;
}

} // namespace callos::client
