#pragma once

#include "common/refusal.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace callos::client {

class WriteFaults;

// The desktop app's SQLite file: one connection of its own (a unique Qt SQL
// connection name, so several stores, or the same file twice, can be open),
// write-ahead logging, foreign keys on, a busy timeout, and the schema
// migrated to the latest version. Repositories take it by reference and
// write through WriteTransaction. Use it from the thread that opened it.
//
// A file it refuses (cannot be opened, not a database, damaged, another
// program's, from a newer CallOS) is left byte-for-byte unchanged: it is
// inspected read-only first, and never recreated or overwritten.
class LocalStore
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::LocalStore)

public:
    enum class Synchronous {
        // WAL is synced at checkpoints only: a commit survives the app being
        // killed, but an OS crash or power cut can lose the last commits.
        Normal,
        // WAL is synced at every commit: a commit also survives an OS crash
        // or power cut. The default (see the benchmark bench_event_commit).
        Full,
    };

    struct Options
    {
        QString path;
        Synchronous synchronous = Synchronous::Full;
        // How long a write waits for another connection's lock before failing.
        int busyTimeoutMs = 5000;
        // Test seam: makes a chosen write fail. Not owned; outlives the store.
        WriteFaults *faults = nullptr;
    };

    // Opens the file, creating it (and its folder) if missing, and migrates
    // it. Refusal codes: store.cannot_open, store.not_a_database,
    // store.corrupt, store.not_callos, store.newer_version,
    // store.migration_failed.
    static Result<std::unique_ptr<LocalStore>> open(const Options &options);
    static Result<std::unique_ptr<LocalStore>> open(const QString &path, WriteFaults *faults = nullptr);

    static int latestSchemaVersion();

    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // The absolute path of the file, as named in refusals.
    const QString &path() const { return m_path; }
    const QString &connectionName() const { return m_connectionName; }
    QSqlDatabase database() const { return m_db; }
    WriteFaults *faults() const { return m_options.faults; }
    Synchronous synchronous() const { return m_options.synchronous; }

    // The highest migration recorded in the file.
    Result<int> schemaVersion() const;

private:
    LocalStore(const Options &options, QString absolutePath);

    std::optional<Refusal> configure();
    std::optional<Refusal> migrate();

    Options m_options;
    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace callos::client
