#include "client/store/prospectrepository.h"

#include "client/store/demoprospects.h"
#include "client/store/localstore.h"
#include "client/store/singlerowquery.h"
#include "client/store/storerefusals.h"
#include "client/store/writetransaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

const QString kColumns = u"id, name, company, client_count, pain_points, revenue_volatility_percent, zoom_link,"
                         " created_at, updated_at"_s;
constexpr double kMaxVolatilityPercent = 1000.0;

QVariant optionalValue(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant optionalValue(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

Refusal invalid(const QString &message)
{
    return Refusal { u"store.invalid_prospect"_s, message };
}

} // namespace

ProspectRepository::ProspectRepository(LocalStore &store, const Clock &clock, IdGenerator &ids)
    : m_store(store), m_clock(clock), m_ids(ids)
{ }

Result<QList<Prospect>> ProspectRepository::list(const QString &search, int limit) const
{
    const QString needle = search.trimmed();
    const QString what = needle.isEmpty() ? tr("the prospects") : tr("the prospects matching \"%1\"").arg(needle);
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    // SQLite's LIKE folds ASCII letters only ("müller" would miss "Müller"),
    // so the search is done here with Qt's Unicode case folding. A local list
    // of prospects is small; an empty search is limited in SQL.
    query.prepare(u"SELECT "_s + kColumns + u" FROM prospects ORDER BY name COLLATE NOCASE, id LIMIT ?"_s);
    query.addBindValue(needle.isEmpty() && limit > 0 ? limit : -1);
    if (!query.exec())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    QList<Prospect> prospects;
    while ((limit <= 0 || prospects.size() < limit) && query.next()) {
        Prospect prospect = fromRow(query);
        if (needle.isEmpty() || prospect.name.contains(needle, Qt::CaseInsensitive)
            || prospect.company.contains(needle, Qt::CaseInsensitive))
            prospects.append(std::move(prospect));
    }
    if (query.lastError().isValid())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    return prospects;
}

Result<Prospect> ProspectRepository::get(const QString &id) const
{
    const auto row = selectSingleRow(m_store, tr("prospect %1").arg(id),
                                     u"SELECT "_s + kColumns + u" FROM prospects WHERE id = ?"_s, {id});
    if (!row)
        return row.refusal();
    return fromRow(row.value());
}

Result<Prospect> ProspectRepository::save(const Prospect &input)
{
    Prospect prospect = input;
    prospect.name = prospect.name.trimmed();
    prospect.company = prospect.company.trimmed();
    prospect.zoomLink = prospect.zoomLink.trimmed();
    if (auto refusal = validate(prospect))
        return *refusal;
    if (prospect.id.isEmpty())
        prospect.id = m_ids.nextId();

    WriteTransaction transaction(m_store, tr("saving prospect %1").arg(prospect.name));
    if (auto refusal = transaction.begin())
        return *refusal;
    const Result<QVariant> created
        = transaction.read(u"SELECT created_at FROM prospects WHERE id = ?"_s, { prospect.id });
    if (!created)
        return created.refusal();
    prospect.updatedAt = m_clock.nowMs();
    if (created.value().isValid()) {
        prospect.createdAt = created.value().toLongLong();
        if (auto refusal
            = transaction.exec(u"UPDATE prospects SET name = ?, company = ?, client_count = ?, pain_points = ?,"
                               " revenue_volatility_percent = ?, zoom_link = ?, updated_at = ? WHERE id = ?"_s,
                { prospect.name, prospect.company, optionalValue(prospect.clientCount), prospect.painPoints,
                    optionalValue(prospect.revenueVolatilityPercent), prospect.zoomLink, prospect.updatedAt,
                    prospect.id }))
            return *refusal;
    } else {
        prospect.createdAt = prospect.updatedAt;
        if (auto refusal = insert(transaction, prospect))
            return *refusal;
    }
    if (auto refusal = transaction.commit())
        return *refusal;
    return prospect;
}

Result<int> ProspectRepository::seedDemoIfEmpty()
{
    WriteTransaction transaction(m_store, tr("adding the demo prospects"));
    if (auto refusal = transaction.begin())
        return *refusal;
    const Result<QVariant> count = transaction.read(u"SELECT count(*) FROM prospects"_s);
    if (!count)
        return count.refusal();
    if (count.value().toInt() > 0)
        return 0; // not a first run; the empty transaction rolls back
    const qint64 now = m_clock.nowMs();
    const QList<Prospect> demos = DemoProspects::all();
    for (Prospect prospect : demos) {
        prospect.id = m_ids.nextId();
        prospect.createdAt = now;
        prospect.updatedAt = now;
        if (auto refusal = insert(transaction, prospect))
            return *refusal;
    }
    if (auto refusal = transaction.commit())
        return *refusal;
    return int(demos.size());
}

std::optional<Refusal> ProspectRepository::validate(const Prospect &prospect) const
{
    if (prospect.name.isEmpty())
        return invalid(tr("A prospect needs a name; nothing was saved."));
    if (prospect.clientCount && *prospect.clientCount < 0)
        return invalid(tr("The client count of %1 cannot be negative (%2); nothing was saved.")
                           .arg(prospect.name)
                           .arg(*prospect.clientCount));
    if (prospect.revenueVolatilityPercent
        && (!std::isfinite(*prospect.revenueVolatilityPercent) || *prospect.revenueVolatilityPercent < 0
            || *prospect.revenueVolatilityPercent > kMaxVolatilityPercent))
        return invalid(tr("The revenue volatility of %1 must be between 0 and %2 percent; nothing was saved.")
                           .arg(prospect.name)
                           .arg(kMaxVolatilityPercent));
    if (!prospect.zoomLink.isEmpty()) {
        const QUrl url(prospect.zoomLink, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s))
            return invalid(tr("The Zoom link of %1 is not a web address (https://...): %2; nothing was saved.")
                               .arg(prospect.name, prospect.zoomLink));
    }
    return std::nullopt;
}

std::optional<Refusal> ProspectRepository::insert(WriteTransaction &transaction, const Prospect &prospect)
{
    return transaction.exec(u"INSERT INTO prospects ("_s + kColumns + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { prospect.id, prospect.name, prospect.company, optionalValue(prospect.clientCount), prospect.painPoints,
            optionalValue(prospect.revenueVolatilityPercent), prospect.zoomLink, prospect.createdAt,
            prospect.updatedAt });
}

Prospect ProspectRepository::fromRow(const QSqlQuery &query)
{
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
    return prospect;
}

} // namespace callos::client
