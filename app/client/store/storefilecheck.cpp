#include "client/store/storefilecheck.h"

#include "client/store/schemamigrations.h"
#include "client/store/storerefusals.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

std::optional<Refusal> inspectOpen(const QSqlDatabase &db, const QString &path)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // The first read of the file: a file that is not a database fails here
    // (SQLITE_NOTADB). quick_check then walks every page, so a damaged file
    // is refused before anything writes to it.
    if (!query.exec(u"PRAGMA quick_check"_s))
        return StoreRefusals::fromOpenError(path, query.lastError());
    QStringList problems;
    while (query.next())
        problems.append(query.value(0).toString());
    if (problems != QStringList { u"ok"_s }) {
        // Each answer may span lines and starts with "*** in database main ***".
        QString detail = problems.mid(0, 3).join(u' ');
        detail.remove(u"*** in database main ***"_s);
        detail = detail.simplified();
        if (detail.isEmpty())
            detail = StoreRefusals::tr("the integrity check gave no answer");
        return StoreRefusals::corrupt(path, detail);
    }

    if (!query.exec(u"PRAGMA application_id"_s) || !query.next())
        return StoreRefusals::fromOpenError(path, query.lastError());
    const qint64 applicationId = query.value(0).toLongLong();
    if (!query.exec(u"SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"_s)
        || !query.next())
        return StoreRefusals::fromOpenError(path, query.lastError());
    const qint64 objects = query.value(0).toLongLong();
    // Migration 1 sets the application id in the transaction that creates the
    // first table, so every CallOS file with a table carries it.
    if (applicationId != SchemaMigrations::kApplicationId && (applicationId != 0 || objects > 0))
        return StoreRefusals::notCallOS(path);
    if (objects == 0)
        return std::nullopt;

    if (!query.exec(u"SELECT coalesce(max(version), 0) FROM schema_migrations"_s) || !query.next())
        return StoreRefusals::fromOpenError(path, query.lastError());
    const int version = query.value(0).toInt();
    if (version > SchemaMigrations::latestVersion())
        return StoreRefusals::newerVersion(path, version, SchemaMigrations::latestVersion());
    return std::nullopt;
}

} // namespace

std::optional<Refusal> StoreFileCheck::inspect(const QString &path, int busyTimeoutMs)
{
    const QString connection = u"callos-storecheck-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::optional<Refusal> refusal;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
        if (!db.open())
            refusal = StoreRefusals::fromOpenError(path, db.lastError());
        else
            refusal = inspectOpen(db, path);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return refusal;
}

} // namespace callos::client
