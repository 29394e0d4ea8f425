#pragma once

#include "common/refusal.h"

#include <QCoreApplication>
#include <QString>

class QSqlError;

namespace callos::server {

// The refusals of the server's storage in one place, so each names the
// database (never with its password) and the codes stay stable.
class StorageRefusals
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::StorageRefusals)

public:
    // What the driver said, for the end of a message.
    static QString detail(const QSqlError &error);

    // storage.cannot_open
    static Refusal cannotOpen(const QString &database, const QString &detail);
    // storage.newer_version
    static Refusal newerVersion(const QString &database, int found, int known);
    // storage.migration_failed
    static Refusal migrationFailed(const QString &database, int version, const QString &name, const QString &detail);
    // storage.write_failed: "<what> failed in <database>: <detail>"
    static Refusal writeFailed(const QString &database, const QString &what, const QString &detail);
    // storage.read_failed
    static Refusal readFailed(const QString &database, const QString &what, const QString &detail);
    // db.unavailable: the database does not answer (readiness, requests).
    static Refusal unavailable(const QString &detail);
};

} // namespace callos::server
