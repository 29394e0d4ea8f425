#pragma once

#include "client/store/prospect.h"
#include "common/refusal.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace callos::client {

class LocalStore;

// A call the server has to know before its events can be pushed.
struct CallToPush
{
    QString id;
    QString prospectId;
};

// An outbox event, as the JSON the codec stored: pushed exactly as written.
struct EventToPush
{
    QString id;
    QString callId;
    QJsonObject json;
    qsizetype bytes = 0;
};

// What the server does not have yet, read from the local store in the order
// it must be pushed: prospects, then their calls, then the calls' events.
// It survives restarts because it is the store: the outbox is
// call_events.acked_at IS NULL, and the sync_* tables remember which
// prospects and calls were pushed (schema migration 4).
class SyncOutbox
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::SyncOutbox)

public:
    explicit SyncOutbox(LocalStore &store);

    // Prospects that are new or changed since they were pushed. A prospect
    // that never had a call and never came from the server (the demo
    // prospects) stays on this computer.
    Result<QList<Prospect>> prospectsToPush() const;
    // `updatedAt`: the version that was sent; a later local edit is pushed again.
    std::optional<Refusal> markProspectPushed(const QString &prospectId, qint64 updatedAt);

    // Calls not yet created on the server whose prospect is there.
    Result<QList<CallToPush>> callsToPush() const;
    std::optional<Refusal> markCallPushed(const QString &callId, qint64 atMs);

    // The oldest outbox events of pushed calls, without those the server
    // refused (they wait for the agent): at most `limit` events and about
    // `maxBytes` of JSON, but always at least one when there is one.
    Result<QList<EventToPush>> eventsToPush(int limit, qsizetype maxBytes) const;

    // Everything still to push: prospects, calls and events (refused ones not
    // counted: they wait for the agent, not for the network).
    Result<int> pendingCount() const;

private:
    Result<int> count(const QString &what, const QString &sql) const;

    LocalStore &m_store;
};

} // namespace callos::client
