#pragma once

#include "common/result.h"
#include "config/databasesettings.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

class QSqlQuery;

namespace callos::server {

// Whose rows the server's connection may touch, for PostgreSQL's row-level
// security (migration 003): a row is admitted when it belongs to the
// organisation of the scope, or when the scope is the system's. A query that
// forgets its "WHERE org_id = ?" still sees one organisation at most, and in
// no scope it sees nothing at all: the fence fails closed.
//
// The scope lives in two settings of the connection (callos.scope,
// callos.org_id). Entering one sets them at once unless they hold it already,
// and leaving puts the previous scope back. Going back to no scope costs no
// round trip: the settings follow when the connection is next taken from
// Database::connection(), which every stretch of database work starts with
// (Transaction::begin, SqlRows), and nothing can be read in no scope anyway.
//
// On SQLite, which has no row-level security, it only keeps the books.
class TenantScope
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::TenantScope)

public:
    struct Scope
    {
        enum class Kind { None, Organisation, System };

        Kind kind = Kind::None;
        QString orgId; // Organisation only

        static Scope none() { return {}; }
        // Work across organisations: sign-in, the session lookup, migrations, the CLI.
        static Scope system() { return { Kind::System, QString() }; }
        static Scope organisation(const QString &orgId) { return { Kind::Organisation, orgId }; }

        bool operator==(const Scope &) const = default;
    };

    // A scope entered; the scope before it comes back when this goes. Scopes
    // nest: leave them in the reverse order (as block scope does), and
    // before the Database goes.
    class [[nodiscard]] Entered
    {
    public:
        Entered() = default; // holds nothing, restores nothing
        Entered(Entered &&other) noexcept;
        Entered &operator=(Entered &&) = delete;
        Entered(const Entered &) = delete;
        Entered &operator=(const Entered &) = delete;
        ~Entered();

    private:
        friend class TenantScope;
        Entered(TenantScope *owner, Scope previous);

        TenantScope *m_owner = nullptr;
        Scope m_previous;
    };

    TenantScope(QSqlDatabase connection, DatabaseSettings::Backend backend);
    ~TenantScope();
    TenantScope(const TenantScope &) = delete;
    TenantScope &operator=(const TenantScope &) = delete;

    Entered enter(const Scope &scope);
    Entered enterSystem() { return enter(Scope::system()); }
    Entered enterOrganisation(const QString &orgId) { return enter(Scope::organisation(orgId)); }

    // The scope statements run in from now on.
    const Scope &current() const { return m_wanted; }

    // Brings the connection's settings to the current scope when they are
    // not there yet (Database::connection() calls it). A refusal leaves them
    // unknown, so the next call tries again.
    std::optional<Refusal> settle();
    // What the connection holds is no longer known: a transaction that
    // rolls back also undoes the settings made inside it. settle() sets
    // them again.
    void forget() { m_applied.reset(); }
    // Drops the prepared statement; the connection is about to go.
    void release();

    // The role connected, when PostgreSQL lets it past the fence whatever
    // the scope (a superuser, or a role with BYPASSRLS); std::nullopt when
    // the fence holds for it, and always on SQLite.
    Result<std::optional<QString>> roleBypassingFence() const;

private:
    void restore(const Scope &previous);

    QSqlDatabase m_connection;
    bool m_enforced = false; // PostgreSQL
    Scope m_wanted;
    std::optional<Scope> m_applied; // what the settings hold; nullopt: unknown
    // set_config, prepared once: a scope change is one round trip.
    std::unique_ptr<QSqlQuery> m_setConfig;
};

} // namespace callos::server
