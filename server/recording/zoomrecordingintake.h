#pragma once

#include "common/result.h"

#include <QCoreApplication>

namespace callos {
class Clock;
}

namespace callos::server {

class Database;
class JobQueue;
class Recordings;
struct ZoomRecordingNotice;

// What became of a Zoom recording notice.
struct ZoomIntakeOutcome
{
    enum class Kind {
        Accepted, // a recording and the job that fetches its audio were added
        Duplicate, // a delivery seen before
        NoAudio, // no completed audio or video file
        NoCall, // no call of this meeting (yet: its desktop may sync later)
        NoConsent, // the prospect did not agree to be recorded
    };
    Kind kind = Kind::NoCall;
    QString callId; // when a call was found
    QString recordingId; // Accepted

    // "accepted", "duplicate", "no_audio", "no_call", "no_consent".
    QString code() const;
};

// Takes a Zoom recording.completed notice to its call: finds the call whose
// prospect's Zoom link has the meeting number and that started nearest the
// recording, and with the prospect's consent adds the recording and queues
// the job that fetches its audio, in one transaction. The webhook uses it
// as a delivery comes, WaitingZoomRecordings again for one that came
// before its call.
class ZoomRecordingIntake
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ZoomRecordingIntake)

public:
    // The job that fetches the audio (RecordingFetchHandler).
    static constexpr auto kFetchJobKind = "recording.fetch";

    ZoomRecordingIntake(Database &database, Recordings &recordings, JobQueue &jobs, const Clock &clock);

    Result<ZoomIntakeOutcome> take(const ZoomRecordingNotice &notice);

private:
    Database &m_database;
    Recordings &m_recordings;
    JobQueue &m_jobs;
    const Clock &m_clock;
};

} // namespace callos::server
