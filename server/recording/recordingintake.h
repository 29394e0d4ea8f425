#pragma once

#include "jobs/jobresult.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>

#include <optional>

namespace callos {
class Clock;
}

namespace callos::server {

class Database;
class HttpClient;
class JobQueue;
class RecordingStore;
class Recordings;
struct RecordingRow;

// Where a recording's media can be downloaded, as its source tells.
struct MediaLink
{
    QString url;
    // Sent with the download (Zoom's bearer token); not to another host
    // when a redirect leaves the first (HttpClient).
    QList<QPair<QByteArray, QByteArray>> headers;
    // Names the host in messages ("Zoom").
    QString service;
    // A 401 or 403 from the link: what it means for the admin reading the
    // job, and whether running the job again can help (a fresh link from
    // the source) or not (a token that has expired for good).
    QString refusedMeaning;
    bool refusalIsFinal = true;
};

// Takes in a recording's media, the same for every source (Zoom's webhook,
// a meeting bot): downloads it into the recording store, marks the
// recording stored and queues its transcription, those two in one
// transaction. The fetch job handlers of the sources (RecordingFetchHandler,
// BotRecordingFetchHandler) find the link, this does the rest.
//
// Idempotent: a recording already stored only makes sure the transcription
// is queued (the queue's dedupe key keeps it one job); a download cut
// short leaves nothing in the store, and the next attempt starts over.
class RecordingIntake
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::RecordingIntake)

public:
    static constexpr auto kTranscribeKind = "recording.transcribe";
    // The longest meetings make files of a few GiB.
    static constexpr qint64 kMaxBytes = 8LL * 1024 * 1024 * 1024;

    RecordingIntake(Database &database, Recordings &recordings, JobQueue &queue, RecordingStore &store,
        HttpClient &http, const Clock &clock);

    // Tests shorten it; a download that stalls this long is tried again later.
    void setStallTimeoutMs(int ms) { m_stallTimeoutMs = ms; }

    // The recording the fetch job names (payload recording_id), or why the
    // job cannot go on.
    JobResult<RecordingRow> recordingOf(const Job &job);
    // Downloads the recording's media from `link` and takes it in.
    // `startedAtMs` > 0: when the recording began, as the source says only
    // now (a bot's), kept with it.
    std::optional<JobFailure> fetch(
        const Job &job, const RecordingRow &recording, const MediaLink &link, qint64 startedAtMs = 0);
    // For a recording stored already (an earlier run got this far).
    std::optional<JobFailure> queueTranscription(const Job &job, const QString &recordingId);

private:
    struct Stored
    {
        QString key;
        qint64 sizeBytes = 0;
        qint64 startedAtMs = 0;
    };

    std::optional<JobFailure> download(const MediaLink &link, const QString &localPath);
    std::optional<JobFailure> commit(const Job &job, const QString &recordingId, const std::optional<Stored> &stored);

    Database &m_database;
    Recordings &m_recordings;
    JobQueue &m_queue;
    RecordingStore &m_store;
    HttpClient &m_http;
    const Clock &m_clock;
    int m_stallTimeoutMs = 60000;
};

} // namespace callos::server
