#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace callos {
class Clock;
}

namespace callos::server {

class Database;
class Transaction;

// One version of one layer of the analysis prompt.
struct PromptLayer
{
    QString layer; // platform, organisation, playbook, task, call
    int version = 0; // 0: built in
    QString text;
    QString createdBy; // empty for built-in
    qint64 createdAt = 0;
};

// The five layers an analysis prompt is made of, in the order they are
// sent: the stable ones first (platform, organisation, playbook, task),
// which Claude caches from call to call, then the call's own. Version 0 of
// each is built in (resources/prompts/); an admin adds versions and the
// newest is used. Every analysis records which versions it used.
class PromptRegistry
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::PromptRegistry)

public:
    static const QStringList &layers();
    static constexpr qsizetype kMaxTextLength = 20000;

    PromptRegistry(Database &database, const Clock &clock);

    // The newest version of every layer, in layers() order.
    Result<QList<PromptLayer>> current(const QString &orgId);
    // Every version of one layer, newest first, the built-in one last.
    Result<QList<PromptLayer>> history(const QString &orgId, const QString &layer);
    // The new version's number.
    Result<int> add(Transaction &transaction, const QString &orgId, const QString &layer, const QString &text,
        const QString &userId);

    // {"platform": n, ...}: what an analysis records.
    static QJsonObject versionsOf(const QList<PromptLayer> &layers);
    static PromptLayer builtIn(const QString &layer);

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace callos::server
