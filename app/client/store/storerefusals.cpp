#include "client/store/storerefusals.h"

#include <QDir>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADb = 26;
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqlitePerm = 3;
constexpr int kSqliteReadOnly = 8;

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

int StoreRefusals::sqliteCode(const QSqlError &error)
{
    // Qt's QSQLITE reports SQLite's extended result codes; the low byte is the primary code.
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : 0;
}

QString StoreRefusals::detail(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.isEmpty() ? tr("unknown error") : text;
}

Refusal StoreRefusals::cannotOpen(const QString &path, const QString &detail)
{
    return Refusal { u"store.cannot_open"_s,
        tr("Cannot create or open the CallOS data file %1: %2.").arg(shown(path), detail) };
}

Refusal StoreRefusals::fromOpenError(const QString &path, const QSqlError &error)
{
    switch (sqliteCode(error)) {
    case kSqliteNotADb:
        return notADatabase(path);
    case kSqliteCorrupt:
        return corrupt(path, detail(error));
    case kSqliteBusy:
    case kSqliteLocked:
        return cannotOpen(path, tr("another program keeps it locked (%1)").arg(detail(error)));
    case kSqliteCantOpen:
    case kSqlitePerm:
    case kSqliteReadOnly:
        return cannotOpen(
            path, tr("the folder is missing or not writable, or the file is not readable (%1)").arg(detail(error)));
    default:
        return cannotOpen(path, detail(error));
    }
}

Refusal StoreRefusals::notADatabase(const QString &path)
{
    return Refusal { u"store.not_a_database"_s,
        tr("The CallOS data file %1 is not a database: it is damaged or another kind of file. It was left "
           "unchanged; move it away or restore a backup, then start CallOS again.")
            .arg(shown(path)) };
}

Refusal StoreRefusals::corrupt(const QString &path, const QString &detail)
{
    return Refusal { u"store.corrupt"_s,
        tr("The CallOS data file %1 is damaged (%2). It was left unchanged; restore a backup or move it "
           "away, then start CallOS again.")
            .arg(shown(path), detail) };
}

Refusal StoreRefusals::notCallOS(const QString &path)
{
    return Refusal { u"store.not_callos"_s,
        tr("%1 is a database of another program, not a CallOS data file. It was left unchanged; choose "
           "another file.")
            .arg(shown(path)) };
}

Refusal StoreRefusals::newerVersion(const QString &path, int found, int known)
{
    return Refusal { u"store.newer_version"_s,
        tr("The CallOS data file %1 was written by a newer CallOS (data version %2; this version reads up "
           "to %3). It was left unchanged; update CallOS to open it.")
            .arg(shown(path))
            .arg(found)
            .arg(known) };
}

Refusal StoreRefusals::migrationFailed(const Refusal &cause)
{
    return Refusal { u"store.migration_failed"_s, cause.message };
}

Refusal StoreRefusals::writeFailed(const QString &path, const QString &what, const QString &detail)
{
    return Refusal { u"store.write_failed"_s,
        tr("%1 failed in %2: %3").arg(QString(what.left(1).toUpper() + what.mid(1)), shown(path), detail) };
}

Refusal StoreRefusals::readFailed(const QString &path, const QString &what, const QString &detail)
{
    return Refusal { u"store.read_failed"_s, tr("Could not read %1 from %2: %3.").arg(what, shown(path), detail) };
}

Refusal StoreRefusals::notFound(const QString &path, const QString &what)
{
    return Refusal { u"store.not_found"_s, tr("There is no %1 in %2.").arg(what, shown(path)) };
}

} // namespace callos::client
