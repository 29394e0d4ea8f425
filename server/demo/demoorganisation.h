#pragma once

#include "audit/auditlog.h"
#include "calls/callingest.h"
#include "calls/callplaybooks.h"
#include "common/result.h"
#include "content/playbookstore.h"
#include "demo/demoaccountsfile.h"
#include "demo/democontent.h"
#include "demo/scriptclock.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <optional>

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class PasswordGenerator;
class PasswordHasher;

// What the demo seed found or made.
struct DemoSeeding
{
    QString orgId;
    bool created = false; // this run created the organisation
    QList<DemoCredentials> accounts; // with their passwords: only when created
};

// Puts DemoContent into a database through the server's own code: accounts
// through UserDirectory (Argon2id hashes of generated passwords), prospects
// and calls through their repositories, and the calls' events through
// CallIngest, the very path a desktop's sync takes, so the read models
// (calls, call_milestones, call_objections, slide_instances) are filled as
// for any synced call.
//
// Two steps, each safe to run again:
//   1. ensureOrganisation(): the organisation, its four accounts, its
//      prospects and its calls (not started yet), in one transaction - or
//      nothing, when the demo organisation exists already.
//   2. playMissingCalls(): plays each demo call that has no events yet and
//      stores its events, one transaction per call. A run interrupted here
//      is finished by the next one.
// The caller keeps the passwords of step 1 (DemoAccountsFile) before step 2.
class DemoOrganisation
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::DemoOrganisation)

public:
    // The accounts and the organisation date from this long before the
    // seeding, so they are older than the prospects and calls they own.
    static constexpr int kFoundedDaysAgo = 30;

    DemoOrganisation(Database &database, const PasswordHasher &hasher, const PasswordGenerator &passwords,
        const Clock &clock, IdGenerator &ids);
    ~DemoOrganisation();

    // demo.name_taken: an organisation of the demo's name exists that the
    // seed did not make. demo.database_in_use: the database holds other
    // organisations (the demo, with its passwords in a file, is for a
    // database of its own). Both change nothing.
    Result<DemoSeeding> ensureOrganisation();
    // How many calls this run played.
    Result<int> playMissingCalls(const QString &orgId);

    // When a demo call began (its first milestone), `today` being the day of
    // the seeding (UTC).
    static qint64 callStartMs(const DemoCall &call, const QDate &today);
    // When a paused demo call's follow-up is.
    static qint64 followUpAtMs(const DemoCall &call, const QDate &today);

private:
    // The demo organisation's id; std::nullopt when there is none yet.
    Result<std::optional<QString>> existingOrganisation() const;
    Result<DemoSeeding> create(const QList<DemoCredentials> &credentials, const QStringList &hashes);

    Database &m_database;
    const PasswordHasher &m_hasher;
    const PasswordGenerator &m_passwords;
    const Clock &m_clock;
    IdGenerator &m_ids;
    ScriptClock m_foundingClock; // stamps the organisation, its accounts and their audit entries
    AuditLog m_audit;
    PlaybookStore m_playbookStore;
    CallPlaybooks m_callPlaybooks;
    CallIngest m_ingest;
};

} // namespace callos::server
