#pragma once

#include "jobs/jobhandler.h"

#include <QCoreApplication>

namespace callos::server {

class Database;
class JobQueue;
class MeetingBotService;
class MeetingBots;

// The job "bot.leave" {call_id} (MeetingBotScheduler): the prospect
// withdrew their consent, so the call's bot is asked to leave the meeting
// and stop recording (meeting_bots.state leaving). Without consent no
// recording of the call is fetched either (BotWebhookRoutes).
//
// A bot still on its way (its bot.join job waiting or running) is waited
// for: this job tries again until it has joined, or its join job has
// ended without a bot (which checks the consent first). A bot that has
// ended already is left alone.
class BotLeaveHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::BotLeaveHandler)

public:
    static constexpr auto kKind = "bot.leave";

    BotLeaveHandler(Database &database, MeetingBots &bots, JobQueue &queue, MeetingBotService &service);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

private:
    Database &m_database;
    MeetingBots &m_bots;
    JobQueue &m_queue;
    MeetingBotService &m_service;
};

} // namespace callos::server
