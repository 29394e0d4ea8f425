#pragma once

#include "jobs/jobhandler.h"

#include <QCoreApplication>

namespace callos::server {

class MeetingBotService;
class RecordingIntake;

// The job "recording.fetch_bot" {recording_id, call_id, bot_id}
// (BotWebhookRoutes, when the bot's recording is ready): asks the
// meeting-bot service where the recording is now (its links are
// short-lived, so each attempt asks afresh), downloads it and takes it in
// with RecordingIntake - stored with the time the bot's recording began,
// then its transcription queued, as for Zoom. A link refused (401/403) has
// expired: the next attempt gets a fresh one.
class BotRecordingFetchHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::BotRecordingFetchHandler)

public:
    static constexpr auto kKind = "recording.fetch_bot";

    BotRecordingFetchHandler(RecordingIntake &intake, MeetingBotService &service);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

private:
    RecordingIntake &m_intake;
    MeetingBotService &m_service;
};

} // namespace callos::server
