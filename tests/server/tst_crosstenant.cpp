// Two organisations on one server, on SQLite and PostgreSQL: every route the
// server has that names something by id in its path is called by Acme's
// agent, manager and admin with Globex's ids, and must answer 403 or 404,
// say nothing of Globex, and change nothing of Globex. The lists Acme can
// read hold none of Globex's ids, and Acme cannot follow a Globex call on
// the live WebSocket. The routes come from the server's own route table, so
// a route added later is in this matrix without anyone remembering it.
#include "apiharness.h"
#include "jobs/jobqueue.h"
#include "storage/transaction.h"
#include "callevents.h"
#include "callharness.h"
#include "live/livehub.h"
#include "liveclient.h"
#include "playbook/playbookloader.h"
#include "storage/sqlrows.h"
#include "testdatabases.h"
#include "testpaths.h"

#include <QJsonDocument>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

QByteArray methodName(HttpExchange::Method method)
{
    return QByteArray(QMetaEnum::fromType<HttpExchange::Method>().valueToKey(int(method))).toUpper();
}

// Starts like a PNG, which is all the server looks at.
QByteArray smallPng()
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(64, '\0');
}

} // namespace

class TestCrossTenant : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyRouteWithAnotherOrganisationsIds_data() { TestDatabases::addBackendRows(); }
    void everyRouteWithAnotherOrganisationsIds();

private:
    Playbook m_playbook;
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
};

void TestCrossTenant::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY2(loaded.ok(), qPrintable(loaded.messages().join(u'\n')));
    m_playbook = *loaded.value;
}

void TestCrossTenant::init()
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    m_api = std::make_unique<ApiHarness>(settings.value());
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
}

void TestCrossTenant::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

void TestCrossTenant::everyRouteWithAnotherOrganisationsIds()
{
    const ApiHarness::Team acme = m_api->addTeam(u"Acme"_s);
    const ApiHarness::Team globex = m_api->addTeam(u"Globex"_s);
    const QString acmeAdminToken = m_api->signIn(acme.organisation.admin);
    const QString globexAdminToken = m_api->signIn(globex.organisation.admin);

    // Globex's things: a live call with a share link, a finished call, their
    // prospects, users and sessions.
    CallHarness running(m_playbook);
    QVERIFY(running.begin() && running.runToDecision());
    const QString liveCall = registerCall(*m_api, globex.aliceToken, u"gx-live-"_s, running.events());
    QCOMPARE(m_api->post(u"/api/v1/events"_s, { { u"events"_s, envelopes(running.events(), u"gx-live-"_s, 0, 6) } },
                 globex.aliceToken)
                 .status,
        200);
    const ApiReply link = m_api->post(u"/api/v1/calls/%1/share-links"_s.arg(liveCall), {}, globex.aliceToken);
    QCOMPARE(link.status, 201);
    const QString closedCall = registerCall(*m_api, globex.aliceToken, u"gx-done-"_s, running.events());
    QCOMPARE(m_api->post(u"/api/v1/calls/%1/complete"_s.arg(closedCall), {}, globex.aliceToken).status, 200);
    const ApiReply call = m_api->get(u"/api/v1/calls/"_s + liveCall, globex.aliceToken);
    const QString globexProspect = call.json[u"prospect_id"_s].toString();
    QVERIFY(!globexProspect.isEmpty());
    const QString globexSession
        = m_api->get(u"/api/v1/auth/me"_s, globexAdminToken).json[u"session_id"_s].toString();
    QVERIFY(!globexSession.isEmpty());
    // Acme's own prospect, for bodies that name one.
    const QString acmeProspect = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(m_api->put(u"/api/v1/prospects/"_s + acmeProspect, { { u"name"_s, u"Acme lead"_s } }, acme.aliceToken)
                 .status,
        201);

    const auto eventCount = [this](const QString &callId) {
        return SqlRows::first(m_api->database(), u"test"_s, u"SELECT count(*) FROM call_events WHERE call_id = ?"_s,
            { callId })
            .value()
            ->at(0)
            .toInt();
    };
    const int liveEventsBefore = eventCount(liveCall);
    // A job of Globex's that failed for good, the kind an admin retries.
    QString globexJob;
    {
        JobQueue &jobs = m_api->app().jobs();
        Transaction transaction(m_api->database(), u"test"_s);
        QVERIFY(!transaction.begin());
        globexJob = jobs.enqueue(transaction, NewJob{ globex.organisation.orgId, u"analyse"_s, {}, {}, 1, 0 }).value();
        QVERIFY(!transaction.commit());
        const QList<Job> claimed = jobs.claim(u"test-worker"_s, { u"analyse"_s }, 1, 60000).value();
        QCOMPARE(claimed.size(), 1);
        QVERIFY(jobs.fail(claimed.first(), JobFailure{ u"no"_s, std::nullopt, true }).value());
    }
    // What must never show in an answer to Acme.
    const QStringList globexSecrets{ liveCall, closedCall, globexProspect, globex.alice.id, globex.mia.id,
        globex.organisation.admin.id, globex.organisation.orgId, globexSession, globex.alice.email, u"Globex"_s,
        globexJob };

    // The ids a path parameter takes, by the segment before it.
    const QHash<QString, QStringList> idsByCollection{ { u"calls"_s, { liveCall, closedCall } },
        { u"prospects"_s, { globexProspect } },
        { u"users"_s, { globex.alice.id, globex.organisation.admin.id } }, { u"sessions"_s, { globexSession } },
        { u"jobs"_s, { globexJob } } };
    // Valid bodies, so that nothing fails for its body before the id is looked at.
    const QHash<QString, QJsonObject> bodies{
        { u"PATCH /api/v1/users/{id}"_s, { { u"display_name"_s, u"Taken over"_s } } },
        { u"PATCH /api/v1/prospects/{id}"_s, { { u"name"_s, u"Taken over"_s } } },
        { u"PUT /api/v1/prospects/{id}"_s, { { u"name"_s, u"Taken over"_s } } },
        { u"PUT /api/v1/calls/{id}"_s, { { u"prospect_id"_s, acmeProspect } } },
    };
    const QList<QPair<QString, QString>> callers{ { u"agent"_s, acme.aliceToken }, { u"manager"_s, acme.miaToken },
        { u"admin"_s, acmeAdminToken } };

    QSet<QString> routesChecked;
    QStringList wrong;
    for (const HttpRouter::Route &route : m_api->app().http().router().routes()) {
        const QString pattern = u"/"_s + route.segments.join(u'/');
        const qsizetype param = route.segments.indexOf(QRegularExpression(u"^\\{.*\\}$"_s));
        if (param <= 0)
            continue;
        const QString collection = route.segments.at(param - 1);
        if (!idsByCollection.contains(collection))
            continue; // not tenant data: deck files by name, a share link's own token
        const QString name = QString::fromLatin1(methodName(route.method)) + u' ' + pattern;
        for (const QString &id : idsByCollection.value(collection)) {
            QStringList segments = route.segments;
            segments[param] = id;
            const QString path = u"/"_s + segments.join(u'/');
            for (const auto &[role, token] : callers) {
                QByteArray body;
                QList<QPair<QByteArray, QByteArray>> headers;
                if (pattern.endsWith(u"/slide"_s)) {
                    body = smallPng();
                    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("image/png")));
                } else if (route.method != HttpExchange::Method::Get && route.method != HttpExchange::Method::Delete) {
                    body = QJsonDocument(bodies.value(name)).toJson(QJsonDocument::Compact);
                    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
                }
                const ApiReply reply = m_api->send(methodName(route.method), path, body, headers, token);
                routesChecked.insert(name);
                if (reply.status != 403 && reply.status != 404)
                    wrong.append(u"%1 as Acme's %2: %3 %4"_s.arg(name, role).arg(reply.status).arg(
                        QString::fromUtf8(reply.body.left(160))));
                for (const QString &secret : globexSecrets) {
                    if (secret != id && reply.body.contains(secret.toUtf8()))
                        wrong.append(u"%1 as Acme's %2 shows %3"_s.arg(name, role, secret));
                }
            }
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    // Today: calls get/put/complete/share-links (2)/slide, prospects
    // get/patch/put, users patch, sessions delete, jobs retry. More is
    // fine, fewer is not.
    QVERIFY2(routesChecked.size() >= 12, qPrintable(QStringList(routesChecked.values()).join(u", "_s)));

    // Nothing of Globex changed.
    const ApiReply prospect = m_api->get(u"/api/v1/prospects/"_s + globexProspect, globex.aliceToken);
    QCOMPARE(prospect.status, 200);
    QVERIFY(prospect.json[u"name"_s].toString() != u"Taken over"_s);
    const ApiReply stillLive = m_api->get(u"/api/v1/calls/"_s + liveCall, globex.aliceToken);
    QCOMPARE(stillLive.json[u"status"_s].toString(), u"in_progress"_s);
    QCOMPARE(eventCount(liveCall), liveEventsBefore);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, globexAdminToken).status, 200); // the session lives
    QCOMPARE(m_api->get(u"/view/"_s + link.json[u"token"_s].toString()).status, 200); // the link too
    QCOMPARE(m_api->get(u"/api/v1/jobs?state=dead"_s, globexAdminToken).json[u"jobs"_s][0][u"id"_s].toString(),
        globexJob); // still dead
    const ApiReply users = m_api->get(u"/api/v1/users"_s, globexAdminToken);
    for (const QJsonValue &user : users.json[u"users"_s].toArray())
        QVERIFY(user[u"display_name"_s].toString() != u"Taken over"_s && !user[u"disabled"_s].toBool());

    // The lists Acme reads hold nothing of Globex.
    for (const QString &list : { u"/api/v1/prospects"_s, u"/api/v1/calls"_s, u"/api/v1/users"_s, u"/api/v1/audit"_s,
             u"/api/v1/jobs?state=queued,running,failed,dead,done"_s,
             u"/api/v1/auth/sessions"_s, u"/api/v1/organisation"_s, u"/api/v1/auth/me"_s }) {
        const ApiReply reply = m_api->get(list, acmeAdminToken);
        QVERIFY2(reply.status == 200, qPrintable(list + u": "_s + QString::number(reply.status)));
        for (const QString &secret : globexSecrets)
            QVERIFY2(!reply.body.contains(secret.toUtf8()), qPrintable(list + u" shows "_s + secret));
    }

    // The live channel: Acme's manager and admin follow nothing of Globex.
    for (const QString &token : { acme.miaToken, acmeAdminToken, acme.aliceToken }) {
        LiveClient live(m_api->url(QString::fromLatin1(LiveHub::kPath)));
        QVERIFY(live.helloAs(token));
        for (const QString &callId : { liveCall, closedCall }) {
            live.send({ { u"type"_s, u"subscribe"_s }, { u"call"_s, callId } });
            const QJsonObject answer = live.next();
            QCOMPARE(answer[u"code"_s].toString(), u"call.unknown"_s);
            QVERIFY(!answer.contains(u"events"_s));
        }
        QCOMPARE(m_api->post(u"/api/v1/events"_s,
                     { { u"events"_s, envelopes(running.events(), u"gx-live-"_s, 6, 2) } }, globex.aliceToken)
                     .status,
            200);
        QVERIFY(live.quietFor(100));
    }
}

QTEST_GUILESS_MAIN(TestCrossTenant)
#include "tst_crosstenant.moc"
