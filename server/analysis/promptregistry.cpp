#include "analysis/promptregistry.h"

#include "common/clock.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

PromptLayer layerOf(const SqlRows::Row &row)
{
    return PromptLayer{ row.at(0).toString(), row.at(1).toInt(), row.at(2).toString(), row.at(3).toString(),
        row.at(4).toLongLong() };
}

} // namespace

const QStringList &PromptRegistry::layers()
{
    static const QStringList names{ u"platform"_s, u"organisation"_s, u"playbook"_s, u"task"_s, u"call"_s };
    return names;
}

PromptRegistry::PromptRegistry(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

PromptLayer PromptRegistry::builtIn(const QString &layer)
{
    QFile file(u":/prompts/%1.md"_s.arg(layer));
    file.open(QIODevice::ReadOnly);
    return PromptLayer{ layer, 0, QString::fromUtf8(file.readAll()).trimmed(), QString(), 0 };
}

Result<QList<PromptLayer>> PromptRegistry::current(const QString &orgId)
{
    // The newest version of each layer the organisation has.
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading the prompt layers"),
        u"SELECT p.layer, p.version, p.text, p.created_by, p.created_at FROM prompt_layers p "
        "WHERE p.org_id = ? AND p.version = (SELECT max(version) FROM prompt_layers q "
        "WHERE q.org_id = p.org_id AND q.layer = p.layer)"_s,
        { orgId });
    if (!rows)
        return rows.refusal();
    QHash<QString, PromptLayer> newest;
    for (const SqlRows::Row &row : rows.value())
        newest.insert(row.at(0).toString(), layerOf(row));
    QList<PromptLayer> out;
    for (const QString &layer : layers())
        out.append(newest.contains(layer) ? newest.value(layer) : builtIn(layer));
    return out;
}

Result<QList<PromptLayer>> PromptRegistry::history(const QString &orgId, const QString &layer)
{
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading the prompt layers"),
        u"SELECT layer, version, text, created_by, created_at FROM prompt_layers WHERE org_id = ? AND layer = ? "
        "ORDER BY version DESC"_s,
        { orgId, layer });
    if (!rows)
        return rows.refusal();
    QList<PromptLayer> out;
    for (const SqlRows::Row &row : rows.value())
        out.append(layerOf(row));
    out.append(builtIn(layer));
    return out;
}

Result<int> PromptRegistry::add(
    Transaction &transaction, const QString &orgId, const QString &layer, const QString &text, const QString &userId)
{
    const Result<QVariant> highest = transaction.read(
        u"SELECT COALESCE(max(version), 0) FROM prompt_layers WHERE org_id = ? AND layer = ?"_s, { orgId, layer });
    if (!highest)
        return highest.refusal();
    const int version = highest.value().toInt() + 1;
    if (auto refusal = transaction.exec(u"INSERT INTO prompt_layers (org_id, layer, version, text, created_by, "
                                        "created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
            { orgId, layer, version, text, userId, m_clock.nowMs() }))
        return *refusal;
    return version;
}

QJsonObject PromptRegistry::versionsOf(const QList<PromptLayer> &layers)
{
    QJsonObject out;
    for (const PromptLayer &layer : layers)
        out.insert(layer.layer, layer.version);
    return out;
}

} // namespace callos::server
