#include "call/calleventcodec.h"

#include "json/jsonobjectreader.h"
#include "json/jsonstring.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos {
namespace {

constexpr qint64 kMaxSafeInteger = 9007199254740991; // 2^53 - 1: exact in a JSON double

} // namespace

QJsonObject CallEventCodec::toJson(const CallEvent &event)
{
    return QJsonObject{
        {u"schema"_s, event.schema}, {u"id"_s, event.id},     {u"callId"_s, event.callId},
        {u"deviceId"_s, event.deviceId}, {u"seq"_s, event.seq}, {u"at"_s, event.at},
        {u"actor"_s, event.actor},   {u"type"_s, event.type}, {u"payload"_s, event.payload},
    };
}

Result<CallEvent> CallEventCodec::fromJson(const QJsonObject &json)
{
    ValidationErrors errors(QString{});
    CallEvent event;
    {
        JsonObjectReader in(JsonNode{json, QString()}, errors);
        const auto schema = in.integer(u"schema"_s, Presence::Required, 1, 1000000);
        if (schema && *schema > CallEvent::kSchemaVersion) {
            return Refusal{u"event.schema_unsupported"_s,
                           QCoreApplication::translate("callos::CallEventCodec", "This event was written by a newer CallOS (schema %1; this version reads %2). Update CallOS.")
                               .arg(*schema)
                               .arg(CallEvent::kSchemaVersion)};
        }
        const auto id = in.string(u"id"_s);
        const auto callId = in.string(u"callId"_s);
        const auto deviceId = in.string(u"deviceId"_s);
        const auto seq = in.integer(u"seq"_s, Presence::Required, 1, kMaxSafeInteger);
        const auto at = in.integer(u"at"_s, Presence::Required, 0, kMaxSafeInteger);
        const auto actor = in.string(u"actor"_s);
        const auto type = in.string(u"type"_s);
        const auto payload = in.node(u"payload"_s);
        if (payload && !payload->value.isObject())
            in.addError(u"payload"_s, QCoreApplication::translate("callos::CallEventCodec", "must be an object"));
        if (schema && id && callId && deviceId && seq && at && actor && type && payload) {
            event.schema = int(*schema);
            event.id = *id;
            event.callId = *callId;
            event.deviceId = *deviceId;
            event.seq = *seq;
            event.at = *at;
            event.actor = *actor;
            event.type = *type;
            event.payload = payload->value.toObject();
        }
    }
    if (!errors.isEmpty())
        return Refusal{u"event.malformed"_s, QCoreApplication::translate("callos::CallEventCodec", "Malformed event: %1").arg(errors.messages().join(u"; "_s))};
    return event;
}

QByteArray CallEventCodec::encode(const CallEvent &event)
{
    // Written by hand, byte for byte what QJsonDocument(toJson(event)) gives
    // (keys in its sorted order): the server encodes every event it stores,
    // and building a QJsonObject each time was a good part of a batch.
    QByteArray out;
    out.reserve(256);
    out += "{\"actor\":";
    appendJsonString(out, event.actor);
    out += ",\"at\":";
    out += QByteArray::number(event.at);
    out += ",\"callId\":";
    appendJsonString(out, event.callId);
    out += ",\"deviceId\":";
    appendJsonString(out, event.deviceId);
    out += ",\"id\":";
    appendJsonString(out, event.id);
    out += ",\"payload\":";
    out += QJsonDocument(event.payload).toJson(QJsonDocument::Compact);
    out += ",\"schema\":";
    out += QByteArray::number(event.schema);
    out += ",\"seq\":";
    out += QByteArray::number(event.seq);
    out += ",\"type\":";
    appendJsonString(out, event.type);
    out += '}';
    return out;
}

Result<CallEvent> CallEventCodec::decode(const QByteArray &bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Refusal{u"event.malformed"_s, QCoreApplication::translate("callos::CallEventCodec", "Malformed event: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset)};
    if (!document.isObject())
        return Refusal{u"event.malformed"_s, QCoreApplication::translate("callos::CallEventCodec", "Malformed event: must be a JSON object")};
    return fromJson(document.object());
}

} // namespace callos
