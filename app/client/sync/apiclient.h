#pragma once

#include "client/sync/apiresponse.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace callos::client {

// JSON over HTTP to callos-server's /api/v1 (or, for the few endpoints that
// take something else, such as a slide as PNG, bytes of any media type): the
// base address, the bearer token, a timeout per request and the one error
// shape. Answers arrive on the event loop through a handler; a handler whose
// `context` object is gone is not called. Nothing here logs a header or a
// body: the token and the password pass through it.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const ApiResponse &)>;

    // A body that is not JSON, sent as is with its media type.
    struct Payload
    {
        QByteArray mediaType; // e.g. "image/png"
        QByteArray bytes;
    };

    struct Request
    {
        QByteArray method = "GET";
        QString path; // under /api/v1, e.g. "/prospects"
        QUrlQuery query;
        std::optional<QJsonObject> body; // sent as application/json
        QByteArray ifNoneMatch; // an ETag: 304 then counts as success
        std::optional<Payload> payload = std::nullopt; // instead of `body`, never with it
    };

    explicit ApiClient(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~ApiClient() override;

    // The server's address as the agent gave it (http(s)://host[:port][/prefix]).
    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // Sent as "Authorization: Bearer <token>"; empty: no header.
    void setToken(const QString &token);
    bool hasToken() const { return !m_token.isEmpty(); }
    // For the live channel's hello (a WebSocket has no header for it); never
    // to be logged.
    const QString &token() const { return m_token; }
    // How long a request may go without receiving anything before it fails
    // as a timeout.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    void send(const Request &request, const QObject *context, Handler handler);
    void get(const QString &path, const QObject *context, Handler handler);
    void post(const QString &path, const QJsonObject &body, const QObject *context, Handler handler);
    void put(const QString &path, const QJsonObject &body, const QObject *context, Handler handler);

    // Fails the requests in flight with Kind::Cancelled (their handlers
    // still run): all of them, or those sent with `context`.
    void cancelAll();
    void cancel(const QObject *context);
    int requestsInFlight() const { return int(m_replies.size()); }

    // The full URL of `path` under /api/v1 of the base address.
    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;
    // The full URL of a page the server serves outside /api/v1 (e.g. the
    // client viewer's "/view/<token>"), under the same base address.
    QUrl pageUrlFor(const QString &path) const;
    // The WebSocket URL (ws:// or wss://) of `path` under /api/v1.
    QUrl webSocketUrlFor(const QString &path) const;

    // Reads a finished reply into the one response shape.
    static ApiResponse readReply(QNetworkReply *reply, bool cancelled);

Q_SIGNALS:
    // A request was answered with a dead token (auth.invalid_token,
    // auth.session_expired): whoever owns the sign-in asks the agent again.
    void sessionEnded(const callos::client::ApiProblem &problem);
    // For tests and the status bar: how many requests are on the wire.
    void requestsInFlightChanged(int count);

private:
    QNetworkAccessManager &m_network;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 30000;
    QHash<QNetworkReply *, const QObject *> m_replies; // -> the context it was sent with
    QSet<QNetworkReply *> m_cancelled;
};

} // namespace callos::client
