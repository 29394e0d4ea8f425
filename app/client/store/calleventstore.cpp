#include "client/store/calleventstore.h"

#include "call/calleventcodec.h"
#include "client/store/localstore.h"
#include "client/store/storerefusals.h"
#include "client/store/writetransaction.h"

#include <QDir>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace callos::client {

CallEventStore::CallEventStore(LocalStore &store) : m_store(store) { }

std::optional<Refusal> CallEventStore::append(const QList<CallEvent> &events)
{
    if (events.isEmpty())
        return std::nullopt;
    const QString what
        = tr("saving %n call event(s) of call %1", nullptr, int(events.size())).arg(events.constFirst().callId);
    QSet<QString> ids;
    for (const CallEvent &event : events) {
        if (event.id.isEmpty() || event.callId.isEmpty())
            return Refusal { u"store.invalid_event"_s,
                tr("An event without an id or a call id cannot be saved; none of the %n event(s) were saved.", nullptr,
                    int(events.size())) };
        if (ids.contains(event.id))
            return Refusal { u"store.duplicate_event"_s,
                tr("Event %1 appears twice in the batch; none of its %n event(s) were saved.", nullptr,
                    int(events.size()))
                    .arg(event.id) };
        ids.insert(event.id);
    }

    WriteTransaction transaction(m_store, what);
    if (auto refusal = transaction.begin())
        return refusal;
    for (const CallEvent &event : events) {
        int inserted = 0;
        // ON CONFLICT DO NOTHING turns only a duplicate id into "0 rows", so
        // every other failure (a full disk, a broken constraint) stays an error.
        if (auto refusal
            = transaction.exec(u"INSERT INTO call_events (id, pos, call_id, device_id, seq, at, type, json)"
                               " VALUES (?, (SELECT coalesce(max(pos), 0) + 1 FROM call_events), ?, ?, ?, ?, ?, ?)"
                               " ON CONFLICT (id) DO NOTHING"_s,
                { event.id, event.callId, event.deviceId, event.seq, event.at, event.type,
                    QString::fromUtf8(CallEventCodec::encode(event)) },
                &inserted))
            return refusal;
        if (inserted == 0)
            return transaction.abort(Refusal { u"store.duplicate_event"_s,
                tr("Event %1 is already stored in %2; none of the %n event(s) of this batch were saved.", nullptr,
                    int(events.size()))
                    .arg(event.id, QDir::toNativeSeparators(m_store.path())) });
        if (event.type == EventType::CallCompleted) {
            if (auto refusal = transaction.exec(u"UPDATE calls SET state = 'completed', completed_at = ?"
                                                " WHERE id = ? AND state = 'in_progress'"_s,
                    { event.at, event.callId }))
                return refusal;
        }
    }
    return transaction.commit();
}

Result<QList<CallEvent>> CallEventStore::events(const QString &callId) const
{
    return readEvents(tr("the events of call %1").arg(callId),
        u"SELECT id, json FROM call_events WHERE call_id = ? ORDER BY pos"_s, { callId });
}

Result<QList<CallEvent>> CallEventStore::unacknowledged(int limit) const
{
    return readEvents(tr("the events waiting to be sent"),
        u"SELECT id, json FROM call_events WHERE acked_at IS NULL ORDER BY pos LIMIT ?"_s, { qMax(0, limit) });
}

Result<int> CallEventStore::unacknowledgedCount() const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT count(*) FROM call_events WHERE acked_at IS NULL"_s) || !query.next())
        return StoreRefusals::readFailed(
            m_store.path(), tr("the number of events waiting to be sent"), StoreRefusals::detail(query.lastError()));
    return query.value(0).toInt();
}

qint64 CallEventStore::lastSeq(const QString &deviceId) const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT coalesce(max(seq), 0) FROM call_events WHERE device_id = ?"_s);
    query.addBindValue(deviceId);
    // Unreadable: 0. The store is then failing its writes too, and the
    // engine refuses the action on append before any number is used.
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

std::optional<Refusal> CallEventStore::markAcknowledged(const QStringList &eventIds, qint64 acknowledgedAtMs)
{
    if (eventIds.isEmpty())
        return std::nullopt;
    WriteTransaction transaction(
        m_store, tr("marking %n event(s) as received by the server", nullptr, int(eventIds.size())));
    if (auto refusal = transaction.begin())
        return refusal;
    for (const QString &id : eventIds) {
        if (auto refusal = transaction.exec(
                u"UPDATE call_events SET acked_at = ? WHERE id = ? AND acked_at IS NULL"_s, { acknowledgedAtMs, id }))
            return refusal;
    }
    return transaction.commit();
}

Result<QList<CallEvent>> CallEventStore::readEvents(
    const QString &what, const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    QList<CallEvent> events;
    while (query.next()) {
        Result<CallEvent> event = CallEventCodec::decode(query.value(1).toString().toUtf8());
        if (!event)
            return StoreRefusals::readFailed(
                m_store.path(), what, tr("event %1: %2").arg(query.value(0).toString(), event.refusal().message));
        events.append(std::move(event).value());
    }
    if (query.lastError().isValid())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    return events;
}

} // namespace callos::client
