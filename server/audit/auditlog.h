#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace callos {
class Clock;
}

namespace callos::server {

class Database;
class Transaction;

// One thing that happened that an admin may have to account for later:
// sign-ins (ok and failed), sign-outs, MFA changes, user and role changes,
// configuration changes, exports. `details` never holds a secret.
struct AuditEntry
{
    QString orgId;
    QString actorUserId; // empty: the system or an unknown person
    QString action;      // "auth.login_failed", "user.role_changed", ...
    QString target;      // what it was done to: a user id, a call id
    QJsonObject details;
    qint64 at = 0;       // filled in by record()
    qint64 id = 0;       // filled in when read
};

// The audit_log table (append-only; the database refuses UPDATE and DELETE).
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::AuditLog)

public:
    AuditLog(Database &database, const Clock &clock);

    // Inside the caller's transaction, so the entry stands or falls with the change.
    std::optional<Refusal> record(Transaction &transaction, AuditEntry entry);
    // On its own, for things that change nothing else (a failed sign-in).
    std::optional<Refusal> record(AuditEntry entry);

    struct Page
    {
        QList<AuditEntry> entries; // newest first
        qint64 nextBeforeId = 0;   // 0: no more
    };
    // The organisation's entries, newest first, older than `beforeId` (0: from the newest).
    Result<Page> read(const QString &orgId, const QString &action, qint64 beforeId, int limit) const;

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace callos::server
