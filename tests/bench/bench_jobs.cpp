// Prints how fast the job queue runs no-op jobs, once per backend:
//   {"bench":"jobs","backend":"sqlite"|"postgresql","jobs_per_s":...,"p95_start_ms":...}
// Targets on PostgreSQL: >= 2,000 jobs/s and p95 enqueue-to-start <= 20 ms.
//
// The worker is a real JobRunner on a thread of its own with its own
// database connection, as a server process's worker is; jobs are added from
// the main thread through JobQueue::enqueue, each in its own transaction.
// - jobs_per_s: a backlog of `jobs` no-op jobs, from the runner's start until
//   every one is done (claimed, run, recorded done).
// - p95_start_ms: one job at a time, every 5 ms, onto an idle runner: from
//   the enqueue's commit to its handler starting. The runner learns of new
//   jobs from PostgreSQL's notification; on SQLite (one process) the
//   enqueuer wakes it, as the server does.
// PostgreSQL: a throwaway cluster is started with scripts/test-postgres.
//
//   bench_jobs [jobs [sqlite|postgresql]]   (default 10,000, both)
#include "apiharness.h"
#include "benchbackends.h"
#include "common/clock.h"
#include "common/idgenerator.h"
#include "jobs/jobqueue.h"
#include "jobs/jobrunner.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"
#include "testdatabases.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

class NoopHandler final : public JobHandler
{
public:
    QString kind() const override { return u"noop"_s; }
    std::optional<JobFailure> run(const Job &) override { return std::nullopt; }
};

// A worker as a server process runs one: its thread, its connection.
class WorkerThread : public QThread
{
public:
    explicit WorkerThread(DatabaseSettings settings) : m_settings(std::move(settings)) { }

    std::atomic<int> started{ 0 };
    std::mutex mutex;
    QHash<QString, qint64> startedAtNs; // job id -> monotonic ns
    std::atomic<bool> ready{ false };
    JobRunner *runner = nullptr;

protected:
    void run() override
    {
        SystemClock clock;
        UuidGenerator ids;
        QRandomGenerator random(1);
        auto database = Database::open(m_settings, clock);
        if (!database.ok()) {
            std::fprintf(stderr, "bench_jobs: worker: %s\n", qPrintable(database.refusal().message));
            ready = true;
            return;
        }
        JobQueue queue(*database.value(), clock, ids, random);
        NoopHandler noop;
        JobRunner worker(queue, *database.value(), { &noop },
            JobRunner::Settings{ u"bench-worker"_s, 64, 60000, 1000 });
        QObject::connect(&worker, &JobRunner::attemptStarted, &worker, [this](const QString &id, int) {
            const qint64 now = monotonicNs();
            ++started;
            const std::lock_guard lock(mutex);
            startedAtNs.insert(id, now);
        });
        QObject::connect(&worker, &JobRunner::storageFailed, &worker,
            [](const QString &message) { std::fprintf(stderr, "bench_jobs: worker: %s\n", qPrintable(message)); });
        runner = &worker;
        ready = true;
        exec();
        runner = nullptr;
    }

private:
    DatabaseSettings m_settings;
};

bool measure(const QString &backendName, const DatabaseSettings &settings, int jobs)
{
    ApiHarness api(settings);
    if (!api.isReady()) {
        std::fprintf(stderr, "bench_jobs: %s: %s\n", qPrintable(backendName), qPrintable(api.why()));
        return false;
    }
    const QString orgId = api.addOrganisation(u"Acme"_s).orgId;
    SystemClock clock;
    UuidGenerator ids;
    QRandomGenerator random(2);
    Database &database = api.database();
    JobQueue queue(database, clock, ids, random);
    const auto addJobs = [&](int count) {
        Transaction transaction(database, u"bench"_s);
        if (transaction.begin())
            return false;
        for (int i = 0; i < count; ++i) {
            if (!queue.enqueue(transaction, NewJob{ orgId, u"noop"_s, {}, {}, 3, 0 }))
                return false;
        }
        return !transaction.commit();
    };

    // The backlog, added before the worker starts.
    for (int added = 0; added < jobs; added += 100) {
        if (!addJobs(qMin(100, jobs - added))) {
            std::fprintf(stderr, "bench_jobs: cannot add jobs\n");
            return false;
        }
    }
    WorkerThread worker(settings);
    const qint64 startNs = monotonicNs();
    worker.start();
    while (!worker.ready)
        QThread::msleep(1);
    if (!worker.runner)
        return false;
    QMetaObject::invokeMethod(worker.runner, [&worker] { worker.runner->start(); }, Qt::QueuedConnection);
    const auto doneCount = [&] {
        return SqlRows::first(database, u"bench"_s, u"SELECT count(*) FROM jobs WHERE state = 'done'"_s)
            .value()
            ->at(0)
            .toInt();
    };
    while (worker.started < jobs)
        QThread::msleep(2);
    while (doneCount() < jobs)
        QThread::msleep(2);
    const double seconds = double(monotonicNs() - startNs) / 1e9;

    // One at a time onto the idle worker.
    constexpr int kSingles = 400;
    QList<double> latenciesMs;
    for (int i = 0; i < kSingles; ++i) {
        Transaction transaction(database, u"bench"_s);
        if (transaction.begin())
            return false;
        const Result<QString> id = queue.enqueue(transaction, NewJob{ orgId, u"noop"_s, {}, {}, 3, 0 });
        if (!id || transaction.commit())
            return false;
        const qint64 committedNs = monotonicNs();
        if (settings.backend == DatabaseSettings::Backend::Sqlite)
            QMetaObject::invokeMethod(worker.runner, &JobRunner::wake, Qt::QueuedConnection);
        QElapsedTimer waited;
        waited.start();
        qint64 startedNs = 0;
        while (startedNs == 0 && waited.elapsed() < 5000) {
            {
                const std::lock_guard lock(worker.mutex);
                startedNs = worker.startedAtNs.value(id.value());
            }
            if (startedNs == 0)
                QThread::usleep(100);
        }
        if (startedNs == 0) {
            std::fprintf(stderr, "bench_jobs: a job did not start within 5 s\n");
            return false;
        }
        latenciesMs.append(double(startedNs - committedNs) / 1e6);
        QThread::msleep(5);
    }
    worker.quit();
    worker.wait();
    std::sort(latenciesMs.begin(), latenciesMs.end());
    std::printf("{\"bench\":\"jobs\",\"backend\":\"%s\",\"jobs_per_s\":%.0f,\"p95_start_ms\":%.2f,\"jobs\":%d,"
                "\"p50_start_ms\":%.2f,\"singles\":%d}\n",
        qPrintable(backendName), double(jobs) / seconds,
        latenciesMs.at(qsizetype(0.95 * double(latenciesMs.size() - 1))), jobs,
        latenciesMs.at(latenciesMs.size() / 2), kSingles);
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int jobs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const QString only = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    const bool ok = measureOnBackends("bench_jobs", only,
        [&](const QString &backend, const DatabaseSettings &settings) { return measure(backend, settings, jobs); });
    return ok ? 0 : 1;
}
