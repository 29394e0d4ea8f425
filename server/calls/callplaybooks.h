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
    std::shared_ptr<const Playbook> parsed(const QJsonObject &json);

    const PlaybookStore &m_store;
    // Keyed by the playbook's JSON text: a changed playbook is parsed anew.
    QHash<QByteArray, std::shared_ptr<const Playbook>> m_parsed;
};

} // namespace callos::server
