#include "meetingbot/botleavehandler.h"

#include "jobs/jobqueue.h"
#include "meetingbot/botjoinhandler.h"
#include "meetingbot/meetingbots.h"
#include "meetingbot/meetingbotservice.h"
#include "meetingbot/meetingbotwebhook.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

BotLeaveHandler::BotLeaveHandler(Database &database, MeetingBots &bots, JobQueue &queue, MeetingBotService &service)
    : m_database(database), m_bots(bots), m_queue(queue), m_service(service)
{ }

std::optional<JobFailure> BotLeaveHandler::run(const Job &job)
{
    const QString callId = job.payload.value(u"call_id"_s).toString();
    if (callId.isEmpty())
        return JobFailure::givingUp(tr("The job names no call."));
    const Result<std::optional<MeetingBotRow>> bot = m_bots.findForCall(callId);
    if (!bot)
        return JobFailure::retryLater(bot.refusal().message);
    if (!bot.value()) {
        const Result<std::optional<JobInfo>> join
            = m_queue.findByKey(job.orgId, QString::fromLatin1(BotJoinHandler::kKind), callId);
        if (!join)
            return JobFailure::retryLater(join.refusal().message);
        const QString state = join.value() ? join.value()->state : QString();
        if (state == u"queued"_s || state == u"running"_s || state == u"failed"_s)
            return JobFailure::retryLater(
                tr("The bot of call %1 has not joined yet; it is asked to leave once it has.").arg(callId));
        return std::nullopt; // no bot was sent
    }
    const QString state = bot.value()->state;
    if (state == QString::fromLatin1(BotDelivery::kEnded) || state == QString::fromLatin1(BotDelivery::kFailed)
        || bot.value()->lastEvent == QString::fromLatin1(MeetingBots::kLeaveRequested))
        return std::nullopt; // gone, or asked already

    if (std::optional<JobFailure> failure = m_service.leave(bot.value()->externalId))
        return failure;
    Transaction transaction(m_database, tr("Marking the meeting bot of call %1 as leaving").arg(callId));
    if (auto refusal = transaction.begin())
        return JobFailure::retryLater(refusal->message);
    if (auto refusal = m_bots.markLeaving(transaction, *bot.value()))
        return JobFailure::retryLater(refusal->message);
    if (auto refusal = transaction.commit())
        return JobFailure::retryLater(refusal->message);
    return std::nullopt;
}

} // namespace callos::server
