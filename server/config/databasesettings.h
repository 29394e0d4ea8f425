#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>

namespace callos::server {

// Which database the server keeps its data in. SQLite is the embedded
// default (one file in the data dir); PostgreSQL is what a team deploys.
struct DatabaseSettings
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::DatabaseSettings)

public:
    enum class Backend { Sqlite, Postgresql };

    Backend backend = Backend::Sqlite;
    QString sqlitePath; // absolute
    QString host;
    int port = 5432;
    QString user;
    QString password; // never logged, never in a message: see redacted()
    QString databaseName;

    // A file path (SQLite) or postgresql://user:password@host:port/database
    // (also postgres://). `source` names the option or variable the text came
    // from. Messages never repeat the URL, since it may hold a password.
    static Result<DatabaseSettings> parse(const QString &text, const QString &source);
    static DatabaseSettings sqliteFile(const QString &path);

    // For logs and messages: the file, or the URL without its password.
    QString redacted() const;
    QString backendName() const;
};

} // namespace callos::server
