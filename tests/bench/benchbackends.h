#pragma once

// For benchmarks that measure the server on both backends: runs `measure`
// on a fresh SQLite file, then on a throwaway PostgreSQL cluster started and
// stopped with scripts/test-postgres. `only` ("sqlite", "postgresql" or
// empty for both) picks one. Needs CALLOS_SOURCE_DIR defined by the target.
#include "testdatabases.h"

#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

namespace callos::test {

inline bool measureOnBackends(const char *bench, const QString &only,
    const std::function<bool(const QString &backend, const server::DatabaseSettings &settings)> &measure)
{
    using server::DatabaseSettings;
    bool ok = true;
    if (only.isEmpty() || only == QLatin1String("sqlite")) {
        TestDatabases databases;
        const auto sqlite = databases.create(DatabaseSettings::Backend::Sqlite);
        if (!sqlite.ok())
            std::fprintf(stderr, "%s: %s\n", bench, TestDatabases::why(sqlite).constData());
        ok = sqlite.ok() && measure(QStringLiteral("sqlite"), sqlite.value());
    }
    if (!only.isEmpty() && only != QLatin1String("postgresql"))
        return ok;
    QTemporaryDir clusterDir;
    const QString script = QStringLiteral(CALLOS_SOURCE_DIR "/scripts/test-postgres");
    const QString dir = clusterDir.filePath(QStringLiteral("pg"));
    if (QProcess::execute(script, { QStringLiteral("start"), dir }) != 0) {
        std::fprintf(stderr, "%s: cannot start PostgreSQL with %s\n", bench, qPrintable(script));
        return false;
    }
    qputenv(PostgresCluster::kDirVariable, dir.toLocal8Bit());
    {
        TestDatabases databases;
        const auto postgres = databases.create(DatabaseSettings::Backend::Postgresql);
        if (!postgres.ok())
            std::fprintf(stderr, "%s: %s\n", bench, TestDatabases::why(postgres).constData());
        ok = postgres.ok() && measure(QStringLiteral("postgresql"), postgres.value()) && ok;
    }
    QProcess::execute(script, { QStringLiteral("stop"), dir });
    return ok;
}

} // namespace callos::test
