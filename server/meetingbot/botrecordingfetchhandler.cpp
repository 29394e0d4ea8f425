#include "meetingbot/botrecordingfetchhandler.h"

#include "meetingbot/meetingbotservice.h"
#include "recording/recordingdownload.h"
#include "recording/recordinghandoff.h"
#include "recording/recordings.h"

using namespace Qt::StringLiterals;

namespace callos::server {

BotRecordingFetchHandler::BotRecordingFetchHandler(
    RecordingDownload &download, RecordingHandoff &handoff, MeetingBotService &service)
    : m_download(download), m_handoff(handoff), m_service(service)
{ }

std::optional<JobFailure> BotRecordingFetchHandler::run(const Job &job)
{
    const JobResult<RecordingRow> recording = m_download.recordingOf(job);
    if (!recording)
        return recording.failure();
    const RecordingRow &row = recording.value();
    if (row.state == u"stored"_s)
        return m_handoff.toTranscription(row.orgId, row.id, std::nullopt); // an earlier run got this far
    const QString botId = job.payload.value(u"bot_id"_s).toString();
    if (botId.isEmpty())
        return JobFailure::givingUp(tr("The job names no bot."));

    const JobResult<BotRecordingLink> where = m_service.recording(botId);
    if (!where)
        return where.failure();
    MediaLink link;
    link.url = where.value().url;
    link.service = m_service.displayName();
    // No credentials: the link is signed itself.
    link.refusedMeaning = tr("The recording's link has expired; the next attempt asks for a fresh one.");
    link.refusalIsFinal = false;
    const JobResult<DownloadedMedia> media = m_download.fetch(row, link);
    if (!media)
        return media.failure();
    return m_handoff.toTranscription(row.orgId, row.id,
        std::pair<QString, qint64>(media.value().storageKey, media.value().sizeBytes), where.value().startedAtMs);
}

} // namespace callos::server
