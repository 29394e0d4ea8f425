#pragma once

#include "meetingbot/attendeewebhooksignature.h"
#include "meetingbot/meetingbotwebhook.h"

#include <QCoreApplication>

namespace callos {
class Clock;
}

namespace callos::server {

// Attendee's webhooks (integrations page, "Meeting bot"): a POST with
//   {idempotency_key, bot_id, bot_metadata, trigger, data}
// signed in X-Webhook-Signature (AttendeeWebhookSignature). For the trigger
// bot.state_change, data is {new_state, old_state, created_at, event_type,
// event_sub_type}; the recording is ready at event_type
// "post_processing_completed". Attendee's states map onto BotDelivery's:
//   ready, scheduled, staged, joining, waiting_room      -> joining
//   joined_not_recording, joined_recording_paused,
//   joined_recording_permission_denied, *_breakout_room   -> in_meeting
//   joined_recording                                     -> recording
//   leaving, post_processing                             -> leaving
//   ended, data_deleted                                  -> ended
//   fatal_error                                          -> failed
// and any other state reads as unknown (state empty, providerState kept).
//
// A state change must say when it happened (data.created_at), and a signed
// one from more than kMaxAgeMs ago, or more than kMaxAheadMs ahead of this
// server's clock, is refused as stale (401 webhook.stale): Attendee delivers
// an event within seconds and retries a failed delivery only a few times,
// seconds apart, so an older one is a replay of a captured delivery (the
// idempotency key stops a replay only while its delivery is remembered).
class AttendeeWebhook final : public MeetingBotWebhook
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::AttendeeWebhook)

public:
    static constexpr auto kSignatureHeader = "X-Webhook-Signature";
    static constexpr auto kStateChange = "bot.state_change";
    static constexpr auto kRecordingReadyEvent = "post_processing_completed";
    // Our policy, as for Zoom's timestamp but wider: created_at is when the
    // bot's state changed, not when the delivery was sent, and Attendee's
    // queue may lag behind.
    static constexpr qint64 kMaxAgeMs = 60 * 60 * 1000;
    static constexpr qint64 kMaxAheadMs = 5 * 60 * 1000;

    // The secret's bytes (AttendeeWebhookSignature::decodeSecret).
    AttendeeWebhook(QByteArray secretBytes, const Clock &clock);

    QString provider() const override;
    ApiResult<BotDelivery> read(const HttpExchange &exchange) const override;

    // Attendee's name of a state as BotDelivery's; empty for one not known.
    static QString stateOf(const QString &attendeeState);

private:
    AttendeeWebhookSignature m_signature;
    const Clock &m_clock;
};

} // namespace callos::server
