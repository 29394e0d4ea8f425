#pragma once

#include "client/call/callcontroller.h"
#include "client/store/callrepository.h"
#include "client/store/calleventstore.h"
#include "client/store/prospectrepository.h"

#include <QObject>

namespace callos::client {

// Starts and resumes calls for the agent: keeps the prospect and the call
// record in the local store, hands the call to the controller, and marks the
// record completed when the call ends.
class CallLauncher : public QObject
{
    Q_OBJECT

public:
    CallLauncher(CallController &controller, ProspectRepository &prospects, CallRepository &calls,
                 CallEventStore &events, IdGenerator &ids, const Clock &clock, QObject *parent = nullptr);

    // Saves the prospect (new or edited) and starts a call with them; returns the call id.
    Result<QString> start(const Prospect &prospect);
    // Reopens an unfinished call exactly where it was left.
    std::optional<Refusal> resume(const QString &callId);

    // The playbook's prospect fields filled from a stored prospect.
    static FieldValues factsOf(const Prospect &prospect, const Playbook &playbook);

private:
    void onEventsCommitted(const QList<CallEvent> &events);

    CallController &m_controller;
    ProspectRepository &m_prospects;
    CallRepository &m_calls;
    CallEventStore &m_events;
    IdGenerator &m_ids;
    const Clock &m_clock;
};

} // namespace callos::client
