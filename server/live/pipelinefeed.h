#pragma once

#include "common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>

namespace callos::server {

class Database;
class JsonLog;
class LiveConnection;
class PipelineStatus;

// The work after a call (recording, transcription, analysis) as members
// follow it on the live channel: {"type":"watch_pipeline","call"} sends the
// call's pipeline status at once and again each time it changes.
//
// The status is read from the database every `pollInterval` for the calls
// someone watches, and only a change is sent. Polling, rather than each
// writer announcing its change, because the writers are many and need not
// be in this process: webhooks, job workers on any node, a person's retry.
// A watched call costs a few indexed reads per interval; nothing is read
// for calls nobody watches.
class PipelineFeed final : public QObject
{
    Q_OBJECT

public:
    PipelineFeed(Database &database, PipelineStatus &status, JsonLog &log, std::chrono::milliseconds pollInterval,
        QObject *parent = nullptr);

    // The member may see the call (the hub checked). Sends the current
    // status; false (nothing kept) when it cannot be read now.
    bool watch(LiveConnection &connection, const QString &orgId, const QString &callId);
    // False when the connection does not watch the call.
    bool unwatch(LiveConnection &connection, const QString &orgId, const QString &callId);
    // The connection is gone.
    void forget(LiveConnection &connection);

    int watchedCount(const LiveConnection &connection) const { return m_byConnection.value(&connection).size(); }
    bool isWatching(const LiveConnection &connection, const QString &orgId, const QString &callId) const
    {
        return m_byConnection.value(&connection).contains(key(orgId, callId));
    }

    // Reads every watched call now and sends what changed (the timer does
    // this every interval; tests may call it to not wait).
    void poll();

private:
    struct Watched
    {
        QString orgId;
        QString callId;
        QSet<LiveConnection *> members;
        QJsonObject last;
    };

    Result<QJsonObject> read(const QString &orgId, const QString &callId);
    static QJsonObject message(const QString &callId, const QJsonObject &pipeline);
    static QString key(const QString &orgId, const QString &callId) { return orgId + u'/' + callId; }

    Database &m_database;
    PipelineStatus &m_status;
    JsonLog &m_log;
    QTimer m_poll;
    QHash<QString, Watched> m_calls;
    QHash<const LiveConnection *, QSet<QString>> m_byConnection;
};

} // namespace callos::server
