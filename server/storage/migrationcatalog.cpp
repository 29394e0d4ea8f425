#include "storage/migrationcatalog.h"

#include "storage/sqlscript.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <map>

using namespace Qt::StringLiterals;

namespace callos::server {

Result<QList<Migration>> MigrationCatalog::load(DatabaseSettings::Backend backend)
{
    const QString folder = backend == DatabaseSettings::Backend::Sqlite ? u":/migrations/server/sqlite"_s
                                                                        : u":/migrations/server/postgresql"_s;
    return loadFrom(folder);
}

Result<QList<Migration>> MigrationCatalog::loadFrom(const QString &folder)
{
    static const QRegularExpression fileName(u"^(\\d{3})_([a-z0-9_]+)\\.sql$"_s);
    const QDir dir(folder);
    const QStringList files = dir.entryList({ u"*.sql"_s }, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return Refusal{ u"storage.no_migrations"_s,
            tr("No database migrations are built into this server (looked in %1).").arg(folder) };

    std::map<int, Migration> byVersion;
    for (const QString &file : files) {
        const QRegularExpressionMatch match = fileName.match(file);
        if (!match.hasMatch())
            return Refusal{ u"storage.bad_migration"_s,
                tr("The migration file %1 is not named NNN_name.sql.").arg(file) };
        Migration migration;
        migration.version = match.captured(1).toInt();
        migration.name = match.captured(2);
        QFile source(dir.filePath(file));
        if (!source.open(QIODevice::ReadOnly))
            return Refusal{ u"storage.bad_migration"_s,
                tr("The migration file %1 cannot be read: %2").arg(file, source.errorString()) };
        migration.statements = SqlScript::split(QString::fromUtf8(source.readAll()));
        if (migration.statements.isEmpty())
            return Refusal{ u"storage.bad_migration"_s, tr("The migration file %1 has no statements.").arg(file) };
        if (byVersion.count(migration.version))
            return Refusal{ u"storage.bad_migration"_s,
                tr("Two migration files have the number %1.").arg(migration.version) };
        byVersion.emplace(migration.version, std::move(migration));
    }

    QList<Migration> migrations;
    int expected = 1;
    for (auto &[version, migration] : byVersion) {
        if (version != expected)
            return Refusal{ u"storage.bad_migration"_s,
                tr("Migration %1 is missing (the next file is number %2).").arg(expected).arg(version) };
        migrations.append(std::move(migration));
        ++expected;
    }
    return migrations;
}

} // namespace callos::server
