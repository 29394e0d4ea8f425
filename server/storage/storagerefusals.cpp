#include "storage/storagerefusals.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace callos::server {

QString StorageRefusals::detail(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    if (text.isEmpty())
        text = tr("unknown database error");
    return text;
}

Refusal StorageRefusals::cannotOpen(const QString &database, const QString &detail)
{
    return { u"storage.cannot_open"_s, tr("The database %1 cannot be opened: %2").arg(database, detail) };
}

Refusal StorageRefusals::newerVersion(const QString &database, int found, int known)
{
    return { u"storage.newer_version"_s,
        tr("The database %1 was written by a newer callos-server (schema version %2; this server knows up to %3). "
           "It was left unchanged; run a callos-server of that version or newer.")
            .arg(database)
            .arg(found)
            .arg(known) };
}

Refusal StorageRefusals::migrationFailed(const QString &database, int version, const QString &name, const QString &detail)
{
    return { u"storage.migration_failed"_s,
        tr("Updating the database %1 to schema version %2 (%3) failed and was rolled back: %4")
            .arg(database)
            .arg(version)
            .arg(name, detail) };
}

Refusal StorageRefusals::writeFailed(const QString &database, const QString &what, const QString &detail)
{
    return { u"storage.write_failed"_s, tr("%1 failed in %2: %3").arg(what, database, detail) };
}

Refusal StorageRefusals::readFailed(const QString &database, const QString &what, const QString &detail)
{
    return { u"storage.read_failed"_s, tr("Reading %1 from %2 failed: %3").arg(what, database, detail) };
}

Refusal StorageRefusals::unavailable(const QString &detail)
{
    return { u"db.unavailable"_s, tr("The database does not answer: %1").arg(detail) };
}

} // namespace callos::server
