#pragma once

#include "call/callevent.h"

#include <QList>
#include <QString>

namespace callos::server {

// What just happened to a call, once it is committed: the events the server
// took (in the order the reducer applied them) and whether the call is over
// now (completed by its events, or closed through the API).
struct CallUpdate
{
    QString orgId;
    QString callId;
    QList<CallEvent> events;
    bool ended = false;
};

// Whoever follows calls as they happen (the live WebSocket hub). The event
// ingest and the call routes report here after they commit, so a watcher
// never sees what a rollback took back.
class CallActivity
{
public:
    virtual ~CallActivity() = default;
    virtual void callUpdated(const CallUpdate &update) = 0;
};

} // namespace callos::server
