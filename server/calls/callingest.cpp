#include "calls/callingest.h"

#include "call/calleventcodec.h"
#include "call/callreducer.h"
#include "call/milestonetiming.h"
#include "calls/callplaybooks.h"
#include "common/clock.h"
#include "storage/database.h"
#include "storage/storagerefusals.h"
#include "storage/transaction.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Rows per INSERT of call events (see storeCall).
constexpr qsizetype kRowsPerInsert = 100;

struct DecodedEvent
{
    int index = 0;
    CallEvent event;
};

QString milestoneStatusName(MilestoneStatus status)
{
    switch (status) {
    case MilestoneStatus::Locked:
        return u"locked"_s;
    case MilestoneStatus::Open:
        return u"open"_s;
    case MilestoneStatus::Current:
        return u"current"_s;
    case MilestoneStatus::Done:
        return u"done"_s;
    case MilestoneStatus::Skipped:
        return u"skipped"_s;
    case MilestoneStatus::Blocked:
        return u"blocked"_s;
    }
    return u"open"_s;
}

QString callStatusName(const CallState &state)
{
    switch (state.phase) {
    case CallPhase::NotStarted:
        return u"open"_s;
    case CallPhase::PreCall:
    case CallPhase::InProgress:
        return u"in_progress"_s;
    case CallPhase::Completed:
        return u"completed"_s;
    }
    return u"open"_s;
}

// Text columns are NOT NULL DEFAULT '': Qt binds a null QString as NULL.
QString orEmpty(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

QVariant optionalTime(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : QVariant(QMetaType(QMetaType::LongLong));
}

QString placeholders(qsizetype count)
{
    QString out;
    out.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        out += i == 0 ? u"?"_s : u", ?"_s;
    return out;
}

} // namespace

// A call touched by the batch: its state before and after, and the events
// that go into the database.
struct CallIngest::PendingCall
{
    std::shared_ptr<CachedCall> cached;
    CallState state; // after the accepted events
    QList<CallEvent> newEvents;
    // Per milestone index: when it was first entered / finished in this batch.
    QHash<int, qint64> enteredAt;
    QHash<int, qint64> finishedAt;
};

CallIngest::CallIngest(Database &database, CallPlaybooks &playbooks, const Clock &clock)
    : m_database(database)
    , m_playbooks(playbooks)
    , m_clock(clock)
{
}

CallIngest::~CallIngest() = default;

Result<IngestOutcome> CallIngest::ingest(const Principal &principal, const QJsonArray &events)
{
    IngestOutcome outcome;
    QList<DecodedEvent> decoded;
    QSet<QString> seenInBatch;
    for (int index = 0; index < events.size(); ++index) {
        const QJsonValue value = events.at(index);
        const QString id = value.toObject().value(u"id"_s).toString();
        if (!value.isObject()) {
            outcome.refused.append({ id, index,
                Refusal{ u"event.malformed"_s, tr("events[%1] is not a JSON object.").arg(index) } });
            continue;
        }
        Result<CallEvent> event = CallEventCodec::fromJson(value.toObject());
        if (!event) {
            outcome.refused.append({ id, index, event.refusal() });
            continue;
        }
        // The same event twice in one batch is a resend within the batch.
        if (seenInBatch.contains(event.value().id)) {
            outcome.accepted.append(event.value().id);
            continue;
        }
        seenInBatch.insert(event.value().id);
        decoded.append({ index, std::move(event).value() });
    }
    if (decoded.isEmpty())
        return outcome;

    const qint64 now = m_clock.nowMs();
    Transaction transaction(m_database, tr("Storing %n call event(s)", nullptr, int(decoded.size())));
    if (auto refusal = transaction.begin())
        return *refusal;

    // Which ids are stored already, and for which organisation and call.
    struct StoredEvent
    {
        QString orgId;
        QString callId;
    };
    QHash<QString, StoredEvent> stored;
    {
        // Across organisations: an id another one took is refused here, not
        // at the insert (which would fail the batch), and row-level security
        // would hide it.
        const TenantScope::Entered system = m_database.tenantScope().enterSystem();
        QVariantList ids;
        for (const DecodedEvent &item : decoded)
            ids.append(item.event.id);
        QSqlQuery &query
            = m_database.statement(u"SELECT id, org_id, call_id FROM call_events WHERE id IN (%1)"_s.arg(placeholders(ids.size())));
        for (const QVariant &id : std::as_const(ids))
            query.addBindValue(id);
        if (!query.exec())
            return transaction.abort(StorageRefusals::readFailed(
                m_database.name(), tr("the stored call events"), StorageRefusals::detail(query.lastError())));
        while (query.next())
            stored.insert(query.value(0).toString(), { query.value(1).toString(), query.value(2).toString() });
    }

    // A device numbers all its events, across calls, so (device, seq) is
    // unique per organisation. A new event that reuses a stored pair is
    // refused here, alone, rather than failing the whole batch on the index.
    QSet<QPair<QString, qint64>> takenSeqs;
    {
        QHash<QString, QPair<qint64, qint64>> seqRange; // device -> min, max of new events
        for (const DecodedEvent &item : decoded) {
            if (stored.contains(item.event.id))
                continue;
            auto range = seqRange.find(item.event.deviceId);
            if (range == seqRange.end())
                seqRange.insert(item.event.deviceId, { item.event.seq, item.event.seq });
            else
                *range = { qMin(range->first, item.event.seq), qMax(range->second, item.event.seq) };
        }
        for (auto range = seqRange.cbegin(); range != seqRange.cend(); ++range) {
            QSqlQuery &query = m_database.statement(u"SELECT seq FROM call_events WHERE org_id = ? AND device_id = ? AND seq BETWEEN ? AND ?"_s);
            query.addBindValue(principal.orgId);
            query.addBindValue(range.key());
            query.addBindValue(range->first);
            query.addBindValue(range->second);
            if (!query.exec())
                return transaction.abort(StorageRefusals::readFailed(
                    m_database.name(), tr("the stored call events"), StorageRefusals::detail(query.lastError())));
            while (query.next())
                takenSeqs.insert({ range.key(), query.value(0).toLongLong() });
        }
    }

    // Calls in the order they first appear; events per call in batch order.
    QStringList callOrder;
    QHash<QString, QList<const DecodedEvent *>> byCall;
    for (const DecodedEvent &item : decoded) {
        if (!byCall.contains(item.event.callId))
            callOrder.append(item.event.callId);
        byCall[item.event.callId].append(&item);
    }

    QList<PendingCall> pending;
    for (const QString &callId : std::as_const(callOrder)) {
        const QList<const DecodedEvent *> &items = byCall[callId];
        std::optional<Refusal> callRefusal;
        Result<std::shared_ptr<CachedCall>> loaded
            = loadCall(transaction, principal, callId, items.first()->event, callRefusal);
        if (!loaded)
            return loaded.refusal(); // the transaction was abandoned
        if (callRefusal) {
            for (const DecodedEvent *item : items)
                outcome.refused.append({ item->event.id, item->index, *callRefusal });
            continue;
        }
        PendingCall call{ loaded.value(), loaded.value()->state, {}, {}, {} };
        const CallReducer reducer(*call.cached->playbook);
        for (const DecodedEvent *item : items) {
            const CallEvent &event = item->event;
            if (const auto found = stored.constFind(event.id); found != stored.constEnd()) {
                if (found->orgId == principal.orgId && found->callId == event.callId)
                    outcome.accepted.append(event.id);
                else
                    outcome.refused.append({ event.id, item->index,
                        Refusal{ u"event.id_conflict"_s, tr("Another event already has the id %1.").arg(event.id) } });
                continue;
            }
            if (takenSeqs.contains({ event.deviceId, event.seq })) {
                outcome.refused.append({ event.id, item->index,
                    Refusal{ u"event.seq_taken"_s,
                        tr("Device %1 already sent another event numbered %2.").arg(event.deviceId).arg(event.seq) } });
                continue;
            }
            Result<CallState> next = reducer.apply(call.state, event);
            if (!next) {
                outcome.refused.append({ event.id, item->index, next.refusal() });
                continue;
            }
            call.state = std::move(next).value();
            call.newEvents.append(event);
            // Another call's event later in this batch may not reuse it.
            takenSeqs.insert({ event.deviceId, event.seq });
            outcome.accepted.append(event.id);
            const int index = call.state.current;
            if (event.type == EventType::MilestoneEntered && index >= 0 && !call.enteredAt.contains(index))
                call.enteredAt.insert(index, event.at);
            if (event.type == EventType::MilestoneCompleted || event.type == EventType::MilestoneSkipped) {
                const int finished = call.cached->playbook->milestoneIndex(
                    event.payload.value(u"milestoneId"_s).toString());
                if (finished >= 0)
                    call.finishedAt.insert(finished, event.at);
            }
        }
        if (!call.newEvents.isEmpty())
            pending.append(std::move(call));
    }

    for (const PendingCall &call : std::as_const(pending)) {
        if (auto refusal = storeCall(transaction, call, now))
            return *refusal;
    }
    if (auto refusal = transaction.commit())
        return *refusal;
    // Only what is committed goes into the cache.
    for (const PendingCall &call : std::as_const(pending)) {
        call.cached->state = call.state;
        outcome.updates.append(CallUpdate{ principal.orgId, call.state.callId, call.newEvents,
            call.state.phase == CallPhase::Completed });
    }
    return outcome;
}

Result<std::shared_ptr<CallIngest::CachedCall>> CallIngest::loadCall(Transaction &transaction,
    const Principal &principal, const QString &callId, const CallEvent &first, std::optional<Refusal> &refusal)
{
    // FOR UPDATE on PostgreSQL: two nodes ingesting the same call take turns.
    // SQLite's BEGIN IMMEDIATE already serialises writers.
    const bool postgres = m_database.backend() == DatabaseSettings::Backend::Postgresql;
    QSqlQuery &query = m_database.statement(u"SELECT agent_user_id, event_count, playbook_id, playbook_version FROM calls "
                                "WHERE id = ? AND org_id = ?"_s
        + (postgres ? u" FOR UPDATE"_s : QString()));
    query.addBindValue(callId);
    query.addBindValue(principal.orgId);
    if (!query.exec())
        return transaction.abort(StorageRefusals::readFailed(
            m_database.name(), tr("call %1").arg(callId), StorageRefusals::detail(query.lastError())));
    // Another organisation's call is "unknown" too: the answer must not
    // tell that it exists.
    if (!query.next()) {
        refusal = Refusal{ u"call.unknown"_s,
            tr("The server does not know call %1; create it first (PUT /api/v1/calls/%1).").arg(callId) };
        return std::shared_ptr<CachedCall>();
    }
    if (query.value(0).toString() != principal.userId) {
        refusal = Refusal{ u"call.not_yours"_s, tr("Only the agent who runs call %1 can add to it.").arg(callId) };
        return std::shared_ptr<CachedCall>();
    }
    const qint64 eventCount = query.value(1).toLongLong();
    QString playbookId = query.value(2).toString();
    int playbookVersion = query.value(3).toInt();

    std::shared_ptr<CachedCall> cached = m_cache.value(callId);
    if (cached && cached->orgId == principal.orgId && cached->state.eventCount == eventCount)
        return cached;

    // The call's playbook: from its row once started, else from the
    // CallStarted that must come first.
    if (eventCount == 0) {
        playbookId = first.payload.value(u"playbookId"_s).toString();
        playbookVersion = first.payload.value(u"playbookVersion"_s).toInt();
    }
    std::shared_ptr<const Playbook> playbook = m_playbooks.find(principal.orgId, playbookId, playbookVersion);
    if (!playbook) {
        refusal = eventCount == 0 && first.type != EventType::CallStarted
            ? Refusal{ u"call.not_started"_s, tr("The first event of call %1 must be CallStarted.").arg(callId) }
            : Refusal{ u"call.playbook_unknown"_s,
                  tr("Call %1 follows playbook %2 version %3, which this organisation does not run.")
                      .arg(callId, playbookId)
                      .arg(playbookVersion) };
        return std::shared_ptr<CachedCall>();
    }

    cached = std::make_shared<CachedCall>();
    cached->orgId = principal.orgId;
    cached->playbook = playbook;
    if (eventCount > 0) {
        QSqlQuery events(m_database.connection());
        events.setForwardOnly(true);
        events.prepare(u"SELECT json FROM call_events WHERE call_id = ? AND org_id = ? ORDER BY call_pos"_s);
        events.addBindValue(callId);
        events.addBindValue(principal.orgId);
        if (!events.exec())
            return transaction.abort(StorageRefusals::readFailed(
                m_database.name(), tr("the events of call %1").arg(callId), StorageRefusals::detail(events.lastError())));
        QList<CallEvent> log;
        while (events.next()) {
            Result<CallEvent> event = CallEventCodec::decode(events.value(0).toString().toUtf8());
            if (!event)
                return transaction.abort(event.refusal());
            log.append(std::move(event).value());
        }
        Result<CallState> state = CallReducer(*playbook).replay(log);
        if (!state)
            return transaction.abort(state.refusal());
        cached->state = std::move(state).value();
    }
    // Bounded: a server sees many calls over a day, only a few are live.
    constexpr qsizetype kMaximumCachedCalls = 2000;
    if (m_cache.size() >= kMaximumCachedCalls)
        m_cache.clear();
    m_cache.insert(callId, cached);
    return cached;
}

std::optional<Refusal> CallIngest::storeCall(Transaction &transaction, const PendingCall &call, qint64 now)
{
    const CallState &state = call.state;
    const Playbook &playbook = *call.cached->playbook;
    const QString &orgId = call.cached->orgId;
    const auto failed = [&](const QSqlQuery &query) {
        return transaction.abort(StorageRefusals::writeFailed(m_database.name(),
            tr("Storing the events of call %1").arg(state.callId), StorageRefusals::detail(query.lastError())));
    };

    // Many rows per INSERT: on PostgreSQL every statement is a round trip,
    // and a batch of 100 events would otherwise cost 100 of them.
    qint64 position = call.cached->state.eventCount;
    for (qsizetype from = 0; from < call.newEvents.size(); from += kRowsPerInsert) {
        const QList<CallEvent> rows = call.newEvents.mid(from, kRowsPerInsert);
        QStringList tuples;
        for (qsizetype i = 0; i < rows.size(); ++i)
            tuples.append(u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        QSqlQuery &insert = m_database.statement(u"INSERT INTO call_events (id, call_id, org_id, device_id, seq, at, type, json, "
                                     "received_at, call_pos) VALUES "_s
            + tuples.join(u", "_s));
        for (const CallEvent &event : rows) {
            insert.addBindValue(event.id);
            insert.addBindValue(event.callId);
            insert.addBindValue(orgId);
            insert.addBindValue(event.deviceId);
            insert.addBindValue(event.seq);
            insert.addBindValue(event.at);
            insert.addBindValue(event.type);
            insert.addBindValue(QString::fromUtf8(CallEventCodec::encode(event)));
            insert.addBindValue(now);
            insert.addBindValue(++position);
        }
        if (!insert.exec())
            return failed(insert);
    }

    for (const CallEvent &event : call.newEvents) {
        if (event.type != EventType::SlideShown)
            continue;
        QSqlQuery &slides = m_database.statement(u"INSERT INTO slide_instances (org_id, call_id, event_id, slide_id, "
                                     "milestone_id, shown_at) VALUES (?, ?, ?, ?, ?, ?)"_s);
        slides.addBindValue(orgId);
        slides.addBindValue(event.callId);
        slides.addBindValue(event.id);
        slides.addBindValue(orEmpty(event.payload.value(u"slideId"_s).toString()));
        slides.addBindValue(orEmpty(event.payload.value(u"milestoneId"_s).toString()));
        slides.addBindValue(event.at);
        if (!slides.exec())
            return failed(slides);
    }

    const QString currentMilestone = orEmpty(state.current >= 0 ? playbook.milestones.at(state.current).id : QString());
    const QString decision = orEmpty(state.decision ? decisionOptionName(state.decision->option) : QString());
    QSqlQuery &update = m_database.statement(u"UPDATE calls SET status = CASE WHEN status = 'closed_incomplete' AND ? <> 'completed' "
                   "THEN status ELSE ? END, playbook_id = ?, playbook_version = ?, advisory_only = ?, decision = ?, "
                   "current_milestone_id = ?, event_count = ?, started_at = ?, completed_at = ?, updated_at = ? "
                   "WHERE id = ? AND org_id = ?"_s);
    const QString status = callStatusName(state);
    for (const QVariant &value : QVariantList{ status, status, state.playbookId, state.playbookVersion,
             state.advisoryOnly, decision, currentMilestone, state.eventCount, optionalTime(state.startedAt),
             optionalTime(state.completedAt), now, state.callId, orgId })
        update.addBindValue(value);
    if (!update.exec())
        return failed(update);

    // The milestones that can have changed, in one statement: a round trip
    // per row was a good part of a batch's time on PostgreSQL.
    const qint64 clockAt = state.completedAt > 0 ? state.completedAt : state.lastEventAt;
    QVariantList milestoneValues;
    for (int index = 0; index < playbook.milestones.size(); ++index) {
        const MilestoneProgress &progress = state.milestones.value(index);
        const MilestoneProgress &before = call.cached->state.milestones.value(index);
        // Only rows that can have changed: visited, or whose status may move
        // with the gate or the current milestone.
        const bool changed = progress != before || call.enteredAt.contains(index) || call.finishedAt.contains(index)
            || call.cached->state.eventCount == 0 || state.current != call.cached->state.current;
        if (!changed)
            continue;
        milestoneValues << orgId << state.callId << playbook.milestones.at(index).id
                        << milestoneStatusName(state.status(playbook, index))
                        << optionalTime(call.enteredAt.value(index)) << optionalTime(call.finishedAt.value(index))
                        << (progress.visited ? milestoneTiming(playbook, state, index, clockAt).elapsedMs : 0);
    }
    constexpr qsizetype kMilestoneColumns = 7;
    if (!milestoneValues.isEmpty()) {
        QStringList tuples;
        for (qsizetype i = 0; i < milestoneValues.size() / kMilestoneColumns; ++i)
            tuples.append(u"(?, ?, ?, ?, ?, ?, ?)"_s);
        QSqlQuery &milestones = m_database.statement(u"INSERT INTO call_milestones (org_id, call_id, milestone_id, "
                                                     "status, entered_at, finished_at, active_ms) VALUES "_s
            + tuples.join(u", "_s)
            + u" ON CONFLICT (call_id, milestone_id) DO UPDATE SET status = excluded.status, "
              "entered_at = COALESCE(call_milestones.entered_at, excluded.entered_at), "
              "finished_at = COALESCE(excluded.finished_at, call_milestones.finished_at), "
              "active_ms = excluded.active_ms"_s);
        for (const QVariant &value : std::as_const(milestoneValues))
            milestones.addBindValue(value);
        if (!milestones.exec())
            return failed(milestones);
    }

    if (state.objections != call.cached->state.objections) {
        QSqlQuery &objection = m_database.statement(u"INSERT INTO call_objections (org_id, call_id, objection_id, type_id, milestone_id, "
                               "outcome, raised_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT (call_id, objection_id) DO UPDATE SET outcome = excluded.outcome, "
                               "closed_at = excluded.closed_at"_s);
        for (const ObjectionRecord &record : state.objections) {
            objection.addBindValue(orgId);
            objection.addBindValue(state.callId);
            objection.addBindValue(record.id);
            objection.addBindValue(record.typeId);
            objection.addBindValue(orEmpty(record.milestoneId));
            objection.addBindValue(orEmpty(record.outcome ? objectionOutcomeName(*record.outcome) : QString()));
            objection.addBindValue(record.raisedAt);
            objection.addBindValue(optionalTime(record.classifiedAt));
            if (!objection.exec())
                return failed(objection);
        }
    }
    return std::nullopt;
}

} // namespace callos::server
