#pragma once

#include "http/httpexchange.h"

#include <QCoreApplication>

namespace callos::server {

class CallActivity;
class CallIngest;
class HttpRouter;

// POST /api/v1/events: a desktop's outbox, in batches. The answer lists the
// ids accepted and the ids refused with their reasons; refusals of single
// events are part of a 200 answer, since the rest of the batch was kept.
// What was committed is then reported to the live watchers.
class EventRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::EventRoutes)

public:
    // A batch of 500 events with long notes stays well under this.
    static constexpr qint64 kMaximumBodyBytes = 2 * 1024 * 1024;

    EventRoutes(CallIngest &ingest, CallActivity &activity);
    void addTo(HttpRouter &router);

private:
    ApiAnswer push(HttpExchange &exchange);

    CallIngest &m_ingest;
    CallActivity &m_activity;
};

} // namespace callos::server
