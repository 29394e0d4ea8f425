#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class Transaction;

// A share link as its creator sees it once: the token is the link's only
// secret and is never stored (share_links keeps its SHA-256).
struct IssuedShareLink
{
    QString id;
    QString token;
    qint64 createdAt = 0;
};

// The call a live share link shows.
struct SharedCall
{
    QString orgId;
    QString callId;
};

// The share_links table: links an agent hands to the prospect so they can
// follow the slides in a browser (/view/<token>). A token is 256 random
// bits; it shows one call's slides and nothing else, and only while that
// call is open or in progress - it dies with the call, or when revoked.
class ShareLinks
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ShareLinks)

public:
    static constexpr auto kTokenPrefix = "cov_";

    ShareLinks(Database &database, const Clock &clock, IdGenerator &ids);

    // A new link for the call (the caller checked the call is the user's
    // own and still running), in the caller's transaction with its audit row.
    Result<IssuedShareLink> create(
        Transaction &transaction, const QString &orgId, const QString &callId, const QString &userId);
    // Revokes every live link of the call; how many there were.
    Result<int> revokeAll(Transaction &transaction, const QString &orgId, const QString &callId);
    // The call behind a token, if the link is live: not revoked, and its
    // call not ended. std::nullopt for anything else, malformed tokens too.
    Result<std::optional<SharedCall>> resolve(const QString &token) const;

    // Cheap shape check before any lookup (and before a token reaches a query).
    static bool looksLikeToken(const QString &token);

private:
    Database &m_database;
    const Clock &m_clock;
    IdGenerator &m_ids;
};

} // namespace callos::server
