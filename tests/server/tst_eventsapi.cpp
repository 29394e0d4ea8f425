// POST /api/v1/events over real HTTP, on SQLite and PostgreSQL: a whole call
// made by the real engine is accepted and shows on the server; a resent batch
// changes nothing; events that break the call's rules, of unknown calls, of
// another organisation's or another agent's calls, and malformed ones are
// refused one by one with reasons while the rest of the batch is kept.
#include "apiharness.h"
#include "callevents.h"
#include "call/calleventcodec.h"
#include "callharness.h"
#include "playbook/playbookloader.h"
#include "storage/sqlrows.h"
#include "testdatabases.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &value : array.toArray())
        out.append(value.toString());
    return out;
}

} // namespace

class TestEventsApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void wholeCallArrivesOnce_data() { TestDatabases::addBackendRows(); }
    void wholeCallArrivesOnce();
    void batchesAcrossACacheLossReplayTheCall_data() { TestDatabases::addBackendRows(); }
    void batchesAcrossACacheLossReplayTheCall();
    void brokenRulesAreRefusedOneByOne_data() { TestDatabases::addBackendRows(); }
    void brokenRulesAreRefusedOneByOne();
    void foreignCallsAreUnknown_data() { TestDatabases::addBackendRows(); }
    void foreignCallsAreUnknown();
    void malformedBatches_data() { TestDatabases::addBackendRows(); }
    void malformedBatches();
    void storedEventsAreTheSentOnes_data() { TestDatabases::addBackendRows(); }
    void storedEventsAreTheSentOnes();
    void resendWithNewEventsTakesOnlyTheNew_data() { TestDatabases::addBackendRows(); }
    void resendWithNewEventsTakesOnlyTheNew();
    void oneBatchFillsSeveralCalls_data() { TestDatabases::addBackendRows(); }
    void oneBatchFillsSeveralCalls();
    void idOfAnotherOrganisationIsRefusedAlone_data() { TestDatabases::addBackendRows(); }
    void idOfAnotherOrganisationIsRefusedAlone();

private:
    // A finished call of the default playbook, made by the engine.
    QList<CallEvent> finishedCall();
    // The stored events of a call, in order, as JSON.
    QJsonArray storedEvents(const QString &callId);

    Playbook m_playbook;
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
};

void TestEventsApi::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY2(loaded.ok(), qPrintable(loaded.messages().join(u'\n')));
    m_playbook = *loaded.value;
}

void TestEventsApi::init()
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    m_api = std::make_unique<ApiHarness>(settings.value());
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
}

void TestEventsApi::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

QList<CallEvent> TestEventsApi::finishedCall()
{
    CallHarness call(m_playbook);
    if (!call.begin() || !call.runToDecision() || !call.session().recordDecision(DecisionOption::Proceed)
        || !call.fillMilestone(call.state().current) || !call.session().completeCall())
        return {};
    return call.events();
}

void TestEventsApi::wholeCallArrivesOnce()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    const QList<CallEvent> events = finishedCall();
    QVERIFY(events.size() > 30);
    const QString callId = registerCall(*m_api, token, u"a-"_s, events);

    const QJsonObject batch{ { u"events"_s, envelopes(events, u"a-"_s) } };
    const ApiReply first = m_api->post(u"/api/v1/events"_s, batch, token);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json[u"refused"_s].toArray(), QJsonArray());
    QCOMPARE(strings(first.json[u"accepted"_s]).size(), events.size());

    // The answer was lost; the desktop sends the same batch again.
    const ApiReply again = m_api->post(u"/api/v1/events"_s, batch, token);
    QCOMPARE(again.status, 200);
    QCOMPARE(strings(again.json[u"accepted"_s]), strings(first.json[u"accepted"_s]));
    const auto count = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT count(*), max(call_pos) FROM call_events WHERE call_id = ?"_s, { callId });
    QCOMPARE(count.value()->at(0).toInt(), events.size());
    QCOMPARE(count.value()->at(1).toInt(), events.size());

    const ApiReply call = m_api->get(u"/api/v1/calls/"_s + callId, token);
    QCOMPARE(call.status, 200);
    QCOMPARE(call.json[u"status"_s].toString(), u"completed"_s);
    QCOMPARE(call.json[u"decision"_s].toString(), u"proceed"_s);
    QCOMPARE(call.json[u"event_count"_s].toInt(), events.size());
    QCOMPARE(call.json[u"playbook_id"_s].toString(), m_playbook.id);
    const QJsonArray milestones = call.json[u"milestones"_s].toArray();
    QCOMPARE(milestones.size(), m_playbook.milestones.size());
    for (const QJsonValue &milestone : milestones) {
        QCOMPARE(milestone[u"status"_s].toString(), u"done"_s);
        QVERIFY(milestone[u"entered_at"_s].toInteger() > 0);
        QVERIFY(milestone[u"finished_at"_s].toInteger() >= milestone[u"entered_at"_s].toInteger());
    }
}

void TestEventsApi::batchesAcrossACacheLossReplayTheCall()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    const QList<CallEvent> events = finishedCall();
    const QString callId = registerCall(*m_api, token, u"b-"_s, events);
    // Small batches, and the server forgets its cached state in between (as
    // after a restart, or another node having written the call).
    for (qsizetype from = 0; from < events.size(); from += 7) {
        const ApiReply reply = m_api->post(
            u"/api/v1/events"_s, QJsonObject{ { u"events"_s, envelopes(events, u"b-"_s, from, 7) } }, token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json[u"refused"_s].toArray(), QJsonArray());
        if (from % 14 == 0)
            m_api->app().dropIngestCache();
    }
    QCOMPARE(m_api->get(u"/api/v1/calls/"_s + callId, token).json[u"status"_s].toString(), u"completed"_s);
}

void TestEventsApi::brokenRulesAreRefusedOneByOne()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    const QList<CallEvent> events = finishedCall();
    const QString callId = registerCall(*m_api, token, u"c-"_s, events);

    QJsonArray batch = envelopes(events, u"c-"_s, 0, 5);
    // A jump to the last milestone, skipping everything: the reducer refuses it.
    QJsonObject jump = batch.last().toObject();
    jump[u"id"_s] = uuidFor(u"c-"_s, u"jump"_s);
    jump[u"seq"_s] = 1000;
    jump[u"type"_s] = u"MilestoneEntered"_s;
    jump[u"payload"_s] = QJsonObject{ { u"milestoneId"_s, m_playbook.milestones.constLast().id } };
    batch.append(jump);
    // A field value out of its type.
    QJsonObject badField = jump;
    badField[u"id"_s] = uuidFor(u"c-"_s, u"field"_s);
    badField[u"seq"_s] = 1001;
    badField[u"type"_s] = u"FieldSet"_s;
    badField[u"payload"_s] = QJsonObject{ { u"fieldId"_s, u"clientCount"_s }, { u"value"_s, u"lots"_s } };
    batch.append(badField);

    const ApiReply reply = m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, batch } }, token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(strings(reply.json[u"accepted"_s]).size(), 5);
    const QJsonArray refused = reply.json[u"refused"_s].toArray();
    QCOMPARE(refused.size(), 2);
    QCOMPARE(refused[0][u"id"_s].toString(), uuidFor(u"c-"_s, u"jump"_s));
    QCOMPARE(refused[0][u"code"_s].toString(), u"milestone.locked"_s);
    QCOMPARE(refused[1][u"id"_s].toString(), uuidFor(u"c-"_s, u"field"_s));
    QCOMPARE(refused[1][u"code"_s].toString(), u"field.invalid"_s);
    QVERIFY(!refused[1][u"message"_s].toString().isEmpty());
    const auto stored = SqlRows::first(
        m_api->database(), u"test"_s, u"SELECT count(*) FROM call_events WHERE call_id = ?"_s, { callId });
    QCOMPARE(stored.value()->at(0).toInt(), 5);
}

void TestEventsApi::foreignCallsAreUnknown()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const auto globex = m_api->addOrganisation(u"Globex"_s);
    const SeededUser alice = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    const SeededUser bob = m_api->addUser(acme.orgId, Role::Agent, u"bob@acme.example"_s);
    const SeededUser mallory = m_api->addUser(globex.orgId, Role::Admin, u"mallory@globex.example"_s);
    const QString aliceToken = m_api->signIn(alice);
    const QList<CallEvent> events = finishedCall();
    registerCall(*m_api, aliceToken, u"d-"_s, events);
    QCOMPARE(m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, envelopes(events, u"d-"_s, 0, 3) } },
                     aliceToken)
                 .json[u"accepted"_s]
                 .toArray()
                 .size(),
        3);

    // The next events of Alice's call, pushed by someone else.
    const QJsonObject next{ { u"events"_s, envelopes(events, u"d-"_s, 3, 3) } };
    const ApiReply fromGlobex = m_api->post(u"/api/v1/events"_s, next, m_api->signIn(mallory));
    QCOMPARE(fromGlobex.status, 200);
    QCOMPARE(fromGlobex.json[u"accepted"_s].toArray(), QJsonArray());
    QCOMPARE(fromGlobex.json[u"refused"_s][0][u"code"_s].toString(), u"call.unknown"_s);
    const ApiReply fromBob = m_api->post(u"/api/v1/events"_s, next, m_api->signIn(bob));
    QCOMPARE(fromBob.json[u"refused"_s][0][u"code"_s].toString(), u"call.not_yours"_s);
    // A resend of Alice's stored events by another organisation must not be
    // "accepted" as if it were theirs.
    const ApiReply replayed = m_api->post(u"/api/v1/events"_s,
        QJsonObject{ { u"events"_s, envelopes(events, u"d-"_s, 0, 3) } }, m_api->signIn(mallory));
    QCOMPARE(replayed.json[u"accepted"_s].toArray(), QJsonArray());
    // Nothing of theirs was stored.
    const auto stored = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT count(*) FROM call_events WHERE org_id = ?"_s, { globex.orgId });
    QCOMPARE(stored.value()->at(0).toInt(), 0);
    // An event for a call nobody registered.
    const ApiReply unknown = m_api->post(u"/api/v1/events"_s,
        QJsonObject{ { u"events"_s, envelopes(events, u"nobody-"_s, 0, 1) } }, aliceToken);
    QCOMPARE(unknown.json[u"refused"_s][0][u"code"_s].toString(), u"call.unknown"_s);
}

void TestEventsApi::malformedBatches()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    const QList<CallEvent> events = finishedCall();
    registerCall(*m_api, token, u"e-"_s, events);

    QJsonArray batch = envelopes(events, u"e-"_s, 0, 2);
    batch.append(42);
    QJsonObject noType = batch.at(1).toObject();
    noType[u"id"_s] = uuidFor(u"e-"_s, u"notype"_s);
    noType.remove(u"type"_s);
    batch.append(noType);
    QJsonObject newer = batch.at(1).toObject();
    newer[u"id"_s] = uuidFor(u"e-"_s, u"newer"_s);
    newer[u"schema"_s] = 99;
    batch.append(newer);
    const ApiReply reply = m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, batch } }, token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[u"accepted"_s].toArray().size(), 2);
    const QJsonArray refused = reply.json[u"refused"_s].toArray();
    QCOMPARE(refused.size(), 3);
    QCOMPARE(refused[0][u"index"_s].toInt(), 2);
    QCOMPARE(refused[0][u"code"_s].toString(), u"event.malformed"_s);
    QCOMPARE(refused[1][u"id"_s].toString(), uuidFor(u"e-"_s, u"notype"_s));
    QCOMPARE(refused[1][u"code"_s].toString(), u"event.malformed"_s);
    QCOMPARE(refused[2][u"code"_s].toString(), u"event.schema_unsupported"_s);

    // Another event reusing a (device, seq) pair, stored or earlier in the
    // same batch, is refused alone; the batch is kept.
    QJsonObject reused = batch.at(1).toObject();
    reused[u"id"_s] = uuidFor(u"e-"_s, u"reused"_s);
    QJsonObject fresh = envelopes(events, u"e-"_s, 2, 1).at(0).toObject();
    QJsonObject twin = fresh;
    twin[u"id"_s] = uuidFor(u"e-"_s, u"twin"_s);
    const ApiReply seqs = m_api->post(
        u"/api/v1/events"_s, QJsonObject{ { u"events"_s, QJsonArray{ reused, fresh, twin } } }, token);
    QCOMPARE(seqs.status, 200);
    QCOMPARE(strings(seqs.json[u"accepted"_s]), QStringList{ fresh[u"id"_s].toString() });
    QCOMPARE(seqs.json[u"refused"_s][0][u"code"_s].toString(), u"event.seq_taken"_s);
    QCOMPARE(seqs.json[u"refused"_s][1][u"code"_s].toString(), u"event.seq_taken"_s);

    // The batch itself: empty, too many, not a list, unknown fields, too big.
    QCOMPARE(m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, QJsonArray() } }, token).status, 400);
    QJsonArray tooMany;
    for (int i = 0; i < 501; ++i)
        tooMany.append(batch.at(0));
    const ApiReply many = m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, tooMany } }, token);
    QCOMPARE(many.status, 400);
    QCOMPARE(many.json[u"error"_s][u"details"_s][u"fields"_s][0][u"path"_s].toString(), u"events"_s);
    QCOMPARE(m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, u"all"_s } }, token).status, 400);
    const ApiReply extra = m_api->post(
        u"/api/v1/events"_s, QJsonObject{ { u"events"_s, batch }, { u"org_id"_s, u"other"_s } }, token);
    QCOMPARE(extra.errorCode(), u"request.invalid"_s);
    const ApiReply huge = m_api->send("POST", u"/api/v1/events"_s, QByteArray(3 * 1024 * 1024, ' '),
        { { "Content-Type", "application/json" } }, token);
    QCOMPARE(huge.status, 413);
    QCOMPARE(m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, batch } }).status, 401);
}

QJsonArray TestEventsApi::storedEvents(const QString &callId)
{
    const auto rows = SqlRows::select(
        m_api->database(), u"test"_s, u"SELECT json FROM call_events WHERE call_id = ? ORDER BY call_pos"_s, { callId });
    QJsonArray events;
    for (const SqlRows::Row &row : rows.value())
        events.append(QJsonDocument::fromJson(row.at(0).toString().toUtf8()).object());
    return events;
}

void TestEventsApi::storedEventsAreTheSentOnes()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    QList<CallEvent> events = finishedCall();
    QVERIFY(!events.isEmpty());
    // The prospect's words as an agent typed them: quotes of both kinds (the
    // SQL one too), backslashes, line breaks, a tab, a control character,
    // accents, an emoji and text that looks like an escape.
    QJsonObject prospect = events[0].payload[u"prospect"_s].toObject();
    prospect[u"painPoints"_s] = u"\"Churn\" isn't 'low'; C:\\data\\ \\u0041\nline two\ttab \x01 Zoë Straße 😀 100% ^$"_s;
    events[0].payload[u"prospect"_s] = prospect;
    const QString callId = registerCall(*m_api, token, u"s-"_s, events);

    const QJsonArray sent = envelopes(events, u"s-"_s);
    const ApiReply reply = m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, sent } }, token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[u"refused"_s].toArray(), QJsonArray());
    // Every event comes back exactly as it was sent, in its order.
    const QJsonArray stored = storedEvents(callId);
    QCOMPARE(stored.size(), sent.size());
    for (qsizetype i = 0; i < sent.size(); ++i)
        QCOMPARE(stored.at(i).toObject(), sent.at(i).toObject());
    QCOMPARE(stored.at(0)[u"payload"_s][u"prospect"_s][u"painPoints"_s].toString(),
        prospect[u"painPoints"_s].toString());
}

void TestEventsApi::resendWithNewEventsTakesOnlyTheNew()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    const QList<CallEvent> events = finishedCall();
    const QString callId = registerCall(*m_api, token, u"r-"_s, events);

    // The first half arrived but its answer was lost; the desktop's next
    // batch holds the first half again and the rest.
    const qsizetype half = events.size() / 2;
    QCOMPARE(m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, envelopes(events, u"r-"_s, 0, half) } }, token)
                 .status,
        200);
    const ApiReply reply
        = m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, envelopes(events, u"r-"_s) } }, token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[u"refused"_s].toArray(), QJsonArray());
    QCOMPARE(strings(reply.json[u"accepted"_s]).size(), events.size());

    QCOMPARE(storedEvents(callId), envelopes(events, u"r-"_s));
    const ApiReply call = m_api->get(u"/api/v1/calls/"_s + callId, token);
    QCOMPARE(call.json[u"status"_s].toString(), u"completed"_s);
    QCOMPARE(call.json[u"event_count"_s].toInt(), events.size());
}

void TestEventsApi::oneBatchFillsSeveralCalls()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);

    // Three calls of three devices, their events interleaved in one batch
    // (each call's in its own order), as a desktop catching up after a day
    // offline might send them.
    const QStringList prefixes{ u"x-"_s, u"y-"_s, u"z-"_s };
    QList<QJsonArray> perCall;
    QStringList callIds;
    for (const QString &prefix : prefixes) {
        const QList<CallEvent> events = finishedCall();
        QVERIFY(!events.isEmpty());
        callIds.append(registerCall(*m_api, token, prefix, events));
        QJsonArray envelopesOfCall = envelopes(events, prefix);
        for (qsizetype i = 0; i < envelopesOfCall.size(); ++i) {
            QJsonObject event = envelopesOfCall.at(i).toObject();
            event[u"deviceId"_s] = uuidFor(prefix, u"device"_s);
            envelopesOfCall[i] = event;
        }
        perCall.append(envelopesOfCall);
    }
    QJsonArray batch;
    for (qsizetype i = 0; batch.size() < perCall[0].size() + perCall[1].size() + perCall[2].size(); ++i) {
        for (const QJsonArray &events : std::as_const(perCall)) {
            if (i < events.size())
                batch.append(events.at(i));
        }
    }
    QVERIFY(batch.size() <= 500);

    const ApiReply reply = m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, batch } }, token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[u"refused"_s].toArray(), QJsonArray());
    QCOMPARE(strings(reply.json[u"accepted"_s]).size(), batch.size());
    for (qsizetype c = 0; c < callIds.size(); ++c) {
        QCOMPARE(storedEvents(callIds.at(c)), perCall.at(c));
        const ApiReply call = m_api->get(u"/api/v1/calls/"_s + callIds.at(c), token);
        QCOMPARE(call.json[u"status"_s].toString(), u"completed"_s);
        QCOMPARE(call.json[u"event_count"_s].toInt(), perCall.at(c).size());
        const QJsonArray milestones = call.json[u"milestones"_s].toArray();
        QCOMPARE(milestones.size(), m_playbook.milestones.size());
        for (const QJsonValue &milestone : milestones)
            QCOMPARE(milestone[u"status"_s].toString(), u"done"_s);
    }
}

void TestEventsApi::idOfAnotherOrganisationIsRefusedAlone()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const auto globex = m_api->addOrganisation(u"Globex"_s);
    const SeededUser alice = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    const SeededUser gina = m_api->addUser(globex.orgId, Role::Agent, u"gina@globex.example"_s);
    const QString aliceToken = m_api->signIn(alice);
    const QString ginaToken = m_api->signIn(gina);
    const QList<CallEvent> aliceEvents = finishedCall();
    const QString aliceCall = registerCall(*m_api, aliceToken, u"p-"_s, aliceEvents);
    const QJsonArray aliceSent = envelopes(aliceEvents, u"p-"_s);
    QCOMPARE(m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, aliceSent } }, aliceToken).status, 200);

    // Gina's whole call, but its last event carries an id Acme's call took:
    // the rules accept it, only the database knows the id is taken.
    const QList<CallEvent> ginaEvents = finishedCall();
    const QString ginaCall = registerCall(*m_api, ginaToken, u"q-"_s, ginaEvents);
    QJsonArray ginaSent = envelopes(ginaEvents, u"q-"_s);
    const QString takenId = aliceSent.last()[u"id"_s].toString();
    QJsonObject last = ginaSent.last().toObject();
    last[u"id"_s] = takenId;
    ginaSent[ginaSent.size() - 1] = last;

    const ApiReply reply = m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, ginaSent } }, ginaToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(strings(reply.json[u"accepted"_s]).size(), ginaSent.size() - 1);
    const QJsonArray refused = reply.json[u"refused"_s].toArray();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused[0][u"id"_s].toString(), takenId);
    QCOMPARE(refused[0][u"code"_s].toString(), u"event.id_conflict"_s);
    QCOMPARE(storedEvents(ginaCall).size(), ginaSent.size() - 1);
    // Acme's event is untouched.
    QCOMPARE(storedEvents(aliceCall), aliceSent);
}

QTEST_MAIN(TestEventsApi)
#include "tst_eventsapi.moc"
