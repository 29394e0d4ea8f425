#pragma once

#include <QMetaType>
#include <QString>

namespace callos::client {

// What the sync is doing, for the status bar: the state, how many changes
// wait to be sent, how many the server refused, and why it is offline or
// failing.
struct SyncStatus
{
    enum class State {
        Stopped, // not signed in: everything stays on this computer
        Offline, // the server cannot be reached; retrying
        Syncing, // sending or fetching
        Synced, // the server has everything
        Error, // the server or the store refused something; retrying
    };

    State state = State::Stopped;
    int pending = 0;
    int refused = 0;
    QString reason; // Offline and Error: why, in words
    qint64 retryAtMs = 0; // when the next try is due (UTC ms), 0 if none

    bool operator==(const SyncStatus &) const = default;
};

} // namespace callos::client

Q_DECLARE_METATYPE(callos::client::SyncStatus)
