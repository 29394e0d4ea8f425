#pragma once

#include "common/result.h"
#include "sessions/principal.h"
#include "sessions/sessionpolicy.h"

#include <QCoreApplication>
#include <QList>

#include <functional>

#include <optional>

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class Transaction;

// One signed-in device, as the sessions list shows it (never the token).
struct SessionInfo
{
    QString id;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
    qint64 expiresAt = 0; // the absolute limit
};

struct IssuedSession
{
    QString id;
    QString token; // handed to the client once, never stored
    qint64 expiresAt = 0;
};

// The sessions table: issues tokens at sign-in, turns a presented token
// into the Principal it acts for, and ends sessions.
class SessionStore
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::SessionStore)

public:
    SessionStore(Database &database, const Clock &clock, IdGenerator &ids, SessionPolicy policy);

    const SessionPolicy &policy() const { return m_policy; }

    // Inside the caller's transaction, so the session and the audit row of
    // the sign-in are kept together or not at all.
    Result<IssuedSession> create(Transaction &transaction, const QString &orgId, const QString &userId);

    // auth.invalid_token for a token we never issued or that was ended;
    // auth.session_expired past the idle or absolute limit; a disabled user
    // counts as ended. Refreshes last_seen_at (at most once a minute).
    Result<Principal> authenticate(const QString &token);

    // Called after sessions were ended here (logout, password change, user
    // disabled), so open live connections can be checked at once. It runs
    // inside the ending transaction: queue anything that reads the result.
    void onSessionsEnded(std::function<void()> handler) { m_sessionsEnded = std::move(handler); }

    Result<QList<SessionInfo>> list(const QString &orgId, const QString &userId) const;
    // auth.session_not_found unless the session is the user's own and live.
    std::optional<Refusal> revoke(Transaction &transaction, const Principal &owner, const QString &sessionId);
    // Ends every live session of the user except `keepSessionId` (may be empty: all).
    std::optional<Refusal> revokeAllOf(
        Transaction &transaction, const QString &orgId, const QString &userId, const QString &keepSessionId);

private:
    void announceEnded() const;

    Database &m_database;
    const Clock &m_clock;
    IdGenerator &m_ids;
    SessionPolicy m_policy;
    std::function<void()> m_sessionsEnded;
};

} // namespace callos::server
