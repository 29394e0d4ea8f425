#include "content/playbookstore.h"

#include "common/clock.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

const QString kKey = u"playbook"_s;

} // namespace

PlaybookStore::PlaybookStore(Database &database, const Clock &clock, QJsonObject builtinDefault)
    : m_database(database), m_clock(clock), m_builtinDefault(std::move(builtinDefault))
{
}

Result<QJsonObject> PlaybookStore::readEmbeddedDefault()
{
    QFile file(kEmbeddedDefault);
    if (!file.open(QIODevice::ReadOnly))
        return Refusal{ u"playbook.builtin_missing"_s,
            tr("The built-in playbook %1 cannot be read: %2").arg(kEmbeddedDefault, file.errorString()) };
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        return Refusal{ u"playbook.builtin_invalid"_s,
            tr("The built-in playbook %1 is not a JSON object: %2").arg(kEmbeddedDefault, error.errorString()) };
    return document.object();
}

QJsonObject PlaybookStore::activeFrom(const QVariant &storedJson) const
{
    if (!storedJson.isValid() || storedJson.isNull())
        return m_builtinDefault;
    return QJsonDocument::fromJson(storedJson.toString().toUtf8()).object();
}

Result<QJsonObject> PlaybookStore::active(const QString &orgId) const
{
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, tr("reading the playbook"),
        u"SELECT json FROM org_settings WHERE org_id = ? AND key = ?"_s, { orgId, kKey });
    if (!row)
        return row.refusal();
    return activeFrom(row.value() ? row.value()->at(0) : QVariant());
}

Result<PlaybookStore::Replacement> PlaybookStore::replace(
    Transaction &transaction, const QString &orgId, const QString &userId, const QJsonObject &playbook)
{
    // On PostgreSQL two admins saving at once take turns on the organisation's
    // row (there may be no settings row to lock yet), so both cannot pass the
    // version check against the same old playbook. SQLite's BEGIN IMMEDIATE
    // serialises writers already.
    if (m_database.backend() == DatabaseSettings::Backend::Postgresql) {
        const Result<QVariant> locked
            = transaction.read(u"SELECT org_id FROM organisations WHERE org_id = ? FOR UPDATE"_s, { orgId });
        if (!locked)
            return locked.refusal();
    }
    const Result<QVariant> stored
        = transaction.read(u"SELECT json FROM org_settings WHERE org_id = ? AND key = ?"_s, { orgId, kKey });
    if (!stored)
        return stored.refusal();
    const QJsonObject current = activeFrom(stored.value());
    Replacement replacement;
    replacement.activeVersion = current.value(u"version"_s).toInt();
    if (playbook == current) {
        replacement.outcome = Replacement::Outcome::Unchanged;
        return replacement;
    }
    if (playbook.value(u"version"_s).toInt() <= replacement.activeVersion) {
        replacement.outcome = Replacement::Outcome::VersionNotNewer;
        return replacement;
    }
    if (auto refusal = transaction.exec(
            u"INSERT INTO org_settings (org_id, key, json, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (org_id, key) DO UPDATE SET json = excluded.json, "
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by"_s,
            { orgId, kKey, QString::fromUtf8(QJsonDocument(playbook).toJson(QJsonDocument::Compact)),
                m_clock.nowMs(), userId }))
        return *refusal;
    replacement.outcome = Replacement::Outcome::Stored;
    return replacement;
}

} // namespace callos::server
