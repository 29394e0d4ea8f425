#pragma once

#include "meetingbot/meetingbotservice.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace callos {
class Clock;
}

namespace callos::server {

class HttpClient;
struct HttpRequest;

// How CallOS reaches Attendee (integrations page, "Meeting bot").
struct AttendeeSettings
{
    static constexpr auto kProvider = "attendee";

    // A secret: sent as "Authorization: Token <key>", never in a message or
    // a log. Empty: no bots are sent.
    QByteArray apiKey;
    // Attendee's hosted service; a self-hosted Attendee has its own address.
    QString baseUrl = QStringLiteral("https://app.attendee.dev");
    // The webhook secret as Attendee shows it (base64), which signs its
    // webhooks. A secret too. Empty or not base64: the webhook refuses all.
    QByteArray webhookSecret;
    // The participant the prospect sees join: it says what it does.
    QString botName = QStringLiteral("CallOS Recorder");
    int connectTimeoutMs = 10000;
    int requestTimeoutMs = 60000;
};

// Attendee's bot API over HttpClient:
//   POST /api/v1/bots {meeting_url, bot_name, webhooks:[{url, triggers}],
//     deduplication_key, metadata, recording_settings:{format:"mp4"}} -> {id}
//   POST /api/v1/bots/{id}/leave
//   GET  /api/v1/bots/{id}/recording -> {url (short-lived), start_timestamp_ms}
// each with "Authorization: Token <key>". Failures as MeetingBotService
// says; an answer that is not valid JSON is tried again (a proxy may have
// cut it), JSON that is not what the API documents is permanent.
class AttendeeBotService final : public MeetingBotService
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::AttendeeBotService)

public:
    AttendeeBotService(AttendeeSettings settings, HttpClient &http, const Clock &clock);

    QString provider() const override { return QString::fromLatin1(AttendeeSettings::kProvider); }
    QString displayName() const override { return QStringLiteral("Attendee"); }
    JobResult<QString> join(const BotJoinRequest &request) override;
    std::optional<JobFailure> leave(const QString &botId) override;
    JobResult<BotRecordingLink> recording(const QString &botId) override;

    // Attendee's bot ids ("bot_weIAju4OXNZkDTpZ") go into URL paths: only
    // letters, digits, '-' and '_', at most 128.
    static bool isBotId(const QString &id);

private:
    std::optional<JobFailure> prepare(HttpRequest &request, const QByteArray &method, const QString &path) const;
    // The answer's JSON object, or why there is none; `action` starts the
    // message ("Sending the bot to the meeting").
    JobResult<QJsonObject> send(const HttpRequest &request, const QString &action);

    AttendeeSettings m_settings;
    HttpClient &m_http;
    const Clock &m_clock;
};

} // namespace callos::server
