#include "meetingbot/meetingbotscheduler.h"

#include "call/callstate.h"
#include "jobs/jobqueue.h"
#include "recording/zoommeetinglink.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

bool consentGiven(const CallState &state)
{
    return state.consent && state.consent->given;
}

// A bot is wanted while the call has a meeting to join and may be recorded.
bool wantsBot(const CallState &state)
{
    return consentGiven(state) && !MeetingBotScheduler::meetingUrl(state).isEmpty();
}

} // namespace

MeetingBotScheduler::MeetingBotScheduler(JobQueue &jobs, bool enabled) : m_jobs(jobs), m_enabled(enabled) { }

QString MeetingBotScheduler::meetingUrl(const CallState &state)
{
    const QString link = state.fields.value(u"zoomLink"_s).toString().trimmed();
    return zoomMeetingNumber(link) ? link : QString();
}

std::optional<Refusal> MeetingBotScheduler::callChanged(
    Transaction &transaction, const QString &orgId, const CallState &before, const CallState &after)
{
    if (!m_enabled)
        return std::nullopt;
    if (wantsBot(after) && !wantsBot(before)) {
        // The link goes in the job (which no API shows): it holds the
        // meeting's passcode.
        const Result<QString> job = m_jobs.enqueue(transaction,
            NewJob { orgId, QString::fromLatin1(kJoinKind),
                QJsonObject { { u"call_id"_s, after.callId }, { u"meeting_url"_s, meetingUrl(after) } }, after.callId,
                8, 0 });
        if (!job)
            return job.refusal();
    }
    if (wantsBot(before) && after.consent && !after.consent->given) {
        const Result<QString> job = m_jobs.enqueue(transaction,
            NewJob { orgId, QString::fromLatin1(kLeaveKind), QJsonObject { { u"call_id"_s, after.callId } },
                after.callId, 8, 0 });
        if (!job)
            return job.refusal();
    }
    return std::nullopt;
}

} // namespace callos::server
