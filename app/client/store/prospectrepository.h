#pragma once

#include "client/store/prospect.h"
#include "common/clock.h"
#include "common/idgenerator.h"
#include "common/refusal.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class QSqlQuery;

namespace callos::client {

class LocalStore;
class WriteTransaction;

// The prospects of the local store. Times come from the injected clock, new
// ids from the injected generator.
class ProspectRepository
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::ProspectRepository)

public:
    ProspectRepository(LocalStore &store, const Clock &clock, IdGenerator &ids);

    // Prospects whose name or company contains `search` in any letter case
    // (empty: all), ordered by name; at most `limit` (0 or less: no limit).
    Result<QList<Prospect>> list(const QString &search = {}, int limit = 100) const;
    // store.not_found when there is no such prospect.
    Result<Prospect> get(const QString &id) const;
    // Inserts (with a new id when `prospect.id` is empty) or updates; returns
    // the prospect as stored, with its times. store.invalid_prospect names
    // the bad input; created time is kept on update.
    Result<Prospect> save(const Prospect &prospect);
    // On first run, when no prospect is stored at all, stores the demo
    // prospects (DemoProspects) in one transaction. Returns how many it
    // added: 0 when there already were prospects.
    Result<int> seedDemoIfEmpty();

private:
    std::optional<Refusal> validate(const Prospect &prospect) const;
    static std::optional<Refusal> insert(WriteTransaction &transaction, const Prospect &prospect);
    static Prospect fromRow(const QSqlQuery &query);

    LocalStore &m_store;
    const Clock &m_clock;
    IdGenerator &m_ids;
};

} // namespace callos::client
