#pragma once

#include "calls/callrepository.h"
#include "live/callactivity.h"
#include "live/liveconnection.h"
#include "live/pipelinefeed.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <memory>
#include <unordered_map>

namespace callos::server {

class CallRepository;
class Database;
class HttpServer;
class JsonLog;
class PipelineStatus;
class SessionStore;
class ShareLinks;

struct LiveSettings
{
    // The server pings every connection this often; one not heard from for
    // two periods is closed, and every member's session is checked again.
    std::chrono::milliseconds heartbeat{ 15000 };
    // A connection must say who it is within this time.
    std::chrono::milliseconds helloTimeout{ 10000 };
    // How often the pipeline of each watched call is read again
    // (watch_pipeline; see PipelineFeed).
    std::chrono::milliseconds pipelinePoll{ 1000 };
};

// The live side of the server: WebSockets on the HTTP port at /api/v1/live.
//
// A member (desktop app, dashboard) sends {"type":"hello","token":...} with
// its session token, then {"type":"subscribe","call":id} per call it wants
// to follow - its own calls for an agent, any of the organisation's for a
// manager or admin - and receives the call's events so far, then each batch
// as the server commits it, and "ended". A viewer (the prospect's browser,
// /view/<token>) sends {"type":"view","token":...} with a share link and
// receives the call's current slide as a PNG in a binary message, then each
// new one, until the call ends. A member may also {"type":"watch_pipeline",
// "call":id} to follow the work after a call (recording, transcription,
// analysis: PipelineFeed). docs/api.md has the whole protocol.
//
// Sessions are checked again at every heartbeat and whenever sessions end
// (logout, password change, user disabled), and a dead one closes its
// sockets with 4401. Another organisation's call, or one the member may not
// see, answers exactly like a call that does not exist.
//
// The hub's database work runs outside any HTTP request, so it enters its
// tenant scope itself (storage/tenantscope.h): the system's to look up a
// token, the member's organisation to read a call.
class LiveHub final : public QObject, public CallActivity
{
    Q_OBJECT

public:
    static constexpr auto kPath = "/api/v1/live";

    // Close codes (4000-4999 are the application's, RFC 6455 7.4.2).
    enum CloseCode {
        NotFound = 4404,        // not /api/v1/live, or a share link that is not live
        Unauthorized = 4401,    // no hello, a bad token, or the session ended
        Timeout = 4408,         // no hello in time, or no heartbeat answered
        CallEnded = 4410,       // a viewer's call is over
        TooLarge = 4413,        // a message over the limit
    };

    LiveHub(HttpServer &http, Database &database, SessionStore &sessions, CallRepository &calls,
        ShareLinks &shareLinks, PipelineStatus &pipelines, JsonLog &log, LiveSettings settings,
        QObject *parent = nullptr);
    ~LiveHub() override;

    void callUpdated(const CallUpdate &update) override;
    // The slide the call's share-link viewers see now (the agent's app sends
    // what its presentation window shows). Kept for viewers who join later.
    void publishSlide(const QString &orgId, const QString &callId, const QByteArray &png);
    // Share links revoked: the call's viewers are closed (4404).
    void closeViewers(const QString &orgId, const QString &callId);
    // Checks every member's session now; called when sessions end.
    void recheckSessions();
    // Shutdown: closes every connection with "going away".
    void closeAll();

    int connectionCount() const { return int(m_connections.size()); }
    int viewerCount(const QString &orgId, const QString &callId) const
    {
        return int(m_viewers.value(channelKey(orgId, callId)).size());
    }
    int watcherCount(const QString &orgId, const QString &callId) const
    {
        return int(m_watchers.value(channelKey(orgId, callId)).size());
    }

Q_SIGNALS:
    // Just before a call's update goes out to its watchers (benchmarks time
    // the delivery from here).
    void fanningOut(const QString &callId);

private:
    void accept();
    void onText(LiveConnection &connection, const QString &text);
    void onHello(LiveConnection &connection, const QJsonObject &message);
    void onView(LiveConnection &connection, const QJsonObject &message);
    void onSubscribe(LiveConnection &connection, const QJsonObject &message);
    void onUnsubscribe(LiveConnection &connection, const QJsonObject &message);
    void onWatchPipeline(LiveConnection &connection, const QJsonObject &message);
    void onUnwatchPipeline(LiveConnection &connection, const QJsonObject &message);
    // The call a member names in `message` if they may follow it; otherwise
    // the error is sent and nullopt returned.
    std::optional<CallRow> followableCall(LiveConnection &connection, const QJsonObject &message,
        const QString &what);
    void sendError(LiveConnection &connection, const QString &code, const QString &message,
        const QJsonObject &extra = {});
    void dropViewers(const QString &orgId, const QString &callId, int code, const QString &reason);
    void heartbeat();
    void forget(QWebSocket *socket);
    void logClosed(LiveConnection &connection);
    static QString channelKey(const QString &orgId, const QString &callId);

    HttpServer &m_http;
    Database &m_database;
    SessionStore &m_sessions;
    CallRepository &m_calls;
    ShareLinks &m_shareLinks;
    JsonLog &m_log;
    LiveSettings m_settings;
    QTimer m_heartbeat;
    std::unordered_map<QWebSocket *, std::unique_ptr<LiveConnection>> m_connections;
    // Per call (org + call id): members watching it, viewers of its slides,
    // and its current slide.
    QHash<QString, QSet<LiveConnection *>> m_watchers;
    QHash<QString, QSet<LiveConnection *>> m_viewers;
    QHash<QString, QByteArray> m_slides;
    PipelineFeed m_pipelines;
};

} // namespace callos::server
