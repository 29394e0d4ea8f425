#pragma once

#include "call/callevent.h"
#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace callos {

// The JSON form of a call event, used by the local store, the sync protocol
// and the server. Decoding checks the envelope only; the payload is checked
// by the reducer, which knows the event types.
class CallEventCodec
{
public:
    static QJsonObject toJson(const CallEvent &event);
    static Result<CallEvent> fromJson(const QJsonObject &json);

    static QByteArray encode(const CallEvent &event);
    static Result<CallEvent> decode(const QByteArray &bytes);
};

} // namespace callos
