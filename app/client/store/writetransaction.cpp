#include "client/store/writetransaction.h"

#include "client/store/localstore.h"
#include "client/store/storerefusals.h"
#include "client/store/writefaults.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace callos::client {

WriteTransaction::WriteTransaction(LocalStore &store, QString what) : m_store(store), m_what(std::move(what)) { }

WriteTransaction::~WriteTransaction()
{
    if (m_open)
        rollback();
}

std::optional<Refusal> WriteTransaction::begin()
{
    if (m_open)
        return std::nullopt;
    QSqlQuery query(m_store.database());
    if (!query.exec(u"BEGIN IMMEDIATE"_s))
        return StoreRefusals::writeFailed(m_store.path(), m_what, StoreRefusals::detail(query.lastError()));
    m_open = true;
    return std::nullopt;
}

std::optional<Refusal> WriteTransaction::exec(const QString &sql, const QVariantList &values, int *rowsAffected)
{
    if (!m_open)
        return fail(tr("the change was already abandoned"));
    int changed = 0;
    {
        QSqlQuery query(m_store.database());
        if (!query.prepare(sql))
            return fail(StoreRefusals::detail(query.lastError()));
        for (const QVariant &value : values) {
            // Qt SQL binds a null QString as NULL; text columns here are NOT
            // NULL and a default-constructed QString means "empty". Unknown
            // values are passed as an invalid QVariant instead.
            if (value.typeId() == QMetaType::QString && value.toString().isNull())
                query.addBindValue(QString(0, QChar()));
            else
                query.addBindValue(value);
        }
        if (!query.exec())
            return fail(StoreRefusals::detail(query.lastError()));
        changed = query.numRowsAffected();
    }
    // The statement really ran; a fault now makes the rollback undo it.
    WriteFaults *faults = m_store.faults();
    if (faults && faults->nextWriteFails())
        return fail(tr("simulated write failure (write %1)").arg(faults->writes()));
    if (rowsAffected)
        *rowsAffected = changed;
    return std::nullopt;
}

Result<QVariant> WriteTransaction::read(const QString &sql, const QVariantList &values)
{
    if (!m_open)
        return fail(tr("the change was already abandoned"));
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return fail(StoreRefusals::detail(query.lastError()));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(StoreRefusals::detail(query.lastError()));
    return query.next() ? query.value(0) : QVariant();
}

std::optional<Refusal> WriteTransaction::commit()
{
    if (!m_open)
        return fail(tr("the change was already abandoned"));
    WriteFaults *faults = m_store.faults();
    if (faults && faults->nextWriteFails())
        return fail(tr("simulated write failure at commit (write %1)").arg(faults->writes()));
    QSqlQuery query(m_store.database());
    if (!query.exec(u"COMMIT"_s))
        return fail(StoreRefusals::detail(query.lastError()));
    m_open = false;
    return std::nullopt;
}

Refusal WriteTransaction::abort(Refusal why)
{
    if (m_open)
        rollback();
    return why;
}

Refusal WriteTransaction::fail(const QString &detail)
{
    if (m_open)
        rollback();
    return StoreRefusals::writeFailed(m_store.path(), m_what, detail);
}

void WriteTransaction::rollback()
{
    // SQLite may already have rolled back by itself (disk full, I/O error);
    // then this ROLLBACK fails harmlessly.
    QSqlQuery query(m_store.database());
    query.exec(u"ROLLBACK"_s);
    m_open = false;
}

} // namespace callos::client
