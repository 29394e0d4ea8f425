#include "recording/recordingfetchhandler.h"

#include "recording/recordingdownload.h"
#include "recording/recordinghandoff.h"
#include "recording/recordings.h"

using namespace Qt::StringLiterals;

namespace callos::server {

RecordingFetchHandler::RecordingFetchHandler(RecordingDownload &download, RecordingHandoff &handoff)
    : m_download(download), m_handoff(handoff)
{ }

std::optional<JobFailure> RecordingFetchHandler::run(const Job &job)
{
    const JobResult<RecordingRow> recording = m_download.recordingOf(job);
    if (!recording)
        return recording.failure();
    const RecordingRow &row = recording.value();
    if (row.state == u"stored"_s)
        return m_handoff.toTranscription(row.orgId, row.id, std::nullopt); // an earlier run got this far

    MediaLink link;
    link.url = job.payload.value(u"url"_s).toString();
    link.service = u"Zoom"_s;
    const QString token = job.payload.value(u"download_token"_s).toString();
    if (!token.isEmpty())
        link.headers.append({ "Authorization", "Bearer " + token.toUtf8() });
    link.refusedMeaning = tr("The download token has expired or is not valid.");
    link.refusalIsFinal = true;
    const JobResult<DownloadedMedia> media = m_download.fetch(row, link);
    if (!media)
        return media.failure();
    return m_handoff.toTranscription(
        row.orgId, row.id, std::pair<QString, qint64>(media.value().storageKey, media.value().sizeBytes));
}

} // namespace callos::server
