#include "recording/recordingfetchhandler.h"

#include "recording/recordingintake.h"
#include "recording/recordings.h"

using namespace Qt::StringLiterals;

namespace callos::server {

RecordingFetchHandler::RecordingFetchHandler(RecordingIntake &intake) : m_intake(intake) { }

std::optional<JobFailure> RecordingFetchHandler::run(const Job &job)
{
    const JobResult<RecordingRow> recording = m_intake.recordingOf(job);
    if (!recording)
        return recording.failure();
    if (recording.value().state == u"stored"_s)
        return m_intake.queueTranscription(job, recording.value().id); // an earlier run got this far

    MediaLink link;
    link.url = job.payload.value(u"url"_s).toString();
    link.service = u"Zoom"_s;
    const QString token = job.payload.value(u"download_token"_s).toString();
    if (!token.isEmpty())
        link.headers.append({ "Authorization", "Bearer " + token.toUtf8() });
    link.refusedMeaning = tr("The download token has expired or is not valid.");
    link.refusalIsFinal = true;
    return m_intake.fetch(job, recording.value(), link);
}

} // namespace callos::server
