#include "calls/callrepository.h"

#include "common/idgenerator.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

const QString kColumns
    = u"id, org_id, prospect_id, agent_user_id, thread_id, follows_call_id, status, playbook_id, playbook_version, "
      "advisory_only, current_milestone_id, decision, event_count, started_at, completed_at, closed_at, created_at, "
      "updated_at"_s;

// When a call happened, for filters and order: its first event, or its
// creation while it has none.
const QString kCallTime = u"COALESCE(started_at, created_at)"_s;

std::optional<qint64> optionalTime(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

CallRow fromRow(const SqlRows::Row &row)
{
    CallRow call;
    call.id = row.at(0).toString();
    call.orgId = row.at(1).toString();
    call.prospectId = row.at(2).toString();
    call.agentUserId = row.at(3).toString();
    call.threadId = row.at(4).toString();
    call.followsCallId = row.at(5).toString();
    call.status = row.at(6).toString();
    call.playbookId = row.at(7).toString();
    call.playbookVersion = row.at(8).toLongLong();
    call.advisoryOnly = row.at(9).toBool(); // SQLite 0/1, PostgreSQL boolean
    call.currentMilestoneId = row.at(10).toString();
    call.decision = row.at(11).toString();
    call.eventCount = row.at(12).toLongLong();
    call.startedAt = optionalTime(row.at(13));
    call.completedAt = optionalTime(row.at(14));
    call.closedAt = optionalTime(row.at(15));
    call.createdAt = row.at(16).toLongLong();
    call.updatedAt = row.at(17).toLongLong();
    return call;
}

} // namespace

CallRepository::CallRepository(Database &database, IdGenerator &ids) : m_database(database), m_ids(ids) { }

Result<std::optional<CallRow>> CallRepository::find(const QString &orgId, const QString &callId) const
{
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, tr("reading a call"),
        u"SELECT "_s + kColumns + u" FROM calls WHERE id = ? AND org_id = ?"_s, { callId, orgId });
    if (!row)
        return row.refusal();
    if (!row.value())
        return std::optional<CallRow>();
    return std::optional<CallRow>(fromRow(*row.value()));
}

Result<CallRepository::Page> CallRepository::list(const QString &orgId, const CallFilter &filter) const
{
    QString where = u" WHERE org_id = ?"_s;
    QVariantList values{ orgId };
    const auto narrow = [&where, &values](const QString &condition, const QVariant &value) {
        where += u" AND "_s + condition;
        values.append(value);
    };
    if (!filter.agentUserId.isEmpty())
        narrow(u"agent_user_id = ?"_s, filter.agentUserId);
    if (!filter.status.isEmpty())
        narrow(u"status = ?"_s, filter.status);
    if (!filter.prospectId.isEmpty())
        narrow(u"prospect_id = ?"_s, filter.prospectId);
    if (filter.from)
        narrow(kCallTime + u" >= ?"_s, *filter.from);
    if (filter.to)
        narrow(kCallTime + u" < ?"_s, *filter.to);

    const Result<std::optional<SqlRows::Row>> total
        = SqlRows::first(m_database, tr("counting calls"), u"SELECT count(*) FROM calls"_s + where, values);
    if (!total)
        return total.refusal();
    QVariantList pageValues = values;
    pageValues << filter.limit << filter.offset;
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("listing calls"),
        u"SELECT "_s + kColumns + u" FROM calls"_s + where + u" ORDER BY "_s + kCallTime
            + u" DESC, id LIMIT ? OFFSET ?"_s,
        pageValues);
    if (!rows)
        return rows.refusal();
    Page page;
    page.total = total.value() ? total.value()->at(0).toLongLong() : 0;
    for (const SqlRows::Row &row : rows.value())
        page.calls.append(fromRow(row));
    return page;
}

Result<QList<CallMilestoneRow>> CallRepository::milestones(const QString &orgId, const QString &callId) const
{
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading a call's milestones"),
        u"SELECT milestone_id, status, entered_at, finished_at, active_ms FROM call_milestones "
        "WHERE org_id = ? AND call_id = ? ORDER BY entered_at IS NULL, entered_at, milestone_id"_s,
        { orgId, callId });
    if (!rows)
        return rows.refusal();
    QList<CallMilestoneRow> milestones;
    for (const SqlRows::Row &row : rows.value()) {
        milestones.append(CallMilestoneRow{ row.at(0).toString(), row.at(1).toString(), optionalTime(row.at(2)),
            optionalTime(row.at(3)), row.at(4).toLongLong() });
    }
    return milestones;
}

Result<QList<CallObjectionRow>> CallRepository::objections(const QString &orgId, const QString &callId) const
{
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading a call's objections"),
        u"SELECT objection_id, type_id, milestone_id, outcome, raised_at, closed_at FROM call_objections "
        "WHERE org_id = ? AND call_id = ? ORDER BY raised_at, objection_id"_s,
        { orgId, callId });
    if (!rows)
        return rows.refusal();
    QList<CallObjectionRow> objections;
    for (const SqlRows::Row &row : rows.value()) {
        objections.append(CallObjectionRow{ row.at(0).toString(), row.at(1).toString(), row.at(2).toString(),
            row.at(3).toString(), row.at(4).toLongLong(), optionalTime(row.at(5)) });
    }
    return objections;
}

Result<QJsonArray> CallRepository::events(const QString &orgId, const QString &callId) const
{
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading a call's events"),
        u"SELECT json FROM call_events WHERE org_id = ? AND call_id = ? ORDER BY call_pos"_s, { orgId, callId });
    if (!rows)
        return rows.refusal();
    QJsonArray events;
    for (const SqlRows::Row &row : rows.value())
        events.append(QJsonDocument::fromJson(row.at(0).toString().toUtf8()).object());
    return events;
}

Result<bool> CallRepository::insert(Transaction &transaction, const NewCall &call, const std::optional<CallRow> &follows)
{
    const QVariant noCall(QMetaType(QMetaType::QString));
    // ON CONFLICT DO NOTHING rather than a look first: two server nodes
    // creating the same id at once must not end in a constraint error.
    const Result<int> inserted = transaction.execCounting(
        u"INSERT INTO calls (id, org_id, prospect_id, agent_user_id, follows_call_id, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, 'open', ?, ?) ON CONFLICT (id) DO NOTHING"_s,
        { call.id, call.orgId, call.prospectId, call.agentUserId, follows ? QVariant(follows->id) : noCall, call.at,
            call.at });
    if (!inserted)
        return inserted.refusal();
    if (inserted.value() != 1)
        return false;

    QString threadId = follows ? follows->threadId : QString();
    if (threadId.isEmpty()) {
        // A first call starts a thread; so does a follow-up of a call that
        // has none (made before threads existed), with that call first.
        const QString firstCallId = follows ? follows->id : call.id;
        const Result<QString> started = startThread(transaction, call.orgId, call.prospectId, firstCallId, call.at);
        if (!started)
            return started.refusal();
        threadId = started.value();
        if (follows) {
            if (auto refusal = transaction.exec(u"UPDATE calls SET thread_id = ? WHERE id = ? AND org_id = ?"_s,
                    { threadId, follows->id, call.orgId }))
                return *refusal;
        }
    }
    if (auto refusal = transaction.exec(
            u"UPDATE calls SET thread_id = ? WHERE id = ? AND org_id = ?"_s, { threadId, call.id, call.orgId }))
        return *refusal;
    return true;
}

Result<QString> CallRepository::startThread(Transaction &transaction, const QString &orgId, const QString &prospectId,
    const QString &firstCallId, qint64 at)
{
    const QString threadId = m_ids.nextId();
    if (auto refusal = transaction.exec(
            u"INSERT INTO call_threads (id, org_id, prospect_id, first_call_id, created_at) VALUES (?, ?, ?, ?, ?)"_s,
            { threadId, orgId, prospectId, firstCallId, at }))
        return *refusal;
    return threadId;
}

Result<std::optional<QString>> CallRepository::close(
    Transaction &transaction, const QString &orgId, const QString &callId, qint64 at)
{
    // Only an open call changes (closed_at IS NULL), so closing twice is
    // closing once. completed_at keeps the CallCompleted time the ingest
    // wrote; a call closed without one ends now.
    const Result<int> closed = transaction.execCounting(
        u"UPDATE calls SET status = CASE WHEN status = 'completed' THEN 'completed' ELSE 'closed_incomplete' END, "
        "closed_at = ?, completed_at = COALESCE(completed_at, ?), updated_at = ? "
        "WHERE id = ? AND org_id = ? AND closed_at IS NULL"_s,
        { at, at, at, callId, orgId });
    if (!closed)
        return closed.refusal();
    if (closed.value() != 1)
        return std::optional<QString>();
    const Result<QVariant> status
        = transaction.read(u"SELECT status FROM calls WHERE id = ? AND org_id = ?"_s, { callId, orgId });
    if (!status)
        return status.refusal();
    return std::optional<QString>(status.value().toString());
}

} // namespace callos::server
