// /api/v1/calls over real HTTP on loopback, on SQLite and PostgreSQL: the
// idempotent PUT of the desktop sync, POST, follow-up threads, list filters
// and paging, the read models in GET, completing (idempotent and audited),
// malformed bodies, what agents and managers see, and the tenant fence.
#include "apitestserver.h"

#include "calls/callrepository.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

QString id(int n)
{
    return u"5d1c0a7e-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0'));
}

QStringList callIds(const ApiReply &reply)
{
    return reply.listed(u"calls"_s, u"id"_s);
}

} // namespace

class TestCallsApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void putCreatesThenConfirms_data() { TestDatabases::addBackendRows(); }
    void putCreatesThenConfirms();
    void postCreates_data() { TestDatabases::addBackendRows(); }
    void postCreates();
    void followUpsShareTheThread_data() { TestDatabases::addBackendRows(); }
    void followUpsShareTheThread();
    void malformedBodiesNameTheField_data() { TestDatabases::addBackendRows(); }
    void malformedBodiesNameTheField();
    void listFiltersAndPages_data() { TestDatabases::addBackendRows(); }
    void listFiltersAndPages();
    void getShowsTheReadModels_data() { TestDatabases::addBackendRows(); }
    void getShowsTheReadModels();
    void completeIsIdempotentAndAudited_data() { TestDatabases::addBackendRows(); }
    void completeIsIdempotentAndAudited();
    void agentSeesOwnManagerSeesAll_data() { TestDatabases::addBackendRows(); }
    void agentSeesOwnManagerSeesAll();
    void otherOrganisationsCallsAreNotFound_data() { TestDatabases::addBackendRows(); }
    void otherOrganisationsCallsAreNotFound();
    void repositoryFindIsFencedByOrganisation_data() { TestDatabases::addBackendRows(); }
    void repositoryFindIsFencedByOrganisation();

private:
    // A prospect of the token's user, made through the API.
    QString addProspect(const QString &token, const QString &name, const QString &prospectId = {});
    // Runs SQL the event ingest would (it fills the read models).
    void exec(const QString &sql, const QVariantList &values);

    ApiTestServer m_api;
};

void TestCallsApi::init()
{
    QVERIFY2(m_api.start(), m_api.why());
}

void TestCallsApi::cleanup()
{
    m_api.stop();
}

QString TestCallsApi::addProspect(const QString &token, const QString &name, const QString &prospectId)
{
    QJsonObject body{ { u"name"_s, name } };
    if (!prospectId.isEmpty())
        body.insert(u"id"_s, prospectId);
    const ApiReply reply = m_api->post(u"/api/v1/prospects"_s, body, token);
    if (reply.status != 201)
        qWarning("adding prospect %s: %d %s", qPrintable(name), reply.status, reply.body.constData());
    return reply.json[u"id"_s].toString();
}

void TestCallsApi::exec(const QString &sql, const QVariantList &values)
{
    Transaction transaction(m_api->database(), u"test"_s);
    const bool ok = !transaction.begin() && !transaction.exec(sql, values) && !transaction.commit();
    QVERIFY2(ok, qPrintable(sql));
}

void TestCallsApi::putCreatesThenConfirms()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    const QString prospect = addProspect(token, u"Dana"_s);
    const QString other = addProspect(token, u"Sam"_s);
    const qint64 now = m_api->clock().nowMs();

    const QString path = u"/api/v1/calls/"_s + id(1);
    const ApiReply created = m_api->put(path, QJsonObject{ { u"prospect_id"_s, prospect } }, token);
    QCOMPARE(created.status, 201);
    const QJsonObject call = created.json;
    QCOMPARE(call[u"id"_s].toString(), id(1));
    QCOMPARE(call[u"prospect_id"_s].toString(), prospect);
    QCOMPARE(call[u"agent_user_id"_s].toString(), agent.id);
    QCOMPARE(call[u"status"_s].toString(), u"open"_s);
    QVERIFY(!call[u"thread_id"_s].toString().isEmpty());
    QVERIFY(call[u"follows_call_id"_s].isNull());
    QCOMPARE(call[u"playbook_id"_s].toString(), QString());
    QCOMPARE(call[u"playbook_version"_s].toInt(), 0);
    QCOMPARE(call[u"advisory_only"_s].toBool(), false);
    QCOMPARE(call[u"current_milestone_id"_s].toString(), QString());
    QCOMPARE(call[u"decision"_s].toString(), QString());
    QCOMPARE(call[u"event_count"_s].toInt(), 0);
    QVERIFY(call[u"started_at"_s].isNull());
    QVERIFY(call[u"completed_at"_s].isNull());
    QCOMPARE(call[u"created_at"_s].toInteger(), now);
    QCOMPARE(call[u"updated_at"_s].toInteger(), now);
    QCOMPARE(call.size(), 16); // exactly the contract's fields

    // The sync resends after a lost answer: the same call, nothing new.
    m_api->clock().advanceMinutes(3);
    const ApiReply again = m_api->put(path, QJsonObject{ { u"prospect_id"_s, prospect } }, token);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json, call);
    const auto counts = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT (SELECT count(*) FROM calls), (SELECT count(*) FROM call_threads)"_s);
    QVERIFY(counts.ok() && counts.value());
    QCOMPARE(counts.value()->at(0).toInt(), 1);
    QCOMPARE(counts.value()->at(1).toInt(), 1);

    // Another prospect for the same id is a conflict, not a silent move.
    const ApiReply moved = m_api->put(path, QJsonObject{ { u"prospect_id"_s, other } }, token);
    QCOMPARE(moved.status, 409);
    QCOMPARE(moved.errorCode(), u"call.conflict"_s);
    QCOMPARE(m_api->get(path, token).json[u"prospect_id"_s].toString(), prospect);
}

void TestCallsApi::postCreates()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const QString prospect = addProspect(token, u"Dana"_s);

    const ApiReply made = m_api->post(u"/api/v1/calls"_s, QJsonObject{ { u"prospect_id"_s, prospect } }, token);
    QCOMPARE(made.status, 201);
    QCOMPARE(made.json[u"id"_s].toString().size(), 36);
    QCOMPARE(made.json[u"agent_user_id"_s].toString(), acme.admin.id);

    const QJsonObject withId{ { u"id"_s, id(7) }, { u"prospect_id"_s, prospect } };
    QCOMPARE(m_api->post(u"/api/v1/calls"_s, withId, token).status, 201);
    const ApiReply twice = m_api->post(u"/api/v1/calls"_s, withId, token);
    QCOMPARE(twice.status, 409);
    QCOMPARE(twice.errorCode(), u"call.exists"_s);
    QCOMPARE(m_api->get(u"/api/v1/calls"_s, token).json[u"total"_s].toInt(), 2);
}

void TestCallsApi::followUpsShareTheThread()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    const QString dana = addProspect(token, u"Dana"_s);
    const QString sam = addProspect(token, u"Sam"_s);

    const ApiReply first = m_api->put(u"/api/v1/calls/"_s + id(1), QJsonObject{ { u"prospect_id"_s, dana } }, token);
    const QString thread = first.json[u"thread_id"_s].toString();
    const ApiReply second = m_api->put(u"/api/v1/calls/"_s + id(2),
        QJsonObject{ { u"prospect_id"_s, dana }, { u"follows_call_id"_s, id(1) } }, token);
    QCOMPARE(second.status, 201);
    QCOMPARE(second.json[u"thread_id"_s].toString(), thread);
    QCOMPARE(second.json[u"follows_call_id"_s].toString(), id(1));
    const ApiReply third = m_api->post(u"/api/v1/calls"_s,
        QJsonObject{ { u"id"_s, id(3) }, { u"prospect_id"_s, dana }, { u"follows_call_id"_s, id(2) } }, token);
    QCOMPARE(third.status, 201);
    QCOMPARE(third.json[u"thread_id"_s].toString(), thread);
    // Confirming a follow-up repeats its follows_call_id; leaving it out is another call.
    QCOMPARE(m_api->put(u"/api/v1/calls/"_s + id(2),
                     QJsonObject{ { u"prospect_id"_s, dana }, { u"follows_call_id"_s, id(1) } }, token)
                 .status,
        200);
    QCOMPARE(m_api->put(u"/api/v1/calls/"_s + id(2), QJsonObject{ { u"prospect_id"_s, dana } }, token).errorCode(),
        u"call.conflict"_s);

    // Another prospect's first call starts its own thread.
    const ApiReply samCall = m_api->put(u"/api/v1/calls/"_s + id(4), QJsonObject{ { u"prospect_id"_s, sam } }, token);
    QVERIFY(samCall.json[u"thread_id"_s].toString() != thread);

    const auto threads = SqlRows::select(m_api->database(), u"test"_s,
        u"SELECT id, prospect_id, first_call_id FROM call_threads ORDER BY first_call_id"_s);
    QVERIFY(threads.ok());
    QCOMPARE(threads.value().size(), 2);
    QCOMPARE(threads.value().at(0).at(0).toString(), thread);
    QCOMPARE(threads.value().at(0).at(1).toString(), dana);
    QCOMPARE(threads.value().at(0).at(2).toString(), id(1));

    // A follow-up must be of the same prospect, of a call that exists, not of itself.
    const ApiReply crossed = m_api->put(u"/api/v1/calls/"_s + id(5),
        QJsonObject{ { u"prospect_id"_s, sam }, { u"follows_call_id"_s, id(1) } }, token);
    QCOMPARE(crossed.status, 400);
    QCOMPARE(crossed.fieldPaths(), QStringList{ u"follows_call_id"_s });
    const ApiReply unknown = m_api->put(u"/api/v1/calls/"_s + id(5),
        QJsonObject{ { u"prospect_id"_s, sam }, { u"follows_call_id"_s, id(99) } }, token);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorCode(), u"call.not_found"_s);
    QCOMPARE(unknown.json[u"error"_s][u"details"_s][u"field"_s].toString(), u"follows_call_id"_s);
    const ApiReply itself = m_api->put(u"/api/v1/calls/"_s + id(5),
        QJsonObject{ { u"prospect_id"_s, sam }, { u"follows_call_id"_s, id(5) } }, token);
    QCOMPARE(itself.status, 400);
    QCOMPARE(itself.fieldPaths(), QStringList{ u"follows_call_id"_s });
    QCOMPARE(m_api->get(u"/api/v1/calls/"_s + id(5), token).status, 404); // none of them made it
}

void TestCallsApi::malformedBodiesNameTheField()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const QString prospect = addProspect(token, u"Dana"_s);
    struct Case
    {
        const char *name;
        QJsonObject body;
        QStringList paths;
    };
    const QList<Case> cases{
        { "prospect missing", QJsonObject{}, { u"prospect_id"_s } },
        { "prospect a number", QJsonObject{ { u"prospect_id"_s, 12 } }, { u"prospect_id"_s } },
        { "prospect not a uuid", QJsonObject{ { u"prospect_id"_s, u"dana"_s } }, { u"prospect_id"_s } },
        { "prospect huge", QJsonObject{ { u"prospect_id"_s, QString(3000, u'a') } }, { u"prospect_id"_s } },
        { "follows a bool", QJsonObject{ { u"prospect_id"_s, prospect }, { u"follows_call_id"_s, true } },
            { u"follows_call_id"_s } },
        { "follows not a uuid", QJsonObject{ { u"prospect_id"_s, prospect }, { u"follows_call_id"_s, u"x"_s } },
            { u"follows_call_id"_s } },
        { "agent from the body", QJsonObject{ { u"prospect_id"_s, prospect }, { u"agent_user_id"_s, u"x"_s } },
            { u"agent_user_id"_s } },
        { "status from the body", QJsonObject{ { u"prospect_id"_s, prospect }, { u"status"_s, u"completed"_s } },
            { u"status"_s } },
    };
    for (const Case &c : cases) {
        const ApiReply put = m_api->put(u"/api/v1/calls/"_s + id(1), c.body, token);
        QVERIFY2(put.status == 400, qPrintable(u"%1: %2"_s.arg(QLatin1String(c.name)).arg(put.status)));
        QVERIFY2(put.fieldPaths() == c.paths,
            qPrintable(u"%1: %2"_s.arg(QLatin1String(c.name), put.fieldPaths().join(u','))));
        const ApiReply post = m_api->post(u"/api/v1/calls"_s, c.body, token);
        QVERIFY2(post.status == 400, c.name);
        QVERIFY2(post.fieldPaths() == c.paths, c.name);
    }
    // PUT names the call in the path only.
    const ApiReply idInBody
        = m_api->put(u"/api/v1/calls/"_s + id(1), QJsonObject{ { u"prospect_id"_s, prospect }, { u"id"_s, id(1) } }, token);
    QCOMPARE(idInBody.fieldPaths(), QStringList{ u"id"_s });
    const ApiReply badPath = m_api->put(u"/api/v1/calls/call-1"_s, QJsonObject{ { u"prospect_id"_s, prospect } }, token);
    QCOMPARE(badPath.status, 400);
    QCOMPARE(badPath.fieldPaths(), QStringList{ u"id"_s });
    const ApiReply badPostId
        = m_api->post(u"/api/v1/calls"_s, QJsonObject{ { u"prospect_id"_s, prospect }, { u"id"_s, u"call-1"_s } }, token);
    QCOMPARE(badPostId.fieldPaths(), QStringList{ u"id"_s });
    // A prospect nobody made: 404, naming the field.
    const ApiReply noProspect = m_api->put(u"/api/v1/calls/"_s + id(1), QJsonObject{ { u"prospect_id"_s, id(77) } }, token);
    QCOMPARE(noProspect.status, 404);
    QCOMPARE(noProspect.errorCode(), u"prospect.not_found"_s);
    QCOMPARE(noProspect.json[u"error"_s][u"details"_s][u"field"_s].toString(), u"prospect_id"_s);
    // Complete takes {} or nothing.
    QCOMPARE(m_api->put(u"/api/v1/calls/"_s + id(1), QJsonObject{ { u"prospect_id"_s, prospect } }, token).status, 201);
    const ApiReply extra = m_api->post(u"/api/v1/calls/"_s + id(1) + u"/complete"_s, QJsonObject{ { u"force"_s, true } }, token);
    QCOMPARE(extra.status, 400);
    QCOMPARE(extra.fieldPaths(), QStringList{ u"force"_s });
    QCOMPARE(m_api->send("POST", u"/api/v1/calls"_s, "{\"prospect_id\":", { { "Content-Type", "application/json" } }, token)
                 .errorCode(),
        u"request.malformed_json"_s);
    QCOMPARE(m_api->send("PUT", u"/api/v1/calls/"_s + id(2), QByteArray(5000, ' '), { { "Content-Type", "application/json" } },
                 token)
                 .status,
        413);

    const auto count = SqlRows::first(m_api->database(), u"test"_s, u"SELECT count(*) FROM calls"_s);
    QCOMPARE(count.value()->at(0).toInt(), 1);
    QCOMPARE(m_api->get(u"/api/v1/calls/"_s + id(1), token).json[u"status"_s].toString(), u"open"_s);
}

void TestCallsApi::listFiltersAndPages()
{
    const auto [acme, alice, bob, mia, aliceToken, bobToken, miaToken] = m_api->addTeam();
    const QString dana = addProspect(aliceToken, u"Dana"_s);
    const QString sam = addProspect(bobToken, u"Sam"_s);

    // Alice: calls 1..6 with Dana, ten minutes apart (sessions idle out
    // after two hours); Bob: 11..13 with Sam.
    const qint64 start = m_api->clock().nowMs();
    for (int n = 1; n <= 6; ++n) {
        QCOMPARE(m_api->put(u"/api/v1/calls/"_s + id(n), QJsonObject{ { u"prospect_id"_s, dana } }, aliceToken).status, 201);
        m_api->clock().advanceMinutes(10);
    }
    for (int n = 11; n <= 13; ++n) {
        QCOMPARE(m_api->put(u"/api/v1/calls/"_s + id(n), QJsonObject{ { u"prospect_id"_s, sam } }, bobToken).status, 201);
        m_api->clock().advanceMinutes(10);
    }
    // What the event ingest would record: call 2 in progress, call 3 completed.
    exec(u"UPDATE calls SET status = 'in_progress', started_at = ? WHERE id = ?"_s, { start + 600000 + 5, id(2) });
    exec(u"UPDATE calls SET status = 'completed' WHERE id = ?"_s, { id(3) });

    // Newest first.
    QCOMPARE(callIds(m_api->get(u"/api/v1/calls"_s, aliceToken)),
        (QStringList{ id(6), id(5), id(4), id(3), id(2), id(1) }));
    const ApiReply all = m_api->get(u"/api/v1/calls"_s, miaToken);
    QCOMPARE(all.json[u"total"_s].toInt(), 9);
    QCOMPARE(callIds(all).first(), id(13));
    QCOMPARE(callIds(m_api->get(u"/api/v1/calls?agent="_s + bob.id, miaToken)), (QStringList{ id(13), id(12), id(11) }));
    QCOMPARE(callIds(m_api->get(u"/api/v1/calls?agent="_s + alice.id, aliceToken)).size(), 6);
    QCOMPARE(callIds(m_api->get(u"/api/v1/calls?status=in_progress"_s, miaToken)), QStringList{ id(2) });
    QCOMPARE(callIds(m_api->get(u"/api/v1/calls?status=completed"_s, aliceToken)), QStringList{ id(3) });
    QCOMPARE(m_api->get(u"/api/v1/calls?status=open"_s, miaToken).json[u"total"_s].toInt(), 7);
    QCOMPARE(callIds(m_api->get(u"/api/v1/calls?prospect="_s + sam, miaToken)).size(), 3);
    QCOMPARE(callIds(m_api->get(u"/api/v1/calls?prospect="_s + sam, aliceToken)).size(), 0);
    // from inclusive, to exclusive; a started call counts from its start
    // (call 2 was created at start + 10 min and started 5 ms later).
    const qint64 step = 600000;
    const auto between = [&](qint64 from, qint64 to) {
        return callIds(m_api->get(u"/api/v1/calls?from=%1&to=%2"_s.arg(from).arg(to), aliceToken));
    };
    QCOMPARE(between(start + step + 1, start + step + 10), QStringList{ id(2) });
    QCOMPARE(between(start + step, start + 3 * step), (QStringList{ id(3), id(2) }));
    QCOMPARE(between(start + step, start + 3 * step + 1), (QStringList{ id(4), id(3), id(2) }));
    QCOMPARE(between(start, start + step), QStringList{ id(1) });
    QCOMPARE(callIds(m_api->get(u"/api/v1/calls?from=%1"_s.arg(start + 5 * step), aliceToken)), QStringList{ id(6) });

    // Paging.
    const ApiReply page = m_api->get(u"/api/v1/calls?limit=4&offset=4"_s, miaToken);
    QCOMPARE(page.json[u"total"_s].toInt(), 9);
    QCOMPARE(page.json[u"limit"_s].toInt(), 4);
    QCOMPARE(page.json[u"offset"_s].toInt(), 4);
    QCOMPARE(callIds(page), (QStringList{ id(5), id(4), id(3), id(2) }));

    // An agent asking for someone else's calls is refused, not given an empty list.
    const ApiReply nosy = m_api->get(u"/api/v1/calls?agent="_s + bob.id, aliceToken);
    QCOMPARE(nosy.status, 403);
    QCOMPARE(nosy.errorCode(), u"auth.forbidden"_s);

    const QList<QPair<QString, QStringList>> bad{
        { u"status=done"_s, { u"status"_s } },
        { u"prospect=dana"_s, { u"prospect"_s } },
        { u"from=yesterday"_s, { u"from"_s } },
        { u"to=-5"_s, { u"to"_s } },
        { u"limit=500"_s, { u"limit"_s } },
        { u"offset=-1"_s, { u"offset"_s } },
        { u"agnet=x"_s, { u"agnet"_s } },
    };
    for (const auto &[query, paths] : bad) {
        const ApiReply reply = m_api->get(u"/api/v1/calls?"_s + query, miaToken);
        QVERIFY2(reply.status == 400, qPrintable(query));
        QVERIFY2(reply.fieldPaths() == paths, qPrintable(query));
    }
}

void TestCallsApi::getShowsTheReadModels()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const QString dana = addProspect(token, u"Dana"_s);
    QCOMPARE(m_api->put(u"/api/v1/calls/"_s + id(1), QJsonObject{ { u"prospect_id"_s, dana } }, token).status, 201);
    const ApiReply empty = m_api->get(u"/api/v1/calls/"_s + id(1), token);
    QCOMPARE(empty.status, 200);
    QCOMPARE(empty.json[u"milestones"_s].toArray().size(), 0);
    QCOMPARE(empty.json[u"objections"_s].toArray().size(), 0);

    // What the event ingest writes for a call under way.
    exec(u"INSERT INTO call_milestones (org_id, call_id, milestone_id, status, entered_at, finished_at, active_ms) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        { acme.orgId, id(1), u"current-state"_s, u"active"_s, 2000, QVariant(QMetaType(QMetaType::LongLong)), 500 });
    exec(u"INSERT INTO call_milestones (org_id, call_id, milestone_id, status, entered_at, finished_at, active_ms) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        { acme.orgId, id(1), u"context"_s, u"completed"_s, 1000, 2000, 1000 });
    exec(u"INSERT INTO call_objections (org_id, call_id, objection_id, type_id, milestone_id, outcome, raised_at, closed_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { acme.orgId, id(1), u"o1"_s, u"price"_s, u"current-state"_s, u"resolved"_s, 2100, 2300 });
    exec(u"UPDATE calls SET status = 'in_progress', current_milestone_id = 'current-state', event_count = 9, "
         "started_at = 1000, playbook_id = 'default', playbook_version = 1 WHERE id = ?"_s,
        { id(1) });

    const ApiReply call = m_api->get(u"/api/v1/calls/"_s + id(1), token);
    QCOMPARE(call.status, 200);
    QCOMPARE(call.json[u"status"_s].toString(), u"in_progress"_s);
    QCOMPARE(call.json[u"current_milestone_id"_s].toString(), u"current-state"_s);
    QCOMPARE(call.json[u"event_count"_s].toInt(), 9);
    QCOMPARE(call.json[u"started_at"_s].toInteger(), 1000);
    QCOMPARE(call.json[u"playbook_id"_s].toString(), u"default"_s);
    QCOMPARE(call.json[u"playbook_version"_s].toInt(), 1);
    const QJsonArray milestones = call.json[u"milestones"_s].toArray();
    QCOMPARE(milestones.size(), 2);
    QCOMPARE(milestones.at(0).toObject(),
        (QJsonObject{ { u"milestone_id"_s, u"context"_s }, { u"status"_s, u"completed"_s }, { u"entered_at"_s, 1000 },
            { u"finished_at"_s, 2000 }, { u"active_ms"_s, 1000 } }));
    QCOMPARE(milestones.at(1)[u"milestone_id"_s].toString(), u"current-state"_s);
    QVERIFY(milestones.at(1)[u"finished_at"_s].isNull());
    const QJsonArray objections = call.json[u"objections"_s].toArray();
    QCOMPARE(objections.size(), 1);
    QCOMPARE(objections.at(0).toObject(),
        (QJsonObject{ { u"objection_id"_s, u"o1"_s }, { u"type_id"_s, u"price"_s },
            { u"milestone_id"_s, u"current-state"_s }, { u"outcome"_s, u"resolved"_s }, { u"raised_at"_s, 2100 },
            { u"closed_at"_s, 2300 } }));
    // The list has the calls without their read models.
    const QJsonObject listed = m_api->get(u"/api/v1/calls"_s, token).json[u"calls"_s][0].toObject();
    QVERIFY(!listed.contains(u"milestones"_s));
    QCOMPARE(listed[u"event_count"_s].toInt(), 9);
}

void TestCallsApi::completeIsIdempotentAndAudited()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    const QString dana = addProspect(token, u"Dana"_s);
    QCOMPARE(m_api->put(u"/api/v1/calls/"_s + id(1), QJsonObject{ { u"prospect_id"_s, dana } }, token).status, 201);
    QCOMPARE(m_api->put(u"/api/v1/calls/"_s + id(2), QJsonObject{ { u"prospect_id"_s, dana } }, token).status, 201);
    // Call 2's events completed it (what the ingest records on CallCompleted).
    exec(u"UPDATE calls SET status = 'completed', completed_at = 4242 WHERE id = ?"_s, { id(2) });

    m_api->clock().advanceMinutes(30);
    const qint64 closedAt = m_api->clock().nowMs();
    const ApiReply cut = m_api->post(u"/api/v1/calls/"_s + id(1) + u"/complete"_s, QJsonObject{}, token);
    QCOMPARE(cut.status, 200);
    QCOMPARE(cut.json[u"status"_s].toString(), u"closed_incomplete"_s);
    QCOMPARE(cut.json[u"completed_at"_s].toInteger(), closedAt);
    QCOMPARE(cut.json[u"updated_at"_s].toInteger(), closedAt);

    const ApiReply done = m_api->send("POST", u"/api/v1/calls/"_s + id(2) + u"/complete"_s, {}, {}, token); // no body at all
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json[u"status"_s].toString(), u"completed"_s);
    QCOMPARE(done.json[u"completed_at"_s].toInteger(), 4242);

    // Again: the same answer, no second audit entry.
    m_api->clock().advanceMinutes(5);
    const ApiReply again = m_api->post(u"/api/v1/calls/"_s + id(1) + u"/complete"_s, QJsonObject{}, token);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json, cut.json);
    QCOMPARE(m_api->post(u"/api/v1/calls/"_s + id(2) + u"/complete"_s, QJsonObject{}, token).json, done.json);

    const auto audit = m_api->app().audit().read(acme.orgId, u"call.closed"_s, 0, 10);
    QVERIFY(audit.ok());
    QCOMPARE(audit.value().entries.size(), 2);
    const AuditEntry &first = audit.value().entries.last();
    QCOMPARE(first.target, id(1));
    QCOMPARE(first.actorUserId, agent.id);
    QCOMPARE(first.details[u"status"_s].toString(), u"closed_incomplete"_s);
    QCOMPARE(audit.value().entries.first().details[u"status"_s].toString(), u"completed"_s);

    QCOMPARE(m_api->post(u"/api/v1/calls/"_s + id(9) + u"/complete"_s, QJsonObject{}, token).errorCode(),
        u"call.not_found"_s);
}

void TestCallsApi::agentSeesOwnManagerSeesAll()
{
    const auto [acme, alice, bob, mia, aliceToken, bobToken, miaToken] = m_api->addTeam();
    const QString dana = addProspect(aliceToken, u"Dana"_s);
    const QString alicesCall = u"/api/v1/calls/"_s + id(1);
    QCOMPARE(m_api->put(alicesCall, QJsonObject{ { u"prospect_id"_s, dana } }, aliceToken).status, 201);

    // Bob sees neither Alice's call nor her prospect.
    QCOMPARE(m_api->get(alicesCall, bobToken).status, 404);
    QCOMPARE(m_api->put(alicesCall, QJsonObject{ { u"prospect_id"_s, dana } }, bobToken).status, 404);
    QCOMPARE(m_api->post(alicesCall + u"/complete"_s, QJsonObject{}, bobToken).status, 404);
    QCOMPARE(m_api->get(u"/api/v1/calls"_s, bobToken).json[u"total"_s].toInt(), 0);
    const ApiReply borrowed = m_api->put(u"/api/v1/calls/"_s + id(2), QJsonObject{ { u"prospect_id"_s, dana } }, bobToken);
    QCOMPARE(borrowed.status, 404);
    QCOMPARE(borrowed.errorCode(), u"prospect.not_found"_s);
    const QString sam = addProspect(bobToken, u"Sam"_s);
    const ApiReply follows = m_api->put(u"/api/v1/calls/"_s + id(3),
        QJsonObject{ { u"prospect_id"_s, sam }, { u"follows_call_id"_s, id(1) } }, bobToken);
    QCOMPARE(follows.errorCode(), u"call.not_found"_s);

    // The manager sees it, and may close it; the call stays Alice's.
    const ApiReply seen = m_api->get(alicesCall, miaToken);
    QCOMPARE(seen.status, 200);
    QCOMPARE(seen.json[u"agent_user_id"_s].toString(), alice.id);
    QCOMPARE(m_api->put(alicesCall, QJsonObject{ { u"prospect_id"_s, dana } }, miaToken).status, 200);
    const ApiReply closed = m_api->post(alicesCall + u"/complete"_s, QJsonObject{}, miaToken);
    QCOMPARE(closed.status, 200);
    QCOMPARE(closed.json[u"agent_user_id"_s].toString(), alice.id);
    QCOMPARE(m_api->get(alicesCall, aliceToken).json[u"status"_s].toString(), u"closed_incomplete"_s);
}

void TestCallsApi::otherOrganisationsCallsAreNotFound()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const auto globex = m_api->addOrganisation(u"Globex"_s);
    const QString acmeToken = m_api->signIn(acme.admin);
    const QString globexToken = m_api->signIn(globex.admin);
    const QString globexProspect = addProspect(globexToken, u"Globex Secret Lead"_s);
    const QString acmeProspect = addProspect(acmeToken, u"Acme Lead"_s);
    const QString path = u"/api/v1/calls/"_s + id(1);
    QCOMPARE(m_api->put(path, QJsonObject{ { u"prospect_id"_s, globexProspect } }, globexToken).status, 201);
    const QJsonObject before = m_api->get(path, globexToken).json;

    // A token of Acme with Globex's ids: 404 on every route, never its data.
    const QList<QPair<const char *, ApiReply>> replies{
        { "get", m_api->get(path, acmeToken) },
        { "put same body", m_api->put(path, QJsonObject{ { u"prospect_id"_s, globexProspect } }, acmeToken) },
        { "put own prospect", m_api->put(path, QJsonObject{ { u"prospect_id"_s, acmeProspect } }, acmeToken) },
        { "complete", m_api->post(path + u"/complete"_s, QJsonObject{}, acmeToken) },
        { "new call, their prospect",
            m_api->put(u"/api/v1/calls/"_s + id(2), QJsonObject{ { u"prospect_id"_s, globexProspect } }, acmeToken) },
        { "new call following theirs",
            m_api->post(u"/api/v1/calls"_s,
                QJsonObject{ { u"prospect_id"_s, acmeProspect }, { u"follows_call_id"_s, id(1) } }, acmeToken) },
    };
    for (const auto &[name, reply] : replies) {
        QVERIFY2(reply.status == 404, qPrintable(u"%1: %2"_s.arg(QLatin1String(name)).arg(reply.status)));
        QVERIFY2(!reply.body.contains("Globex") && !reply.body.contains(globex.orgId.toLatin1())
                && !reply.body.contains(globex.admin.id.toLatin1()),
            name);
    }
    const ApiReply post = m_api->post(u"/api/v1/calls"_s,
        QJsonObject{ { u"id"_s, id(1) }, { u"prospect_id"_s, acmeProspect } }, acmeToken);
    QCOMPARE(post.status, 409); // the id is taken, and that is all it says
    QVERIFY(!post.body.contains(globex.admin.id.toLatin1()));
    QCOMPARE(m_api->get(u"/api/v1/calls"_s, acmeToken).json[u"total"_s].toInt(), 0);
    QCOMPARE(m_api->get(u"/api/v1/calls?prospect="_s + globexProspect, acmeToken).json[u"total"_s].toInt(), 0);
    QCOMPARE(m_api->get(u"/api/v1/calls?agent="_s + globex.admin.id, acmeToken).json[u"total"_s].toInt(), 0);

    // Globex's call is as it was; no audit entry landed in either organisation.
    QCOMPARE(m_api->get(path, globexToken).json, before);
    QCOMPARE(m_api->app().audit().read(globex.orgId, u"call.closed"_s, 0, 10).value().entries.size(), 0);
    QCOMPARE(m_api->app().audit().read(acme.orgId, u"call.closed"_s, 0, 10).value().entries.size(), 0);
}

void TestCallsApi::repositoryFindIsFencedByOrganisation()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const auto globex = m_api->addOrganisation(u"Globex"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    QCOMPARE(m_api->put(u"/api/v1/calls/"_s + id(1), QJsonObject{ { u"prospect_id"_s, addProspect(token, u"Dana"_s) } },
                 token)
                 .status,
        201);
    UuidGenerator ids;
    CallRepository calls(m_api->database(), ids);
    const auto mine = calls.find(acme.orgId, id(1));
    QVERIFY(mine.ok() && mine.value());
    QCOMPARE(mine.value()->agentUserId, agent.id);
    QCOMPARE(mine.value()->status, u"open"_s);
    QVERIFY(!mine.value()->closedAt);
    const auto theirs = calls.find(globex.orgId, id(1));
    QVERIFY(theirs.ok());
    QVERIFY(!theirs.value());
}

QTEST_GUILESS_MAIN(TestCallsApi)

#include "tst_callsapi.moc"
