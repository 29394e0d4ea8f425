#include "storage/walcheckpointer.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace callos::server {

WalCheckpointer::WalCheckpointer(QString databasePath, std::chrono::milliseconds interval)
    : m_path(std::move(databasePath))
    , m_interval(interval)
    , m_connectionName(u"callos-wal-checkpoint-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_thread([this] { run(); })
{
}

WalCheckpointer::~WalCheckpointer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void WalCheckpointer::run()
{
    {
        // A Qt SQL connection belongs to the thread that made it: this one.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(m_path);
        if (db.open()) {
            QSqlQuery checkpoint(db);
            std::unique_lock lock(m_mutex);
            while (!m_wake.wait_for(lock, m_interval, [this] { return m_stopping; })) {
                lock.unlock();
                // PASSIVE: copies what no reader still needs and never waits
                // for, nor blocks, the server's reads and writes. A busy or
                // failed attempt is simply tried again next time.
                checkpoint.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s);
                checkpoint.finish();
                lock.lock();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

} // namespace callos::server
