#pragma once

#include "callharness.h"

#include <QString>

namespace callos {
struct Playbook;
}

namespace callos::test {

class ApiHarness;

// A call an agent runs from a desktop of its own, pushed to the server as
// it goes (POST /api/v1/events, as the sync does), for tests that follow
// what the server does as a call's events arrive.
class AgentCall
{
public:
    AgentCall(ApiHarness &api, const Playbook &playbook, QString token, QString prefix);

    // Starts the call at `startMs` for a prospect with `zoomLink`, with the
    // prospect's consent to record in the same push when `consent`; the
    // call's id on the server (empty on failure, with a warning).
    QString start(const QString &zoomLink, qint64 startMs, bool consent);
    // The prospect gives (or withdraws) consent `afterMs` later, pushed.
    bool recordConsent(bool given, qint64 afterMs = 20000);

    const QString &callId() const { return m_callId; }
    CallHarness &harness() { return m_call; }

    // What the agent asks before recording.
    static QString consentWording();

private:
    // The events not pushed yet.
    bool push();

    ApiHarness &m_api;
    CallHarness m_call;
    QString m_token;
    QString m_prefix;
    QString m_callId;
    qsizetype m_pushed = 0;
};

} // namespace callos::test
