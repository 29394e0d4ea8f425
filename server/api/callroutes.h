#pragma once

#include "calls/callrepository.h"
#include "http/httpexchange.h"
#include "prospects/prospectrepository.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace callos {
class Clock;
class IdGenerator;
}

namespace callos::server {

class AuditLog;
class CallActivity;
class Database;
class HttpRouter;

// /api/v1/calls: create (POST), create-or-confirm (PUT, what the desktop
// sync calls before pushing a call's events), list with filters, get with
// the milestone and objection read models, and complete.
//
// A call is run by the user who creates it. An agent sees their own calls,
// a manager or admin the organisation's; a call one may not see answers 404
// like one that does not exist, also another organisation's.
class CallRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::CallRoutes)

public:
    CallRoutes(Database &database, AuditLog &audit, CallActivity &activity, const Clock &clock, IdGenerator &ids);

    void addTo(HttpRouter &router);

    // The call's JSON in the API (docs/api.md), without the read models.
    static QJsonObject toJson(const CallRow &call);

private:
    struct CreateRequest;

    ApiResult<QHttpServerResponse> list(HttpExchange &exchange);
    ApiResult<QHttpServerResponse> get(HttpExchange &exchange);
    ApiResult<QHttpServerResponse> create(HttpExchange &exchange);
    ApiResult<QHttpServerResponse> put(HttpExchange &exchange);
    ApiResult<QHttpServerResponse> complete(HttpExchange &exchange);

    // The call `id` if the principal may see it; 404 call.not_found if not.
    ApiResult<CallRow> findVisible(const Principal &who, const QString &id) const;
    // Creates the call for the principal after checking its prospect and the
    // call it follows; std::nullopt when the id is taken.
    ApiResult<std::optional<CallRow>> insert(const Principal &who, const CreateRequest &request);

    Database &m_database;
    AuditLog &m_audit;
    CallActivity &m_activity;
    const Clock &m_clock;
    IdGenerator &m_ids;
    CallRepository m_calls;
    ProspectRepository m_prospects;
};

} // namespace callos::server
