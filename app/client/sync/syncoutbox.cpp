#include "client/sync/syncoutbox.h"

#include "client/store/localstore.h"
#include "client/store/storerefusals.h"
#include "client/store/writetransaction.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

// A prospect is due when it has calls and was never pushed, or when it was
// pushed (or pulled) and changed since.
const QString kProspectsDue
    = u"FROM prospects p LEFT JOIN sync_prospects s ON s.prospect_id = p.id"
      " WHERE (s.prospect_id IS NULL AND EXISTS (SELECT 1 FROM calls c WHERE c.prospect_id = p.id))"
      " OR (s.prospect_id IS NOT NULL AND s.pushed_updated_at <> p.updated_at)"_s;

const QString kCallsDue = u"FROM calls c JOIN sync_prospects s ON s.prospect_id = c.prospect_id"
                          " WHERE NOT EXISTS (SELECT 1 FROM sync_calls x WHERE x.call_id = c.id)"_s;

const QString kEventsDue = u"FROM call_events e WHERE e.acked_at IS NULL"
                           " AND NOT EXISTS (SELECT 1 FROM sync_refused_events r WHERE r.event_id = e.id)"_s;

} // namespace

SyncOutbox::SyncOutbox(LocalStore &store) : m_store(store) { }

Result<QList<Prospect>> SyncOutbox::prospectsToPush() const
{
    const QString what = tr("the prospects waiting to be sent");
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT p.id, p.name, p.company, p.client_count, p.pain_points, p.revenue_volatility_percent,"
                    " p.zoom_link, p.created_at, p.updated_at "_s
            + kProspectsDue + u" ORDER BY p.created_at, p.id"_s))
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    QList<Prospect> prospects;
    while (query.next()) {
        Prospect prospect;
        prospect.id = query.value(0).toString();
        prospect.name = query.value(1).toString();
        prospect.company = query.value(2).toString();
        if (!query.value(3).isNull())
            prospect.clientCount = query.value(3).toInt();
        prospect.painPoints = query.value(4).toString();
        if (!query.value(5).isNull())
            prospect.revenueVolatilityPercent = query.value(5).toDouble();
        prospect.zoomLink = query.value(6).toString();
        prospect.createdAt = query.value(7).toLongLong();
        prospect.updatedAt = query.value(8).toLongLong();
        prospects.append(prospect);
    }
    if (query.lastError().isValid())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    return prospects;
}

std::optional<Refusal> SyncOutbox::markProspectPushed(const QString &prospectId, qint64 updatedAt)
{
    WriteTransaction transaction(m_store, tr("noting that prospect %1 was sent").arg(prospectId));
    if (auto refusal = transaction.begin())
        return refusal;
    if (auto refusal
        = transaction.exec(u"INSERT INTO sync_prospects (prospect_id, pushed_updated_at) VALUES (?, ?)"
                           " ON CONFLICT (prospect_id) DO UPDATE SET pushed_updated_at = excluded.pushed_updated_at"_s,
            { prospectId, updatedAt }))
        return refusal;
    return transaction.commit();
}

Result<QList<CallToPush>> SyncOutbox::callsToPush() const
{
    const QString what = tr("the calls waiting to be sent");
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT c.id, c.prospect_id "_s + kCallsDue + u" ORDER BY c.started_at, c.id"_s))
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    QList<CallToPush> calls;
    while (query.next())
        calls.append(CallToPush { query.value(0).toString(), query.value(1).toString() });
    if (query.lastError().isValid())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    return calls;
}

std::optional<Refusal> SyncOutbox::markCallPushed(const QString &callId, qint64 atMs)
{
    WriteTransaction transaction(m_store, tr("noting that call %1 was sent").arg(callId));
    if (auto refusal = transaction.begin())
        return refusal;
    if (auto refusal = transaction.exec(
            u"INSERT INTO sync_calls (call_id, pushed_at) VALUES (?, ?) ON CONFLICT (call_id) DO NOTHING"_s,
            { callId, atMs }))
        return refusal;
    return transaction.commit();
}

Result<QList<EventToPush>> SyncOutbox::eventsToPush(int limit, qsizetype maxBytes) const
{
    const QString what = tr("the events waiting to be sent");
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    // Only events of calls the server knows: a call started after the calls
    // were pushed waits for the next round instead of being refused.
    query.prepare(u"SELECT e.id, e.call_id, e.json "_s + kEventsDue
        + u" AND EXISTS (SELECT 1 FROM sync_calls c WHERE c.call_id = e.call_id) ORDER BY e.pos LIMIT ?"_s);
    query.addBindValue(qMax(1, limit));
    if (!query.exec())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    QList<EventToPush> events;
    qsizetype bytes = 0;
    while (query.next()) {
        const QByteArray json = query.value(2).toString().toUtf8();
        if (!events.isEmpty() && bytes + json.size() > maxBytes)
            break;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return StoreRefusals::readFailed(m_store.path(), what,
                tr("event %1 is not valid JSON (%2)").arg(query.value(0).toString(), error.errorString()));
        events.append(
            EventToPush { query.value(0).toString(), query.value(1).toString(), document.object(), json.size() });
        bytes += json.size();
    }
    if (query.lastError().isValid())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    return events;
}

Result<int> SyncOutbox::count(const QString &what, const QString &sql) const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.exec(sql) || !query.next())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    return query.value(0).toInt();
}

Result<int> SyncOutbox::pendingCount() const
{
    const QString what = tr("the number of changes waiting to be sent");
    const Result<int> prospects = count(what, u"SELECT count(*) "_s + kProspectsDue);
    if (!prospects)
        return prospects;
    // Calls whose prospect is not pushed yet count too: they wait for it.
    const Result<int> calls = count(
        what, u"SELECT count(*) FROM calls c WHERE NOT EXISTS (SELECT 1 FROM sync_calls x WHERE x.call_id = c.id)"_s);
    if (!calls)
        return calls;
    const Result<int> events = count(what, u"SELECT count(*) "_s + kEventsDue);
    if (!events)
        return events;
    return prospects.value() + calls.value() + events.value();
}

} // namespace callos::client
