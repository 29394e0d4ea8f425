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
    return run(sql, values).refusal;
}

Result<int> Transaction::execCounting(const QString &sql, const QVariantList &values)
{
    if (!m_open)
        return fail(tr("the change was already abandoned"));
    const Ran ran = run(sql, values);
    if (ran.refusal)
        return *ran.refusal;
    const int affected = ran.query->numRowsAffected();
    ran.query->finish();
    return affected;
}

Result<QVariant> Transaction::read(const QString &sql, const QVariantList &values)
{
    if (!m_open)
        return fail(tr("the change was already abandoned"));
    const Ran ran = run(sql, values);
    if (ran.refusal)
        return *ran.refusal;
    const QVariant value = ran.query->next() ? ran.query->value(0) : QVariant();
    ran.query->finish();
    return value;
}

Transaction::Ran Transaction::run(const QString &sql, const QVariantList &values)
{
    // Prepared once per text and kept (Database::statement); a failed
    // prepare shows in exec() with the driver's words.
    QSqlQuery &query = m_database.statement(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return { &query, fail(StorageRefusals::detail(query.lastError())) };
    return { &query, std::nullopt };
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
