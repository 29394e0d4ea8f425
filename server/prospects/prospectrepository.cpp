#include "prospects/prospectrepository.h"

#include "prospects/prospectjson.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

const QString kColumns = u"id, org_id, owner_user_id, name, company, json, created_at, updated_at"_s;

Prospect fromRow(const SqlRows::Row &row)
{
    Prospect prospect;
    prospect.id = row.at(0).toString();
    prospect.orgId = row.at(1).toString();
    prospect.ownerUserId = row.at(2).toString();
    prospect.fields.name = row.at(3).toString();
    prospect.fields.company = row.at(4).toString();
    // SQLite hands back the text as written, PostgreSQL's JSONB its own
    // normalised text: both parse to the same object.
    ProspectJson::readStoredDetails(QJsonDocument::fromJson(row.at(5).toString().toUtf8()).object(), prospect.fields);
    prospect.createdAt = row.at(6).toLongLong();
    prospect.updatedAt = row.at(7).toLongLong();
    return prospect;
}

// Qt SQL binds a null QString as NULL, which the NOT NULL text columns
// refuse; an empty company is "".
QString notNull(const QString &text)
{
    return text.isNull() ? QString(u""_s) : text;
}

QString detailsText(const ProspectFields &fields)
{
    return QString::fromUtf8(QJsonDocument(ProspectJson::storedDetails(fields)).toJson(QJsonDocument::Compact));
}

// A LIKE pattern matching `needle` anywhere, its own % and _ taken literally
// ('!' escapes, the same on both backends).
QString containsPattern(const QString &needle)
{
    QString escaped;
    escaped.reserve(needle.size() + 2);
    for (const QChar c : needle) {
        if (c == u'!' || c == u'%' || c == u'_')
            escaped.append(u'!');
        escaped.append(c);
    }
    return u'%' + escaped + u'%';
}

} // namespace

ProspectRepository::ProspectRepository(Database &database) : m_database(database) { }

QString ProspectRepository::searchKey(const ProspectFields &fields)
{
    // A newline between them, which no single-line field holds, so a search
    // never matches across the end of the name into the company.
    return fields.name.toCaseFolded() + u'\n' + fields.company.toCaseFolded();
}

Result<std::optional<Prospect>> ProspectRepository::find(const QString &orgId, const QString &id) const
{
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, tr("reading a prospect"),
        u"SELECT "_s + kColumns + u" FROM prospects WHERE id = ? AND org_id = ?"_s, { id, orgId });
    if (!row)
        return row.refusal();
    if (!row.value())
        return std::optional<Prospect>();
    return std::optional<Prospect>(fromRow(*row.value()));
}

Result<ProspectRepository::Page> ProspectRepository::list(
    const QString &orgId, const QString &ownerUserId, const QString &search, int limit, int offset) const
{
    QString where = u" WHERE org_id = ?"_s;
    QVariantList values{ orgId };
    if (!ownerUserId.isEmpty()) {
        where += u" AND owner_user_id = ?"_s;
        values.append(ownerUserId);
    }
    const QString needle = search.trimmed().toCaseFolded();
    if (!needle.isEmpty()) {
        where += u" AND search_key LIKE ? ESCAPE '!'"_s;
        values.append(containsPattern(needle));
    }
    const Result<std::optional<SqlRows::Row>> total = SqlRows::first(
        m_database, tr("counting prospects"), u"SELECT count(*) FROM prospects"_s + where, values);
    if (!total)
        return total.refusal();
    QVariantList pageValues = values;
    pageValues << limit << offset;
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("listing prospects"),
        u"SELECT "_s + kColumns + u" FROM prospects"_s + where + u" ORDER BY search_key, id LIMIT ? OFFSET ?"_s,
        pageValues);
    if (!rows)
        return rows.refusal();
    Page page;
    page.total = total.value() ? total.value()->at(0).toLongLong() : 0;
    for (const SqlRows::Row &row : rows.value())
        page.prospects.append(fromRow(row));
    return page;
}

Result<bool> ProspectRepository::insert(Transaction &transaction, const Prospect &prospect)
{
    // ON CONFLICT DO NOTHING rather than a look first: two servers creating
    // the same id at once must not end in a constraint error.
    const Result<int> inserted = transaction.execCounting(
        u"INSERT INTO prospects (id, org_id, owner_user_id, name, company, json, search_key, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"_s,
        { prospect.id, prospect.orgId, prospect.ownerUserId, prospect.fields.name, notNull(prospect.fields.company),
            detailsText(prospect.fields), searchKey(prospect.fields), prospect.createdAt, prospect.updatedAt });
    if (!inserted)
        return inserted.refusal();
    return inserted.value() == 1;
}

std::optional<Refusal> ProspectRepository::update(Transaction &transaction, const Prospect &prospect)
{
    return transaction.exec(u"UPDATE prospects SET name = ?, company = ?, json = ?, search_key = ?, updated_at = ? "
                            "WHERE id = ? AND org_id = ?"_s,
        { prospect.fields.name, notNull(prospect.fields.company), detailsText(prospect.fields), searchKey(prospect.fields),
            prospect.updatedAt, prospect.id, prospect.orgId });
}

} // namespace callos::server
