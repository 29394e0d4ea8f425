#include "meetingbot/attendeewebhook.h"

#include "common/clock.h"
#include "meetingbot/attendeebotservice.h"
#include "meetingbot/canonicaljson.h"
#include "json/jsonobjectreader.h"

#include <QDateTime>
#include <QHash>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

ApiFailure unauthorized(const QString &code, const QString &message)
{
    return ApiFailure { Refusal { code, message }, ApiFailure::Status::Unauthorized, {}, {} };
}

// Attendee writes times as ISO 8601 with microseconds and an offset
// ("2023-07-15T14:30:45.123456Z"); std::nullopt for anything else.
std::optional<qint64> isoTimeMs(const QString &text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

} // namespace

AttendeeWebhook::AttendeeWebhook(QByteArray secretBytes, const Clock &clock)
    : m_signature(std::move(secretBytes)), m_clock(clock)
{ }

QString AttendeeWebhook::provider() const
{
    return QString::fromLatin1(AttendeeSettings::kProvider);
}

QString AttendeeWebhook::stateOf(const QString &attendeeState)
{
    static const QHash<QString, QString> states {
        { u"ready"_s, QString::fromLatin1(BotDelivery::kJoining) },
        { u"scheduled"_s, QString::fromLatin1(BotDelivery::kJoining) },
        { u"staged"_s, QString::fromLatin1(BotDelivery::kJoining) },
        { u"joining"_s, QString::fromLatin1(BotDelivery::kJoining) },
        { u"waiting_room"_s, QString::fromLatin1(BotDelivery::kJoining) },
        { u"joined_not_recording"_s, QString::fromLatin1(BotDelivery::kInMeeting) },
        { u"joined_recording_paused"_s, QString::fromLatin1(BotDelivery::kInMeeting) },
        { u"joined_recording_permission_denied"_s, QString::fromLatin1(BotDelivery::kInMeeting) },
        { u"joining_breakout_room"_s, QString::fromLatin1(BotDelivery::kInMeeting) },
        { u"leaving_breakout_room"_s, QString::fromLatin1(BotDelivery::kInMeeting) },
        { u"joined_recording"_s, QString::fromLatin1(BotDelivery::kRecording) },
        { u"leaving"_s, QString::fromLatin1(BotDelivery::kLeaving) },
        { u"post_processing"_s, QString::fromLatin1(BotDelivery::kLeaving) },
        { u"ended"_s, QString::fromLatin1(BotDelivery::kEnded) },
        { u"data_deleted"_s, QString::fromLatin1(BotDelivery::kEnded) },
        { u"fatal_error"_s, QString::fromLatin1(BotDelivery::kFailed) },
    };
    return states.value(attendeeState);
}

ApiResult<BotDelivery> AttendeeWebhook::read(const HttpExchange &exchange) const
{
    const QByteArray signature = exchange.header(kSignatureHeader).trimmed();
    if (signature.isEmpty())
        return unauthorized(u"webhook.unsigned"_s,
            tr("An Attendee webhook needs the %1 header.").arg(QString::fromLatin1(kSignatureHeader)));
    // The signature is over the payload's canonical form, so the body must
    // be read as JSON first; nothing of it is used before it is verified.
    const Result<QByteArray> canonical = CanonicalJson::of(exchange.body());
    if (!canonical)
        return ApiFailure { Refusal { u"request.malformed_json"_s, canonical.refusal().message },
            ApiFailure::Status::BadRequest, {}, {} };
    if (!m_signature.verify(signature, canonical.value()))
        return unauthorized(u"webhook.bad_signature"_s,
            tr("The %1 does not match the body.").arg(QString::fromLatin1(kSignatureHeader)));

    const ApiResult<QJsonObject> body = exchange.jsonObject();
    if (!body)
        return body.failure();
    ValidationErrors errors { QString() };
    JsonObjectReader in(JsonNode { body.value(), QString() }, errors);
    // Attendee adds fields without notice; only what CallOS reads is checked.
    in.ignoreRest();
    BotDelivery delivery;
    delivery.idempotencyKey = in.string(u"idempotency_key"_s).value_or(QString());
    if (delivery.idempotencyKey.size() > 200)
        in.addError(u"idempotency_key"_s, tr("must be at most 200 characters"));
    delivery.botId = in.string(u"bot_id"_s).value_or(QString());
    if (!delivery.botId.isEmpty() && !AttendeeBotService::isBotId(delivery.botId))
        in.addError(u"bot_id"_s, tr("must be letters, digits, '-' or '_' (at most 128)"));
    delivery.trigger = in.string(u"trigger"_s).value_or(QString());
    if (const std::optional<JsonNode> metadata = in.node(u"bot_metadata"_s, Presence::Optional)) {
        if (!metadata->value.isObject())
            in.addError(u"bot_metadata"_s, tr("must be an object or null"));
        delivery.botMetadata = metadata->value.toObject();
    }
    delivery.stateChange = delivery.trigger == QString::fromLatin1(kStateChange);
    if (delivery.stateChange) {
        const std::optional<JsonNode> dataNode = in.node(u"data"_s);
        if (dataNode) {
            JsonObjectReader data(*dataNode, errors);
            data.ignoreRest();
            if (data.isObject()) {
                delivery.providerState = data.string(u"new_state"_s).value_or(QString());
                delivery.state = stateOf(delivery.providerState);
                delivery.eventType = data.string(u"event_type"_s, Presence::Optional).value_or(QString());
                delivery.eventSubType = data.string(u"event_sub_type"_s, Presence::Optional).value_or(QString());
                // Required: without it a delivery could not be told stale.
                if (const std::optional<QString> at = data.string(u"created_at"_s)) {
                    const std::optional<qint64> ms = isoTimeMs(*at);
                    if (!ms)
                        data.addError(u"created_at"_s, tr("must be an ISO 8601 time"));
                    delivery.occurredAt = ms.value_or(0);
                }
            } else {
                in.addError(u"data"_s, tr("must be an object"));
            }
        }
        delivery.recordingReady = delivery.eventType == QString::fromLatin1(kRecordingReadyEvent);
    }
    if (!errors.isEmpty())
        return ApiFailure::invalid(errors);
    if (delivery.stateChange) {
        const qint64 now = m_clock.nowMs();
        if (delivery.occurredAt < now - kMaxAgeMs || delivery.occurredAt > now + kMaxAheadMs)
            return unauthorized(u"webhook.stale"_s,
                tr("The state change's created_at is more than %1 minutes before or %2 minutes after this "
                   "server's time: a delivery sent again that late is refused.")
                    .arg(kMaxAgeMs / 60000)
                    .arg(kMaxAheadMs / 60000));
    }
    return delivery;
}

} // namespace callos::server
