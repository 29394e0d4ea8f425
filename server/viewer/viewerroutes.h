#pragma once

#include "calls/callrepository.h"
#include "http/httpexchange.h"

#include <QCoreApplication>

namespace callos::server {

class AuditLog;
class Database;
class HttpRouter;
class LiveHub;
class ShareLinks;

// The client viewer (the prospect's browser tab):
//   POST   /api/v1/calls/{id}/share-links   the call's agent makes a link
//   DELETE /api/v1/calls/{id}/share-links   ...and can take all back
//   PUT    /api/v1/calls/{id}/slide         the agent's app sends the slide
//                                           it shows (PNG), for the viewers
//   GET    /view/{token}                    the page, which then follows the
//                                           slides over /api/v1/live
//   GET    /viewer/viewer.js, viewer.css    its script and style
// Only the call's own agent shares it, and only while the call runs.
class ViewerRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ViewerRoutes)

public:
    // A full-HD slide as PNG is well under this.
    static constexpr qint64 kMaximumSlideBytes = 4 * 1024 * 1024;

    ViewerRoutes(Database &database, AuditLog &audit, ShareLinks &shareLinks, LiveHub &hub, IdGenerator &ids);
    void addTo(HttpRouter &router);

private:
    ApiAnswer createLink(HttpExchange &exchange);
    ApiAnswer revokeLinks(HttpExchange &exchange);
    ApiAnswer putSlide(HttpExchange &exchange);
    ApiAnswer page(HttpExchange &exchange);

    // The call `id` if it is the principal's own and still running.
    ApiResult<CallRow> findRunningOwnCall(const Principal &who, const QString &id) const;

    Database &m_database;
    AuditLog &m_audit;
    ShareLinks &m_shareLinks;
    LiveHub &m_hub;
    CallRepository m_calls;
};

} // namespace callos::server
