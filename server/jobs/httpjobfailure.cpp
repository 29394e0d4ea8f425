#include "jobs/httpjobfailure.h"

#include "net/httpclient.h"

namespace callos::server {

std::optional<JobFailure> HttpJobFailure::of(const HttpResponse &response, const QString &service, qint64 nowMs)
{
    if (!response.error.isEmpty())
        return JobFailure{ tr("%1 did not answer: %2").arg(service, response.error), std::nullopt, false };
    const int status = response.status;
    if (status >= 200 && status < 300)
        return std::nullopt;
    const bool transient = status == 408 || status == 429 || status >= 500;
    return JobFailure{ tr("%1 answered HTTP %2.").arg(service).arg(status),
        transient ? response.retryAfterMs(nowMs) : std::nullopt, !transient };
}

} // namespace callos::server
