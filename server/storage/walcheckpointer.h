#pragma once

#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace callos::server {

// Copies a SQLite database's write-ahead log back into the database file,
// from a thread and a connection of its own, every `interval`. Left to
// itself, SQLite does that inside whichever commit takes the log past 1,000
// pages, and the request behind that commit waits for the copy and its
// fsyncs: tens of milliseconds, every few dozen batches of events. The
// server's own connection keeps a higher limit as a backstop (see
// kBackstopPages), should this thread fall behind.
class WalCheckpointer
{
public:
    // Pages the server's connection lets the log grow to before it copies
    // the log back itself (PRAGMA wal_autocheckpoint).
    static constexpr int kBackstopPages = 10000;

    WalCheckpointer(QString databasePath, std::chrono::milliseconds interval);
    // Stops the thread; what is still in the log stays there, safe, and the
    // last connection to close copies it back.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

private:
    void run();

    const QString m_path;
    const std::chrono::milliseconds m_interval;
    const QString m_connectionName;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace callos::server
