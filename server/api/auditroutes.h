#pragma once

#include "http/httpexchange.h"

#include <QCoreApplication>

namespace callos::server {

class AuditLog;
class HttpRouter;

// GET /api/v1/audit?action=&before=&limit= (admins): the organisation's
// audit log, newest first, a page at a time:
//   {entries:[{id, at, actor_user_id, action, target, details}], next_before}
// next_before is the `before` of the next (older) page, null on the last.
// limit: 1 to 200, default 50.
class AuditRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::AuditRoutes)

public:
    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaximumLimit = 200;
    static constexpr int kMaximumActionLength = 100;

    explicit AuditRoutes(AuditLog &audit);

    void addTo(HttpRouter &router);

private:
    ApiAnswer read(HttpExchange &exchange);

    AuditLog &m_audit;
};

} // namespace callos::server
