#include "api/jobroutes.h"

#include "api/queryreader.h"
#include "audit/auditlog.h"
#include "http/httprouter.h"
#include "http/jsonrequest.h"
#include "jobs/jobqueue.h"
#include "storage/transaction.h"

#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

const QStringList kStates{ u"queued"_s, u"running"_s, u"failed"_s, u"dead"_s, u"done"_s };

QJsonValue optionalTime(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(*ms) : QJsonValue();
}

QJsonObject toJson(const JobInfo &job)
{
    return QJsonObject{ { u"id"_s, job.id }, { u"kind"_s, job.kind }, { u"state"_s, job.state },
        { u"attempts"_s, job.attempts }, { u"max_attempts"_s, job.maxAttempts }, { u"run_at"_s, job.runAt },
        { u"last_error"_s, job.lastError }, { u"created_at"_s, job.createdAt }, { u"updated_at"_s, job.updatedAt },
        { u"finished_at"_s, optionalTime(job.finishedAt) } };
}

} // namespace

JobRoutes::JobRoutes(Database &database, JobQueue &queue, AuditLog &audit)
    : m_database(database)
    , m_queue(queue)
    , m_audit(audit)
{
}

void JobRoutes::addTo(HttpRouter &router)
{
    router.addSync(HttpExchange::Method::Get, u"/api/v1/jobs"_s, { Access::Admin, 0 },
        [this](HttpExchange &exchange) { return list(exchange); });
    router.addSync(HttpExchange::Method::Post, u"/api/v1/jobs/{id}/retry"_s, { Access::Admin, 1024 },
        [this](HttpExchange &exchange) { return retry(exchange); });
}

ApiAnswer JobRoutes::list(HttpExchange &exchange)
{
    QueryReader query(exchange.query());
    const QString stateText = query.text(u"state"_s, 100);
    const int limit = int(query.integer(u"limit"_s, 1, kMaximumLimit, kDefaultLimit));
    const int offset = int(query.integer(u"offset"_s, 0, std::numeric_limits<int>::max(), 0));
    QStringList states = stateText.isEmpty() ? QStringList{ u"failed"_s, u"dead"_s } : stateText.split(u',');
    for (const QString &state : std::as_const(states)) {
        if (!kStates.contains(state))
            query.addError(u"state"_s,
                tr("'%1' is no job state; use a comma list of %2.").arg(state, kStates.join(u", "_s)));
    }
    if (std::optional<ApiFailure> failure = query.finish())
        return std::move(*failure);
    states.removeDuplicates();

    const Result<QList<JobInfo>> jobs = m_queue.list(exchange.principal().orgId, states, limit, offset);
    if (!jobs)
        return ApiFailure::internal(jobs.refusal());
    QJsonArray out;
    for (const JobInfo &job : jobs.value())
        out.append(toJson(job));
    return QHttpServerResponse(QJsonObject{ { u"jobs"_s, out }, { u"limit"_s, limit }, { u"offset"_s, offset } });
}

ApiAnswer JobRoutes::retry(HttpExchange &exchange)
{
    // The body is {} or nothing at all; anything in it is a mistake.
    if (!exchange.body().isEmpty()) {
        const ApiResult<bool> empty = readJsonBody<bool>(exchange, [](JsonObjectReader &) { return true; });
        if (!empty)
            return empty.failure();
    }
    const Principal &who = exchange.principal();
    const QString jobId = exchange.param(0);
    Transaction transaction(m_database, tr("Retrying job %1").arg(jobId));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<bool> retried = m_queue.retry(transaction, who.orgId, jobId);
    if (!retried)
        return ApiFailure::internal(retried.refusal());
    if (!retried.value()) {
        transaction.abort(Refusal{});
        // Another organisation's job reads as no job at all.
        const Result<std::optional<JobInfo>> job = m_queue.find(who.orgId, jobId);
        if (!job)
            return ApiFailure::internal(job.refusal());
        if (!job.value())
            return ApiFailure::notFound(u"job.not_found"_s, tr("There is no job %1.").arg(jobId));
        return ApiFailure::conflict(u"job.not_failed"_s,
            tr("Job %1 is %2; only a failed or dead job can be retried.").arg(jobId, job.value()->state));
    }
    if (auto refusal = m_audit.record(transaction,
            AuditEntry{ who.orgId, who.userId, u"job.retried"_s, jobId, {}, 0, 0 }))
        return ApiFailure::internal(*refusal);
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    const Result<std::optional<JobInfo>> job = m_queue.find(who.orgId, jobId);
    if (!job || !job.value())
        return ApiFailure::internal(job ? Refusal{ u"job.vanished"_s, tr("Job %1 is gone.").arg(jobId) } : job.refusal());
    return QHttpServerResponse(toJson(*job.value()));
}

} // namespace callos::server
