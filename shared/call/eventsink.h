#pragma once

#include "call/callevent.h"
#include "common/refusal.h"

#include <QList>

#include <optional>

namespace callos {

// Where the engine's events go to be kept: the local SQLite store in the app,
// memory in tests. `append` stores all of the events or none of them and
// returns a Refusal when it could not; the engine only counts an action as
// done after the sink has kept its events.
class EventSink
{
public:
    virtual ~EventSink() = default;
    virtual std::optional<Refusal> append(const QList<CallEvent> &events) = 0;
    // The highest seq `deviceId` has used in any call kept here (0: none).
    // A device numbers all its events, across calls (docs/call-events.md),
    // so the server can tell a device's events apart; a new call, or one
    // resumed after another, continues from here.
    virtual qint64 lastSeq(const QString &deviceId) const
    {
        Q_UNUSED(deviceId)
        return 0;
    }
};

// The highest seq of `deviceId` among `events` (0: none), for sinks that
// keep their events in a list.
inline qint64 lastSeqIn(const QList<CallEvent> &events, const QString &deviceId)
{
    qint64 last = 0;
    for (const CallEvent &event : events) {
        if (event.deviceId == deviceId)
            last = qMax(last, event.seq);
    }
    return last;
}

class MemoryEventSink final : public EventSink
{
public:
    std::optional<Refusal> append(const QList<CallEvent> &events) override
    {
        m_events.append(events);
        return std::nullopt;
    }
    qint64 lastSeq(const QString &deviceId) const override { return lastSeqIn(m_events, deviceId); }
    const QList<CallEvent> &events() const { return m_events; }

private:
    QList<CallEvent> m_events;
};

} // namespace callos
