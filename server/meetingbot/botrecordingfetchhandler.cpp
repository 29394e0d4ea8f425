#include "meetingbot/botrecordingfetchhandler.h"

#include "meetingbot/meetingbotservice.h"
#include "recording/recordingintake.h"
#include "recording/recordings.h"

using namespace Qt::StringLiterals;

namespace callos::server {

BotRecordingFetchHandler::BotRecordingFetchHandler(RecordingIntake &intake, MeetingBotService &service)
    : m_intake(intake), m_service(service)
{ }

std::optional<JobFailure> BotRecordingFetchHandler::run(const Job &job)
{
    const JobResult<RecordingRow> recording = m_intake.recordingOf(job);
    if (!recording)
        return recording.failure();
    if (recording.value().state == u"stored"_s)
        return m_intake.queueTranscription(job, recording.value().id); // an earlier run got this far
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
    return m_intake.fetch(job, recording.value(), link, where.value().startedAtMs);
}

} // namespace callos::server
