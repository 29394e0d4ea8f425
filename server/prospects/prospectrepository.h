#pragma once

#include "common/result.h"
#include "prospects/prospect.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace callos::server {

class Database;
class Transaction;

// The prospects table. Every read and write is fenced by the organisation;
// who within it may see a prospect (an agent: their own) is the caller's
// rule, passed in as `ownerUserId` where it narrows a read.
class ProspectRepository
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ProspectRepository)

public:
    explicit ProspectRepository(Database &database);

    // The organisation's prospect, or std::nullopt (also for another
    // organisation's id).
    Result<std::optional<Prospect>> find(const QString &orgId, const QString &id) const;

    struct Page
    {
        QList<Prospect> prospects; // by name, then id
        qint64 total = 0;          // matching, all pages
    };
    // `ownerUserId` empty: the whole organisation's. `search` matches a part
    // of the name or the company, ignoring case (Unicode case folding, the
    // same on both backends).
    Result<Page> list(const QString &orgId, const QString &ownerUserId, const QString &search, int limit,
        int offset) const;

    // Adds the prospect unless its id is taken, in any organisation (ids are
    // global): then false, and nothing was written.
    Result<bool> insert(Transaction &transaction, const Prospect &prospect);
    // Writes the fields and updatedAt of the organisation's prospect.
    std::optional<Refusal> update(Transaction &transaction, const Prospect &prospect);

    // What search compares against: the case-folded name and company.
    static QString searchKey(const ProspectFields &fields);

private:
    Database &m_database;
};

} // namespace callos::server
