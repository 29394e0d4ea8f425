#pragma once

#include <QString>
#include <QStringList>

namespace callos::server {

// Splits a migration file into statements, because Qt SQL runs one
// statement per exec (QSQLITE silently ignores the rest). Knows enough SQL
// not to split inside quotes, comments, PostgreSQL dollar-quoted bodies or a
// SQLite trigger's BEGIN ... END. Comments are dropped.
class SqlScript
{
public:
    static QStringList split(const QString &script);
};

} // namespace callos::server
