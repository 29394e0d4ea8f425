#pragma once

#include "jobs/jobhandler.h"

#include <QCoreApplication>

namespace callos {
class Clock;
}

namespace callos::server {

class Database;
class HttpClient;
class JobQueue;
class RecordingStore;
class Recordings;

// The job "recording.fetch" {recording_id, url, download_token?, file_type}:
// downloads a recording's audio (Zoom's download URL with the webhook's
// download token as bearer, following redirects to the storage link) into
// the recording store, marks the recording stored and queues its
// transcription - both in one transaction.
//
// Idempotent: a recording already stored only makes sure the transcription
// is queued (the queue's dedupe key keeps it one job); a download cut
// short leaves nothing in the store, and the next attempt starts over.
class RecordingFetchHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::RecordingFetchHandler)

public:
    static constexpr auto kKind = "recording.fetch";
    static constexpr auto kTranscribeKind = "recording.transcribe";
    // Zoom's longest meetings make files of a few GiB.
    static constexpr qint64 kMaxBytes = 8LL * 1024 * 1024 * 1024;

    RecordingFetchHandler(Database &database, Recordings &recordings, JobQueue &queue, RecordingStore &store,
        HttpClient &http, const Clock &clock);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

    // Tests shorten it; a download that stalls this long is tried again later.
    void setStallTimeoutMs(int ms) { m_stallTimeoutMs = ms; }

private:
    std::optional<JobFailure> download(const Job &job, const QString &localPath);
    std::optional<JobFailure> queueTranscription(const Job &job, const QString &recordingId,
        const std::optional<std::pair<QString, qint64>> &stored);

    Database &m_database;
    Recordings &m_recordings;
    JobQueue &m_queue;
    RecordingStore &m_store;
    HttpClient &m_http;
    const Clock &m_clock;
    int m_stallTimeoutMs = 60000;
};

} // namespace callos::server
