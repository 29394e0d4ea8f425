#pragma once

#include "http/httpexchange.h"
#include "prospects/prospectrepository.h"

#include <QCoreApplication>

namespace callos {
class Clock;
class IdGenerator;
}

namespace callos::server {

class Database;
class HttpRouter;
struct ProspectPatch;

// /api/v1/prospects: list with search and paging, get, create (POST), update
// (PATCH), and create-or-replace (PUT, what the desktop sync uses).
//
// Who sees what: an agent their own prospects, a manager or admin the whole
// organisation's. A prospect one may not see answers 404 exactly like one
// that does not exist, also when it is another organisation's.
class ProspectRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ProspectRoutes)

public:
    ProspectRoutes(Database &database, const Clock &clock, IdGenerator &ids);

    void addTo(HttpRouter &router);

private:
    ApiResult<QHttpServerResponse> list(HttpExchange &exchange);
    ApiResult<QHttpServerResponse> get(HttpExchange &exchange);
    ApiResult<QHttpServerResponse> create(HttpExchange &exchange);
    ApiResult<QHttpServerResponse> update(HttpExchange &exchange);
    ApiResult<QHttpServerResponse> put(HttpExchange &exchange);

    // The prospect `id` if the principal may see it; 404 prospect.not_found if not.
    ApiResult<Prospect> findVisible(const Principal &who, const QString &id) const;
    // Writes `fields` over the stored prospect (skipped when nothing changes,
    // so a repeated PUT leaves even updated_at alone).
    ApiResult<Prospect> replaceFields(Prospect prospect, const ProspectFields &fields);
    // Inserts a new prospect owned by the principal; std::nullopt when the id is taken.
    ApiResult<std::optional<Prospect>> insert(const Principal &who, const QString &id, const ProspectFields &fields);

    Database &m_database;
    const Clock &m_clock;
    IdGenerator &m_ids;
    ProspectRepository m_prospects;
};

} // namespace callos::server
