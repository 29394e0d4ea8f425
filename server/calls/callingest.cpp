#include "calls/callingest.h"

#include "audit/auditlog.h"
#include "call/calleventcodec.h"
#include "call/callreducer.h"
#include "call/milestonetiming.h"
#include "calls/callplaybooks.h"
#include "common/clock.h"
#include "meetingbot/meetingbotscheduler.h"
#include "recording/zoommeetinglink.h"
#include "storage/boundrows.h"
#include "storage/database.h"
#include "storage/sqlplaceholders.h"
#include "storage/sqltext.h"
#include "storage/storagerefusals.h"
#include "storage/transaction.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

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

// The meeting number of the prospect's Zoom link, which leads a Zoom
// recording back to this call; NULL without one.
QVariant zoomMeetingId(const CallState &state)
{
    const std::optional<QString> number = zoomMeetingNumber(state.fields.value(u"zoomLink"_s).toString());
    return number ? QVariant(*number) : QVariant();
}

QVariant optionalTime(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : QVariant(QMetaType(QMetaType::LongLong));
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

// What the database holds already of a batch: its event ids (with their
// organisation and call) and the (device, seq) pairs its new events reuse.
struct CallIngest::StoredEvents
{
    struct Owner
    {
        QString orgId;
        QString callId;
    };
    QHash<QString, Owner> byId;
    QSet<QPair<QString, qint64>> takenSeqs;
};

// A calls row as the ingest needs it.
struct CallIngest::CallRow
{
    QString agentUserId;
    qint64 eventCount = 0;
    QString playbookId;
    int playbookVersion = 0;
};

CallIngest::CallIngest(
    Database &database, CallPlaybooks &playbooks, AuditLog &audit, MeetingBotScheduler *bots, const Clock &clock)
    : m_database(database), m_playbooks(playbooks), m_audit(audit), m_bots(bots), m_clock(clock)
{
}

CallIngest::~CallIngest() = default;

Result<IngestOutcome> CallIngest::ingest(const Principal &principal, const QJsonArray &events)
{
    IngestOutcome outcome;
    const QList<DecodedEvent> decoded = decode(events, outcome);
    if (decoded.isEmpty())
        return outcome;
    // Nearly every batch holds only new events, so the first run does not
    // look for stored ones: its insert skips any event the database has, and
    // then, or when the reducer refuses an event (which may be a resend),
    // the batch is rolled back and run again looking first.
    Result<std::optional<IngestOutcome>> applied = apply(principal, decoded, Lookup::OnlyOnSurprise, outcome);
    if (applied && !applied.value())
        applied = apply(principal, decoded, Lookup::First, outcome);
    if (!applied)
        return applied.refusal();
    // A run that looked first has no surprises left: it always answers.
    return *std::move(applied).value();
}

QList<CallIngest::DecodedEvent> CallIngest::decode(const QJsonArray &events, IngestOutcome &outcome)
{
    QList<DecodedEvent> decoded;
    decoded.reserve(events.size());
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
    return decoded;
}

Result<std::optional<IngestOutcome>> CallIngest::apply(
    const Principal &principal, const QList<DecodedEvent> &decoded, Lookup lookup, IngestOutcome outcome)
{
    const qint64 now = m_clock.nowMs();
    Transaction transaction(m_database, tr("Storing %n call event(s)", nullptr, int(decoded.size())));
    if (auto refusal = transaction.begin())
        return *refusal;

    StoredEvents stored;
    if (lookup == Lookup::First) {
        Result<StoredEvents> read = readStored(principal, decoded);
        if (!read)
            return transaction.abort(read.refusal());
        stored = std::move(read).value();
    }

    // Calls in the order they first appear; events per call in batch order.
    QStringList callOrder;
    QHash<QString, QList<const DecodedEvent *>> byCall;
    for (const DecodedEvent &item : decoded) {
        if (!byCall.contains(item.event.callId))
            callOrder.append(item.event.callId);
        byCall[item.event.callId].append(&item);
    }
    const Result<QHash<QString, CallRow>> rows = readCalls(principal, callOrder);
    if (!rows)
        return transaction.abort(rows.refusal());

    QList<PendingCall> pending;
    for (const QString &callId : std::as_const(callOrder)) {
        const QList<const DecodedEvent *> &items = byCall[callId];
        std::optional<Refusal> callRefusal;
        const auto row = rows.value().constFind(callId);
        Result<std::shared_ptr<CachedCall>> loaded = loadCall(transaction, principal, callId,
            row == rows.value().constEnd() ? nullptr : &row.value(), items.first()->event, callRefusal);
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
            if (const auto found = stored.byId.constFind(event.id); found != stored.byId.constEnd()) {
                if (found->orgId == principal.orgId && found->callId == event.callId)
                    outcome.accepted.append(event.id);
                else
                    outcome.refused.append({ event.id, item->index,
                        Refusal{ u"event.id_conflict"_s, tr("Another event already has the id %1.").arg(event.id) } });
                continue;
            }
            if (stored.takenSeqs.contains({ event.deviceId, event.seq })) {
                outcome.refused.append({ event.id, item->index,
                    Refusal{ u"event.seq_taken"_s,
                        tr("Device %1 already sent another event numbered %2.").arg(event.deviceId).arg(event.seq) } });
                continue;
            }
            if (lookup == Lookup::OnlyOnSurprise) {
                // Any refusal ends this run and throws its states away, so
                // they need no copy per event. A resend of a stored event
                // breaks the rules too (a second CallStarted); only a run
                // that looked first can tell.
                if (reducer.applyInPlace(call.state, event))
                    return std::optional<IngestOutcome>();
            } else {
                Result<CallState> next = reducer.apply(call.state, event);
                if (!next) {
                    outcome.refused.append({ event.id, item->index, next.refusal() });
                    continue;
                }
                call.state = std::move(next).value();
            }
            call.newEvents.append(event);
            // Another call's event later in this batch may not reuse it.
            stored.takenSeqs.insert({ event.deviceId, event.seq });
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

    if (auto refusal = storeEvents(transaction, pending, now)) {
        // Most likely an event the database holds already (a resend, an id
        // or a (device, seq) taken), which only a run that looked first can
        // judge. Nothing was kept.
        if (lookup == Lookup::OnlyOnSurprise)
            return std::optional<IngestOutcome>();
        return *refusal;
    }
    if (auto refusal = storeSlides(transaction, pending))
        return *refusal;
    if (auto refusal = storeReadModels(transaction, pending, now))
        return *refusal;
    if (auto refusal = auditConsents(transaction, principal, pending))
        return *refusal;
    // The cached state is still the one before this batch.
    for (const PendingCall &call : std::as_const(pending)) {
        if (auto refusal
            = m_bots ? m_bots->callChanged(transaction, principal.orgId, call.cached->state, call.state) : std::nullopt)
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
    return std::optional<IngestOutcome>(std::move(outcome));
}

Result<CallIngest::StoredEvents> CallIngest::readStored(const Principal &principal, const QList<DecodedEvent> &decoded)
{
    StoredEvents stored;
    {
        // Across organisations: an id another one took is refused here, not
        // at the insert, and row-level security would hide it.
        const TenantScope::Entered system = m_database.tenantScope().enterSystem();
        QVariantList ids;
        for (const DecodedEvent &item : decoded)
            ids.append(item.event.id);
        QSqlQuery &query
            = m_database.statement(u"SELECT id, org_id, call_id FROM call_events WHERE id IN (%1)"_s.arg(sqlPlaceholders(ids.size())));
        for (const QVariant &id : std::as_const(ids))
            query.addBindValue(id);
        if (!query.exec())
            return StorageRefusals::readFailed(
                m_database.name(), tr("the stored call events"), StorageRefusals::detail(query.lastError()));
        while (query.next())
            stored.byId.insert(query.value(0).toString(), { query.value(1).toString(), query.value(2).toString() });
    }

    // A device numbers all its events, across calls, so (device, seq) is
    // unique per organisation. A new event that reuses a stored pair is
    // refused alone rather than failing the whole batch on the index.
    QHash<QString, QPair<qint64, qint64>> seqRange; // device -> min, max of new events
    for (const DecodedEvent &item : decoded) {
        if (stored.byId.contains(item.event.id))
            continue;
        auto range = seqRange.find(item.event.deviceId);
        if (range == seqRange.end())
            seqRange.insert(item.event.deviceId, { item.event.seq, item.event.seq });
        else
            *range = { qMin(range->first, item.event.seq), qMax(range->second, item.event.seq) };
    }
    for (auto range = seqRange.cbegin(); range != seqRange.cend(); ++range) {
        QSqlQuery &query = m_database.statement(
            u"SELECT seq FROM call_events WHERE org_id = ? AND device_id = ? AND seq BETWEEN ? AND ?"_s);
        query.addBindValue(principal.orgId);
        query.addBindValue(range.key());
        query.addBindValue(range->first);
        query.addBindValue(range->second);
        if (!query.exec())
            return StorageRefusals::readFailed(
                m_database.name(), tr("the stored call events"), StorageRefusals::detail(query.lastError()));
        while (query.next())
            stored.takenSeqs.insert({ range.key(), query.value(0).toLongLong() });
    }
    return stored;
}

Result<QHash<QString, CallIngest::CallRow>> CallIngest::readCalls(const Principal &principal, const QStringList &callIds)
{
    // FOR UPDATE on PostgreSQL: two nodes ingesting the same call take turns,
    // locking in id order so that neither waits for the other forever.
    // SQLite's BEGIN IMMEDIATE already serialises writers.
    const bool postgres = m_database.backend() == DatabaseSettings::Backend::Postgresql;
    QSqlQuery &query = m_database.statement(u"SELECT id, agent_user_id, event_count, playbook_id, playbook_version "
                                            "FROM calls WHERE org_id = ? AND id IN (%1) ORDER BY id"_s.arg(
                                                sqlPlaceholders(callIds.size()))
        + (postgres ? u" FOR UPDATE"_s : QString()));
    query.addBindValue(principal.orgId);
    for (const QString &id : callIds)
        query.addBindValue(id);
    if (!query.exec())
        return StorageRefusals::readFailed(m_database.name(), tr("the calls of the batch"),
            StorageRefusals::detail(query.lastError()));
    // Another organisation's call is simply not there: the answer must not
    // tell that it exists.
    QHash<QString, CallRow> rows;
    while (query.next())
        rows.insert(query.value(0).toString(),
            CallRow{ query.value(1).toString(), query.value(2).toLongLong(), query.value(3).toString(),
                query.value(4).toInt() });
    return rows;
}

Result<std::shared_ptr<CallIngest::CachedCall>> CallIngest::loadCall(Transaction &transaction,
    const Principal &principal, const QString &callId, const CallRow *row, const CallEvent &first,
    std::optional<Refusal> &refusal)
{
    if (!row) {
        refusal = Refusal{ u"call.unknown"_s,
            tr("The server does not know call %1; create it first (PUT /api/v1/calls/%1).").arg(callId) };
        return std::shared_ptr<CachedCall>();
    }
    if (row->agentUserId != principal.userId) {
        refusal = Refusal{ u"call.not_yours"_s, tr("Only the agent who runs call %1 can add to it.").arg(callId) };
        return std::shared_ptr<CachedCall>();
    }
    std::shared_ptr<CachedCall> cached = m_cache.value(callId);
    if (cached && cached->orgId == principal.orgId && cached->state.eventCount == row->eventCount)
        return cached;

    // The call's playbook: from its row once started, else from the
    // CallStarted that must come first.
    QString playbookId = row->playbookId;
    int playbookVersion = row->playbookVersion;
    if (row->eventCount == 0) {
        playbookId = first.payload.value(u"playbookId"_s).toString();
        playbookVersion = first.payload.value(u"playbookVersion"_s).toInt();
    }
    std::shared_ptr<const Playbook> playbook = m_playbooks.find(principal.orgId, playbookId, playbookVersion);
    if (!playbook) {
        refusal = row->eventCount == 0 && first.type != EventType::CallStarted
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
    if (row->eventCount > 0) {
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

std::optional<Refusal> CallIngest::storeEvents(Transaction &transaction, const QList<PendingCall> &pending, qint64 now)
{
    using Type = BoundRows::Type;
    BoundRows rows(m_database.backend(),
        { { u"id"_s }, { u"call_id"_s }, { u"org_id"_s }, { u"device_id"_s }, { u"seq"_s, Type::Integer },
            { u"at"_s, Type::Integer }, { u"type"_s }, { u"json"_s, Type::Json }, { u"received_at"_s, Type::Integer },
            { u"call_pos"_s, Type::Integer } });
    for (const PendingCall &call : pending) {
        qint64 position = call.cached->state.eventCount;
        for (const CallEvent &event : call.newEvents)
            rows.append({ event.id, event.callId, call.cached->orgId, event.deviceId, event.seq, event.at, event.type,
                CallEventCodec::encode(event), now, ++position });
    }
    if (rows.isEmpty())
        return std::nullopt;
    // Every call's events in one statement: on PostgreSQL each statement is
    // a round trip.
    return transaction.exec(
        rows.insertInto(u"call_events"_s), rows.values());
}

std::optional<Refusal> CallIngest::storeSlides(Transaction &transaction, const QList<PendingCall> &pending)
{
    using Type = BoundRows::Type;
    BoundRows rows(m_database.backend(),
        { { u"org_id"_s }, { u"call_id"_s }, { u"event_id"_s }, { u"slide_id"_s }, { u"milestone_id"_s },
            { u"shown_at"_s, Type::Integer } });
    for (const PendingCall &call : pending) {
        for (const CallEvent &event : call.newEvents) {
            if (event.type == EventType::SlideShown)
                rows.append({ call.cached->orgId, event.callId, event.id,
                    orEmpty(event.payload.value(u"slideId"_s).toString()),
                    orEmpty(event.payload.value(u"milestoneId"_s).toString()), event.at });
        }
    }
    if (rows.isEmpty())
        return std::nullopt;
    return transaction.exec(
        rows.insertInto(u"slide_instances"_s),
        rows.values());
}

std::optional<Refusal> CallIngest::storeReadModels(Transaction &transaction, const QList<PendingCall> &pending, qint64 now)
{
    if (pending.isEmpty())
        return std::nullopt;
    using Type = BoundRows::Type;
    const DatabaseSettings::Backend backend = m_database.backend();
    BoundRows calls(backend,
        { { u"id"_s }, { u"org_id"_s }, { u"status"_s }, { u"playbook_id"_s }, { u"playbook_version"_s, Type::Integer },
            { u"advisory_only"_s, Type::Boolean }, { u"decision"_s }, { u"current_milestone_id"_s },
            { u"event_count"_s, Type::Integer }, { u"started_at"_s, Type::Integer },
            { u"completed_at"_s, Type::Integer }, { u"zoom_meeting_id"_s },
            { u"recording_consent"_s, Type::Boolean } });
    BoundRows milestones(backend,
        { { u"org_id"_s }, { u"call_id"_s }, { u"milestone_id"_s }, { u"status"_s }, { u"entered_at"_s, Type::Integer },
            { u"finished_at"_s, Type::Integer }, { u"active_ms"_s, Type::Integer } });
    BoundRows objections(backend,
        { { u"org_id"_s }, { u"call_id"_s }, { u"objection_id"_s }, { u"type_id"_s }, { u"milestone_id"_s },
            { u"outcome"_s }, { u"raised_at"_s, Type::Integer }, { u"closed_at"_s, Type::Integer } });

    for (const PendingCall &call : pending) {
        const CallState &state = call.state;
        const CallState &before = call.cached->state;
        const Playbook &playbook = *call.cached->playbook;
        const QString &orgId = call.cached->orgId;
        calls.append({ state.callId, orgId, callStatusName(state), state.playbookId, state.playbookVersion,
            state.advisoryOnly, orEmpty(state.decision ? decisionOptionName(state.decision->option) : QString()),
            orEmpty(state.current >= 0 ? playbook.milestones.at(state.current).id : QString()), state.eventCount,
            optionalTime(state.startedAt), optionalTime(state.completedAt), zoomMeetingId(state),
            state.consent && state.consent->given });

        const qint64 clockAt = state.completedAt > 0 ? state.completedAt : state.lastEventAt;
        for (int index = 0; index < playbook.milestones.size(); ++index) {
            const MilestoneProgress &progress = state.milestones.value(index);
            // Only rows that can have changed: visited, or whose status may
            // move with the gate or the current milestone.
            const bool changed = progress != before.milestones.value(index) || call.enteredAt.contains(index)
                || call.finishedAt.contains(index) || before.eventCount == 0 || state.current != before.current;
            if (!changed)
                continue;
            milestones.append({ orgId, state.callId, playbook.milestones.at(index).id,
                milestoneStatusName(state.status(playbook, index)), optionalTime(call.enteredAt.value(index)),
                optionalTime(call.finishedAt.value(index)),
                progress.visited ? milestoneTiming(playbook, state, index, clockAt).elapsedMs : 0 });
        }

        if (state.objections != before.objections) {
            for (const ObjectionRecord &record : state.objections)
                objections.append({ orgId, state.callId, record.id, record.typeId, orEmpty(record.milestoneId),
                    orEmpty(record.outcome ? objectionOutcomeName(*record.outcome) : QString()), record.raisedAt,
                    optionalTime(record.classifiedAt) });
        }
    }

    // One statement per table for every call of the batch. A call closed on
    // the server (POST /calls/{id}/complete before its last events) keeps
    // that status until its events complete it.
    QVariantList callValues{ now };
    callValues += calls.values();
    if (auto refusal = transaction.exec(
            u"UPDATE calls SET status = CASE WHEN calls.status = 'closed_incomplete' AND v.status <> 'completed' "
            "THEN calls.status ELSE v.status END, playbook_id = v.playbook_id, playbook_version = v.playbook_version, "
            "advisory_only = v.advisory_only, decision = v.decision, current_milestone_id = v.current_milestone_id, "
            "event_count = v.event_count, started_at = v.started_at, completed_at = v.completed_at, "
            "zoom_meeting_id = v.zoom_meeting_id, recording_consent = v.recording_consent, updated_at = ? "
            "FROM "_s
                + calls.relation(u"v"_s) + u" WHERE calls.id = v.id AND calls.org_id = v.org_id"_s,
            callValues))
        return refusal;
    if (!milestones.isEmpty()) {
        if (auto refusal = transaction.exec(milestones.insertInto(u"call_milestones"_s)
                    + u" ON CONFLICT (call_id, milestone_id) DO UPDATE SET status = excluded.status, "
                                            "entered_at = COALESCE(call_milestones.entered_at, excluded.entered_at), "
                                            "finished_at = COALESCE(excluded.finished_at, call_milestones.finished_at), "
                                            "active_ms = excluded.active_ms"_s,
                milestones.values()))
            return refusal;
    }
    if (!objections.isEmpty()) {
        if (auto refusal = transaction.exec(objections.insertInto(u"call_objections"_s)
                    + u" ON CONFLICT (call_id, objection_id) DO UPDATE SET outcome = excluded.outcome, "
                                            "closed_at = excluded.closed_at"_s,
                objections.values()))
            return refusal;
    }
    return std::nullopt;
}

std::optional<Refusal> CallIngest::auditConsents(
    Transaction &transaction, const Principal &principal, const QList<PendingCall> &pending)
{
    for (const PendingCall &call : pending) {
        for (const CallEvent &event : call.newEvents) {
            if (event.type != EventType::ConsentRecorded)
                continue;
            const QJsonObject details{ { u"given"_s, event.payload.value(u"given"_s).toBool() },
                { u"wording"_s, event.payload.value(u"wording"_s).toString() }, { u"event_id"_s, event.id },
                { u"recorded_at"_s, event.at } };
            if (auto refusal = m_audit.record(transaction,
                    AuditEntry{ principal.orgId, principal.userId, u"call.consent_recorded"_s, event.callId, details }))
                return refusal;
        }
    }
    return std::nullopt;
}

} // namespace callos::server
