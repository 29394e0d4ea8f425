#include "jobs/jobqueue.h"

#include "common/clock.h"
#include "common/idgenerator.h"
#include "storage/database.h"
#include "storage/sqlplaceholders.h"
#include "storage/sqlrows.h"
#include "storage/storagerefusals.h"
#include "storage/transaction.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Messages are for admins reading a list: one line, bounded.
QString shortened(const QString &message)
{
    constexpr qsizetype kMaximumLength = 2000;
    QString line = message.simplified();
    return line.size() > kMaximumLength ? line.left(kMaximumLength) + u'…' : line;
}

// What admins see of a job, and how it is read.
const QString kInfoColumns = u"SELECT id, kind, state, attempts, max_attempts, run_at, last_error, created_at, "
                             "updated_at, finished_at FROM jobs"_s;

JobInfo infoFrom(const SqlRows::Row &row)
{
    return JobInfo{ row.at(0).toString(), row.at(1).toString(), row.at(2).toString(), row.at(3).toInt(),
        row.at(4).toInt(), row.at(5).toLongLong(), row.at(6).toString(), row.at(7).toLongLong(), row.at(8).toLongLong(),
        row.at(9).isNull() ? std::nullopt : std::optional<qint64>(row.at(9).toLongLong()) };
}

} // namespace

JobQueue::JobQueue(Database &database, const Clock &clock, IdGenerator &ids, QRandomGenerator &random, RetryPolicy policy)
    : m_database(database)
    , m_clock(clock)
    , m_ids(ids)
    , m_random(random)
    , m_policy(policy)
{
}

Result<QString> JobQueue::enqueue(Transaction &transaction, const NewJob &job)
{
    return add(transaction, job, OnDuplicate::Keep);
}

Result<QString> JobQueue::enqueueAgain(Transaction &transaction, const NewJob &job)
{
    return add(transaction, job, OnDuplicate::RunFinishedAgain);
}

Result<QString> JobQueue::add(Transaction &transaction, const NewJob &job, OnDuplicate duplicate)
{
    const qint64 now = m_clock.nowMs();
    const QString id = m_ids.nextId();
    const QVariant dedupeKey = job.dedupeKey.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(job.dedupeKey);
    const QString onConflict = duplicate == OnDuplicate::Keep
        ? u"DO NOTHING"_s
        : u"DO UPDATE SET state = 'queued', payload = excluded.payload, attempts = 0, "
          "max_attempts = excluded.max_attempts, run_at = excluded.run_at, last_error = '', "
          "updated_at = excluded.updated_at, finished_at = NULL WHERE jobs.state IN ('done', 'dead')"_s;
    const Result<int> added = transaction.execCounting(
        u"INSERT INTO jobs (id, org_id, kind, payload, dedupe_key, state, max_attempts, run_at, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?) ON CONFLICT (org_id, kind, dedupe_key) "_s
            + onConflict,
        { id, job.orgId, job.kind, QString::fromUtf8(QJsonDocument(job.payload).toJson(QJsonDocument::Compact)),
            dedupeKey, qMax(1, job.maxAttempts), job.runAt > 0 ? job.runAt : now, now, now });
    if (!added)
        return added.refusal();
    const auto existingId = [&]() -> Result<QString> {
        const Result<QVariant> existing = transaction.read(
            u"SELECT id FROM jobs WHERE org_id = ? AND kind = ? AND dedupe_key = ?"_s, { job.orgId, job.kind, dedupeKey });
        if (!existing)
            return existing.refusal();
        return existing.value().toString();
    };
    if (added.value() == 0) // the same work is waiting or running already
        return existingId();
    if (auto refusal = notifyWorkers(transaction))
        return *refusal;
    // Run again, the job keeps the id it had.
    if (duplicate == OnDuplicate::RunFinishedAgain && !job.dedupeKey.isEmpty())
        return existingId();
    return id;
}

Result<QList<Job>> JobQueue::claim(const QString &worker, const QStringList &kinds, int limit, qint64 leaseMs)
{
    if (kinds.isEmpty() || limit < 1)
        return QList<Job>();
    const qint64 now = m_clock.nowMs();
    // Workers serve every organisation.
    const TenantScope::Entered system = m_database.tenantScope().enterSystem();
    Transaction transaction(m_database, tr("Claiming jobs"));
    if (auto refusal = transaction.begin())
        return *refusal;
    // A worker that died on a job's last attempt: no further attempt, or a
    // job that kills its worker would do so forever.
    if (auto refusal = transaction.exec(
            u"UPDATE jobs SET state = 'dead', lease_owner = NULL, lease_until = NULL, updated_at = ?, finished_at = ?, "
            "last_error = 'Its worker stopped during the last attempt.' "
            "WHERE state = 'running' AND lease_until < ? AND attempts >= max_attempts"_s,
            { now, now, now }))
        return *refusal;

    const bool postgres = m_database.backend() == DatabaseSettings::Backend::Postgresql;
    QVariantList values(kinds.cbegin(), kinds.cend());
    values << now << now << limit << worker << now + leaseMs << now;
    // The chosen ids in a MATERIALIZED WITH: PostgreSQL may run a plain
    // "IN (SELECT ... LIMIT n)" more than once and take more than n.
    QSqlQuery &query = m_database.statement(
        u"WITH chosen AS MATERIALIZED (SELECT id FROM jobs WHERE kind IN (%1) "
        "AND ((state IN ('queued', 'failed') AND run_at <= ?) OR (state = 'running' AND lease_until < ?)) "
        "ORDER BY run_at LIMIT ?%2) "
        "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_until = ?, updated_at = ? "
        "WHERE id IN (SELECT id FROM chosen) "
        "RETURNING id, org_id, kind, payload, attempts, max_attempts"_s.arg(
            sqlPlaceholders(kinds.size()), postgres ? u" FOR UPDATE SKIP LOCKED"_s : QString()));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return transaction.abort(StorageRefusals::writeFailed(
            m_database.name(), tr("Claiming jobs"), StorageRefusals::detail(query.lastError())));
    QList<Job> jobs;
    while (query.next()) {
        jobs.append(Job{ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object(), query.value(4).toInt(),
            query.value(5).toInt(), worker });
    }
    query.finish();
    if (auto refusal = transaction.commit())
        return *refusal;
    return jobs;
}

Result<bool> JobQueue::complete(const Job &job)
{
    const qint64 now = m_clock.nowMs();
    const TenantScope::Entered scope = m_database.tenantScope().enterOrganisation(job.orgId);
    Transaction transaction(m_database, tr("Finishing job %1").arg(job.id));
    if (auto refusal = transaction.begin())
        return *refusal;
    const Result<int> changed = transaction.execCounting(
        u"UPDATE jobs SET state = 'done', lease_owner = NULL, lease_until = NULL, updated_at = ?, finished_at = ? "
        "WHERE id = ? AND org_id = ? AND state = 'running' AND lease_owner = ?"_s,
        { now, now, job.id, job.orgId, job.leaseOwner });
    if (!changed)
        return changed.refusal();
    if (auto refusal = transaction.commit())
        return *refusal;
    return changed.value() == 1;
}

Result<int> JobQueue::completeAll(const QList<Job> &jobs)
{
    if (jobs.isEmpty())
        return 0;
    const qint64 now = m_clock.nowMs();
    // One worker's jobs of any organisation.
    const TenantScope::Entered system = m_database.tenantScope().enterSystem();
    Transaction transaction(m_database, tr("Finishing %n job(s)", nullptr, int(jobs.size())));
    if (auto refusal = transaction.begin())
        return *refusal;
    QVariantList values{ now, now, jobs.first().leaseOwner };
    for (const Job &job : jobs)
        values.append(job.id);
    const Result<int> changed = transaction.execCounting(
        u"UPDATE jobs SET state = 'done', lease_owner = NULL, lease_until = NULL, updated_at = ?, finished_at = ? "
        "WHERE state = 'running' AND lease_owner = ? AND id IN (%1)"_s.arg(sqlPlaceholders(jobs.size())),
        values);
    if (!changed)
        return changed.refusal();
    if (auto refusal = transaction.commit())
        return *refusal;
    return changed.value();
}

Result<bool> JobQueue::fail(const Job &job, const JobFailure &failure)
{
    const qint64 now = m_clock.nowMs();
    const bool dead = failure.permanent || job.attempts >= job.maxAttempts;
    const qint64 runAt = dead ? now : now + m_policy.delayMs(job.attempts, failure.retryAfterMs, m_random.generateDouble());
    const TenantScope::Entered scope = m_database.tenantScope().enterOrganisation(job.orgId);
    Transaction transaction(m_database, tr("Recording the failure of job %1").arg(job.id));
    if (auto refusal = transaction.begin())
        return *refusal;
    const QVariant finishedAt = dead ? QVariant(now) : QVariant(QMetaType(QMetaType::LongLong));
    const Result<int> changed = transaction.execCounting(
        u"UPDATE jobs SET state = ?, run_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL, "
        "updated_at = ?, finished_at = ? WHERE id = ? AND org_id = ? AND state = 'running' AND lease_owner = ?"_s,
        { dead ? u"dead"_s : u"failed"_s, runAt, shortened(failure.message), now, finishedAt, job.id, job.orgId,
            job.leaseOwner });
    if (!changed)
        return changed.refusal();
    if (auto refusal = transaction.commit())
        return *refusal;
    return changed.value() == 1;
}

Result<QList<JobInfo>> JobQueue::list(const QString &orgId, const QStringList &states, int limit, int offset)
{
    if (states.isEmpty())
        return QList<JobInfo>();
    QVariantList values{ orgId };
    values += QVariantList(states.cbegin(), states.cend());
    values << limit << offset;
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading the jobs"),
        kInfoColumns + u" WHERE org_id = ? AND state IN (%1) ORDER BY updated_at DESC, id LIMIT ? OFFSET ?"_s.arg(
            sqlPlaceholders(states.size())),
        values);
    if (!rows)
        return rows.refusal();
    QList<JobInfo> jobs;
    for (const SqlRows::Row &row : rows.value())
        jobs.append(infoFrom(row));
    return jobs;
}

Result<std::optional<JobInfo>> JobQueue::find(const QString &orgId, const QString &jobId)
{
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(
        m_database, tr("reading a job"), kInfoColumns + u" WHERE org_id = ? AND id = ?"_s, { orgId, jobId });
    if (!row)
        return row.refusal();
    if (!row.value())
        return std::optional<JobInfo>();
    return std::optional<JobInfo>(infoFrom(*row.value()));
}

Result<QStringList> JobQueue::leaseOwners(const QString &prefix)
{
    const TenantScope::Entered system = m_database.tenantScope().enterSystem();
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading the job leases"),
        u"SELECT DISTINCT lease_owner FROM jobs WHERE state = 'running' AND substr(lease_owner, 1, ?) = ?"_s,
        { prefix.size(), prefix });
    if (!rows)
        return rows.refusal();
    QStringList owners;
    for (const SqlRows::Row &row : rows.value())
        owners.append(row.at(0).toString());
    return owners;
}

Result<int> JobQueue::expireLeases(const QStringList &owners)
{
    if (owners.isEmpty())
        return 0;
    const TenantScope::Entered system = m_database.tenantScope().enterSystem();
    Transaction transaction(m_database, tr("Releasing the jobs of stopped workers"));
    if (auto refusal = transaction.begin())
        return *refusal;
    QVariantList values{ m_clock.nowMs() };
    for (const QString &owner : owners)
        values.append(owner);
    const Result<int> changed = transaction.execCounting(
        u"UPDATE jobs SET lease_until = ? WHERE state = 'running' AND lease_owner IN (%1)"_s.arg(
            sqlPlaceholders(owners.size())),
        values);
    if (!changed)
        return changed.refusal();
    if (auto refusal = notifyWorkers(transaction))
        return *refusal;
    if (auto refusal = transaction.commit())
        return *refusal;
    return changed.value();
}

Result<bool> JobQueue::runNow(Transaction &transaction, const QString &orgId, const QString &kind, const QString &dedupeKey)
{
    const qint64 now = m_clock.nowMs();
    const Result<int> changed = transaction.execCounting(
        u"UPDATE jobs SET run_at = ?, updated_at = ? WHERE org_id = ? AND kind = ? AND dedupe_key = ? "
        "AND state IN ('queued', 'failed') AND run_at > ?"_s,
        { now, now, orgId, kind, dedupeKey, now });
    if (!changed)
        return changed.refusal();
    if (changed.value() == 1) {
        if (auto refusal = notifyWorkers(transaction))
            return *refusal;
    }
    return changed.value() == 1;
}

Result<std::optional<JobInfo>> JobQueue::findByKey(const QString &orgId, const QString &kind, const QString &dedupeKey)
{
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, tr("reading a job"),
        kInfoColumns + u" WHERE org_id = ? AND kind = ? AND dedupe_key = ?"_s, { orgId, kind, dedupeKey });
    if (!row)
        return row.refusal();
    if (!row.value())
        return std::optional<JobInfo>();
    return std::optional<JobInfo>(infoFrom(*row.value()));
}

Result<bool> JobQueue::retry(Transaction &transaction, const QString &orgId, const QString &jobId)
{
    return requeue(transaction, orgId, jobId, "'failed', 'dead'"_L1);
}

Result<bool> JobQueue::runAgain(Transaction &transaction, const QString &orgId, const QString &jobId)
{
    return requeue(transaction, orgId, jobId, "'done'"_L1);
}

Result<bool> JobQueue::requeue(Transaction &transaction, const QString &orgId, const QString &jobId, QLatin1StringView states)
{
    const qint64 now = m_clock.nowMs();
    const Result<int> changed = transaction.execCounting(
        u"UPDATE jobs SET state = 'queued', attempts = 0, run_at = ?, updated_at = ?, finished_at = NULL "
        "WHERE id = ? AND org_id = ? AND state IN (%1)"_s.arg(states),
        { now, now, jobId, orgId });
    if (!changed)
        return changed.refusal();
    if (changed.value() == 1) {
        if (auto refusal = notifyWorkers(transaction))
            return *refusal;
    }
    return changed.value() == 1;
}

std::optional<Refusal> JobQueue::notifyWorkers(Transaction &transaction)
{
    // PostgreSQL delivers it at commit, to the workers of every process.
    // SQLite has one process: its workers are woken directly. A worker's
    // claim waits for this transaction's write lock, so it sees the job.
    if (m_database.backend() != DatabaseSettings::Backend::Postgresql) {
        if (m_wakeLocalWorkers)
            m_wakeLocalWorkers();
        return std::nullopt;
    }
    return transaction.exec(u"SELECT pg_notify(?, '')"_s, { QString::fromLatin1(kChannel) });
}

} // namespace callos::server
