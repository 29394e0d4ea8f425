#pragma once

#include "common/result.h"
#include "content/deckcontent.h"
#include "content/playbookstore.h"
#include "http/httpexchange.h"

#include <QCoreApplication>

namespace callos {
class Clock;
}

namespace callos::server {

class AuditLog;
class Database;
class HttpRouter;

// /api/v1/playbook and /api/v1/deck: what the desktop runs a call with.
// GET /playbook answers the organisation's active playbook with an ETag (and
// 304 to an If-None-Match that still holds), so the desktop's offline cache
// costs a round trip, not a download; PUT /playbook (admins) replaces it
// once PlaybookLoader accepts it and its version is higher than the one in
// use (409 playbook.version_not_newer otherwise; the playbook in use sent
// again is answered 200 and changes nothing). GET /deck and
// /deck/files/{name} hand out the built-in deck and its images.
class PlaybookRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::PlaybookRoutes)

public:
    // Reads the embedded default playbook and deck; should they be missing
    // (a broken build), the routes answer 500 and log why.
    PlaybookRoutes(Database &database, AuditLog &audit, const Clock &clock);

    void addTo(HttpRouter &router);

private:
    ApiResult<QHttpServerResponse> getPlaybook(HttpExchange &exchange);
    ApiResult<QHttpServerResponse> putPlaybook(HttpExchange &exchange);
    ApiResult<QHttpServerResponse> getDeck(HttpExchange &exchange);
    ApiResult<QHttpServerResponse> getDeckFile(HttpExchange &exchange);

    Database &m_database;
    AuditLog &m_audit;
    Result<QJsonObject> m_builtinPlaybook;
    PlaybookStore m_playbooks;
    Result<DeckContent> m_deck;
};

} // namespace callos::server
