// The job queue on SQLite and a real PostgreSQL: jobs are added with the
// change that asks for them, run at least once, come back after a failure
// later and later, die after their last attempt, are taken again when their
// worker dies, and are never taken by two workers at once.
#include "apiharness.h"
#include "common/idgenerator.h"
#include "jobs/jobqueue.h"
#include "jobs/jobrunner.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"
#include "testdatabases.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

constexpr qint64 kLeaseMs = 30000;

QStringList ids(const QList<Job> &jobs)
{
    QStringList out;
    for (const Job &job : jobs)
        out.append(job.id);
    out.sort();
    return out;
}

} // namespace

class TestJobQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addedJobsRunOnce_data() { TestDatabases::addBackendRows(); }
    void addedJobsRunOnce();
    void aRolledBackChangeLeavesNoJob_data() { TestDatabases::addBackendRows(); }
    void aRolledBackChangeLeavesNoJob();
    void theSameWorkAskedTwiceIsOneJob_data() { TestDatabases::addBackendRows(); }
    void theSameWorkAskedTwiceIsOneJob();
    void onlyDueJobsOfTheWorkersKindsAreTaken_data() { TestDatabases::addBackendRows(); }
    void onlyDueJobsOfTheWorkersKindsAreTaken();
    void failuresComeBackLaterThenDie_data() { TestDatabases::addBackendRows(); }
    void failuresComeBackLaterThenDie();
    void aPermanentFailureIsDeadAtOnce_data() { TestDatabases::addBackendRows(); }
    void aPermanentFailureIsDeadAtOnce();
    void aDeadWorkersJobIsTakenAgain_data() { TestDatabases::addBackendRows(); }
    void aDeadWorkersJobIsTakenAgain();
    void aWorkerDyingOnTheLastAttemptEndsTheJob_data() { TestDatabases::addBackendRows(); }
    void aWorkerDyingOnTheLastAttemptEndsTheJob();
    void adminsSeeAndRetryOnlyTheirOwnJobs_data() { TestDatabases::addBackendRows(); }
    void adminsSeeAndRetryOnlyTheirOwnJobs();
    void aRunnerRunsWhatIsDueAndRecordsHowItWent_data() { TestDatabases::addBackendRows(); }
    void aRunnerRunsWhatIsDueAndRecordsHowItWent();
    void retryDelaysDoubleUpToTheirCap();
    void lockedJobsAreSkippedNotWaitedFor_data() { TestDatabases::addBackendRows(); }
    void lockedJobsAreSkippedNotWaitedFor();

private:
    QString add(const QString &orgId, const QString &kind = u"analyse"_s, const QString &dedupeKey = {},
        int maxAttempts = 3, qint64 runAt = 0);
    QString stateOf(const QString &jobId);

    std::unique_ptr<TestDatabases> m_databases;
    DatabaseSettings m_settings;
    std::unique_ptr<ApiHarness> m_api;
    UuidGenerator m_ids;
    QRandomGenerator m_random{ 7 };
    std::unique_ptr<JobQueue> m_queue;
    QString m_acme;
    QString m_globex;
};

void TestJobQueue::init()
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    m_settings = settings.value();
    m_api = std::make_unique<ApiHarness>(m_settings);
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
    m_queue = std::make_unique<JobQueue>(m_api->database(), m_api->clock(), m_ids, m_random);
    m_acme = m_api->addOrganisation(u"Acme"_s).orgId;
    m_globex = m_api->addOrganisation(u"Globex"_s).orgId;
}

void TestJobQueue::cleanup()
{
    m_queue.reset();
    m_api.reset();
    m_databases.reset();
}

QString TestJobQueue::add(const QString &orgId, const QString &kind, const QString &dedupeKey, int maxAttempts, qint64 runAt)
{
    Transaction transaction(m_api->database(), u"test"_s);
    if (transaction.begin())
        return {};
    const Result<QString> id = m_queue->enqueue(
        transaction, NewJob{ orgId, kind, QJsonObject{ { u"callId"_s, u"call-1"_s } }, dedupeKey, maxAttempts, runAt });
    if (!id || transaction.commit())
        return {};
    return id.value();
}

QString TestJobQueue::stateOf(const QString &jobId)
{
    const auto row = SqlRows::first(m_api->database(), u"test"_s, u"SELECT state FROM jobs WHERE id = ?"_s, { jobId });
    return row && row.value() ? row.value()->at(0).toString() : QString();
}

void TestJobQueue::addedJobsRunOnce()
{
    const QStringList added{ add(m_acme), add(m_acme), add(m_globex) };
    QVERIFY(!added.contains(QString()));

    // One worker serves every organisation.
    const Result<QList<Job>> claimed = m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 10, kLeaseMs);
    QVERIFY2(claimed.ok(), claimed.ok() ? "" : qPrintable(claimed.refusal().message));
    QStringList expected = added;
    expected.sort();
    QCOMPARE(ids(claimed.value()), expected);
    for (const Job &job : claimed.value()) {
        QCOMPARE(job.attempts, 1);
        QCOMPARE(job.maxAttempts, 3);
        QCOMPARE(job.payload, (QJsonObject{ { u"callId"_s, u"call-1"_s } }));
        QCOMPARE(stateOf(job.id), u"running"_s);
    }
    // Taken: nobody else gets them while the lease holds.
    QCOMPARE(m_queue->claim(u"worker-b"_s, { u"analyse"_s }, 10, kLeaseMs).value().size(), 0);

    for (const Job &job : claimed.value())
        QCOMPARE(m_queue->complete(job).value(), true);
    for (const QString &id : added)
        QCOMPARE(stateOf(id), u"done"_s);
    // Done is done, whatever time passes.
    m_api->clock().advance(24 * 3600 * 1000LL);
    QCOMPARE(m_queue->claim(u"worker-b"_s, { u"analyse"_s }, 10, kLeaseMs).value().size(), 0);
}

void TestJobQueue::aRolledBackChangeLeavesNoJob()
{
    {
        Transaction transaction(m_api->database(), u"test"_s);
        QVERIFY(!transaction.begin());
        QVERIFY(m_queue->enqueue(transaction, NewJob{ m_acme, u"analyse"_s, {}, {}, 3, 0 }).ok());
        // The change that asked for it fails: no commit.
    }
    QCOMPARE(m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 10, kLeaseMs).value().size(), 0);
}

void TestJobQueue::theSameWorkAskedTwiceIsOneJob()
{
    const QString first = add(m_acme, u"transcribe"_s, u"recording-9"_s);
    const QString again = add(m_acme, u"transcribe"_s, u"recording-9"_s);
    QVERIFY(!first.isEmpty());
    QCOMPARE(again, first);
    // The same key for another kind or organisation is other work.
    QVERIFY(add(m_acme, u"analyse"_s, u"recording-9"_s) != first);
    QVERIFY(add(m_globex, u"transcribe"_s, u"recording-9"_s) != first);
    QCOMPARE(m_queue->claim(u"worker-a"_s, { u"transcribe"_s, u"analyse"_s }, 10, kLeaseMs).value().size(), 3);
}

void TestJobQueue::onlyDueJobsOfTheWorkersKindsAreTaken()
{
    const QString later = add(m_acme, u"analyse"_s, {}, 3, m_api->clock().nowMs() + 60000);
    const QString other = add(m_acme, u"crm"_s);
    const QString due = add(m_acme, u"analyse"_s);
    const QList<Job> first = m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 10, kLeaseMs).value();
    QCOMPARE(ids(first), QStringList{ due });
    QVERIFY(m_queue->complete(first.value(0)).value());
    m_api->clock().advance(60000);
    QCOMPARE(ids(m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 10, kLeaseMs).value()), QStringList{ later });
    QCOMPARE(ids(m_queue->claim(u"worker-a"_s, { u"crm"_s }, 10, kLeaseMs).value()), QStringList{ other });
    // A limit is a limit, oldest first.
    const QString a = add(m_globex);
    m_api->clock().advance(1);
    add(m_globex);
    QCOMPARE(ids(m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 1, kLeaseMs).value()), QStringList{ a });
}

void TestJobQueue::failuresComeBackLaterThenDie()
{
    const QString id = add(m_acme, u"analyse"_s, {}, 3);
    FakeClock &clock = m_api->clock();

    // Attempt 1 fails: back after about 2 s (RetryPolicy: +-20 %).
    Job job = m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 1, kLeaseMs).value().value(0);
    QCOMPARE(job.id, id);
    QCOMPARE(m_queue->fail(job, JobFailure{ u"The service answered 500."_s, std::nullopt, false }).value(), true);
    QCOMPARE(stateOf(id), u"failed"_s);
    const auto runAt = [&] {
        return SqlRows::first(m_api->database(), u"test"_s, u"SELECT run_at - updated_at FROM jobs WHERE id = ?"_s, { id })
            .value()
            ->at(0)
            .toLongLong();
    };
    QVERIFY2(runAt() >= 1600 && runAt() <= 2400, qPrintable(QString::number(runAt())));
    clock.advance(1500);
    QCOMPARE(m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 1, kLeaseMs).value().size(), 0);
    clock.advance(1000);

    // Attempt 2: the service said to come back in a minute (Retry-After).
    job = m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 1, kLeaseMs).value().value(0);
    QCOMPARE(job.attempts, 2);
    QVERIFY(m_queue->fail(job, JobFailure{ u"429"_s, 60000, false }).value());
    QCOMPARE(runAt(), 60000);
    clock.advance(59000);
    QCOMPARE(m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 1, kLeaseMs).value().size(), 0);
    clock.advance(1000);

    // Attempt 3, the last: it fails too, and the job is dead with why.
    job = m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 1, kLeaseMs).value().value(0);
    QCOMPARE(job.attempts, 3);
    QVERIFY(m_queue->fail(job, JobFailure{ u"The service answered 500\nagain."_s, std::nullopt, false }).value());
    QCOMPARE(stateOf(id), u"dead"_s);
    clock.advance(24 * 3600 * 1000LL);
    QCOMPARE(m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 1, kLeaseMs).value().size(), 0);
    const QList<JobInfo> dead = m_queue->list(m_acme, { u"dead"_s }, 10, 0).value();
    QCOMPARE(dead.size(), 1);
    QCOMPARE(dead[0].attempts, 3);
    QCOMPARE(dead[0].lastError, u"The service answered 500 again."_s);
    QVERIFY(dead[0].finishedAt.has_value());
}

void TestJobQueue::aPermanentFailureIsDeadAtOnce()
{
    const QString id = add(m_acme, u"analyse"_s, {}, 5);
    const Job job = m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 1, kLeaseMs).value().value(0);
    QVERIFY(m_queue->fail(job, JobFailure{ u"The recording is not audio."_s, std::nullopt, true }).value());
    QCOMPARE(stateOf(id), u"dead"_s);
}

void TestJobQueue::aDeadWorkersJobIsTakenAgain()
{
    const QString id = add(m_acme);
    const Job first = m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 1, kLeaseMs).value().value(0);
    // worker-a dies (no complete, no fail). Until its lease ends the job waits...
    m_api->clock().advance(kLeaseMs - 1);
    QCOMPARE(m_queue->claim(u"worker-b"_s, { u"analyse"_s }, 1, kLeaseMs).value().size(), 0);
    // ...then another worker takes it, as a second attempt.
    m_api->clock().advance(2);
    const Job second = m_queue->claim(u"worker-b"_s, { u"analyse"_s }, 1, kLeaseMs).value().value(0);
    QCOMPARE(second.id, id);
    QCOMPARE(second.attempts, 2);
    // worker-a comes back to life late: its word no longer counts.
    QCOMPARE(m_queue->complete(first).value(), false);
    QCOMPARE(m_queue->completeAll({ first }).value(), 0);
    QCOMPARE(m_queue->fail(first, JobFailure{ u"late"_s, std::nullopt, true }).value(), false);
    QCOMPARE(stateOf(id), u"running"_s);
    QCOMPARE(m_queue->complete(second).value(), true);
    QCOMPARE(stateOf(id), u"done"_s);
}

void TestJobQueue::aWorkerDyingOnTheLastAttemptEndsTheJob()
{
    const QString id = add(m_acme, u"analyse"_s, {}, 1);
    QCOMPARE(m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 1, kLeaseMs).value().size(), 1);
    m_api->clock().advance(kLeaseMs + 1);
    // A job that kills its worker does not do so forever.
    QCOMPARE(m_queue->claim(u"worker-b"_s, { u"analyse"_s }, 1, kLeaseMs).value().size(), 0);
    QCOMPARE(stateOf(id), u"dead"_s);
    QCOMPARE(m_queue->list(m_acme, { u"dead"_s }, 10, 0).value().value(0).lastError,
        u"Its worker stopped during the last attempt."_s);
}

void TestJobQueue::adminsSeeAndRetryOnlyTheirOwnJobs()
{
    const QString acmeJob = add(m_acme, u"analyse"_s, {}, 1);
    const QString globexJob = add(m_globex, u"analyse"_s, {}, 1);
    for (const Job &job : m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 10, kLeaseMs).value())
        QVERIFY(m_queue->fail(job, JobFailure{ u"no"_s, std::nullopt, false }).value());
    QCOMPARE(m_queue->list(m_acme, { u"failed"_s, u"dead"_s }, 10, 0).value().size(), 1);
    QCOMPARE(m_queue->list(m_acme, { u"failed"_s, u"dead"_s }, 10, 0).value().value(0).id, acmeJob);

    Transaction transaction(m_api->database(), u"test"_s);
    QVERIFY(!transaction.begin());
    // Globex's job, asked by Acme: as if it did not exist.
    QCOMPARE(m_queue->retry(transaction, m_acme, globexJob).value(), false);
    QCOMPARE(m_queue->retry(transaction, m_acme, acmeJob).value(), true);
    QVERIFY(!transaction.commit());
    QCOMPARE(stateOf(globexJob), u"dead"_s);
    const QList<Job> again = m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 10, kLeaseMs).value();
    QCOMPARE(ids(again), QStringList{ acmeJob });
    QCOMPARE(again[0].attempts, 1);
}

namespace {

// Answers each job as its payload says, and counts the runs.
class ScriptedHandler final : public JobHandler
{
public:
    QString kind() const override { return u"scripted"_s; }
    std::optional<JobFailure> run(const Job &job) override
    {
        runs.append(job.id);
        const QString outcome = job.payload.value(u"outcome"_s).toString();
        if (outcome == u"ok"_s)
            return std::nullopt;
        return JobFailure{ u"told to fail"_s, std::nullopt, outcome == u"never"_s };
    }
    QStringList runs;
};

} // namespace

void TestJobQueue::aRunnerRunsWhatIsDueAndRecordsHowItWent()
{
    const auto addScripted = [&](const QString &outcome) {
        Transaction transaction(m_api->database(), u"test"_s);
        if (transaction.begin())
            return QString();
        const Result<QString> id = m_queue->enqueue(transaction,
            NewJob{ m_acme, u"scripted"_s, QJsonObject{ { u"outcome"_s, outcome } }, {}, 3, 0 });
        return id && !transaction.commit() ? id.value() : QString();
    };
    const QString ok = addScripted(u"ok"_s);
    const QString flaky = addScripted(u"again"_s);
    const QString hopeless = addScripted(u"never"_s);
    const QString notMine = add(m_acme, u"analyse"_s);

    ScriptedHandler handler;
    JobRunner runner(*m_queue, m_api->database(), { &handler }, JobRunner::Settings{ u"runner-1"_s, 2, kLeaseMs, 60000 });
    QStringList started;
    connect(&runner, &JobRunner::attemptStarted, this, [&](const QString &id, int) { started.append(id); });
    runner.start(); // runs what is due at once
    QCOMPARE(handler.runs, (QStringList{ ok, flaky, hopeless }));
    QCOMPARE(started, handler.runs);
    QCOMPARE(stateOf(ok), u"done"_s);
    QCOMPARE(stateOf(flaky), u"failed"_s);
    QCOMPARE(stateOf(hopeless), u"dead"_s);
    QCOMPARE(stateOf(notMine), u"queued"_s);

    // The retry comes due; the runner's poll (here: a wake) runs it again.
    m_api->clock().advance(60000);
    runner.wake();
    QCOMPARE(handler.runs.size(), 4);
    QCOMPARE(handler.runs.last(), flaky);
    runner.stop();
}

void TestJobQueue::retryDelaysDoubleUpToTheirCap()
{
    const RetryPolicy policy; // 2 s doubling to 30 min, +-20 %
    QCOMPARE(policy.delayMs(1, std::nullopt, 0.5), 2000);
    QCOMPARE(policy.delayMs(2, std::nullopt, 0.5), 4000);
    QCOMPARE(policy.delayMs(5, std::nullopt, 0.5), 32000);
    QCOMPARE(policy.delayMs(30, std::nullopt, 0.5), 30 * 60 * 1000);
    QCOMPARE(policy.delayMs(1000, std::nullopt, 0.5), 30 * 60 * 1000);
    QCOMPARE(policy.delayMs(1, std::nullopt, 0.0), 1600);
    QCOMPARE(policy.delayMs(1, std::nullopt, 0.999999), 2400);
    // The service's Retry-After is a floor, never shortened.
    QCOMPARE(policy.delayMs(1, 90000, 0.5), 90000);
    QCOMPARE(policy.delayMs(5, 1000, 0.5), 32000);
}

// PostgreSQL: a job another worker's transaction holds is passed over, so
// workers of several processes never wait for each other nor share a job.
void TestJobQueue::lockedJobsAreSkippedNotWaitedFor()
{
    if (TestDatabases::currentBackend() != DatabaseSettings::Backend::Postgresql)
        QSKIP("row locks are PostgreSQL's; SQLite has one writer at a time");
    const QString held = add(m_acme);
    const QString free = add(m_globex);
    // Were the lock waited for, fail in seconds rather than hang.
    QSqlQuery timeout(m_api->database().connection());
    QVERIFY(timeout.exec(u"SET lock_timeout = '3s'"_s));

    // Another process's worker, in the middle of claiming `held`.
    auto other = Database::open(m_settings, m_api->clock());
    QVERIFY2(other.ok(), other.ok() ? "" : qPrintable(other.refusal().message));
    const TenantScope::Entered system = other.value()->tenantScope().enterSystem();
    Transaction holding(*other.value(), u"test"_s);
    QVERIFY(!holding.begin());
    QVERIFY(holding.read(u"SELECT id FROM jobs WHERE id = ? FOR UPDATE"_s, { held }).ok());

    QElapsedTimer took;
    took.start();
    const Result<QList<Job>> claimed = m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 10, kLeaseMs);
    QVERIFY2(claimed.ok(), claimed.ok() ? "" : qPrintable(claimed.refusal().message));
    QCOMPARE(ids(claimed.value()), QStringList{ free });
    QVERIFY2(took.elapsed() < 1000, qPrintable(QString::number(took.elapsed())));

    // The other worker let go without taking it: now it is this one's.
    holding.abort(Refusal{});
    QCOMPARE(ids(m_queue->claim(u"worker-a"_s, { u"analyse"_s }, 10, kLeaseMs).value()), QStringList{ held });
}

QTEST_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
