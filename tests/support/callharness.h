#pragma once

#include "call/callsession.h"
#include "fakeclock.h"
#include "sequentialids.h"

#include <QJsonValue>

#include <memory>

namespace callos::test {

// A value that `field` accepts: in bounds, a listed option, a valid date.
QJsonValue validValueFor(const FieldDefinition &field);

// A call engine on a fake clock, predictable ids and an in-memory sink, with
// the steps many tests share (start, fill a milestone, reach the decision).
class CallHarness
{
public:
    explicit CallHarness(const Playbook &playbook, EventSink *sink = nullptr);

    CallSession &session() { return *m_session; }
    const CallState &state() const { return m_session->state(); }
    const Playbook &playbook() const { return m_playbook; }
    FakeClock &clock() { return m_clock; }
    const QList<CallEvent> &events() const;

    // Starts a call for a prospect with `clientCount` clients; checks it worked.
    bool start(int clientCount = 620);
    bool tickPrecall();
    // start + pre-call checklist + first milestone entered.
    bool begin(int clientCount = 620);
    // Ticks required items, fills required fields, confirms: ready to complete.
    bool fillMilestone(int index);
    // From the current milestone, completes each one until the decision milestone is current.
    bool runToDecision();

private:
    const Playbook &m_playbook;
    FakeClock m_clock;
    SequentialIds m_ids;
    MemoryEventSink m_memorySink;
    EventSink *m_sink;
    std::unique_ptr<CallSession> m_session;
};

} // namespace callos::test
