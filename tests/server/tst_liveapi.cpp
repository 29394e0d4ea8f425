// /api/v1/live over real WebSockets on loopback, on SQLite and PostgreSQL:
// a manager follows an agent's call as its events arrive and sees it end;
// nobody follows a call they may not see (another agent's, another
// organisation's: the same answer as a call that does not exist); a socket
// must say who it is first; a dead client is dropped by the heartbeat; a
// session that ends (logout, user disabled, idle expiry) closes its sockets;
// malformed messages get errors and change nothing; the work after a call
// (recording, transcription, analysis) is pushed to those who watch it as
// each step moves.
#include "apiharness.h"
#include "callevents.h"
#include "callharness.h"
#include "jobs/jobqueue.h"
#include "live/livehub.h"
#include "liveclient.h"
#include "playbook/playbookloader.h"
#include "testdatabases.h"
#include "testpaths.h"
#include "zoomcalls.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

QStringList eventIds(const QJsonValue &events)
{
    QStringList ids;
    for (const QJsonValue &event : events.toArray())
        ids.append(event[u"id"_s].toString());
    return ids;
}

QStringList ids(const QJsonArray &envelopes)
{
    return eventIds(envelopes);
}

// A client that does the WebSocket handshake by hand and then never answers
// anything: a laptop that went to sleep mid-call.
class SilentClient
{
public:
    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(u"127.0.0.1"_s, port);
        if (!m_socket.waitForConnected(3000))
            return false;
        m_socket.write("GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                       "Sec-WebSocket-Version: 13\r\n\r\n");
        return waitFor("\r\n\r\n");
    }
    // One masked text frame, as a client must send it.
    void sendText(const QByteArray &payload)
    {
        QByteArray frame;
        frame.append(char(0x81));
        frame.append(char(0x80 | payload.size())); // payloads here are < 126 bytes
        const QByteArray mask("\x11\x22\x33\x44", 4);
        frame.append(mask);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(char(payload.at(i) ^ mask.at(i % 4)));
        m_socket.write(frame);
    }
    bool waitFor(const QByteArray &needle, int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_received.contains(needle) && !deadline.hasExpired()) {
            QTest::qWait(5);
            m_received += m_socket.readAll();
        }
        return m_received.contains(needle);
    }
    bool waitDisconnected(int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired()) {
            QTest::qWait(5);
            m_received += m_socket.readAll();
        }
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }
    const QByteArray &received() const { return m_received; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace

class TestLiveApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void managerFollowsALiveCall_data() { TestDatabases::addBackendRows(); }
    void managerFollowsALiveCall();
    void agentFollowsOnlyOwnCalls_data() { TestDatabases::addBackendRows(); }
    void agentFollowsOnlyOwnCalls();
    void anotherOrganisationsCallIsUnknown_data() { TestDatabases::addBackendRows(); }
    void anotherOrganisationsCallIsUnknown();
    void aSocketMustSayWhoItIs_data() { TestDatabases::addBackendRows(); }
    void aSocketMustSayWhoItIs();
    void silentClientIsDroppedByTheHeartbeat_data() { TestDatabases::addBackendRows(); }
    void silentClientIsDroppedByTheHeartbeat();
    void logoutClosesTheSessionsSockets_data() { TestDatabases::addBackendRows(); }
    void logoutClosesTheSessionsSockets();
    void disablingAUserClosesTheirSockets_data() { TestDatabases::addBackendRows(); }
    void disablingAUserClosesTheirSockets();
    void idleExpiryClosesAtTheNextHeartbeat_data() { TestDatabases::addBackendRows(); }
    void idleExpiryClosesAtTheNextHeartbeat();
    void malformedMessagesAreAnsweredNotFatal_data() { TestDatabases::addBackendRows(); }
    void malformedMessagesAreAnsweredNotFatal();
    void noTokenIsLogged_data() { TestDatabases::addBackendRows(); }
    void membersWatchTheWorkAfterACall();
    void membersWatchTheWorkAfterACall_data() { TestDatabases::addBackendRows(); }
    void noTokenIsLogged();

private:
    // Starts the server with the heartbeat given (ms).
    void startServer(int heartbeatMs, int helloTimeoutMs = 10000);
    QUrl liveUrl() const { return m_api->url(QString::fromLatin1(LiveHub::kPath)); }
    // A finished call of the default playbook, made by the engine.
    QList<CallEvent> finishedCall();

    Playbook m_playbook;
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
};

void TestLiveApi::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY2(loaded.ok(), qPrintable(loaded.messages().join(u'\n')));
    m_playbook = *loaded.value;
}

void TestLiveApi::init()
{
    m_databases = std::make_unique<TestDatabases>();
}

void TestLiveApi::startServer(int heartbeatMs, int helloTimeoutMs)
{
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    ServerApp::Settings app;
    app.live.heartbeat = std::chrono::milliseconds(heartbeatMs);
    app.live.helloTimeout = std::chrono::milliseconds(helloTimeoutMs);
    app.live.pipelinePoll = std::chrono::milliseconds(50);
    app.integrations.zoom.webhookSecret = zoomcalls::kSecret;
    m_api = std::make_unique<ApiHarness>(settings.value(), app);
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
}

void TestLiveApi::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

QList<CallEvent> TestLiveApi::finishedCall()
{
    CallHarness call(m_playbook);
    if (!call.begin() || !call.runToDecision() || !call.session().recordDecision(DecisionOption::Proceed)
        || !call.fillMilestone(call.state().current) || !call.session().completeCall())
        return {};
    return call.events();
}

void TestLiveApi::managerFollowsALiveCall()
{
    startServer(60000);
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const SeededUser manager = m_api->addUser(acme.orgId, Role::Manager, u"manager@acme.example"_s);
    const QString agentToken = m_api->signIn(agent);
    const QList<CallEvent> events = finishedCall();
    QVERIFY(events.size() > 30);
    const QString callId = registerCall(*m_api, agentToken, u"live-"_s, events);

    // The agent is some way into the call when the manager tunes in.
    const QJsonArray firstPart = envelopes(events, u"live-"_s, 0, 10);
    QCOMPARE(m_api->post(u"/api/v1/events"_s, { { u"events"_s, firstPart } }, agentToken).status, 200);

    LiveClient watcher(liveUrl());
    QVERIFY(watcher.helloAs(m_api->signIn(manager)));
    watcher.send({ { u"type"_s, u"subscribe"_s }, { u"call"_s, callId } });
    const QJsonObject subscribed = watcher.next();
    QCOMPARE(subscribed[u"type"_s].toString(), u"subscribed"_s);
    QCOMPARE(subscribed[u"call"_s].toString(), callId);
    QCOMPARE(subscribed[u"status"_s].toString(), u"in_progress"_s);
    QCOMPARE(eventIds(subscribed[u"events"_s]), ids(firstPart)); // caught up, in order
    QCOMPARE(m_api->app().live().watcherCount(acme.orgId, callId), 1);

    // Each batch the server commits arrives as it is, once.
    const QJsonArray secondPart = envelopes(events, u"live-"_s, 10, 15);
    QCOMPARE(m_api->post(u"/api/v1/events"_s, { { u"events"_s, secondPart } }, agentToken).status, 200);
    QJsonObject pushed = watcher.next();
    QCOMPARE(pushed[u"type"_s].toString(), u"events"_s);
    QCOMPARE(pushed[u"call"_s].toString(), callId);
    QCOMPARE(eventIds(pushed[u"events"_s]), ids(secondPart));
    // A resent batch changes nothing, so nothing is pushed.
    QCOMPARE(m_api->post(u"/api/v1/events"_s, { { u"events"_s, secondPart } }, agentToken).status, 200);
    QVERIFY(watcher.quietFor(150));

    const QJsonArray rest = envelopes(events, u"live-"_s, 25);
    QCOMPARE(m_api->post(u"/api/v1/events"_s, { { u"events"_s, rest } }, agentToken).status, 200);
    pushed = watcher.next();
    QCOMPARE(eventIds(pushed[u"events"_s]), ids(rest));
    const QJsonObject ended = watcher.next();
    QCOMPARE(ended[u"type"_s].toString(), u"ended"_s);
    QCOMPARE(ended[u"call"_s].toString(), callId);
    QCOMPARE(m_api->app().live().watcherCount(acme.orgId, callId), 0);
    QVERIFY(watcher.isOpen()); // the connection stays for other calls

    // Subscribing to a finished call gives its whole log and "ended" at once.
    watcher.send({ { u"type"_s, u"subscribe"_s }, { u"call"_s, callId } });
    const QJsonObject late = watcher.next();
    QCOMPARE(late[u"status"_s].toString(), u"completed"_s);
    QCOMPARE(late[u"events"_s].toArray().size(), events.size());
    QCOMPARE(watcher.next()[u"type"_s].toString(), u"ended"_s);
}

void TestLiveApi::agentFollowsOnlyOwnCalls()
{
    startServer(60000);
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser alice = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    const SeededUser bob = m_api->addUser(acme.orgId, Role::Agent, u"bob@acme.example"_s);
    const QString aliceToken = m_api->signIn(alice);
    const QList<CallEvent> events = finishedCall();
    const QString callId = registerCall(*m_api, aliceToken, u"own-"_s, events);

    LiveClient own(liveUrl());
    QVERIFY(own.helloAs(aliceToken));
    own.send({ { u"type"_s, u"subscribe"_s }, { u"call"_s, callId } });
    QCOMPARE(own.next()[u"type"_s].toString(), u"subscribed"_s);

    LiveClient colleague(liveUrl());
    QVERIFY(colleague.helloAs(m_api->signIn(bob)));
    const QString unknownCall = uuidFor(u"nobody-"_s, u"x"_s);
    colleague.send({ { u"type"_s, u"subscribe"_s }, { u"call"_s, callId } });
    const QJsonObject refused = colleague.next();
    colleague.send({ { u"type"_s, u"subscribe"_s }, { u"call"_s, unknownCall } });
    const QJsonObject missing = colleague.next();
    QCOMPARE(refused[u"type"_s].toString(), u"error"_s);
    QCOMPARE(refused[u"code"_s].toString(), u"call.unknown"_s);
    // Word for word the answer for a call that does not exist.
    QCOMPARE(refused[u"code"_s], missing[u"code"_s]);
    QCOMPARE(refused[u"message"_s].toString().replace(callId, u"<id>"_s),
        missing[u"message"_s].toString().replace(unknownCall, u"<id>"_s));

    // Bob's refused subscription gets him nothing of Alice's call.
    QCOMPARE(m_api->post(u"/api/v1/events"_s, { { u"events"_s, envelopes(events, u"own-"_s, 0, 5) } }, aliceToken)
                 .status,
        200);
    QCOMPARE(own.next()[u"type"_s].toString(), u"events"_s);
    QVERIFY(colleague.quietFor(150));
}

void TestLiveApi::anotherOrganisationsCallIsUnknown()
{
    startServer(60000);
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const auto globex = m_api->addOrganisation(u"Globex"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString agentToken = m_api->signIn(agent);
    const QList<CallEvent> events = finishedCall();
    const QString callId = registerCall(*m_api, agentToken, u"org-"_s, events);

    // Globex's admin sees the whole of Globex, and nothing of Acme.
    LiveClient outsider(liveUrl());
    QVERIFY(outsider.helloAs(m_api->signIn(globex.admin)));
    outsider.send({ { u"type"_s, u"subscribe"_s }, { u"call"_s, callId } });
    const QJsonObject refused = outsider.next();
    QCOMPARE(refused[u"code"_s].toString(), u"call.unknown"_s);
    QVERIFY(!refused.contains(u"events"_s));
    QCOMPARE(m_api->app().live().watcherCount(globex.orgId, callId), 0);
    QCOMPARE(m_api->app().live().watcherCount(acme.orgId, callId), 0);
    QCOMPARE(m_api->post(u"/api/v1/events"_s, { { u"events"_s, envelopes(events, u"org-"_s, 0, 5) } }, agentToken)
                 .status,
        200);
    QVERIFY(outsider.quietFor(150));
}

void TestLiveApi::aSocketMustSayWhoItIs()
{
    startServer(100, 300);
    const auto acme = m_api->addOrganisation(u"Acme"_s);

    LiveClient eager(liveUrl());
    QVERIFY(eager.open());
    eager.send({ { u"type"_s, u"subscribe"_s }, { u"call"_s, u"x"_s } });
    QCOMPARE(eager.waitClosed(), int(LiveHub::Unauthorized));

    LiveClient forger(liveUrl());
    QVERIFY(forger.open());
    forger.send({ { u"type"_s, u"hello"_s }, { u"token"_s, u"cos_not-a-real-token"_s } });
    QCOMPARE(forger.waitClosed(), int(LiveHub::Unauthorized));

    LiveClient shy(liveUrl());
    QVERIFY(shy.open());
    QCOMPARE(shy.waitClosed(3000), int(LiveHub::Timeout));

    // Qt upgrades any path; the hub closes all but its own at once.
    LiveClient lost(m_api->url(u"/api/v1/elsewhere"_s));
    lost.open();
    QCOMPARE(lost.waitClosed(), int(LiveHub::NotFound));

    // A signed-in member is not timed out for having said hello once.
    LiveClient member(liveUrl());
    QVERIFY(member.helloAs(m_api->signIn(acme.admin)));
    QTest::qWait(600);
    QVERIFY(member.isOpen());
}

void TestLiveApi::silentClientIsDroppedByTheHeartbeat()
{
    startServer(100);
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);

    SilentClient silent;
    QVERIFY(silent.connectTo(m_api->url(u"/"_s).port()));
    QVERIFY2(silent.received().startsWith("HTTP/1.1 101"), silent.received().left(300).constData());
    silent.sendText(QJsonDocument(QJsonObject{ { u"type"_s, u"hello"_s }, { u"token"_s, token } })
                        .toJson(QJsonDocument::Compact));
    QVERIFY(silent.waitFor("\"ready\""));
    QVERIFY(silent.waitFor(QByteArray("\x89", 1))); // a ping frame
    // Never answered: closed with 4408 (0x1138) after two heartbeats, and the
    // TCP connection cut since no close frame comes back either.
    QVERIFY(silent.waitDisconnected(5000));
    QVERIFY(silent.received().contains(QByteArray("\x88", 1)));
    QVERIFY(silent.received().contains(QByteArray("\x11\x38", 2)));
    QTRY_COMPARE(m_api->app().live().connectionCount(), 0);

    // A live client answers the pings and stays.
    LiveClient awake(liveUrl());
    QVERIFY(awake.helloAs(token));
    QTest::qWait(600);
    QVERIFY(awake.isOpen());
    awake.send({ { u"type"_s, u"ping"_s } });
    QCOMPARE(awake.next()[u"type"_s].toString(), u"pong"_s);
}

void TestLiveApi::logoutClosesTheSessionsSockets()
{
    startServer(60000); // no heartbeat in the test's time: the close is immediate
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const QString otherToken = m_api->signIn(acme.admin); // a second device
    LiveClient first(liveUrl());
    LiveClient second(liveUrl());
    LiveClient otherDevice(liveUrl());
    QVERIFY(first.helloAs(token));
    QVERIFY(second.helloAs(token));
    QVERIFY(otherDevice.helloAs(otherToken));

    QCOMPARE(m_api->post(u"/api/v1/auth/logout"_s, {}, token).status, 204);
    QCOMPARE(first.waitClosed(2000), int(LiveHub::Unauthorized));
    QCOMPARE(second.waitClosed(2000), int(LiveHub::Unauthorized));
    QVERIFY(otherDevice.isOpen());
    otherDevice.send({ { u"type"_s, u"ping"_s } });
    QCOMPARE(otherDevice.next()[u"type"_s].toString(), u"pong"_s);
}

void TestLiveApi::disablingAUserClosesTheirSockets()
{
    startServer(60000);
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    LiveClient live(liveUrl());
    QVERIFY(live.helloAs(m_api->signIn(agent)));

    const ApiReply disabled = m_api->patch(
        u"/api/v1/users/"_s + agent.id, { { u"disabled"_s, true } }, m_api->signIn(acme.admin));
    QVERIFY2(disabled.status == 200, disabled.body.constData());
    QCOMPARE(live.waitClosed(2000), int(LiveHub::Unauthorized));
}

void TestLiveApi::idleExpiryClosesAtTheNextHeartbeat()
{
    startServer(100);
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    LiveClient live(liveUrl());
    QVERIFY(live.helloAs(m_api->signIn(acme.admin)));
    QTest::qWait(300);
    QVERIFY(live.isOpen());
    // The session's clock runs past the idle limit; the next heartbeat sees it.
    m_api->clock().advanceMinutes(3 * 60);
    QCOMPARE(live.waitClosed(2000), int(LiveHub::Unauthorized));
    QVERIFY(!live.closeReason().isEmpty());
}

void TestLiveApi::malformedMessagesAreAnsweredNotFatal()
{
    startServer(60000);
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    LiveClient live(liveUrl());
    QVERIFY(live.helloAs(m_api->signIn(acme.admin)));

    struct Case
    {
        QString text;
        QString code;
    };
    const QList<Case> cases{
        { u"{not json"_s, u"message.malformed"_s },
        { u"[1,2,3]"_s, u"message.malformed"_s },
        { u"{\"call\":\"x\"}"_s, u"message.malformed"_s },
        { u"{\"type\":42}"_s, u"message.malformed"_s },
        { u"{\"type\":\"dance\"}"_s, u"message.unknown_type"_s },
        { u"{\"type\":\"subscribe\"}"_s, u"message.invalid"_s },
        { u"{\"type\":\"subscribe\",\"call\":7}"_s, u"message.invalid"_s },
        { u"{\"type\":\"subscribe\",\"call\":\""_s + QString(300, u'a') + u"\"}"_s, u"message.invalid"_s },
        { u"{\"type\":\"unsubscribe\",\"call\":\"never-followed\"}"_s, u"call.not_subscribed"_s },
        { u"{\"type\":\"hello\",\"token\":\"again\"}"_s, u"message.unknown_type"_s },
    };
    for (const Case &each : cases) {
        live.sendText(each.text);
        const QJsonObject answer = live.next();
        QCOMPARE(answer[u"type"_s].toString(), u"error"_s);
        QVERIFY2(answer[u"code"_s].toString() == each.code,
            qPrintable(each.text.left(60) + u" -> "_s + answer[u"code"_s].toString()));
        QVERIFY(!answer[u"message"_s].toString().isEmpty());
    }
    live.socket().sendBinaryMessage("\x01\x02");
    QCOMPARE(live.next()[u"code"_s].toString(), u"message.binary"_s);
    QVERIFY(live.isOpen());

    // Over the size limit: the socket closes (1009, message too big).
    live.sendText(u"{\"type\":\"ping\",\"pad\":\""_s + QString(40000, u'x') + u"\"}"_s);
    QCOMPARE(live.waitClosed(), int(QWebSocketProtocol::CloseCodeTooMuchData));
}

void TestLiveApi::noTokenIsLogged()
{
    startServer(60000);
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    {
        LiveClient live(liveUrl());
        QVERIFY(live.helloAs(token));
        live.socket().close();
        QTRY_COMPARE(m_api->app().live().connectionCount(), 0);
    }
    const QByteArray log = m_api->logText();
    QVERIFY(log.contains("\"live.connection\""));
    QVERIFY(log.contains(acme.admin.id.toUtf8()));
    QVERIFY(!log.contains(token.toUtf8()));
    QVERIFY(!log.contains(token.mid(4, 20).toUtf8()));
}


namespace {

QStringList pipelineStates(const QJsonObject &message)
{
    QStringList out;
    for (const QJsonValue &step : message[u"pipeline"_s][u"steps"_s].toArray())
        out.append(step[u"step"_s].toString() + u'=' + step[u"state"_s].toString());
    return out;
}

} // namespace

void TestLiveApi::membersWatchTheWorkAfterACall()
{
    startServer(60000);
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser alice = m_api->addUser(acme.orgId, Role::Agent, u"alice@acme.example"_s);
    const SeededUser bob = m_api->addUser(acme.orgId, Role::Agent, u"bob@acme.example"_s);
    const SeededUser manager = m_api->addUser(acme.orgId, Role::Manager, u"manager@acme.example"_s);
    const QString aliceToken = m_api->signIn(alice);
    const qint64 callStart = m_api->clock().nowMs() - 30 * 60000;
    const QString callId = zoomcalls::pushCall(*m_api, m_playbook, aliceToken, u"pipe-"_s, zoomcalls::kZoomLink,
        true, callStart);
    QVERIFY(!callId.isEmpty());

    // The agent's app watches its call: where the work stands now, the
    // same as the review says.
    LiveClient agentApp(liveUrl());
    QVERIFY(agentApp.helloAs(aliceToken));
    agentApp.send({ { u"type"_s, u"watch_pipeline"_s }, { u"call"_s, callId } });
    const QJsonObject first = agentApp.next();
    QCOMPARE(first[u"type"_s].toString(), u"pipeline"_s);
    QCOMPARE(first[u"call"_s].toString(), callId);
    QCOMPARE(pipelineStates(first),
        (QStringList{ u"recording=waiting"_s, u"transcription=waiting"_s, u"analysis=waiting"_s }));
    const QJsonObject review = m_api->get(u"/api/v1/calls/%1/review"_s.arg(callId), aliceToken).json;
    QCOMPARE(first[u"pipeline"_s].toObject(), review[u"pipeline"_s].toObject());

    // A colleague may not watch it (as if it did not exist); the manager may.
    LiveClient colleague(liveUrl());
    QVERIFY(colleague.helloAs(m_api->signIn(bob)));
    colleague.send({ { u"type"_s, u"watch_pipeline"_s }, { u"call"_s, callId } });
    QCOMPARE(colleague.next()[u"code"_s].toString(), u"call.unknown"_s);
    LiveClient managerApp(liveUrl());
    QVERIFY(managerApp.helloAs(m_api->signIn(manager)));
    managerApp.send({ { u"type"_s, u"watch_pipeline"_s }, { u"call"_s, callId } });
    QCOMPARE(managerApp.next()[u"pipeline"_s].toObject(), first[u"pipeline"_s].toObject());
    managerApp.send({ { u"type"_s, u"watch_pipeline"_s }, { u"call"_s, callId } });
    QCOMPARE(managerApp.next()[u"code"_s].toString(), u"pipeline.already_watched"_s);

    // Zoom announces the recording: both see the download queued, once.
    const QJsonObject body = zoomcalls::recordingCompleted(zoomcalls::kMeeting, u"pipe-instance"_s, callStart + 3000,
        zoomcalls::recordingFiles(u"pipe-instance"_s, callStart + 3000, u"http://127.0.0.1:9/rec/"_s),
        QString::fromLatin1(zoomcalls::kDownloadToken));
    const ApiReply accepted = zoomcalls::deliver(*m_api, QJsonDocument(body).toJson(QJsonDocument::Compact),
        zoomcalls::kSecret);
    QCOMPARE(accepted.json[u"status"_s].toString(), u"accepted"_s);
    for (LiveClient *app : { &agentApp, &managerApp }) {
        const QJsonObject queued = app->next();
        QCOMPARE(queued[u"type"_s].toString(), u"pipeline"_s);
        QCOMPARE(pipelineStates(queued),
            (QStringList{ u"recording=queued"_s, u"transcription=waiting"_s, u"analysis=waiting"_s }));
        QCOMPARE(queued[u"pipeline"_s][u"recording_id"_s].toString(), accepted.json[u"recording_id"_s].toString());
    }
    QVERIFY(agentApp.quietFor(300)); // nothing changed, nothing sent

    // A worker (anywhere: the feed reads the database) takes the download
    // and fails it for now: running, then retrying with the reason.
    const Result<QList<Job>> claimed =
        m_api->app().jobs().claim(u"worker-elsewhere"_s, { u"recording.fetch"_s }, 1, 60000);
    QVERIFY(claimed && claimed.value().size() == 1);
    QCOMPARE(pipelineStates(agentApp.next()).first(), u"recording=running"_s);
    QVERIFY(m_api->app().jobs().fail(claimed.value().first(), JobFailure::retryLater(u"Zoom answered 503"_s)));
    const QJsonObject retrying = agentApp.next();
    QCOMPARE(pipelineStates(retrying).first(), u"recording=retrying"_s);
    QCOMPARE(retrying[u"pipeline"_s][u"steps"_s][0][u"last_error"_s].toString(), u"Zoom answered 503"_s);
    QCOMPARE(pipelineStates(managerApp.next()).first(), u"recording=running"_s);
    QCOMPARE(managerApp.next()[u"pipeline"_s].toObject(), retrying[u"pipeline"_s].toObject());

    // Unwatched: nothing more comes, and saying it twice is an error.
    agentApp.send({ { u"type"_s, u"unwatch_pipeline"_s }, { u"call"_s, callId } });
    QCOMPARE(agentApp.next()[u"type"_s].toString(), u"unwatched_pipeline"_s);
    agentApp.send({ { u"type"_s, u"unwatch_pipeline"_s }, { u"call"_s, callId } });
    QCOMPARE(agentApp.next()[u"code"_s].toString(), u"pipeline.not_watched"_s);
    // A second recording of the call (Zoom recorded it again): the manager
    // still watching sees it; the agent's app hears nothing.
    const QJsonObject second = zoomcalls::recordingCompleted(zoomcalls::kMeeting, u"pipe-again"_s, callStart + 9000,
        zoomcalls::recordingFiles(u"pipe-again"_s, callStart + 9000, u"http://127.0.0.1:9/rec/"_s),
        QString::fromLatin1(zoomcalls::kDownloadToken));
    const ApiReply acceptedAgain = zoomcalls::deliver(*m_api,
        QJsonDocument(second).toJson(QJsonDocument::Compact), zoomcalls::kSecret);
    QCOMPARE(acceptedAgain.json[u"status"_s].toString(), u"accepted"_s);
    const QJsonObject newer = managerApp.next();
    QCOMPARE(newer[u"pipeline"_s][u"recording_id"_s].toString(), acceptedAgain.json[u"recording_id"_s].toString());
    QCOMPARE(pipelineStates(newer).first(), u"recording=queued"_s);
    QVERIFY(agentApp.quietFor(200));
}

QTEST_GUILESS_MAIN(TestLiveApi)
#include "tst_liveapi.moc"
