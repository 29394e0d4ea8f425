#include "client/sync/prospectcache.h"

#include "client/store/localstore.h"
#include "client/store/storerefusals.h"
#include "client/store/writetransaction.h"

#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

QVariant optionalValue(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant optionalValue(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

// What the local schema's CHECKs accept; anything else would fail the
// whole transaction.
bool storable(const Prospect &prospect)
{
    return !prospect.id.isEmpty() && !prospect.name.trimmed().isEmpty()
        && (!prospect.clientCount || *prospect.clientCount >= 0)
        && (!prospect.revenueVolatilityPercent
            || (std::isfinite(*prospect.revenueVolatilityPercent) && *prospect.revenueVolatilityPercent >= 0));
}

} // namespace

ProspectCache::ProspectCache(LocalStore &store) : m_store(store) { }

Result<ProspectCache::Merged> ProspectCache::merge(const QList<Prospect> &pulled)
{
    Merged merged;
    if (pulled.isEmpty())
        return merged;
    WriteTransaction transaction(m_store, tr("keeping %n prospect(s) from the server", nullptr, int(pulled.size())));
    if (auto refusal = transaction.begin())
        return *refusal;
    for (const Prospect &prospect : pulled) {
        if (!storable(prospect)) {
            ++merged.skipped;
            continue;
        }
        QSqlQuery local(m_store.database());
        local.setForwardOnly(true);
        local.prepare(u"SELECT p.name, p.company, p.client_count, p.pain_points, p.revenue_volatility_percent,"
                      " p.zoom_link, p.created_at, p.updated_at, s.pushed_updated_at,"
                      " EXISTS (SELECT 1 FROM calls c WHERE c.prospect_id = p.id)"
                      " FROM prospects p LEFT JOIN sync_prospects s ON s.prospect_id = p.id WHERE p.id = ?"_s);
        local.addBindValue(prospect.id);
        if (!local.exec())
            return transaction.abort(StoreRefusals::readFailed(
                m_store.path(), tr("prospect %1").arg(prospect.id), StoreRefusals::detail(local.lastError())));
        if (!local.next()) {
            if (auto refusal = transaction.exec(
                    u"INSERT INTO prospects (id, name, company, client_count, pain_points,"
                    " revenue_volatility_percent, zoom_link, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    { prospect.id, prospect.name, prospect.company, optionalValue(prospect.clientCount),
                        prospect.painPoints, optionalValue(prospect.revenueVolatilityPercent), prospect.zoomLink,
                        prospect.createdAt, prospect.updatedAt }))
                return *refusal;
        } else {
            const qint64 localUpdatedAt = local.value(7).toLongLong();
            const bool everPushed = !local.value(8).isNull();
            const bool hasCalls = local.value(9).toBool();
            // An edit that has not reached the server wins: it is pushed next.
            const bool unpushed = everPushed ? local.value(8).toLongLong() != localUpdatedAt : hasCalls;
            if (unpushed)
                continue;
            Prospect current;
            current.id = prospect.id;
            current.name = local.value(0).toString();
            current.company = local.value(1).toString();
            if (!local.value(2).isNull())
                current.clientCount = local.value(2).toInt();
            current.painPoints = local.value(3).toString();
            if (!local.value(4).isNull())
                current.revenueVolatilityPercent = local.value(4).toDouble();
            current.zoomLink = local.value(5).toString();
            current.createdAt = local.value(6).toLongLong();
            current.updatedAt = localUpdatedAt;
            if (current == prospect && everPushed)
                continue;
            local.finish();
            if (current != prospect) {
                if (auto refusal
                    = transaction.exec(u"UPDATE prospects SET name = ?, company = ?, client_count = ?, pain_points = ?,"
                                       " revenue_volatility_percent = ?, zoom_link = ?, created_at = ?, updated_at = ?"
                                       " WHERE id = ?"_s,
                        { prospect.name, prospect.company, optionalValue(prospect.clientCount), prospect.painPoints,
                            optionalValue(prospect.revenueVolatilityPercent), prospect.zoomLink, prospect.createdAt,
                            prospect.updatedAt, prospect.id }))
                    return *refusal;
            }
        }
        // What the server has is what is stored here now: nothing to push.
        if (auto refusal = transaction.exec(u"INSERT INTO sync_prospects (prospect_id, pushed_updated_at) VALUES (?, ?)"
                                            " ON CONFLICT (prospect_id) DO UPDATE SET"
                                            " pushed_updated_at = excluded.pushed_updated_at"_s,
                { prospect.id, prospect.updatedAt }))
            return *refusal;
        ++merged.changed;
    }
    if (merged.changed == 0)
        return merged; // nothing written; the empty transaction rolls back
    if (auto refusal = transaction.commit())
        return *refusal;
    return merged;
}

} // namespace callos::client
