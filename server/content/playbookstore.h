#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace callos {
class Clock;
}

namespace callos::server {

class Database;
class Transaction;

// The playbook each organisation runs: the one its admin stored (org_settings
// key "playbook"), else the built-in default (resources/playbooks/default.json,
// embedded into the server by server/CMakeLists.txt, see kEmbeddedDefault).
// What is stored has passed PlaybookLoader; this class only keeps it.
class PlaybookStore
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::PlaybookStore)

public:
    static inline const QString kEmbeddedDefault = QStringLiteral(":/content/playbooks/default.json");

    // `builtinDefault`: the playbook of organisations that stored none.
    PlaybookStore(Database &database, const Clock &clock, QJsonObject builtinDefault);

    // Reads the embedded default; a refusal if the server was built without it.
    static Result<QJsonObject> readEmbeddedDefault();

    Result<QJsonObject> active(const QString &orgId) const;

    // What replace() did, and the version of the playbook that was in use.
    struct Replacement
    {
        enum class Outcome {
            Stored,          // the organisation runs the new playbook
            Unchanged,       // it sent the playbook it runs already: nothing to do
            VersionNotNewer, // a changed playbook whose version is not above the one in use
        };
        Outcome outcome = Outcome::Stored;
        int activeVersion = 0;
    };

    // Makes `playbook` (accepted by PlaybookLoader) the organisation's,
    // inside the caller's transaction (so the audit entry stands or falls
    // with it). Versions only go up: a call names the playbook it ran by id
    // and version, and the server checks its events against that, so a
    // changed document under the version in use (or an older one) would
    // make every such call ambiguous. The very document in use is no change.
    Result<Replacement> replace(Transaction &transaction, const QString &orgId, const QString &userId,
        const QJsonObject &playbook);

private:
    // What org_settings holds for the organisation, else the built-in default.
    QJsonObject activeFrom(const QVariant &storedJson) const;

    Database &m_database;
    const Clock &m_clock;
    QJsonObject m_builtinDefault;
};

} // namespace callos::server
