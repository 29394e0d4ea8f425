#pragma once

#include "client/store/callrecord.h"
#include "common/refusal.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class QSqlQuery;

namespace callos::client {

class LocalStore;

// The call records of the local store.
class CallRepository
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::CallRepository)

public:
    explicit CallRepository(LocalStore &store);

    // Refusals: store.invalid_call, store.unknown_prospect, store.duplicate_call, store.write_failed.
    std::optional<Refusal> create(const CallRecord &call);
    // store.not_found when there is no such call.
    Result<CallRecord> get(const QString &callId) const;
    // The latest calls first, with the prospect's name.
    Result<QList<CallListEntry>> recent(int limit) const;
    // Calls still in progress (to offer for resume), the latest first.
    Result<QList<CallListEntry>> unfinished() const;
    // Idempotent: a call already completed keeps its first completion time.
    // store.not_found when there is no such call.
    std::optional<Refusal> markCompleted(const QString &callId, qint64 completedAtMs);

private:
    Result<QList<CallListEntry>> list(const QString &what, const QString &condition, int limit) const;
    static CallRecord fromRow(const QSqlQuery &query);

    LocalStore &m_store;
};

} // namespace callos::client
