#include "client/sync/refusedevents.h"

#include "client/store/localstore.h"
#include "client/store/storerefusals.h"
#include "client/store/writetransaction.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace callos::client {

RefusedEvents::RefusedEvents(LocalStore &store) : m_store(store) { }

std::optional<Refusal> RefusedEvents::record(const QList<EventRefusal> &refusals, qint64 atMs)
{
    if (refusals.isEmpty())
        return std::nullopt;
    WriteTransaction transaction(m_store, tr("keeping %n event(s) the server refused", nullptr, int(refusals.size())));
    if (auto refusal = transaction.begin())
        return refusal;
    for (const EventRefusal &refused : refusals) {
        if (auto refusal
            = transaction.exec(u"INSERT INTO sync_refused_events (event_id, code, message, refused_at)"
                               " SELECT id, ?, ?, ? FROM call_events WHERE id = ? AND acked_at IS NULL"
                               " ON CONFLICT (event_id) DO UPDATE SET code = excluded.code, message = excluded.message,"
                               " refused_at = excluded.refused_at, dismissed_at = NULL"_s,
                { refused.code, refused.message, atMs, refused.eventId }))
            return refusal;
    }
    return transaction.commit();
}

Result<QList<RefusedEvent>> RefusedEvents::list() const
{
    const QString what = tr("the events the server refused");
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT e.id, e.call_id, e.type, e.at, coalesce(p.name, ''), r.code, r.message, r.refused_at"
                    " FROM sync_refused_events r JOIN call_events e ON e.id = r.event_id"
                    " LEFT JOIN calls c ON c.id = e.call_id LEFT JOIN prospects p ON p.id = c.prospect_id"
                    " WHERE r.dismissed_at IS NULL ORDER BY e.pos"_s))
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    QList<RefusedEvent> events;
    while (query.next()) {
        events.append(RefusedEvent { query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toLongLong(), query.value(4).toString(), query.value(5).toString(),
            query.value(6).toString(), query.value(7).toLongLong() });
    }
    if (query.lastError().isValid())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    return events;
}

Result<int> RefusedEvents::count() const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT count(*) FROM sync_refused_events WHERE dismissed_at IS NULL"_s) || !query.next())
        return StoreRefusals::readFailed(
            m_store.path(), tr("the number of events the server refused"), StoreRefusals::detail(query.lastError()));
    return query.value(0).toInt();
}

std::optional<Refusal> RefusedEvents::sendAgain(const QStringList &eventIds)
{
    if (eventIds.isEmpty())
        return std::nullopt;
    WriteTransaction transaction(
        m_store, tr("queueing %n refused event(s) to be sent again", nullptr, int(eventIds.size())));
    if (auto refusal = transaction.begin())
        return refusal;
    for (const QString &id : eventIds) {
        if (auto refusal = transaction.exec(
                u"DELETE FROM sync_refused_events WHERE event_id = ? AND dismissed_at IS NULL"_s, { id }))
            return refusal;
    }
    return transaction.commit();
}

std::optional<Refusal> RefusedEvents::keepLocalOnly(const QStringList &eventIds, qint64 atMs)
{
    if (eventIds.isEmpty())
        return std::nullopt;
    WriteTransaction transaction(
        m_store, tr("keeping %n refused event(s) on this computer only", nullptr, int(eventIds.size())));
    if (auto refusal = transaction.begin())
        return refusal;
    for (const QString &id : eventIds) {
        int changed = 0;
        if (auto refusal = transaction.exec(
                u"UPDATE sync_refused_events SET dismissed_at = ? WHERE event_id = ? AND dismissed_at IS NULL"_s,
                { atMs, id }, &changed))
            return refusal;
        if (changed == 0)
            continue; // not refused (or already decided): the outbox is not touched
        if (auto refusal = transaction.exec(
                u"UPDATE call_events SET acked_at = ? WHERE id = ? AND acked_at IS NULL"_s, { atMs, id }))
            return refusal;
    }
    return transaction.commit();
}

} // namespace callos::client
