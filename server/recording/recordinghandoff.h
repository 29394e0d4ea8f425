#pragma once

#include "jobs/job.h"

#include <QCoreApplication>

#include <optional>
#include <utility>

namespace callos::server {

class Database;
class JobQueue;
class Recordings;

// The end of every recording source (Zoom download, meeting bot, upload):
// the recording is marked stored under its key and its transcription is
// queued, both in one transaction, so a recording is never stored without
// its next step. Run again, it changes nothing (the transcription job is
// one per recording).
class RecordingHandoff
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::RecordingHandoff)

public:
    static constexpr auto kTranscribeKind = "recording.transcribe";

    RecordingHandoff(Database &database, Recordings &recordings, JobQueue &queue);

    // `stored`: the storage key and size just written; std::nullopt when an
    // earlier attempt stored it already.
    std::optional<JobFailure> toTranscription(const QString &orgId, const QString &recordingId,
        const std::optional<std::pair<QString, qint64>> &stored);

private:
    Database &m_database;
    Recordings &m_recordings;
    JobQueue &m_queue;
};

} // namespace callos::server
