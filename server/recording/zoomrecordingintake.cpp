#include "recording/zoomrecordingintake.h"

#include "common/clock.h"
#include "jobs/jobqueue.h"
#include "recording/recordings.h"
#include "recording/zoomrecordingnotice.h"
#include "storage/database.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

QString ZoomIntakeOutcome::code() const
{
    switch (kind) {
    case Kind::Accepted:
        return u"accepted"_s;
    case Kind::Duplicate:
        return u"duplicate"_s;
    case Kind::NoAudio:
        return u"no_audio"_s;
    case Kind::NoCall:
        return u"no_call"_s;
    case Kind::NoConsent:
        return u"no_consent"_s;
    }
    return u"no_call"_s;
}

ZoomRecordingIntake::ZoomRecordingIntake(Database &database, Recordings &recordings, JobQueue &jobs, const Clock &clock)
    : m_database(database), m_recordings(recordings), m_jobs(jobs), m_clock(clock)
{
}

Result<ZoomIntakeOutcome> ZoomRecordingIntake::take(const ZoomRecordingNotice &notice)
{
    using Kind = ZoomIntakeOutcome::Kind;
    const ZoomRecordingFile *audio = notice.audioFile();
    if (!audio)
        return ZoomIntakeOutcome{ Kind::NoAudio, {}, {} };
    const qint64 recordingStart = audio->startedAt > 0 ? audio->startedAt : notice.startedAt;
    const Result<std::optional<RecordedCall>> found =
        m_recordings.findZoomCall(notice.meetingNumber, recordingStart > 0 ? recordingStart : m_clock.nowMs());
    if (!found)
        return found.refusal();
    if (!found.value())
        return ZoomIntakeOutcome{ Kind::NoCall, {}, {} };
    const RecordedCall &call = *found.value();
    // No consent, no recording: the media is never fetched.
    if (!call.consent)
        return ZoomIntakeOutcome{ Kind::NoConsent, call.callId, {} };

    const TenantScope::Entered scope = m_database.tenantScope().enterOrganisation(call.orgId);
    Transaction transaction(m_database, tr("Adding the Zoom recording of call %1").arg(call.callId));
    if (auto refusal = transaction.begin())
        return *refusal;
    const Result<std::optional<QString>> added = m_recordings.add(transaction,
        NewRecording{ call.orgId, call.callId, u"zoom"_s, notice.dedupeKey(), recordingStart, audio->endedAt,
            audio->fileType });
    if (!added)
        return added.refusal();
    if (!added.value()) {
        transaction.abort(Refusal{});
        return ZoomIntakeOutcome{ Kind::Duplicate, call.callId, {} };
    }
    const QString recordingId = *added.value();
    // The download token is a secret for 24 h: it lives in the job (which
    // no API shows) and nowhere else.
    QJsonObject payload{ { u"recording_id"_s, recordingId }, { u"call_id"_s, call.callId },
        { u"url"_s, audio->downloadUrl }, { u"file_type"_s, audio->fileType } };
    if (!notice.downloadToken.isEmpty())
        payload.insert(u"download_token"_s, notice.downloadToken);
    const Result<QString> job = m_jobs.enqueue(transaction,
        NewJob{ call.orgId, QString::fromLatin1(kFetchJobKind), payload, recordingId, 8, 0 });
    if (!job)
        return job.refusal();
    if (auto refusal = transaction.commit())
        return *refusal;
    return ZoomIntakeOutcome{ Kind::Accepted, call.callId, recordingId };
}

} // namespace callos::server
