#include "client/store/callrepository.h"

#include "client/store/localstore.h"
#include "client/store/singlerowquery.h"
#include "client/store/storerefusals.h"
#include "client/store/writetransaction.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

const QString kColumns = u"c.id, c.prospect_id, c.playbook_id, c.playbook_version, c.deck_id, c.started_at,"
                         " c.completed_at, c.state"_s;

QString stateName(CallRecord::State state)
{
    return state == CallRecord::State::Completed ? u"completed"_s : u"in_progress"_s;
}

QVariant optionalValue(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace

CallRepository::CallRepository(LocalStore &store) : m_store(store) { }

std::optional<Refusal> CallRepository::create(const CallRecord &call)
{
    if (call.id.isEmpty() || call.prospectId.isEmpty() || call.playbookId.isEmpty())
        return Refusal { u"store.invalid_call"_s,
            tr("A call needs an id, a prospect and a playbook; it was not saved.") };
    if ((call.state == CallRecord::State::Completed) != call.completedAt.has_value())
        return Refusal { u"store.invalid_call"_s,
            tr("Call %1 has a completion time exactly when it is completed; it was not saved.").arg(call.id) };

    WriteTransaction transaction(m_store, tr("saving call %1").arg(call.id));
    if (auto refusal = transaction.begin())
        return refusal;
    const Result<QVariant> prospect = transaction.read(u"SELECT 1 FROM prospects WHERE id = ?"_s, { call.prospectId });
    if (!prospect)
        return prospect.refusal();
    if (!prospect.value().isValid())
        return transaction.abort(Refusal { u"store.unknown_prospect"_s,
            tr("Call %1 is for prospect %2, who is not stored; the call was not saved.")
                .arg(call.id, call.prospectId) });
    int inserted = 0;
    if (auto refusal = transaction.exec(
            u"INSERT INTO calls (id, prospect_id, playbook_id, playbook_version, deck_id, started_at, completed_at,"
            " state) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"_s,
            { call.id, call.prospectId, call.playbookId, call.playbookVersion, call.deckId, call.startedAt,
                optionalValue(call.completedAt), stateName(call.state) },
            &inserted))
        return refusal;
    if (inserted == 0)
        return transaction.abort(Refusal {
            u"store.duplicate_call"_s, tr("A call with id %1 is already stored; nothing was changed.").arg(call.id) });
    return transaction.commit();
}

Result<CallRecord> CallRepository::get(const QString &callId) const
{
    const auto row = selectSingleRow(m_store, tr("call %1").arg(callId),
                                     u"SELECT "_s + kColumns + u" FROM calls c WHERE c.id = ?"_s, {callId});
    if (!row)
        return row.refusal();
    return fromRow(row.value());
}

Result<QList<CallListEntry>> CallRepository::recent(int limit) const
{
    return list(tr("the recent calls"), QString(), limit);
}

Result<QList<CallListEntry>> CallRepository::unfinished() const
{
    return list(tr("the unfinished calls"), u"WHERE c.state = 'in_progress'"_s, -1);
}

std::optional<Refusal> CallRepository::markCompleted(const QString &callId, qint64 completedAtMs)
{
    WriteTransaction transaction(m_store, tr("marking call %1 completed").arg(callId));
    if (auto refusal = transaction.begin())
        return refusal;
    const Result<QVariant> state = transaction.read(u"SELECT state FROM calls WHERE id = ?"_s, { callId });
    if (!state)
        return state.refusal();
    if (!state.value().isValid())
        return transaction.abort(StoreRefusals::notFound(m_store.path(), tr("call %1").arg(callId)));
    if (state.value().toString() == stateName(CallRecord::State::Completed))
        return std::nullopt; // nothing to write; the empty transaction rolls back
    if (auto refusal = transaction.exec(
            u"UPDATE calls SET state = 'completed', completed_at = ? WHERE id = ?"_s, { completedAtMs, callId }))
        return refusal;
    return transaction.commit();
}

Result<QList<CallListEntry>> CallRepository::list(const QString &what, const QString &condition, int limit) const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    // LEFT JOIN: a call never drops out of the list, even if its prospect row
    // were missing (the foreign key forbids it, but the file may be edited).
    query.prepare(u"SELECT "_s + kColumns
        + u", coalesce(p.name, ''), coalesce(p.company, '')"
          " FROM calls c LEFT JOIN prospects p ON p.id = c.prospect_id "_s
        + condition + u" ORDER BY c.started_at DESC, c.rowid DESC LIMIT ?"_s);
    query.addBindValue(limit);
    if (!query.exec())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    QList<CallListEntry> entries;
    while (query.next())
        entries.append(CallListEntry { fromRow(query), query.value(8).toString(), query.value(9).toString() });
    if (query.lastError().isValid())
        return StoreRefusals::readFailed(m_store.path(), what, StoreRefusals::detail(query.lastError()));
    return entries;
}

CallRecord CallRepository::fromRow(const QSqlQuery &query)
{
    CallRecord call;
    call.id = query.value(0).toString();
    call.prospectId = query.value(1).toString();
    call.playbookId = query.value(2).toString();
    call.playbookVersion = query.value(3).toInt();
    call.deckId = query.value(4).toString();
    call.startedAt = query.value(5).toLongLong();
    if (!query.value(6).isNull())
        call.completedAt = query.value(6).toLongLong();
    call.state
        = query.value(7).toString() == u"completed"_s ? CallRecord::State::Completed : CallRecord::State::InProgress;
    return call;
}

} // namespace callos::client
