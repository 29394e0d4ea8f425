#include "recording/recordingfetchhandler.h"

#include "common/clock.h"
#include "jobs/httpjobfailure.h"
#include "jobs/jobqueue.h"
#include "net/httpclient.h"
#include "recording/recordings.h"
#include "recording/recordingstore.h"
#include "storage/transaction.h"

#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace callos::server {

RecordingFetchHandler::RecordingFetchHandler(Database &database, Recordings &recordings, JobQueue &queue,
    RecordingStore &store, HttpClient &http, const Clock &clock)
    : m_database(database)
    , m_recordings(recordings)
    , m_queue(queue)
    , m_store(store)
    , m_http(http)
    , m_clock(clock)
{
}

std::optional<JobFailure> RecordingFetchHandler::run(const Job &job)
{
    const QString recordingId = job.payload.value(u"recording_id"_s).toString();
    if (recordingId.isEmpty() || job.payload.value(u"url"_s).toString().isEmpty())
        return JobFailure::givingUp(tr("The job names no recording or no address to fetch it from."));
    const Result<std::optional<RecordingRow>> found = m_recordings.find(recordingId);
    if (!found)
        return JobFailure::retryLater(found.refusal().message);
    if (!found.value())
        return JobFailure::givingUp(tr("Recording %1 does not exist.").arg(recordingId));
    const RecordingRow &recording = *found.value();
    if (recording.state == u"stored"_s)
        return queueTranscription(job, recordingId, std::nullopt); // an earlier run got this far

    QTemporaryFile part(m_store.stagingDirectory() + u"/fetch-XXXXXX.part"_s);
    if (!part.open())
        return JobFailure::retryLater(tr("Cannot make a file for the download: %1").arg(part.errorString()));
    if (std::optional<JobFailure> failure = download(job, part.fileName()))
        return failure; // the partial file goes with `part`
    if (!part.flush() || part.size() == 0)
        return JobFailure::retryLater(tr("The recording's download was empty."));
    const qint64 size = part.size();

    const QString type = recording.fileType.toLower();
    const QString extension = type == u"mp4"_s ? u"mp4"_s : u"m4a"_s;
    const QString key = recording.orgId + u'/' + recordingId + u'.' + extension;
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
    return queueTranscription(job, recordingId, std::pair<QString, qint64>(key, size));
}

std::optional<JobFailure> RecordingFetchHandler::download(const Job &job, const QString &localPath)
{
    QFile sink(localPath);
    if (!sink.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return JobFailure::retryLater(tr("Cannot write the download: %1").arg(sink.errorString()));
    HttpRequest request;
    request.url = job.payload.value(u"url"_s).toString();
    const QString token = job.payload.value(u"download_token"_s).toString();
    if (!token.isEmpty())
        request.headers.append({ "Authorization", "Bearer " + token.toUtf8() });
    request.followRedirects = true;
    request.bodySink = &sink;
    request.maxBodyBytes = kMaxBytes;
    request.totalTimeoutMs = 0; // a long recording on a slow link may take long: only a stall ends it
    request.stallTimeoutMs = m_stallTimeoutMs;
    const HttpResponse response = m_http.send(request);
    if (std::optional<JobFailure> failure = HttpJobFailure::of(response, u"Zoom"_s, m_clock.nowMs())) {
        // The download token lasts 24 h: once Zoom refuses it, no retry helps.
        if (response.status == 401 || response.status == 403)
            failure->message += u' ' + tr("The download token has expired or is not valid.");
        return failure;
    }
    return std::nullopt;
}

std::optional<JobFailure> RecordingFetchHandler::queueTranscription(
    const Job &job, const QString &recordingId, const std::optional<std::pair<QString, qint64>> &stored)
{
    Transaction transaction(m_database, tr("Storing recording %1").arg(recordingId));
    if (auto refusal = transaction.begin())
        return JobFailure::retryLater(refusal->message);
    if (stored) {
        if (auto refusal = m_recordings.markStored(transaction, recordingId, stored->first, stored->second))
            return JobFailure::retryLater(refusal->message);
    }
    const Result<QString> next = m_queue.enqueue(transaction,
        NewJob{ job.orgId, QString::fromLatin1(kTranscribeKind), QJsonObject{ { u"recording_id"_s, recordingId } },
            recordingId, 8, 0 });
    if (!next)
        return JobFailure::retryLater(next.refusal().message);
    if (auto refusal = transaction.commit())
        return JobFailure::retryLater(refusal->message);
    return std::nullopt;
}

} // namespace callos::server
