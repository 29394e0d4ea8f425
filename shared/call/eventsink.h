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
};

class MemoryEventSink final : public EventSink
{
public:
    std::optional<Refusal> append(const QList<CallEvent> &events) override
    {
        m_events.append(events);
        return std::nullopt;
    }
    const QList<CallEvent> &events() const { return m_events; }

private:
    QList<CallEvent> m_events;
};

} // namespace callos
