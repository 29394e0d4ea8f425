#pragma once

#include "playbook/playbook.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>

namespace callos::server {

class PlaybookStore;

// The parsed playbook a call is checked against. A call names the playbook
// it started with (CallStarted's playbookId and playbookVersion); the server
// knows the organisation's active playbook and the built-in default. Parsed
// playbooks are kept, since every ingested batch needs one.
class CallPlaybooks
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::CallPlaybooks)

public:
    explicit CallPlaybooks(const PlaybookStore &store);

    // nullptr when the organisation runs no playbook of that id and version
    // (an admin replaced it since); the caller refuses the call's events.
    std::shared_ptr<const Playbook> find(const QString &orgId, const QString &playbookId, int version);

private:
    // `json` parsed when it is playbook `playbookId` at `version`; `owner` is
    // the organisation that stored it, empty for the built-in default.
    std::shared_ptr<const Playbook> ifIs(
        const QString &owner, const QJsonObject &json, const QString &playbookId, int version);

    const PlaybookStore &m_store;
    // Keyed by owner, id and version, which name one playbook for good: a
    // changed playbook needs a higher version (PlaybookRoutes), so a parse
    // kept here never goes stale.
    QHash<QString, std::shared_ptr<const Playbook>> m_parsed;
};

} // namespace callos::server
