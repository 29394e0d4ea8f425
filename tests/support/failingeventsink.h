#pragma once

#include "call/eventsink.h"

namespace callos::test {

// Keeps events in memory, but the write numbered `failOnWrite` (1-based)
// fails, as a full disk or a locked database would.
class FailingEventSink final : public EventSink
{
public:
    explicit FailingEventSink(int failOnWrite = -1) : m_failOnWrite(failOnWrite) {}

    std::optional<Refusal> append(const QList<CallEvent> &events) override
    {
        if (++m_writes == m_failOnWrite)
            return Refusal{QStringLiteral("disk.full"), QStringLiteral("disk full")};
        m_events.append(events);
        return std::nullopt;
    }
    qint64 lastSeq(const QString &deviceId) const override { return lastSeqIn(m_events, deviceId); }
    const QList<CallEvent> &events() const { return m_events; }
    int writes() const { return m_writes; }

private:
    int m_failOnWrite;
    int m_writes = 0;
    QList<CallEvent> m_events;
};

} // namespace callos::test
