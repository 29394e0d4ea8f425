#include "viewer/sharelinks.h"

#include "common/clock.h"
#include "common/idgenerator.h"
#include "sessions/sessiontoken.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

ShareLinks::ShareLinks(Database &database, const Clock &clock, IdGenerator &ids)
    : m_database(database)
    , m_clock(clock)
    , m_ids(ids)
{
}

Result<IssuedShareLink> ShareLinks::create(
    Transaction &transaction, const QString &orgId, const QString &callId, const QString &userId)
{
    IssuedShareLink link{ m_ids.nextId(), SessionToken::generate(QLatin1StringView(kTokenPrefix)), m_clock.nowMs() };
    if (auto refusal = transaction.exec(u"INSERT INTO share_links (id, org_id, call_id, token_hash, created_by, "
                                        "created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
            { link.id, orgId, callId, SessionToken::hash(link.token), userId, link.createdAt }))
        return *refusal;
    return link;
}

Result<int> ShareLinks::revokeAll(Transaction &transaction, const QString &orgId, const QString &callId)
{
    return transaction.execCounting(
        u"UPDATE share_links SET revoked_at = ? WHERE org_id = ? AND call_id = ? AND revoked_at IS NULL"_s,
        { m_clock.nowMs(), orgId, callId });
}

Result<std::optional<SharedCall>> ShareLinks::resolve(const QString &token) const
{
    if (!looksLikeToken(token))
        return std::optional<SharedCall>();
    // The call's status is read with the link, so a link dies the moment its
    // call ends, without anything having to remember to revoke it.
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, tr("reading share links"),
        u"SELECT s.org_id, s.call_id FROM share_links s JOIN calls c ON c.id = s.call_id AND c.org_id = s.org_id "
        "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND c.status IN ('open', 'in_progress')"_s,
        { SessionToken::hash(token) });
    if (!row)
        return row.refusal();
    if (!row.value())
        return std::optional<SharedCall>();
    return std::optional<SharedCall>(SharedCall{ row.value()->at(0).toString(), row.value()->at(1).toString() });
}

bool ShareLinks::looksLikeToken(const QString &token)
{
    // "cov_" + 43 base64url characters, as SessionToken::generate makes them.
    constexpr qsizetype kLength = 4 + 43;
    if (token.size() != kLength || !token.startsWith(QLatin1StringView(kTokenPrefix)))
        return false;
    for (qsizetype i = 4; i < token.size(); ++i) {
        const QChar c = token.at(i);
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != u'-' && c != u'_')
            return false;
    }
    return true;
}

} // namespace callos::server
