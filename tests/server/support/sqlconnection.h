#pragma once

#include "config/databasesettings.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace callos::test {

// A Qt SQL connection of the test's own to a database, SQLite or PostgreSQL,
// as another program (or a newer server) would have one: to set a database
// up behind the code under test and to look at what that code wrote.
//
// On PostgreSQL it connects as the settings say (the server's ordinary role),
// so row-level security applies to it: by default it enters the system's
// scope and sees every organisation's rows, as an operator's tool would.
class SqlConnection
{
public:
    enum class Scope {
        System, // every row (callos.scope = 'system')
        Unset, // nothing set: what the fence admits then (no row)
    };

    explicit SqlConnection(const server::DatabaseSettings &settings, Scope scope = Scope::System);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    // What the driver said about the last failure.
    QString lastError() const { return m_lastError; }

    bool exec(const QString &sql);
    // Every row of `sql`; empty when it fails (see lastError()).
    QList<QVariantList> rows(const QString &sql);

private:
    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_lastError;
};

} // namespace callos::test
