#pragma once

#include "jobs/jobresult.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>

namespace callos {
class Clock;
}

namespace callos::server {

class HttpClient;
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

// The media as the store now holds it.
struct DownloadedMedia
{
    QString storageKey;
    qint64 sizeBytes = 0;
};

// Downloads a recording's media from a link into the recording store, the
// same for every source that has a link (Zoom's webhook, a meeting bot):
// libcurl with redirects followed, into a staging file that is moved into
// the store whole, or removed. The fetch job handlers of the sources
// (RecordingFetchHandler, BotRecordingFetchHandler) find the link, this
// downloads it, and RecordingHandoff takes it from there.
//
// A download cut short, stalled or refused leaves nothing in the store; the
// next attempt starts over.
class RecordingDownload
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::RecordingDownload)

public:
    // The longest meetings make files of a few GiB.
    static constexpr qint64 kMaxBytes = 8LL * 1024 * 1024 * 1024;

    RecordingDownload(Recordings &recordings, RecordingStore &store, HttpClient &http, const Clock &clock);

    // Tests shorten it; a download that stalls this long is tried again later.
    void setStallTimeoutMs(int ms) { m_stallTimeoutMs = ms; }

    // The recording a fetch job names (Recordings::ofJob).
    JobResult<RecordingRow> recordingOf(const Job &job);
    // Downloads `recording`'s media from `link` into the store, under
    // <org>/<recording id>.<mp4 | m4a>.
    JobResult<DownloadedMedia> fetch(const RecordingRow &recording, const MediaLink &link);

private:
    std::optional<JobFailure> download(const MediaLink &link, const QString &localPath);

    Recordings &m_recordings;
    RecordingStore &m_store;
    HttpClient &m_http;
    const Clock &m_clock;
    int m_stallTimeoutMs = 60000;
};

} // namespace callos::server
