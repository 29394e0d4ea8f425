#pragma once

#include "jobs/jobhandler.h"

#include <QCoreApplication>

namespace callos::server {

class Database;
class MeetingBotService;
class MeetingBots;
class Recordings;

// The job "bot.join" {call_id, meeting_url} (MeetingBotScheduler): sends a
// bot of the meeting-bot service to the call's meeting and keeps it in
// meeting_bots (state joining). Its webhooks come to `webhookUrl`.
//
// Idempotent: a call that has its bot already is done. The consent is
// checked again first: withdrawn while the job waited, no bot goes. The
// service is given the call's id twice over: as the dedupe key (a retry
// after a lost answer sends no second bot) and in the bot's metadata (so
// the bot's webhooks can still name the call; BotWebhookRoutes).
class BotJoinHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::BotJoinHandler)

public:
    static constexpr auto kKind = "bot.join";
    // The key of the call's id in the bot's metadata.
    static constexpr auto kCallIdMetadata = "callos_call_id";

    BotJoinHandler(
        Database &database, MeetingBots &bots, Recordings &recordings, MeetingBotService &service, QString webhookUrl);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

    // What the service is given as the bot's dedupe key for a call.
    static QString dedupeKey(const QString &callId);

private:
    Database &m_database;
    MeetingBots &m_bots;
    Recordings &m_recordings;
    MeetingBotService &m_service;
    QString m_webhookUrl;
};

} // namespace callos::server
