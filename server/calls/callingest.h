#pragma once

#include "call/callevent.h"
#include "call/callstate.h"
#include "common/result.h"
#include "live/callactivity.h"
#include "sessions/principal.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

#include <memory>

namespace callos {
class Clock;
struct Playbook;
} // namespace callos

namespace callos::server {

class CallPlaybooks;
class Database;
class Transaction;

// An event the server did not take, and why ("call.unknown", a reducer code
// such as "milestone.locked", "event.malformed"...). `index` is its place in
// the batch, for events too broken to have an id.
struct RefusedEvent
{
    QString id;
    int index = 0;
    Refusal why;
};

struct IngestOutcome
{
    QStringList accepted;
    QList<RefusedEvent> refused;
    // Per call that took new events, what changed (for live watchers).
    QList<CallUpdate> updates;
};

// Applies a batch of call events pushed by a desktop (POST /api/v1/events):
// each event at most once by id, checked by the same CallReducer the app
// ran, all in one transaction with the calls row and the read models
// (call_milestones, call_objections, slide_instances). An event id already
// stored for the same call counts as accepted and changes nothing, so a
// client that never got the answer can simply send the batch again.
//
// The folded state of recently active calls is kept in memory, checked
// against calls.event_count, so a batch costs its own events and not a
// replay of the call; another server node writing the same call makes the
// counts differ and the call is replayed from the database.
class CallIngest
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::CallIngest)

public:
    static constexpr int kMaximumBatch = 500;

    CallIngest(Database &database, CallPlaybooks &playbooks, const Clock &clock);
    ~CallIngest();

    // A refusal only when the batch could not be stored at all (the database
    // failed); then nothing of it was kept.
    Result<IngestOutcome> ingest(const Principal &principal, const QJsonArray &events);

    // For tests and operators: forget the cached states (the next batch of
    // each call replays it from the database).
    void dropCache() { m_cache.clear(); }

private:
    struct CachedCall
    {
        QString orgId;
        std::shared_ptr<const Playbook> playbook;
        CallState state;
    };
    struct PendingCall;

    Result<std::shared_ptr<CachedCall>> loadCall(
        Transaction &transaction, const Principal &principal, const QString &callId, const CallEvent &first,
        std::optional<Refusal> &refusal);
    std::optional<Refusal> storeCall(Transaction &transaction, const PendingCall &call, qint64 now);

    Database &m_database;
    CallPlaybooks &m_playbooks;
    const Clock &m_clock;
    QHash<QString, std::shared_ptr<CachedCall>> m_cache;
};

} // namespace callos::server
