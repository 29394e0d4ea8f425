#pragma once

#include "http/httpexchange.h"

#include <QCoreApplication>

namespace callos::server {

class Database;
class HttpRouter;
class JobQueue;
class JsonLog;
class MeetingBotWebhook;
class MeetingBots;
class Recordings;
struct BotDelivery;
struct MeetingBotRow;

// A meeting-bot service's webhooks: POST /webhooks/<provider> (public; the
// service signs every delivery, MeetingBotWebhook checks it).
//
// Refused with nothing stored:
//   503 meetingbot.not_configured  no webhook secret on this server
//   401 webhook.unsigned / webhook.bad_signature   (before anything is used)
//   400 a body that is no JSON, or no delivery;  413 over kMaxBodyBytes
// A bot state change of a bot CallOS sent updates meeting_bots. When it
// says the recording is ready and the call has the prospect's consent, it
// also adds a recording (source bot, key the bot's id) and the job that
// fetches it (BotRecordingFetchHandler):
//   200 {"status":"accepted","recording_id"}   the recording was added
//   200 {"status":"updated","state"}           the bot's state, after it
//   200 {"status":"duplicate"}                 its idempotency key was seen
//   200 {"status":"ignored","reason"}          unknown_bot, trigger_not_handled,
//        no_consent (the state is kept, the recording is not fetched); logged
// so the service does not deliver it again.
//
// A bot whose join answer never reached CallOS (the job's retry is then
// refused by the service's dedupe key) is not lost: its metadata names the
// call, and its first delivery adopts it, if that call has no bot yet.
class BotWebhookRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::BotWebhookRoutes)

public:
    // A state change is a few hundred bytes.
    static constexpr qint64 kMaxBodyBytes = 64 * 1024;

    // `webhook` null: the provider is not set up here, every delivery gets
    // 503 naming `secretVariable`.
    BotWebhookRoutes(Database &database, MeetingBots &bots, Recordings &recordings, JobQueue &jobs, JsonLog &log,
        const MeetingBotWebhook *webhook, QString provider, QString secretVariable);

    void addTo(HttpRouter &router);
    QString path() const;

private:
    ApiAnswer receive(HttpExchange &exchange);
    // The bot a delivery is for: known, or adopted from its metadata; none
    // when neither.
    Result<std::optional<MeetingBotRow>> botOf(const BotDelivery &delivery);
    ApiAnswer apply(HttpExchange &exchange, const MeetingBotRow &bot, const BotDelivery &delivery);
    ApiAnswer ignored(const HttpExchange &exchange, const QString &reason, const QJsonObject &fields);

    Database &m_database;
    MeetingBots &m_bots;
    Recordings &m_recordings;
    JobQueue &m_jobs;
    JsonLog &m_log;
    const MeetingBotWebhook *m_webhook;
    QString m_provider;
    QString m_secretVariable;
};

} // namespace callos::server
