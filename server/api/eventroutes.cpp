#include "api/eventroutes.h"

#include "calls/callingest.h"
#include "http/httprouter.h"
#include "http/jsonrequest.h"

using namespace Qt::StringLiterals;

namespace callos::server {

EventRoutes::EventRoutes(CallIngest &ingest, CallActivity &activity)
    : m_ingest(ingest)
    , m_activity(activity)
{
}

void EventRoutes::addTo(HttpRouter &router)
{
    router.addSync(HttpExchange::Method::Post, u"/api/v1/events"_s, { Access::Agent, kMaximumBodyBytes },
        [this](HttpExchange &exchange) { return push(exchange); });
}

ApiAnswer EventRoutes::push(HttpExchange &exchange)
{
    // The envelopes themselves are checked one by one by the ingest (a bad
    // event is refused alone); here only the batch's shape.
    const ApiResult<QJsonArray> events = readJsonBody<QJsonArray>(exchange, [](JsonObjectReader &reader) {
        QJsonArray read;
        for (const JsonNode &node : reader.array(u"events"_s, Presence::Required, 1, CallIngest::kMaximumBatch))
            read.append(node.value);
        return read;
    });
    if (!events)
        return events.failure();
    const Result<IngestOutcome> outcome = m_ingest.ingest(exchange.principal(), events.value());
    if (!outcome)
        return ApiFailure::internal(outcome.refusal());
    for (const CallUpdate &update : outcome.value().updates)
        m_activity.callUpdated(update);
    QJsonArray accepted;
    for (const QString &id : outcome.value().accepted)
        accepted.append(id);
    QJsonArray refused;
    for (const RefusedEvent &event : outcome.value().refused)
        refused.append(QJsonObject{ { u"id"_s, event.id }, { u"index"_s, event.index }, { u"code"_s, event.why.code },
            { u"message"_s, event.why.message } });
    return QHttpServerResponse(QJsonObject{ { u"accepted"_s, accepted }, { u"refused"_s, refused } });
}

} // namespace callos::server
