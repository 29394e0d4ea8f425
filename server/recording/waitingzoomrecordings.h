#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QTimer>

#include <chrono>

namespace callos {
class Clock;
}

namespace callos::server {

class Database;
class JsonLog;
class ZoomRecordingIntake;
struct ZoomRecordingNotice;

// Zoom recordings that came before their call. Zoom sends
// recording.completed minutes after the meeting; a desktop that was
// offline during the call sends the call when it is back, maybe hours
// later. Such a notice waits in `zoom_recordings_waiting` (no organisation
// is known yet) and each sweep takes it to its call once the call has
// arrived, as if it had just come. After a day, when Zoom's download token
// has expired, it is dropped (and logged).
//
// Several server nodes may sweep at once: a recording is added once
// (recordings are unique by source key) and a notice is removed by whoever
// took it.
class WaitingZoomRecordings
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::WaitingZoomRecordings)

public:
    static constexpr qint64 kKeepMs = 24LL * 60 * 60 * 1000;
    // Notices looked at per sweep, oldest first.
    static constexpr int kSweepBatch = 200;

    struct Swept
    {
        int taken = 0; // to their call (or found no longer wanted: duplicate, no consent)
        int dropped = 0; // waited too long
        int waiting = 0; // still without a call
    };

    WaitingZoomRecordings(Database &database, ZoomRecordingIntake &intake, JsonLog &log, const Clock &clock);

    // Keeps `body` (the webhook's, which holds the download token: a secret
    // kept no longer than it is valid) of a notice that found no call.
    std::optional<Refusal> keep(const ZoomRecordingNotice &notice, const QByteArray &body);
    Result<Swept> sweep();
    // Sweeps every `interval` (the server's timer; 0 stops).
    void sweepEvery(std::chrono::milliseconds interval);

private:
    std::optional<Refusal> remove(const QString &dedupeKey);

    Database &m_database;
    ZoomRecordingIntake &m_intake;
    JsonLog &m_log;
    const Clock &m_clock;
    QTimer m_timer;
};

} // namespace callos::server
