#pragma once

#include "common/refusal.h"

#include <QCoreApplication>
#include <QString>

class QSqlError;

namespace callos::client {

// The refusals of the local store, in one place so every one names the file
// and what failed, and the codes stay stable for programs and tests.
class StoreRefusals
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::StoreRefusals)

public:
    // SQLite's primary result code of a Qt SQL error (SQLITE_NOTADB = 26, ...); 0 if unknown.
    static int sqliteCode(const QSqlError &error);
    // What SQLite said, for the end of a message.
    static QString detail(const QSqlError &error);

    // store.cannot_open
    static Refusal cannotOpen(const QString &path, const QString &detail);
    // store.cannot_open, from the error of opening or first reading the file.
    static Refusal fromOpenError(const QString &path, const QSqlError &error);
    // store.not_a_database
    static Refusal notADatabase(const QString &path);
    // store.corrupt
    static Refusal corrupt(const QString &path, const QString &detail);
    // store.not_callos
    static Refusal notCallOS(const QString &path);
    // store.newer_version
    static Refusal newerVersion(const QString &path, int found, int known);
    // store.migration_failed, from the refusal of the migration's write.
    static Refusal migrationFailed(const Refusal &cause);
    // store.write_failed: "Saving prospect Dana failed in <file>: <what SQLite
    // said>". The write was rolled back whole. No closing period: the engine
    // quotes it inside its own sentence ("Could not save: ... Nothing was
    // changed; try again.").
    static Refusal writeFailed(const QString &path, const QString &what, const QString &detail);
    // store.read_failed
    static Refusal readFailed(const QString &path, const QString &what, const QString &detail);
    // store.not_found
    static Refusal notFound(const QString &path, const QString &what);
};

} // namespace callos::client
