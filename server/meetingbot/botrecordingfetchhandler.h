#pragma once

#include "jobs/jobhandler.h"

#include <QCoreApplication>

namespace callos::server {

class MeetingBotService;
class RecordingDownload;
class RecordingHandoff;

// The job "recording.fetch_bot" {recording_id, call_id, bot_id}
// (BotWebhookRoutes, when the bot's recording is ready): asks the
// meeting-bot service where the recording is now (its links are
// short-lived, so each attempt asks afresh), downloads it
// (RecordingDownload) and hands it on (RecordingHandoff: stored with the
// time the bot's recording began, and its transcription queued, in one
// transaction), as for Zoom. A link refused (401/403) has expired: the
// next attempt gets a fresh one.
//
// Idempotent: a recording already stored is only handed on again.
class BotRecordingFetchHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::BotRecordingFetchHandler)

public:
    static constexpr auto kKind = "recording.fetch_bot";

    BotRecordingFetchHandler(RecordingDownload &download, RecordingHandoff &handoff, MeetingBotService &service);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

private:
    RecordingDownload &m_download;
    RecordingHandoff &m_handoff;
    MeetingBotService &m_service;
};

} // namespace callos::server
