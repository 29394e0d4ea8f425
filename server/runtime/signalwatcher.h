#pragma once

#include <QObject>

class QSocketNotifier;

namespace callos::server {

// Turns SIGTERM and SIGINT into a Qt signal delivered by the event loop.
// A POSIX signal handler may only do async-signal-safe work, so it writes the
// signal number to a socket pair (the self-pipe trick) and a QSocketNotifier
// reads it back in the event loop, where shutting down is safe.
//
// The write end is necessarily process-wide state (a signal handler has no
// other way to find it), so at most one SignalWatcher may exist at a time.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    // False if the socket pair or the handlers could not be installed.
    bool isWatching() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    int m_fds[2] = { -1, -1 };
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace callos::server
