#include "recording/recordingdownload.h"

#include "common/clock.h"
#include "jobs/httpjobfailure.h"
#include "net/httpclient.h"
#include "recording/recordings.h"
#include "recording/recordingstore.h"

#include <QFile>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace callos::server {

RecordingDownload::RecordingDownload(Recordings &recordings, RecordingStore &store, HttpClient &http, const Clock &clock)
    : m_recordings(recordings), m_store(store), m_http(http), m_clock(clock)
{ }

JobResult<RecordingRow> RecordingDownload::recordingOf(const Job &job)
{
    return m_recordings.ofJob(job);
}

JobResult<DownloadedMedia> RecordingDownload::fetch(const RecordingRow &recording, const MediaLink &link)
{
    if (link.url.isEmpty())
        return JobFailure::givingUp(tr("There is no address to fetch recording %1 from.").arg(recording.id));
    QTemporaryFile part(m_store.stagingDirectory() + u"/fetch-XXXXXX.part"_s);
    if (!part.open())
        return JobFailure::retryLater(tr("Cannot make a file for the download: %1").arg(part.errorString()));
    if (std::optional<JobFailure> failure = download(link, part.fileName()))
        return *failure; // the partial file goes with `part`
    if (!part.flush() || part.size() == 0)
        return JobFailure::retryLater(tr("The recording's download was empty."));
    const qint64 size = part.size();

    const QString type = recording.fileType.toLower();
    const QString extension = type == u"mp4"_s ? u"mp4"_s : u"m4a"_s;
    const QString key = recording.orgId + u'/' + recording.id + u'.' + extension;
    part.setAutoRemove(false);
    const QString localPath = part.fileName();
    part.close();
    if (auto refusal = m_store.store(key, localPath, type == u"mp4"_s ? u"video/mp4"_s : u"audio/mp4"_s)) {
        QFile::remove(localPath);
        // A store that refused the request itself (S3's wrong key) refuses
        // it again: the job ends, with the reason, until an admin retries.
        return RecordingStore::isPermanent(*refusal) ? JobFailure::givingUp(refusal->message)
                                                     : JobFailure::retryLater(refusal->message);
    }
    return DownloadedMedia { key, size };
}

std::optional<JobFailure> RecordingDownload::download(const MediaLink &link, const QString &localPath)
{
    QFile sink(localPath);
    if (!sink.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return JobFailure::retryLater(tr("Cannot write the download: %1").arg(sink.errorString()));
    HttpRequest request;
    request.url = link.url;
    request.headers = link.headers;
    request.followRedirects = true;
    request.bodySink = &sink;
    request.maxBodyBytes = kMaxBytes;
    request.totalTimeoutMs = 0; // a long recording on a slow link may take long: only a stall ends it
    request.stallTimeoutMs = m_stallTimeoutMs;
    const HttpResponse response = m_http.send(request);
    if (std::optional<JobFailure> failure = HttpJobFailure::of(response, link.service, m_clock.nowMs())) {
        if (response.status == 401 || response.status == 403) {
            if (!link.refusedMeaning.isEmpty())
                failure->message += u' ' + link.refusedMeaning;
            failure->permanent = link.refusalIsFinal;
        }
        return failure;
    }
    return std::nullopt;
}

} // namespace callos::server
