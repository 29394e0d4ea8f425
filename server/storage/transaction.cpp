#include "storage/transaction.h"

#include "storage/database.h"
#include "storage/storagerefusals.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace callos::server {

Transaction::Transaction(Database &database, QString what) : m_database(database), m_what(std::move(what)) { }

Transaction::~Transaction()
{
    if (m_open)
        rollback();
}

std::optional<Refusal> Transaction::begin()
{
    if (m_open)
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    const QString sql
        = m_database.backend() == DatabaseSettings::Backend::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s;
    if (!query.exec(sql))
        return StorageRefusals::writeFailed(m_database.name(), m_what, StorageRefusals::detail(query.lastError()));
    m_open = true;
    return std::nullopt;
}

std::optional<Refusal> Transaction::exec(const QString &sql, const QVariantList &values)
{
    if (!m_open)
        return fail(tr("the change was already abandoned"));
    QSqlQuery query(m_database.connection());
    if (values.isEmpty()) {
        // Unprepared, so DDL with its own quoting (triggers, $$ bodies) runs as written.
        if (!query.exec(sql))
            return fail(StorageRefusals::detail(query.lastError()));
        return std::nullopt;
    }
    return run(query, sql, values);
}

Result<int> Transaction::execCounting(const QString &sql, const QVariantList &values)
{
    if (!m_open)
        return fail(tr("the change was already abandoned"));
    QSqlQuery query(m_database.connection());
    if (auto refusal = run(query, sql, values))
        return *refusal;
    return query.numRowsAffected();
}

Result<QVariant> Transaction::read(const QString &sql, const QVariantList &values)
{
    if (!m_open)
        return fail(tr("the change was already abandoned"));
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (auto refusal = run(query, sql, values))
        return *refusal;
    return query.next() ? query.value(0) : QVariant();
}

std::optional<Refusal> Transaction::run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return fail(StorageRefusals::detail(query.lastError()));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(StorageRefusals::detail(query.lastError()));
    return std::nullopt;
}

std::optional<Refusal> Transaction::commit()
{
    if (!m_open)
        return fail(tr("the change was already abandoned"));
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"COMMIT"_s))
        return fail(StorageRefusals::detail(query.lastError()));
    m_open = false;
    return std::nullopt;
}

Refusal Transaction::abort(Refusal why)
{
    if (m_open)
        rollback();
    return why;
}

Refusal Transaction::fail(const QString &detail)
{
    if (m_open)
        rollback();
    return StorageRefusals::writeFailed(m_database.name(), m_what, detail);
}

void Transaction::rollback()
{
    // The database may already have rolled back by itself (SQLite on a full
    // disk, PostgreSQL after an error); then this fails harmlessly.
    QSqlQuery query(m_database.connection());
    query.exec(u"ROLLBACK"_s);
    m_open = false;
    // PostgreSQL undoes the settings made inside the transaction too, so
    // the scope the connection is in is no longer known.
    m_database.tenantScope().forget();
}

} // namespace callos::server
