#include "sessions/sessionstore.h"

#include "common/clock.h"
#include "common/idgenerator.h"
#include "sessions/sessiontoken.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

SessionStore::SessionStore(Database &database, const Clock &clock, IdGenerator &ids, SessionPolicy policy)
    : m_database(database)
    , m_clock(clock)
    , m_ids(ids)
    , m_policy(policy)
{
}

Result<IssuedSession> SessionStore::create(Transaction &transaction, const QString &orgId, const QString &userId)
{
    const qint64 now = m_clock.nowMs();
    IssuedSession issued{ m_ids.nextId(), SessionToken::generate(), now + m_policy.absoluteMs };
    if (auto refusal = transaction.exec(
            u"INSERT INTO sessions (id, org_id, user_id, token_hash, created_at, last_seen_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            { issued.id, orgId, userId, SessionToken::hash(issued.token), now, now, issued.expiresAt }))
        return *refusal;
    return issued;
}

Result<Principal> SessionStore::authenticate(const QString &token)
{
    const Refusal invalid{ u"auth.invalid_token"_s, tr("This session is not valid. Sign in again.") };
    if (!token.startsWith(QLatin1String(SessionToken::kPrefix)))
        return invalid;
    const Result<std::optional<SqlRows::Row>> found = SqlRows::first(m_database, tr("reading the session"),
        u"SELECT s.id, s.user_id, s.org_id, s.last_seen_at, s.expires_at, s.revoked_at, u.email, u.role, "
        "u.disabled_at, u.mfa_enabled_at, o.require_mfa FROM sessions s "
        "JOIN users u ON u.id = s.user_id AND u.org_id = s.org_id "
        "JOIN organisations o ON o.org_id = s.org_id WHERE s.token_hash = ?"_s,
        { SessionToken::hash(token) });
    if (!found)
        return found.refusal();
    if (!found.value())
        return invalid;
    const SqlRows::Row &row = *found.value();
    const qint64 now = m_clock.nowMs();
    const qint64 lastSeenAt = row.at(3).toLongLong();
    if (!row.at(5).isNull() || !row.at(8).isNull())
        return invalid;
    if (now >= row.at(4).toLongLong() || now - lastSeenAt >= m_policy.idleMs)
        return Refusal{ u"auth.session_expired"_s, tr("The session has expired. Sign in again.") };
    const std::optional<Role> role = roleFromName(row.at(7).toString());
    if (!role)
        return invalid;

    Principal principal{ row.at(0).toString(), row.at(1).toString(), row.at(2).toString(), row.at(6).toString(),
        *role, row.at(10).toBool() && row.at(9).isNull() };
    if (now - lastSeenAt >= m_policy.touchEveryMs) {
        Transaction touch(m_database, tr("Refreshing the session"));
        if (auto refusal = touch.begin())
            return *refusal;
        if (auto refusal = touch.exec(u"UPDATE sessions SET last_seen_at = ? WHERE id = ? AND org_id = ?"_s,
                { now, principal.sessionId, principal.orgId }))
            return *refusal;
        if (auto refusal = touch.commit())
            return *refusal;
    }
    return principal;
}

Result<QList<SessionInfo>> SessionStore::list(const QString &orgId, const QString &userId) const
{
    const qint64 now = m_clock.nowMs();
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading the sessions"),
        u"SELECT id, created_at, last_seen_at, expires_at FROM sessions "
        "WHERE org_id = ? AND user_id = ? AND revoked_at IS NULL AND expires_at > ? AND last_seen_at > ? "
        "ORDER BY created_at DESC"_s,
        { orgId, userId, now, now - m_policy.idleMs });
    if (!rows)
        return rows.refusal();
    QList<SessionInfo> sessions;
    for (const SqlRows::Row &row : rows.value())
        sessions.append({ row.at(0).toString(), row.at(1).toLongLong(), row.at(2).toLongLong(), row.at(3).toLongLong() });
    return sessions;
}

std::optional<Refusal> SessionStore::revoke(Transaction &transaction, const Principal &owner, const QString &sessionId)
{
    const Result<int> changed = transaction.execCounting(
        u"UPDATE sessions SET revoked_at = ? WHERE id = ? AND org_id = ? AND user_id = ? AND revoked_at IS NULL"_s,
        { m_clock.nowMs(), sessionId, owner.orgId, owner.userId });
    if (!changed)
        return changed.refusal();
    if (changed.value() == 0)
        return Refusal{ u"auth.session_not_found"_s, tr("There is no such session of yours.") };
    announceEnded();
    return std::nullopt;
}

std::optional<Refusal> SessionStore::revokeAllOf(
    Transaction &transaction, const QString &orgId, const QString &userId, const QString &keepSessionId)
{
    // Without a session to keep, no "id <> ?": an empty QString binds as
    // NULL, and "id <> NULL" holds for no row at all.
    const std::optional<Refusal> refusal = keepSessionId.isEmpty()
        ? transaction.exec(
              u"UPDATE sessions SET revoked_at = ? WHERE org_id = ? AND user_id = ? AND revoked_at IS NULL"_s,
              { m_clock.nowMs(), orgId, userId })
        : transaction.exec(u"UPDATE sessions SET revoked_at = ? "
                           "WHERE org_id = ? AND user_id = ? AND id <> ? AND revoked_at IS NULL"_s,
              { m_clock.nowMs(), orgId, userId, keepSessionId });
    if (!refusal)
        announceEnded();
    return refusal;
}

void SessionStore::announceEnded() const
{
    if (m_sessionsEnded)
        m_sessionsEnded();
}

} // namespace callos::server
