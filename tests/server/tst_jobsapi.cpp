// GET /api/v1/jobs and POST /api/v1/jobs/{id}/retry over real HTTP, on
// SQLite and PostgreSQL: an admin sees the organisation's failed and dead
// jobs and puts one back in the queue; nobody else may, and another
// organisation's jobs do not exist for them.
#include "apiharness.h"
#include "jobs/jobqueue.h"
#include "storage/transaction.h"
#include "testdatabases.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

class TestJobsApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void adminsSeeWhatNeedsThemAndRetryIt_data() { TestDatabases::addBackendRows(); }
    void adminsSeeWhatNeedsThemAndRetryIt();
    void onlyAdminsAndOnlyTheirOwn_data() { TestDatabases::addBackendRows(); }
    void onlyAdminsAndOnlyTheirOwn();
    void badRequestsAreRefused_data() { TestDatabases::addBackendRows(); }
    void badRequestsAreRefused();

private:
    // A job of `orgId` run once by a worker and failed (`permanent`: dead).
    QString failedJob(const QString &orgId, const QString &kind, bool permanent);

    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
};

void TestJobsApi::init()
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    m_api = std::make_unique<ApiHarness>(settings.value());
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
}

void TestJobsApi::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

QString TestJobsApi::failedJob(const QString &orgId, const QString &kind, bool permanent)
{
    JobQueue &queue = m_api->app().jobs();
    Transaction transaction(m_api->database(), u"test"_s);
    if (transaction.begin())
        return {};
    const Result<QString> id = queue.enqueue(transaction, NewJob{ orgId, kind, {}, {}, 3, 0 });
    if (!id || transaction.commit())
        return {};
    const Result<QList<Job>> claimed = queue.claim(u"test-worker"_s, { kind }, 1, 60000);
    if (!claimed || claimed.value().size() != 1)
        return {};
    queue.fail(claimed.value().first(), JobFailure{ u"The transcription service answered 500."_s, std::nullopt, permanent });
    return id.value();
}

void TestJobsApi::adminsSeeWhatNeedsThemAndRetryIt()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const QString dead = failedJob(acme.orgId, u"transcribe"_s, true);
    m_api->clock().advance(1);
    const QString failed = failedJob(acme.orgId, u"analyse"_s, false);
    QVERIFY(!dead.isEmpty() && !failed.isEmpty());

    const ApiReply list = m_api->get(u"/api/v1/jobs"_s, token);
    QCOMPARE(list.status, 200);
    const QJsonArray jobs = list.json[u"jobs"_s].toArray();
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs[0][u"id"_s].toString(), failed); // newest change first
    QCOMPARE(jobs[0][u"state"_s].toString(), u"failed"_s);
    QCOMPARE(jobs[1][u"id"_s].toString(), dead);
    QCOMPARE(jobs[1][u"state"_s].toString(), u"dead"_s);
    QCOMPARE(jobs[1][u"kind"_s].toString(), u"transcribe"_s);
    QCOMPARE(jobs[1][u"attempts"_s].toInt(), 1);
    QCOMPARE(jobs[1][u"last_error"_s].toString(), u"The transcription service answered 500."_s);
    QVERIFY(jobs[1][u"finished_at"_s].isDouble());
    QVERIFY(jobs[0][u"finished_at"_s].isNull());
    const ApiReply onlyDead = m_api->get(u"/api/v1/jobs?state=dead"_s, token);
    QCOMPARE(onlyDead.json[u"jobs"_s].toArray().size(), 1);

    const ApiReply retried = m_api->post(u"/api/v1/jobs/%1/retry"_s.arg(dead), {}, token);
    QCOMPARE(retried.status, 200);
    QCOMPARE(retried.json[u"state"_s].toString(), u"queued"_s);
    QCOMPARE(retried.json[u"attempts"_s].toInt(), 0);
    QCOMPARE(m_api->get(u"/api/v1/jobs?state=queued"_s, token).json[u"jobs"_s][0][u"id"_s].toString(), dead);
    // Queued is not failed: a second retry is a conflict, and says so.
    const ApiReply again = m_api->post(u"/api/v1/jobs/%1/retry"_s.arg(dead), {}, token);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), u"job.not_failed"_s);
    // The worker takes it again.
    const Result<QList<Job>> claimed = m_api->app().jobs().claim(u"test-worker"_s, { u"transcribe"_s }, 5, 60000);
    QCOMPARE(claimed.value().size(), 1);
    QCOMPARE(claimed.value().first().id, dead);
    // Audited.
    const ApiReply audit = m_api->get(u"/api/v1/audit?action=job.retried"_s, token);
    QCOMPARE(audit.json[u"entries"_s].toArray().size(), 1);
    QCOMPARE(audit.json[u"entries"_s][0][u"target"_s].toString(), dead);
}

void TestJobsApi::onlyAdminsAndOnlyTheirOwn()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const auto globex = m_api->addOrganisation(u"Globex"_s);
    const SeededUser manager = m_api->addUser(acme.orgId, Role::Manager, u"mia@acme.example"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"al@acme.example"_s);
    const QString globexJob = failedJob(globex.orgId, u"analyse"_s, true);
    const QString acmeJob = failedJob(acme.orgId, u"analyse"_s, true);

    for (const SeededUser &user : { manager, agent }) {
        const QString token = m_api->signIn(user);
        QCOMPARE(m_api->get(u"/api/v1/jobs"_s, token).status, 403);
        QCOMPARE(m_api->post(u"/api/v1/jobs/%1/retry"_s.arg(acmeJob), {}, token).status, 403);
    }
    const QString admin = m_api->signIn(acme.admin);
    const ApiReply list = m_api->get(u"/api/v1/jobs?state=queued,running,failed,dead,done"_s, admin);
    QCOMPARE(list.json[u"jobs"_s].toArray().size(), 1);
    QVERIFY(!list.body.contains(globexJob.toUtf8()));
    // Globex's job is no job at all to Acme, and stays dead.
    const ApiReply foreign = m_api->post(u"/api/v1/jobs/%1/retry"_s.arg(globexJob), {}, admin);
    QCOMPARE(foreign.status, 404);
    QCOMPARE(foreign.errorCode(), u"job.not_found"_s);
    QCOMPARE(m_api->get(u"/api/v1/jobs"_s, m_api->signIn(globex.admin)).json[u"jobs"_s][0][u"state"_s].toString(),
        u"dead"_s);
}

void TestJobsApi::badRequestsAreRefused()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const QString dead = failedJob(acme.orgId, u"analyse"_s, true);
    const ApiReply state = m_api->get(u"/api/v1/jobs?state=dead,broken"_s, token);
    QCOMPARE(state.status, 400);
    QCOMPARE(state.json[u"error"_s][u"details"_s][u"fields"_s][0][u"path"_s].toString(), u"state"_s);
    QCOMPARE(m_api->get(u"/api/v1/jobs?limit=0"_s, token).status, 400);
    QCOMPARE(m_api->get(u"/api/v1/jobs?page=2"_s, token).status, 400);
    const ApiReply body = m_api->post(u"/api/v1/jobs/%1/retry"_s.arg(dead), { { u"force"_s, true } }, token);
    QCOMPARE(body.status, 400);
    QCOMPARE(m_api->get(u"/api/v1/jobs"_s, token).json[u"jobs"_s][0][u"state"_s].toString(), u"dead"_s);
    QCOMPARE(m_api->post(u"/api/v1/jobs/no-such-job/retry"_s, {}, token).status, 404);
}

QTEST_MAIN(TestJobsApi)
#include "tst_jobsapi.moc"
