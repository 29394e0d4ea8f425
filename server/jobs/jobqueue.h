#pragma once

#include "common/result.h"
#include "jobs/job.h"
#include "jobs/retrypolicy.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <functional>

class QRandomGenerator;

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class Transaction;

// The jobs table as a queue, at least once:
// - enqueue() adds a job in the caller's transaction, so it exists exactly
//   when what asked for it does;
// - claim() leases due jobs to a worker (FOR UPDATE SKIP LOCKED on
//   PostgreSQL, so the workers of several server processes never take the
//   same job); a job whose lease runs out (its worker died) is claimed again;
// - complete() / fail() end a run; only the lease holder's word counts. A
//   failed run comes back after RetryPolicy's delay, and is dead after its
//   last attempt.
// Handlers must be idempotent: a run may be repeated after a crash.
class JobQueue
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::JobQueue)

public:
    // PostgreSQL's notification channel: enqueue() notifies it (delivered at
    // commit), so waiting workers of every process wake at once.
    static constexpr char kChannel[] = "callos_jobs";

    JobQueue(Database &database, const Clock &clock, IdGenerator &ids, QRandomGenerator &random,
        RetryPolicy policy = {});

    // The job's id; with a dedupe key that is taken, the existing job's.
    Result<QString> enqueue(Transaction &transaction, const NewJob &job);
    // Up to `limit` due jobs of these kinds, of any organisation, leased to
    // `worker` for `leaseMs`, their attempts counted. Jobs whose worker died
    // on their last attempt are marked dead instead.
    Result<QList<Job>> claim(const QString &worker, const QStringList &kinds, int limit, qint64 leaseMs);
    // false: the lease was lost (another worker holds the job now) and
    // nothing changed.
    Result<bool> complete(const Job &job);
    // complete() for many jobs of one worker in one statement; how many of
    // them it still held.
    Result<int> completeAll(const QList<Job> &jobs);
    Result<bool> fail(const Job &job, const JobFailure &failure);

    // On SQLite, called when a job is added or retried (from any thread):
    // it wakes this process's workers (JobWorkerThread::wake).
    void setLocalWakeUp(std::function<void()> wake) { m_wakeLocalWorkers = std::move(wake); }

    // Who holds running jobs' leases, of any organisation: worker ids
    // starting with `prefix`.
    Result<QStringList> leaseOwners(const QString &prefix);
    // The running jobs of these workers (known dead: their process is gone)
    // are claimable at once instead of when their leases run out. How many.
    Result<int> expireLeases(const QStringList &owners);

    // For admins: an organisation's jobs in these states, newest change first.
    Result<QList<JobInfo>> list(const QString &orgId, const QStringList &states, int limit, int offset);
    // One of the organisation's jobs; std::nullopt for none (or another's).
    Result<std::optional<JobInfo>> find(const QString &orgId, const QString &jobId);
    // Brings a waiting job (queued, or failed and due later) forward to
    // now: the service it waits for says it is ready. false: no such job
    // waiting.
    Result<bool> runNow(Transaction &transaction, const QString &orgId, const QString &kind, const QString &dedupeKey);
    // The job asked for with this dedupe key, if any.
    Result<std::optional<JobInfo>> findByKey(const QString &orgId, const QString &kind, const QString &dedupeKey);
    // A failed or dead job queued to run now, with all its attempts again.
    // false: no such job of the organisation in either state.
    Result<bool> retry(Transaction &transaction, const QString &orgId, const QString &jobId);
    // A done job whose result was found wanting and thrown away (a failed
    // transcript or analysis it stored) queued to run now, with all its
    // attempts again. false: no such job done.
    Result<bool> runAgain(Transaction &transaction, const QString &orgId, const QString &jobId);
    // enqueue(), and a finished job with the same key (done or dead) runs
    // again with this payload: work asked for anew, e.g. collecting a
    // transcription requested again after the first one failed.
    Result<QString> enqueueAgain(Transaction &transaction, const NewJob &job);

private:
    enum class OnDuplicate { Keep, RunFinishedAgain };
    Result<QString> add(Transaction &transaction, const NewJob &job, OnDuplicate duplicate);
    // Queued to run now, with all its attempts again, if it is in one of
    // `states` (SQL list).
    Result<bool> requeue(Transaction &transaction, const QString &orgId, const QString &jobId, QLatin1StringView states);
    // Wakes waiting workers once the transaction commits (PostgreSQL NOTIFY;
    // nothing on SQLite, where the process wakes its own runner).
    std::optional<Refusal> notifyWorkers(Transaction &transaction);

    Database &m_database;
    const Clock &m_clock;
    IdGenerator &m_ids;
    QRandomGenerator &m_random;
    RetryPolicy m_policy;
    std::function<void()> m_wakeLocalWorkers;
};

} // namespace callos::server
