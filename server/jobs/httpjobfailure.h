#pragma once

#include "jobs/job.h"

#include <QCoreApplication>

namespace callos::server {

struct HttpResponse;

// How an external service's answer ends a job's attempt, the same for
// every client: no answer (a cut connection, a timeout), 408, 429 and
// 5xx (529 included) come back later, after the service's Retry-After
// when it sent one; any other 4xx is permanent (the request itself is
// wrong: running it again gives the same answer). std::nullopt for a
// 2xx. `service` names it in the message ("Zoom", "AssemblyAI").
class HttpJobFailure
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::HttpJobFailure)

public:
    static std::optional<JobFailure> of(const HttpResponse &response, const QString &service, qint64 nowMs);
};

} // namespace callos::server
