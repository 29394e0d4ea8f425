#pragma once

#include "common/result.h"
#include "config/databasesettings.h"
#include "storage/migration.h"
#include "storage/tenantscope.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <memory>
#include <optional>

namespace callos {
class Clock;
}

namespace callos::server {

class WalCheckpointer;

// The server's connection to its database, SQLite or PostgreSQL, brought to
// the newest schema this server knows when opened. A database written by a
// newer server is refused before anything is written to it.
//
// One connection, used from the thread that opened it (Qt SQL connections
// are per thread); worker threads will get their own in a later slice.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::Database)

public:
    // Opens with the migrations built into the server for the backend.
    static Result<std::unique_ptr<Database>> open(const DatabaseSettings &settings, const Clock &clock);
    // Opens with the given migrations (tests: a schema newer than the
    // built-in one, a failing migration).
    static Result<std::unique_ptr<Database>> open(
        const DatabaseSettings &settings, const Clock &clock, const QList<Migration> &migrations);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The newest schema version built into this server for `backend`.
    static Result<int> latestSchemaVersion(DatabaseSettings::Backend backend);

    const DatabaseSettings &settings() const { return m_settings; }
    DatabaseSettings::Backend backend() const { return m_settings.backend; }
    // The database for messages and logs, without a password.
    QString name() const { return m_settings.redacted(); }
    // The connection, its row-level security scope settled first (see
    // TenantScope): take it afresh for every stretch of database work.
    QSqlDatabase connection() const;
    // Whose rows the connection may touch (PostgreSQL). No scope when opened:
    // the server enters one per request, the CLI the system's.
    TenantScope &tenantScope() const { return *m_scope; }
    const Clock &clock() const { return m_clock; }

    // A statement prepared once per connection and kept: QPSQL spends a round
    // trip preparing and another deallocating, so preparing per use would
    // triple the cost of every statement on PostgreSQL. The query comes
    // finished (a SELECT left unread holds its cursor) and with the tenant
    // scope settled; bind and exec it. References stay valid until close():
    // statements are never evicted, since their texts are the code's own (plus
    // IN lists up to a batch's size). Not reentrant per text: read a query's
    // rows before asking for the same text again.
    QSqlQuery &statement(const QString &sql) const;

    // The highest migration recorded in schema_migrations; 0 for a new database.
    Result<int> schemaVersion() const;
    // A trivial query: std::nullopt when the database answers (readiness).
    std::optional<Refusal> ping() const;
    // Closes the connection; ping() fails from then on.
    void close();

private:
    Database(const DatabaseSettings &settings, const Clock &clock);
    std::optional<Refusal> connect();
    std::optional<Refusal> configureSqlite();
    std::optional<Refusal> migrate(const QList<Migration> &migrations);

    DatabaseSettings m_settings;
    const Clock &m_clock;
    QString m_connectionName;
    QSqlDatabase m_db;
    // Mutable state of the connection, also for readers holding a const Database.
    std::unique_ptr<TenantScope> m_scope;
    mutable QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    // SQLite only: copies the write-ahead log back off the request path.
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

} // namespace callos::server
