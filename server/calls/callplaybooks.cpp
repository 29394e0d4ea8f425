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
    if (auto playbook = ifIs(orgId, active.value(), playbookId, version))
        return playbook;
    // Calls started on the built-in playbook stay valid after an admin
    // stores their own.
    Result<QJsonObject> builtin = PlaybookStore::readEmbeddedDefault();
    if (!builtin)
        return nullptr;
    return ifIs(QString(), builtin.value(), playbookId, version);
}

std::shared_ptr<const Playbook> CallPlaybooks::ifIs(
    const QString &owner, const QJsonObject &json, const QString &playbookId, int version)
{
    if (json.value(u"id"_s).toString() != playbookId || json.value(u"version"_s).toInt() != version)
        return nullptr;
    const QString key = owner + u'/' + playbookId + u'/' + QString::number(version);
    if (const auto found = m_parsed.constFind(key); found != m_parsed.constEnd())
        return found.value();
    Validated<Playbook> loaded
        = PlaybookLoader::parse(QJsonDocument(json).toJson(QJsonDocument::Compact), u"playbook"_s);
    if (!loaded.ok())
        return nullptr;
    auto playbook = std::make_shared<const Playbook>(std::move(*loaded.value));
    // A handful of versions at most; cleared rather than tracked.
    if (m_parsed.size() > 64)
        m_parsed.clear();
    m_parsed.insert(key, playbook);
    return playbook;
}

} // namespace callos::server
