#pragma once

// What the in-process server holds, read straight from its database.
#include "apiharness.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

namespace callos::test {

inline QStringList serverEventIds(ApiHarness &api, const QString &callId = {})
{
    QSqlQuery query(api.database().connection());
    query.prepare(callId.isEmpty() ? QStringLiteral("SELECT id FROM call_events ORDER BY id")
                                   : QStringLiteral("SELECT id FROM call_events WHERE call_id = ? ORDER BY id"));
    if (!callId.isEmpty())
        query.addBindValue(callId);
    query.exec();
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

inline QVariant serverValue(ApiHarness &api, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(api.database().connection());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0);
}

// The details of the server's error log lines, for a failing test's message.
inline QByteArray serverErrors(ApiHarness &api)
{
    QStringList details;
    for (const QByteArray &line : api.logText().split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        const QString detail = entry.value(QStringLiteral("detail")).toString();
        if (entry.value(QStringLiteral("level")).toString() == QStringLiteral("error") && !details.contains(detail))
            details.append(detail);
    }
    return QByteArray("server errors: ") + details.join(QStringLiteral("\n")).toUtf8();
}

} // namespace callos::test
