#pragma once

#include "common/result.h"
#include "config/databasesettings.h"
#include "storage/migration.h"

#include <QCoreApplication>
#include <QList>

namespace callos::server {

// The migrations of one backend, read from the embedded resources
// :/migrations/server/<backend>/NNN_name.sql. A gap or a duplicate number is
// a build mistake, refused rather than applied out of order.
class MigrationCatalog
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::MigrationCatalog)

public:
    static Result<QList<Migration>> load(DatabaseSettings::Backend backend);
    // Reads another folder of NNN_name.sql files (tests).
    static Result<QList<Migration>> loadFrom(const QString &folder);
};

} // namespace callos::server
