#pragma once

#include "common/refusal.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QString>
#include <QVariant>

class QSqlQuery;

#include <optional>

namespace callos::server {

class Database;

// One write, all or nothing. What is not committed is rolled back, also when
// the object goes out of scope, so a failed write never leaves part of
// itself behind. `what` names the write ("creating organisation Acme") in
// every refusal.
class Transaction
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::Transaction)

public:
    Transaction(Database &database, QString what);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // On SQLite takes the write lock at once (BEGIN IMMEDIATE), so another
    // connection cannot make the transaction fail half-way for a lock.
    std::optional<Refusal> begin();
    // One statement with positional ("?") values.
    std::optional<Refusal> exec(const QString &sql, const QVariantList &values = {});
    // Like exec(), and says how many rows the statement changed.
    Result<int> execCounting(const QString &sql, const QVariantList &values);
    // The first column of the first row; an invalid QVariant when no row.
    Result<QVariant> read(const QString &sql, const QVariantList &values = {});
    std::optional<Refusal> commit();
    // Rolls back and hands `why` back, for refusals the caller decides on.
    Refusal abort(Refusal why);

    bool isOpen() const { return m_open; }

private:
    // Binds and runs one statement (prepared once per text, kept by the
    // Database); the query, to read its results, and any refusal.
    struct Ran
    {
        QSqlQuery *query = nullptr;
        std::optional<Refusal> refusal;
    };
    Ran run(const QString &sql, const QVariantList &values);
    Refusal fail(const QString &detail);
    void rollback();

    Database &m_database;
    QString m_what;
    bool m_open = false;
};

} // namespace callos::server
