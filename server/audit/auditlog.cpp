#include "audit/auditlog.h"

#include "common/clock.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos::server {

AuditLog::AuditLog(Database &database, const Clock &clock) : m_database(database), m_clock(clock) { }

std::optional<Refusal> AuditLog::record(Transaction &transaction, AuditEntry entry)
{
    return transaction.exec(
        u"INSERT INTO audit_log (org_id, actor_user_id, action, target, at, json) VALUES (?, ?, ?, ?, ?, ?)"_s,
        { entry.orgId, entry.actorUserId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(entry.actorUserId),
            entry.action, entry.target, m_clock.nowMs(),
            QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact)) });
}

std::optional<Refusal> AuditLog::record(AuditEntry entry)
{
    Transaction transaction(m_database, tr("Writing the audit log"));
    if (auto refusal = transaction.begin())
        return refusal;
    if (auto refusal = record(transaction, std::move(entry)))
        return refusal;
    return transaction.commit();
}

Result<AuditLog::Page> AuditLog::read(const QString &orgId, const QString &action, qint64 beforeId, int limit) const
{
    QString sql = u"SELECT id, actor_user_id, action, target, at, json FROM audit_log WHERE org_id = ?"_s;
    QVariantList values{ orgId };
    if (!action.isEmpty()) {
        sql += u" AND action = ?"_s;
        values.append(action);
    }
    if (beforeId > 0) {
        sql += u" AND id < ?"_s;
        values.append(beforeId);
    }
    // One more than asked, to know whether there is a next page.
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    values.append(limit + 1);
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading the audit log"), sql, values);
    if (!rows)
        return rows.refusal();
    Page page;
    for (const SqlRows::Row &row : rows.value()) {
        if (page.entries.size() == limit) {
            page.nextBeforeId = page.entries.last().id;
            break;
        }
        AuditEntry entry;
        entry.id = row.at(0).toLongLong();
        entry.orgId = orgId;
        entry.actorUserId = row.at(1).toString();
        entry.action = row.at(2).toString();
        entry.target = row.at(3).toString();
        entry.at = row.at(4).toLongLong();
        entry.details = QJsonDocument::fromJson(row.at(5).toString().toUtf8()).object();
        page.entries.append(std::move(entry));
    }
    return page;
}

} // namespace callos::server
