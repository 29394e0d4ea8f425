#include "sqlconnection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace callos::test {

SqlConnection::SqlConnection(const server::DatabaseSettings &settings, Scope scope)
    : m_connectionName(u"test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    if (settings.backend == server::DatabaseSettings::Backend::Sqlite) {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        m_db.setDatabaseName(settings.sqlitePath);
    } else {
        m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
        m_db.setHostName(settings.host);
        m_db.setPort(settings.port);
        m_db.setUserName(settings.user);
        m_db.setPassword(settings.password);
        m_db.setDatabaseName(settings.databaseName);
    }
    if (!m_db.open()) {
        m_lastError = m_db.lastError().text();
        return;
    }
    if (settings.backend == server::DatabaseSettings::Backend::Postgresql && scope == Scope::System)
        exec(u"SELECT set_config('callos.scope', 'system', false)"_s);
}

SqlConnection::~SqlConnection()
{
    m_db.close();
    // The handle must be gone before the connection is removed, or Qt warns
    // that it is still in use.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool SqlConnection::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    m_lastError = query.lastError().text();
    return false;
}

QList<QVariantList> SqlConnection::rows(const QString &sql)
{
    QList<QVariantList> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        m_lastError = query.lastError().text();
        return result;
    }
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < query.record().count(); ++i)
            row.append(query.value(i));
        result.append(row);
    }
    return result;
}

} // namespace callos::test
