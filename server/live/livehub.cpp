#include "live/livehub.h"

#include "api/visibility.h"
#include "call/calleventcodec.h"
#include "calls/callrepository.h"
#include "http/httpserver.h"
#include "runtime/jsonlog.h"
#include "sessions/sessionstore.h"
#include "storage/database.h"
#include "storage/tenantscope.h"
#include "viewer/sharelinks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Members send small control messages; nothing legitimate comes near this.
constexpr qint64 kMaximumIncomingMessage = 16 * 1024;
// A member follows a few calls at once (a manager's wall of live calls).
constexpr qsizetype kMaximumWatchedCalls = 200;

QString newConnectionId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}

QString kindName(LiveConnection::Kind kind)
{
    switch (kind) {
    case LiveConnection::Kind::Member:
        return u"member"_s;
    case LiveConnection::Kind::Viewer:
        return u"viewer"_s;
    case LiveConnection::Kind::Pending:
        break;
    }
    return u"pending"_s;
}

QJsonArray eventsJson(const QList<CallEvent> &events)
{
    QJsonArray array;
    for (const CallEvent &event : events)
        array.append(CallEventCodec::toJson(event));
    return array;
}

QString compact(const QJsonObject &message)
{
    return QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

} // namespace

LiveHub::LiveHub(HttpServer &http, Database &database, SessionStore &sessions, CallRepository &calls,
    ShareLinks &shareLinks, PipelineStatus &pipelines, JsonLog &log, LiveSettings settings, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_database(database)
    , m_sessions(sessions)
    , m_calls(calls)
    , m_shareLinks(shareLinks)
    , m_log(log)
    , m_settings(settings)
    , m_pipelines(database, pipelines, log, settings.pipelinePoll)
{
    connect(&m_http, &QAbstractHttpServer::newWebSocketConnection, this, &LiveHub::accept);
    m_heartbeat.setInterval(m_settings.heartbeat);
    connect(&m_heartbeat, &QTimer::timeout, this, &LiveHub::heartbeat);
    m_heartbeat.start();
}

LiveHub::~LiveHub()
{
    m_watchers.clear();
    m_viewers.clear();
    m_connections.clear();
}

QString LiveHub::channelKey(const QString &orgId, const QString &callId)
{
    return orgId + u'/' + callId;
}

void LiveHub::accept()
{
    while (m_http.hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http.nextPendingWebSocketConnection();
        if (!socket)
            continue;
        QWebSocket *raw = socket.get();
        auto connection = std::make_unique<LiveConnection>(std::move(socket), newConnectionId());
        LiveConnection *live = connection.get();
        m_connections.emplace(raw, std::move(connection));
        raw->setMaxAllowedIncomingMessageSize(kMaximumIncomingMessage);
        raw->setMaxAllowedIncomingFrameSize(kMaximumIncomingMessage);
        // Queued: close() may report the disconnection at once, in the middle of
        // a loop over the connections.
        connect(raw, &QWebSocket::disconnected, this, [this, raw] { forget(raw); }, Qt::QueuedConnection);
        connect(raw, &QWebSocket::pong, this, [live](quint64, const QByteArray &) { live->heard(); });
        connect(raw, &QWebSocket::textMessageReceived, this, [this, live](const QString &text) { onText(*live, text); });
        connect(raw, &QWebSocket::binaryMessageReceived, this, [this, live](const QByteArray &) {
            live->countIn();
            sendError(*live, u"message.binary"_s, tr("Send JSON text messages; binary messages are not taken."));
        });
        // The upgrade is Qt's, for any path: only ours is served.
        if (raw->requestUrl().path() != QLatin1StringView(kPath)) {
            live->close(NotFound, tr("There is no live channel here; connect to %1.").arg(QLatin1StringView(kPath)));
            continue;
        }
    }
}

void LiveHub::onText(LiveConnection &connection, const QString &text)
{
    connection.heard();
    connection.countIn();
    if (connection.closing())
        return;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    const QString type = document.object().value(u"type"_s).toString();
    if (error.error != QJsonParseError::NoError || !document.isObject() || type.isEmpty()) {
        if (connection.kind() == LiveConnection::Kind::Pending) {
            connection.close(Unauthorized, tr("The first message must be a hello or a view."));
            return;
        }
        sendError(connection, u"message.malformed"_s,
            tr("Each message is a JSON object with a \"type\"; this one is not (%1).")
                .arg(error.error != QJsonParseError::NoError ? error.errorString() : tr("no type")));
        return;
    }
    const QJsonObject message = document.object();
    switch (connection.kind()) {
    case LiveConnection::Kind::Pending:
        if (type == u"hello"_s)
            onHello(connection, message);
        else if (type == u"view"_s)
            onView(connection, message);
        else
            connection.close(Unauthorized, tr("Say who you are first: a hello with your session token."));
        return;
    case LiveConnection::Kind::Viewer:
        if (type == u"ping"_s)
            connection.send({ { u"type"_s, u"pong"_s } });
        else
            sendError(connection, u"message.unknown_type"_s, tr("A viewer only receives slides."));
        return;
    case LiveConnection::Kind::Member:
        if (type == u"subscribe"_s)
            onSubscribe(connection, message);
        else if (type == u"unsubscribe"_s)
            onUnsubscribe(connection, message);
        else if (type == u"watch_pipeline"_s)
            onWatchPipeline(connection, message);
        else if (type == u"unwatch_pipeline"_s)
            onUnwatchPipeline(connection, message);
        else if (type == u"ping"_s)
            connection.send({ { u"type"_s, u"pong"_s } });
        else
            sendError(connection, u"message.unknown_type"_s,
                tr("Unknown message type \"%1\"; send subscribe, unsubscribe, watch_pipeline, "
                   "unwatch_pipeline or ping.").arg(type.left(40)));
        return;
    }
}

void LiveHub::onHello(LiveConnection &connection, const QJsonObject &message)
{
    const QString token = message.value(u"token"_s).toString();
    const TenantScope::Entered system = m_database.tenantScope().enterSystem();
    Result<Principal> principal = m_sessions.authenticate(token);
    if (!principal) {
        connection.close(Unauthorized,
            principal.refusal().code.startsWith(u"auth."_s) ? principal.refusal().message : tr("Try again later."));
        return;
    }
    if (principal.value().mfaSetupRequired) {
        connection.close(Unauthorized, tr("Set up two-factor sign-in first."));
        return;
    }
    connection.becomeMember(token, principal.value());
    connection.send({ { u"type"_s, u"ready"_s }, { u"user"_s, principal.value().userId },
        { u"role"_s, roleName(principal.value().role) },
        { u"heartbeat_ms"_s, qint64(m_settings.heartbeat.count()) } });
}

void LiveHub::onView(LiveConnection &connection, const QJsonObject &message)
{
    const TenantScope::Entered system = m_database.tenantScope().enterSystem();
    const Result<std::optional<SharedCall>> shared = m_shareLinks.resolve(message.value(u"token"_s).toString());
    if (!shared) {
        m_log.write(u"error"_s, u"live.view_failed"_s,
            { { u"connection_id"_s, connection.id() }, { u"detail"_s, shared.refusal().message } });
        connection.close(Timeout, tr("Try again later."));
        return;
    }
    if (!shared.value()) {
        connection.close(NotFound, tr("This link has ended or does not exist."));
        return;
    }
    const SharedCall &call = *shared.value();
    connection.becomeViewer(call.orgId, call.callId);
    const QString key = channelKey(call.orgId, call.callId);
    m_viewers[key].insert(&connection);
    connection.send({ { u"type"_s, u"viewing"_s } });
    if (const auto slide = m_slides.constFind(key); slide != m_slides.constEnd())
        connection.sendBinary(*slide);
}

std::optional<CallRow> LiveHub::followableCall(LiveConnection &connection, const QJsonObject &message,
    const QString &what)
{
    const QString callId = message.value(u"call"_s).toString();
    const Principal &who = connection.principal();
    if (callId.isEmpty() || callId.size() > 200) {
        sendError(connection, u"message.invalid"_s, tr("%1 needs \"call\": the call's id.").arg(what));
        return std::nullopt;
    }
    const TenantScope::Entered organisation = m_database.tenantScope().enterOrganisation(who.orgId);
    const Result<std::optional<CallRow>> call = m_calls.find(who.orgId, callId);
    if (!call) {
        m_log.write(u"error"_s, u"live.subscribe_failed"_s,
            { { u"connection_id"_s, connection.id() }, { u"detail"_s, call.refusal().message } });
        sendError(connection, u"server.unavailable"_s, tr("Try again later."), { { u"call"_s, callId } });
        return std::nullopt;
    }
    // Another organisation's call, or a colleague's for an agent: the same
    // answer as for a call that does not exist.
    if (!call.value() || !canSee(who, call.value()->agentUserId)) {
        sendError(connection, u"call.unknown"_s, tr("There is no call %1 you can follow.").arg(callId),
            { { u"call"_s, callId } });
        return std::nullopt;
    }
    return *call.value();
}

void LiveHub::onSubscribe(LiveConnection &connection, const QJsonObject &message)
{
    const QString callId = message.value(u"call"_s).toString();
    const Principal &who = connection.principal();
    const QString key = channelKey(who.orgId, callId);
    if (connection.watchedCalls().contains(key)) {
        sendError(connection, u"call.already_subscribed"_s, tr("You follow call %1 already.").arg(callId),
            { { u"call"_s, callId } });
        return;
    }
    if (connection.watchedCalls().size() >= kMaximumWatchedCalls) {
        sendError(connection, u"subscriptions.too_many"_s,
            tr("Follow at most %1 calls on one connection.").arg(kMaximumWatchedCalls), { { u"call"_s, callId } });
        return;
    }
    const std::optional<CallRow> call = followableCall(connection, message, u"subscribe"_s);
    if (!call)
        return;
    const TenantScope::Entered organisation = m_database.tenantScope().enterOrganisation(who.orgId);
    const Result<QJsonArray> events = m_calls.events(who.orgId, callId);
    if (!events) {
        m_log.write(u"error"_s, u"live.subscribe_failed"_s,
            { { u"connection_id"_s, connection.id() }, { u"detail"_s, events.refusal().message } });
        sendError(connection, u"server.unavailable"_s, tr("Try again later."), { { u"call"_s, callId } });
        return;
    }
    const bool ended = call->status == u"completed"_s || call->status == u"closed_incomplete"_s;
    connection.send({ { u"type"_s, u"subscribed"_s }, { u"call"_s, callId }, { u"status"_s, call->status },
        { u"events"_s, events.value() } });
    if (ended) {
        connection.send({ { u"type"_s, u"ended"_s }, { u"call"_s, callId } });
        return;
    }
    connection.watchedCalls().insert(key);
    m_watchers[key].insert(&connection);
}

void LiveHub::onWatchPipeline(LiveConnection &connection, const QJsonObject &message)
{
    const QString callId = message.value(u"call"_s).toString();
    const QString &orgId = connection.principal().orgId;
    if (m_pipelines.isWatching(connection, orgId, callId)) {
        sendError(connection, u"pipeline.already_watched"_s,
            tr("You watch the pipeline of call %1 already.").arg(callId), { { u"call"_s, callId } });
        return;
    }
    if (m_pipelines.watchedCount(connection) >= kMaximumWatchedCalls) {
        sendError(connection, u"subscriptions.too_many"_s,
            tr("Watch at most %1 pipelines on one connection.").arg(kMaximumWatchedCalls),
            { { u"call"_s, callId } });
        return;
    }
    if (!followableCall(connection, message, u"watch_pipeline"_s))
        return;
    if (!m_pipelines.watch(connection, orgId, callId))
        sendError(connection, u"server.unavailable"_s, tr("Try again later."), { { u"call"_s, callId } });
}

void LiveHub::onUnwatchPipeline(LiveConnection &connection, const QJsonObject &message)
{
    const QString callId = message.value(u"call"_s).toString().left(200);
    if (!m_pipelines.unwatch(connection, connection.principal().orgId, callId)) {
        sendError(connection, u"pipeline.not_watched"_s, tr("You do not watch the pipeline of call %1.").arg(callId),
            { { u"call"_s, callId } });
        return;
    }
    connection.send({ { u"type"_s, u"unwatched_pipeline"_s }, { u"call"_s, callId } });
}

void LiveHub::onUnsubscribe(LiveConnection &connection, const QJsonObject &message)
{
    const QString callId = message.value(u"call"_s).toString();
    const QString key = channelKey(connection.principal().orgId, callId);
    if (!connection.watchedCalls().remove(key)) {
        sendError(connection, u"call.not_subscribed"_s, tr("You do not follow call %1.").arg(callId.left(200)),
            { { u"call"_s, callId.left(200) } });
        return;
    }
    if (auto watchers = m_watchers.find(key); watchers != m_watchers.end()) {
        watchers->remove(&connection);
        if (watchers->isEmpty())
            m_watchers.erase(watchers);
    }
    connection.send({ { u"type"_s, u"unsubscribed"_s }, { u"call"_s, callId } });
}

void LiveHub::sendError(LiveConnection &connection, const QString &code, const QString &message,
    const QJsonObject &extra)
{
    QJsonObject error = extra;
    error.insert(u"type"_s, u"error"_s);
    error.insert(u"code"_s, code);
    error.insert(u"message"_s, message);
    connection.send(error);
}

void LiveHub::callUpdated(const CallUpdate &update)
{
    const QString key = channelKey(update.orgId, update.callId);
    if (const auto watchers = m_watchers.constFind(key); watchers != m_watchers.constEnd()) {
        Q_EMIT fanningOut(update.callId);
        // Serialised once for every watcher.
        if (!update.events.isEmpty()) {
            const QString text = compact({ { u"type"_s, u"events"_s }, { u"call"_s, update.callId },
                { u"events"_s, eventsJson(update.events) } });
            for (LiveConnection *watcher : *watchers)
                watcher->sendText(text);
        }
        if (update.ended) {
            const QString text = compact({ { u"type"_s, u"ended"_s }, { u"call"_s, update.callId } });
            for (LiveConnection *watcher : *watchers) {
                watcher->sendText(text);
                watcher->watchedCalls().remove(key);
            }
            m_watchers.remove(key);
        }
    }
    // The share links die with the call (ShareLinks::resolve reads the
    // call's status); the open viewers are told and closed.
    if (update.ended)
        dropViewers(update.orgId, update.callId, CallEnded, tr("The presentation has ended."));
}

void LiveHub::closeViewers(const QString &orgId, const QString &callId)
{
    dropViewers(orgId, callId, NotFound, tr("This link has been withdrawn."));
}

void LiveHub::dropViewers(const QString &orgId, const QString &callId, int code, const QString &reason)
{
    const QString key = channelKey(orgId, callId);
    m_slides.remove(key);
    const QSet<LiveConnection *> viewers = m_viewers.take(key);
    for (LiveConnection *viewer : viewers) {
        if (code == CallEnded)
            viewer->send({ { u"type"_s, u"ended"_s } });
        viewer->close(code, reason);
    }
}

void LiveHub::publishSlide(const QString &orgId, const QString &callId, const QByteArray &png)
{
    const QString key = channelKey(orgId, callId);
    m_slides.insert(key, png);
    for (LiveConnection *viewer : m_viewers.value(key))
        viewer->sendBinary(png);
}

void LiveHub::recheckSessions()
{
    // One lookup per session, however many sockets it has open.
    const TenantScope::Entered system = m_database.tenantScope().enterSystem();
    QHash<QString, Result<Principal>> checked;
    for (auto &[socket, connection] : m_connections) {
        if (connection->kind() != LiveConnection::Kind::Member || connection->closing())
            continue;
        auto found = checked.find(connection->token());
        if (found == checked.end())
            found = checked.insert(connection->token(), m_sessions.authenticate(connection->token()));
        const Result<Principal> &principal = found.value();
        if (principal) {
            connection->updatePrincipal(principal.value());
            continue;
        }
        // A database hiccup is not the session's end: keep the socket.
        if (principal.refusal().code.startsWith(u"auth."_s))
            connection->close(Unauthorized, principal.refusal().message);
    }
}

void LiveHub::heartbeat()
{
    const qint64 helloTimeout = m_settings.helloTimeout.count();
    const qint64 silenceLimit = 2 * m_settings.heartbeat.count();
    for (auto &[socket, connection] : m_connections) {
        if (connection->closing())
            continue;
        if (connection->kind() == LiveConnection::Kind::Pending && connection->msOpen() > helloTimeout)
            connection->close(Timeout, tr("Say hello within %1 seconds.").arg(helloTimeout / 1000));
        else if (connection->msSinceHeard() > silenceLimit)
            connection->close(Timeout, tr("No answer to the heartbeat."));
        else
            socket->ping();
    }
    recheckSessions();
}

void LiveHub::closeAll()
{
    for (auto &[socket, connection] : m_connections)
        connection->close(QWebSocketProtocol::CloseCodeGoingAway, tr("The server is shutting down."));
}

void LiveHub::forget(QWebSocket *socket)
{
    const auto found = m_connections.find(socket);
    if (found == m_connections.end())
        return;
    LiveConnection &connection = *found->second;
    m_pipelines.forget(connection);
    for (const QString &key : std::as_const(connection.watchedCalls())) {
        if (auto watchers = m_watchers.find(key); watchers != m_watchers.end()) {
            watchers->remove(&connection);
            if (watchers->isEmpty())
                m_watchers.erase(watchers);
        }
    }
    if (connection.kind() == LiveConnection::Kind::Viewer) {
        const QString key = channelKey(connection.viewedOrgId(), connection.viewedCallId());
        if (auto viewers = m_viewers.find(key); viewers != m_viewers.end()) {
            viewers->remove(&connection);
            if (viewers->isEmpty())
                m_viewers.erase(viewers);
        }
    }
    logClosed(connection);
    m_connections.erase(found);
}

void LiveHub::logClosed(LiveConnection &connection)
{
    // Like an HTTP request's line: who, how long, how it ended; never a token.
    QJsonObject fields{ { u"connection_id"_s, connection.id() }, { u"kind"_s, kindName(connection.kind()) },
        { u"duration_ms"_s, connection.msOpen() }, { u"close_code"_s, connection.closeCode() },
        { u"messages_in"_s, connection.messagesIn() }, { u"messages_out"_s, connection.messagesOut() } };
    if (connection.kind() == LiveConnection::Kind::Member) {
        fields.insert(u"org_id"_s, connection.principal().orgId);
        fields.insert(u"user_id"_s, connection.principal().userId);
    } else if (connection.kind() == LiveConnection::Kind::Viewer) {
        fields.insert(u"org_id"_s, connection.viewedOrgId());
        fields.insert(u"call_id"_s, connection.viewedCallId());
    }
    m_log.write(u"info"_s, u"live.connection"_s, fields);
}

} // namespace callos::server
