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

class AuditLog;
class CallPlaybooks;
class Database;
class MeetingBotScheduler;
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
//
// A call that comes to have a Zoom link and the prospect's consent to be
// recorded, or whose consent is withdrawn, also gets its meeting-bot job
// (MeetingBotScheduler) in the same transaction.
//
// A batch is a handful of statements whatever its size: one read of its
// calls, one insert per table. Nearly every batch holds only new events, so
// the first run does not look for stored ones; a resend shows as a refusal
// or a failed insert, and then the batch is rolled back and run again,
// looking first.
class CallIngest
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::CallIngest)

public:
    static constexpr int kMaximumBatch = 500;

    // `bots` null: the calls get no meeting bots (the demo's seeding).
    CallIngest(
        Database &database, CallPlaybooks &playbooks, AuditLog &audit, MeetingBotScheduler *bots, const Clock &clock);
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
    struct DecodedEvent
    {
        int index = 0; // in the batch
        CallEvent event;
    };
    struct PendingCall;
    struct StoredEvents;
    struct CallRow;
    // Whether a run reads which of the batch's events are stored before it
    // applies them, or only after a surprise (a skipped insert, a refusal).
    enum class Lookup { OnlyOnSurprise, First };

    static QList<DecodedEvent> decode(const QJsonArray &events, IngestOutcome &outcome);
    // One transaction. std::nullopt when a run that did not look first met
    // something only looking first can judge; then nothing was kept.
    Result<std::optional<IngestOutcome>> apply(
        const Principal &principal, const QList<DecodedEvent> &decoded, Lookup lookup, IngestOutcome outcome);
    Result<StoredEvents> readStored(const Principal &principal, const QList<DecodedEvent> &decoded);
    Result<QHash<QString, CallRow>> readCalls(const Principal &principal, const QStringList &callIds);
    Result<std::shared_ptr<CachedCall>> loadCall(Transaction &transaction, const Principal &principal,
        const QString &callId, const CallRow *row, const CallEvent &first, std::optional<Refusal> &refusal);
    // Each writes the batch's rows of one or more tables, one statement per
    // table, and rolls back on failure.
    std::optional<Refusal> storeEvents(Transaction &transaction, const QList<PendingCall> &pending, qint64 now);
    std::optional<Refusal> storeSlides(Transaction &transaction, const QList<PendingCall> &pending);
    // The calls rows, call_milestones and call_objections.
    std::optional<Refusal> storeReadModels(Transaction &transaction, const QList<PendingCall> &pending, qint64 now);
    // Consent to record (ConsentRecorded) also goes to the audit log: who
    // sent it, the wording the prospect agreed to, and when.
    std::optional<Refusal> auditConsents(
        Transaction &transaction, const Principal &principal, const QList<PendingCall> &pending);

    Database &m_database;
    CallPlaybooks &m_playbooks;
    AuditLog &m_audit;
    MeetingBotScheduler *m_bots;
    const Clock &m_clock;
    QHash<QString, std::shared_ptr<CachedCall>> m_cache;
};

} // namespace callos::server
