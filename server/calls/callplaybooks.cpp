#include "calls/callplaybooks.h"

#include "content/playbookstore.h"
#include "playbook/playbookloader.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos::server {

CallPlaybooks::CallPlaybooks(const PlaybookStore &store) : m_store(store) { }

std::shared_ptr<const Playbook> CallPlaybooks::find(const QString &orgId, const QString &playbookId, int version)
{
    Result<QJsonObject> active = m_store.active(orgId);
    if (!active)
        return nullptr;
    std::shared_ptr<const Playbook> playbook = parsed(active.value());
    if (playbook && playbook->id == playbookId && playbook->version == version)
        return playbook;
    // Calls started on the built-in playbook stay valid after an admin
    // stores their own.
    Result<QJsonObject> builtin = PlaybookStore::readEmbeddedDefault();
    if (!builtin)
        return nullptr;
    playbook = parsed(builtin.value());
    if (playbook && playbook->id == playbookId && playbook->version == version)
        return playbook;
    return nullptr;
}

std::shared_ptr<const Playbook> CallPlaybooks::parsed(const QJsonObject &json)
{
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    if (const auto found = m_parsed.constFind(bytes); found != m_parsed.constEnd())
        return found.value();
    Validated<Playbook> loaded = PlaybookLoader::parse(bytes, u"playbook"_s);
    if (!loaded.ok())
        return nullptr;
    auto playbook = std::make_shared<const Playbook>(std::move(*loaded.value));
    // A handful of versions at most; cleared rather than tracked.
    if (m_parsed.size() > 64)
        m_parsed.clear();
    m_parsed.insert(bytes, playbook);
    return playbook;
}

} // namespace callos::server
