#include "api/botwebhookroutes.h"

#include "http/httprouter.h"
#include "jobs/jobqueue.h"
#include "meetingbot/botjoinhandler.h"
#include "meetingbot/botrecordingfetchhandler.h"
#include "meetingbot/meetingbots.h"
#include "meetingbot/meetingbotwebhook.h"
#include "recording/recordings.h"
#include "runtime/jsonlog.h"
#include "storage/database.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

BotWebhookRoutes::BotWebhookRoutes(Database &database, MeetingBots &bots, Recordings &recordings, JobQueue &jobs,
    JsonLog &log, const MeetingBotWebhook *webhook, QString provider, QString secretVariable)
    : m_database(database)
    , m_bots(bots)
    , m_recordings(recordings)
    , m_jobs(jobs)
    , m_log(log)
    , m_webhook(webhook)
    , m_provider(std::move(provider))
    , m_secretVariable(std::move(secretVariable))
{ }

QString BotWebhookRoutes::path() const
{
    return u"/webhooks/"_s + m_provider;
}

void BotWebhookRoutes::addTo(HttpRouter &router)
{
    router.addSync(HttpExchange::Method::Post, path(), { Access::Public, kMaxBodyBytes },
        [this](HttpExchange &exchange) { return receive(exchange); });
}

ApiAnswer BotWebhookRoutes::receive(HttpExchange &exchange)
{
    if (!m_webhook)
        return ApiFailure { Refusal { u"meetingbot.not_configured"_s,
                                tr("This server takes no %1 webhooks: it has no webhook secret (%2).")
                                    .arg(m_provider, m_secretVariable) },
            ApiFailure::Status::ServiceUnavailable, {}, {} };
    const ApiResult<BotDelivery> read = m_webhook->read(exchange);
    if (!read)
        return read.failure();
    const BotDelivery &delivery = read.value();
    const QJsonObject botField { { u"bot_id"_s, delivery.botId } };
    if (!delivery.stateChange)
        return ignored(exchange, u"trigger_not_handled"_s, { { u"trigger"_s, delivery.trigger.left(100) } });
    const Result<std::optional<MeetingBotRow>> bot = botOf(delivery);
    if (!bot)
        return ApiFailure::internal(bot.refusal());
    if (!bot.value())
        return ignored(exchange, u"unknown_bot"_s, botField);
    return apply(exchange, *bot.value(), delivery);
}

Result<std::optional<MeetingBotRow>> BotWebhookRoutes::botOf(const BotDelivery &delivery)
{
    // Public route: the system's scope, since the delivery names no
    // organisation.
    const Result<std::optional<MeetingBotRow>> known = m_bots.findByExternalId(m_provider, delivery.botId);
    if (!known || known.value())
        return known;
    const QString callId = delivery.botMetadata.value(QString::fromLatin1(BotJoinHandler::kCallIdMetadata)).toString();
    if (callId.isEmpty())
        return known;
    const Result<std::optional<RecordedCall>> call = m_recordings.findCall(callId);
    if (!call)
        return call.refusal();
    if (!call.value())
        return std::optional<MeetingBotRow>();

    MeetingBotRow adopted;
    adopted.orgId = call.value()->orgId;
    adopted.callId = callId;
    adopted.provider = m_provider;
    adopted.externalId = delivery.botId;
    adopted.state = QString::fromLatin1(BotDelivery::kJoining);
    const TenantScope::Entered scope = m_database.tenantScope().enterOrganisation(adopted.orgId);
    Transaction transaction(m_database, tr("Adopting meeting bot %1 of call %2").arg(delivery.botId, callId));
    if (auto refusal = transaction.begin())
        return *refusal;
    const Result<bool> added = m_bots.add(transaction, adopted);
    if (!added)
        return added.refusal();
    if (auto refusal = transaction.commit())
        return *refusal;
    // Not added: the call has another bot (or this one came in meanwhile).
    return m_bots.findByExternalId(m_provider, delivery.botId);
}

ApiAnswer BotWebhookRoutes::apply(HttpExchange &exchange, const MeetingBotRow &bot, const BotDelivery &delivery)
{
    const TenantScope::Entered scope = m_database.tenantScope().enterOrganisation(bot.orgId);
    Transaction transaction(m_database, tr("Taking a webhook of meeting bot %1").arg(bot.externalId));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<bool> fresh = m_bots.recordDelivery(transaction, bot, delivery);
    if (!fresh)
        return ApiFailure::internal(fresh.refusal());
    if (!fresh.value()) {
        transaction.abort(Refusal {});
        return QHttpServerResponse(QJsonObject { { u"status"_s, u"duplicate"_s } });
    }
    if (auto refusal = m_bots.applyState(transaction, bot, delivery))
        return ApiFailure::internal(*refusal);

    std::optional<QString> recordingId;
    bool refusedForConsent = false;
    if (delivery.recordingReady) {
        const Result<bool> consent = m_recordings.hasConsent(bot.callId);
        if (!consent)
            return ApiFailure::internal(consent.refusal());
        // No consent (withdrawn after the bot joined), no recording: the
        // media is never fetched.
        refusedForConsent = !consent.value();
        if (consent.value()) {
            const Result<std::optional<QString>> added = m_recordings.add(transaction,
                NewRecording { bot.orgId, bot.callId, u"bot"_s, bot.externalId, 0, delivery.occurredAt, u"MP4"_s });
            if (!added)
                return ApiFailure::internal(added.refusal());
            recordingId = added.value();
        }
        if (recordingId) {
            const Result<QString> job = m_jobs.enqueue(transaction,
                NewJob { bot.orgId, QString::fromLatin1(BotRecordingFetchHandler::kKind),
                    QJsonObject { { u"recording_id"_s, *recordingId }, { u"call_id"_s, bot.callId },
                        { u"bot_id"_s, bot.externalId } },
                    *recordingId, 8, 0 });
            if (!job)
                return ApiFailure::internal(job.refusal());
        }
    }
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);

    if (refusedForConsent)
        return ignored(exchange, u"no_consent"_s, { { u"bot_id"_s, bot.externalId }, { u"call_id"_s, bot.callId } });
    if (recordingId)
        return QHttpServerResponse(QJsonObject { { u"status"_s, u"accepted"_s }, { u"recording_id"_s, *recordingId } });
    const Result<std::optional<MeetingBotRow>> after = m_bots.findForCall(bot.callId);
    if (!after)
        return ApiFailure::internal(after.refusal());
    return QHttpServerResponse(QJsonObject {
        { u"status"_s, u"updated"_s }, { u"state"_s, after.value() ? after.value()->state : bot.state } });
}

ApiAnswer BotWebhookRoutes::ignored(const HttpExchange &exchange, const QString &reason, const QJsonObject &fields)
{
    QJsonObject logged = fields;
    logged.insert(u"provider"_s, m_provider);
    logged.insert(u"reason"_s, reason);
    logged.insert(u"request_id"_s, exchange.requestId());
    m_log.write(u"info"_s, u"meetingbot.webhook_ignored"_s, logged);
    return QHttpServerResponse(QJsonObject { { u"status"_s, u"ignored"_s }, { u"reason"_s, reason } });
}

} // namespace callos::server
