#pragma once

#include "http/httpexchange.h"

#include <QJsonObject>
#include <QString>

namespace callos::server {

// One webhook delivery of a meeting-bot service, read and checked.
struct BotDelivery
{
    // Lifecycle states of a bot as CallOS shows them, whatever the service
    // calls them.
    static constexpr auto kJoining = "joining"; // on its way in, or in the waiting room
    static constexpr auto kInMeeting = "in_meeting"; // in the meeting, not recording
    static constexpr auto kRecording = "recording";
    static constexpr auto kLeaving = "leaving"; // leaving, or finishing the recording
    static constexpr auto kEnded = "ended";
    static constexpr auto kFailed = "failed";

    // A delivery sent again has the same key; it changes nothing twice.
    QString idempotencyKey;
    QString botId; // the service's id of the bot
    QJsonObject botMetadata; // what the bot was created with (BotJoinRequest::metadata)
    QString trigger; // "bot.state_change", ...
    bool stateChange = false; // the trigger is a change of the bot's state
    // Of a state change:
    QString state; // one of the states above; empty for one CallOS does not know
    QString providerState; // the service's own name of the new state
    QString eventType; // what made it change ("post_processing_completed", ...)
    QString eventSubType;
    qint64 occurredAt = 0; // UTC ms; 0: not given
    // The bot's recording can be fetched now.
    bool recordingReady = false;
};

// Reads the webhooks of one meeting-bot service (see MeetingBotService).
class MeetingBotWebhook
{
public:
    virtual ~MeetingBotWebhook() = default;

    virtual QString provider() const = 0;
    // Checks the delivery's signature before anything of it is trusted,
    // then reads it. Refusals, with nothing of the delivery used:
    //   401 webhook.unsigned       no signature header
    //   401 webhook.bad_signature  the signature does not match
    //   401 webhook.stale          signed, but from too long ago (a replay)
    //   400                        a body that is not JSON, or not a delivery
    virtual ApiResult<BotDelivery> read(const HttpExchange &exchange) const = 0;
};

} // namespace callos::server
