#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace callos {
class IdGenerator;
}

namespace callos::server {

class Database;
class Transaction;

// A row of the calls table. The event ingest keeps status, playbook_*,
// advisory_only, current_milestone_id, decision, event_count, started_at and
// completed_at up to date from the call's events; the rest is set when the
// call is created (PUT/POST /calls) or closed (POST /calls/{id}/complete).
struct CallRow
{
    QString id;
    QString orgId;
    QString prospectId;
    QString agentUserId; // who runs the call: an agent sees only their own calls
    QString threadId;    // the first call and its follow-ups share one
    QString followsCallId; // empty: a first call
    QString status;      // open | in_progress | completed | closed_incomplete
    QString playbookId;
    qint64 playbookVersion = 0;
    bool advisoryOnly = false;
    QString currentMilestoneId;
    QString decision; // "" | proceed | pause | decline
    qint64 eventCount = 0;
    std::optional<qint64> startedAt;
    std::optional<qint64> completedAt;
    std::optional<qint64> closedAt; // set once, by close()
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// call_milestones, as the event ingest keeps it.
struct CallMilestoneRow
{
    QString milestoneId;
    QString status;
    std::optional<qint64> enteredAt;
    std::optional<qint64> finishedAt;
    qint64 activeMs = 0;
};

// call_objections, as the event ingest keeps it.
struct CallObjectionRow
{
    QString objectionId;
    QString typeId;
    QString milestoneId;
    QString outcome;
    qint64 raisedAt = 0;
    std::optional<qint64> closedAt;
};

// What to list; empty or absent members do not filter.
struct CallFilter
{
    QString agentUserId;
    QString status;
    QString prospectId;
    std::optional<qint64> from; // UTC ms, inclusive, on started_at (created_at before the first event)
    std::optional<qint64> to;   // UTC ms, exclusive
    int limit = 50;
    int offset = 0;
};

// A call about to be created. Its thread is its own new one, or the one of
// the call it follows.
struct NewCall
{
    QString id;
    QString orgId;
    QString prospectId;
    QString agentUserId;
    qint64 at = 0;
};

// The calls table and its read models, every access fenced by the
// organisation. Who within the organisation may see a call (an agent: their
// own) is the caller's rule: find() returns the row whoever owns it, so the
// event ingest can check both that a call exists and whose it is:
//
//   const auto call = calls.find(principal.orgId, event.callId);
//   if (!call) ...storage refusal...; if (!call.value()) ...call.unknown...;
//   if (call.value()->agentUserId != principal.userId) ...not yours...
//
// Reads use the database's one connection, so inside an open Transaction
// they see what it wrote.
class CallRepository
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::CallRepository)

public:
    CallRepository(Database &database, IdGenerator &ids);

    // The organisation's call, or std::nullopt (also for another organisation's id).
    Result<std::optional<CallRow>> find(const QString &orgId, const QString &callId) const;

    struct Page
    {
        QList<CallRow> calls; // newest first (started_at, else created_at), then by id
        qint64 total = 0;     // matching, all pages
    };
    Result<Page> list(const QString &orgId, const CallFilter &filter) const;

    // The call's read models, in the order things happened.
    Result<QList<CallMilestoneRow>> milestones(const QString &orgId, const QString &callId) const;
    Result<QList<CallObjectionRow>> objections(const QString &orgId, const QString &callId) const;
    // The call's events as stored (the JSON the desktop sent), in the order
    // the reducer applied them.
    Result<QJsonArray> events(const QString &orgId, const QString &callId) const;

    // Adds the call, status open, in a new thread - or, following `follows`
    // (a call of the same organisation and prospect), in that call's thread.
    // False when the id is taken, in any organisation (ids are global): then
    // nothing was written and the caller should abandon the transaction.
    Result<bool> insert(Transaction &transaction, const NewCall &call, const std::optional<CallRow> &follows);

    // Closes the call: completed if its events completed it, else
    // closed_incomplete. The new status, or std::nullopt when it was closed
    // already (nothing changes then).
    Result<std::optional<QString>> close(Transaction &transaction, const QString &orgId, const QString &callId,
        qint64 at);

private:
    // Starts a thread whose first call is `firstCallId`; its id.
    Result<QString> startThread(Transaction &transaction, const QString &orgId, const QString &prospectId,
        const QString &firstCallId, qint64 at);

    Database &m_database;
    IdGenerator &m_ids;
};

} // namespace callos::server
