#pragma once

#include "http/httpexchange.h"

#include <QCoreApplication>

namespace callos::server {

class AuditLog;
class Database;
class HttpRouter;
class JobQueue;

// The organisation's background jobs, for admins:
//   GET /api/v1/jobs?state=failed,dead&limit=&offset=
//     -> {jobs:[{id, kind, state, attempts, max_attempts, run_at, last_error,
//         created_at, updated_at, finished_at}], limit, offset}
//     state: a comma list of queued, running, failed, dead, done (default
//     failed,dead: what needs someone); newest change first.
//   POST /api/v1/jobs/{id}/retry {} -> 200 the job, queued to run now with
//     all its attempts again (audited job.retried); 404 job.not_found (also
//     for another organisation's id); 409 job.not_failed unless failed or dead.
class JobRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::JobRoutes)

public:
    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaximumLimit = 200;

    JobRoutes(Database &database, JobQueue &queue, AuditLog &audit);

    void addTo(HttpRouter &router);

private:
    ApiAnswer list(HttpExchange &exchange);
    ApiAnswer retry(HttpExchange &exchange);

    Database &m_database;
    JobQueue &m_queue;
    AuditLog &m_audit;
};

} // namespace callos::server
