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
    // Replaces the organisation's playbook, inside the caller's transaction
    // (so the audit entry stands or falls with it).
    std::optional<Refusal> store(Transaction &transaction, const QString &orgId, const QString &userId,
        const QJsonObject &playbook);

private:
    Database &m_database;
    const Clock &m_clock;
    QJsonObject m_builtinDefault;
};

} // namespace callos::server
