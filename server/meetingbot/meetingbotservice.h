#pragma once

#include "jobs/jobresult.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace callos::server {

// What a bot is asked to do when it is sent to a meeting.
struct BotJoinRequest
{
    QString meetingUrl; // the prospect's meeting link, with its passcode
    QString botName; // what the meeting's participants see
    QString webhookUrl; // where the service reports the bot's states
    // The same key twice is one bot, at services that take one: a retry
    // after a lost answer must not send a second bot.
    QString dedupeKey;
    // Comes back with every webhook of the bot (CallOS's call id).
    QJsonObject metadata;
};

// Where a bot's recording can be downloaded now (a short-lived link).
struct BotRecordingLink
{
    QString url;
    qint64 startedAtMs = 0; // UTC ms; 0: the service did not say
};

// A meeting-bot service: a bot that joins the prospect's meeting as a
// participant and records it, for meetings without a cloud recording
// (integrations page, "Meeting bot"). Attendee today (AttendeeBotService);
// Recall.ai's API is alike and would be another implementation. Its
// webhooks are read by a MeetingBotWebhook of the same provider.
//
// Blocking, for the job workers, on the worker's own HttpClient. Every call
// returns its value or a JobFailure the job handler can hand to the queue
// as it is: no answer, 408, 429 (after Retry-After) and 5xx are tried again,
// any other 4xx is permanent and says what the service said. No message
// holds the API key.
class MeetingBotService
{
public:
    virtual ~MeetingBotService() = default;

    // "attendee": stored with each bot, and the webhook path's last part.
    virtual QString provider() const = 0;
    // "Attendee": names the service in messages.
    virtual QString displayName() const = 0;
    // Sends a bot to the meeting; the service's id of the bot.
    virtual JobResult<QString> join(const BotJoinRequest &request) = 0;
    // Asks the bot to leave the meeting (it stops recording).
    virtual std::optional<JobFailure> leave(const QString &botId) = 0;
    // Where the bot's recording is, once the service has finished it.
    virtual JobResult<BotRecordingLink> recording(const QString &botId) = 0;
};

} // namespace callos::server
