#include "meetingbot/botjoinhandler.h"

#include "meetingbot/meetingbots.h"
#include "meetingbot/meetingbotservice.h"
#include "meetingbot/meetingbotwebhook.h"
#include "recording/recordings.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

BotJoinHandler::BotJoinHandler(
    Database &database, MeetingBots &bots, Recordings &recordings, MeetingBotService &service, QString webhookUrl)
    : m_database(database)
    , m_bots(bots)
    , m_recordings(recordings)
    , m_service(service)
    , m_webhookUrl(std::move(webhookUrl))
{ }

QString BotJoinHandler::dedupeKey(const QString &callId)
{
    return u"callos-"_s + callId;
}

std::optional<JobFailure> BotJoinHandler::run(const Job &job)
{
    const QString callId = job.payload.value(u"call_id"_s).toString();
    const QString meetingUrl = job.payload.value(u"meeting_url"_s).toString();
    if (callId.isEmpty() || meetingUrl.isEmpty())
        return JobFailure::givingUp(tr("The job names no call or no meeting to join."));
    const Result<std::optional<MeetingBotRow>> existing = m_bots.findForCall(callId);
    if (!existing)
        return JobFailure::retryLater(existing.refusal().message);
    if (existing.value())
        return std::nullopt; // an earlier run got this far
    const Result<bool> consent = m_recordings.hasConsent(callId);
    if (!consent)
        return JobFailure::retryLater(consent.refusal().message);
    if (!consent.value())
        return std::nullopt; // withdrawn while the job waited: no bot

    BotJoinRequest request;
    request.meetingUrl = meetingUrl;
    request.webhookUrl = m_webhookUrl;
    request.dedupeKey = dedupeKey(callId);
    request.metadata = QJsonObject { { QString::fromLatin1(kCallIdMetadata), callId } };
    const JobResult<QString> botId = m_service.join(request);
    if (!botId)
        return botId.failure();

    Transaction transaction(m_database, tr("Keeping the meeting bot of call %1").arg(callId));
    if (auto refusal = transaction.begin())
        return JobFailure::retryLater(refusal->message);
    MeetingBotRow bot;
    bot.orgId = job.orgId;
    bot.callId = callId;
    bot.provider = m_service.provider();
    bot.externalId = botId.value();
    bot.state = QString::fromLatin1(BotDelivery::kJoining);
    // Not added: the bot's first webhook came first and put it there.
    const Result<bool> added = m_bots.add(transaction, bot);
    if (!added)
        return JobFailure::retryLater(added.refusal().message);
    if (auto refusal = transaction.commit())
        return JobFailure::retryLater(refusal->message);
    return std::nullopt;
}

} // namespace callos::server
