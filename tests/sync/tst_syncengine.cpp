// The desktop's SyncEngine against the whole server in this process, on a
// fresh SQLite database, through a TCP proxy: an offline call reaches the
// server exactly once when it comes back; an answer lost after the server
// committed is resent and changes nothing; a refused event is shown and
// kept; a dead token asks to sign in again and loses nothing; prospects and
// the playbook come down into the local cache; never two requests at once.
#include "serverlook.h"
#include "syncrig.h"
#include "syncserver.h"
#include "testpaths.h"

#include "call/calleventcodec.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;
using namespace callos::test;

namespace {

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void offlineCallAppearsOnceWhenTheServerComesBack();
    void lostAnswerIsResentAndChangesNothing();
    void refusedEventIsShownAndKept();
    void deadTokenAsksToSignInAgainAndLosesNothing();
    void prospectsAndPlaybookArePulledForOffline();
    void survivesARestartMidway();
    void neverTwoRequestsAtOnce();
    void secondCallFromTheSameDesktopIsAccepted();

private:
    QUrl proxyUrl() const { return m_server.url(); }
    bool signIn(SyncRig &rig) { return rig.signIn(proxyUrl(), m_server.agent().email, m_server.agent().password); }

    Playbook m_playbook = loadDefaultPlaybook();
    Deck m_deck = loadDefaultDeck(m_playbook);
    SyncServer m_server;
};

void TestSyncEngine::init()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.why()));
}

void TestSyncEngine::cleanup()
{
    m_server.stop();
}

void TestSyncEngine::offlineCallAppearsOnceWhenTheServerComesBack()
{
    SyncRig rig(m_playbook, m_deck);
    QVERIFY(signIn(rig));
    QVERIFY(rig.waitSynced());

    m_server.proxy().goDown(); // the network is gone
    const QString callId = rig.playCall();
    QVERIFY(!callId.isEmpty());
    QVERIFY(rig.waitState(SyncStatus::State::Offline));
    const QStringList local = rig.localEventIds();
    QVERIFY(local.size() > 30);
    QCOMPARE(rig.outboxCount(), local.size());
    QCOMPARE(rig.engine->status().pending, local.size() + 2); // + the prospect and the call
    QVERIFY(!rig.engine->status().reason.isEmpty());
    QVERIFY(rig.engine->status().retryAtMs > 0);
    QVERIFY(serverEventIds(m_server.api()).isEmpty());

    QVERIFY(m_server.proxy().goUp());
    QVERIFY(rig.waitSynced());
    QCOMPARE(sorted(serverEventIds(m_server.api(), callId)), sorted(local));
    QCOMPARE(rig.outboxCount(), 0);
    QCOMPARE(
        serverValue(m_server.api(), u"SELECT event_count FROM calls WHERE id = ?"_s, { callId }).toInt(), local.size());
    QCOMPARE(serverValue(m_server.api(), u"SELECT agent_user_id FROM calls WHERE id = ?"_s, { callId }).toString(),
        m_server.agent().id);
    QCOMPARE(
        serverValue(m_server.api(), u"SELECT status FROM calls WHERE id = ?"_s, { callId }).toString(), u"completed"_s);
    QCOMPARE(serverValue(m_server.api(),
                 u"SELECT name FROM prospects p JOIN calls c ON c.prospect_id = p.id WHERE c.id = ?"_s, { callId })
                 .toString(),
        u"Prospect 1"_s);

    // Another round sends nothing new and changes nothing.
    const int forwarded = m_server.proxy().requestsForwarded();
    rig.engine->syncNow();
    QVERIFY(rig.waitSynced());
    QCOMPARE(serverEventIds(m_server.api()).size(), local.size());
    QVERIFY(m_server.proxy().requestsForwarded() - forwarded <= 2); // the pulls only
    QCOMPARE(rig.maxInFlight, 1);
}

void TestSyncEngine::lostAnswerIsResentAndChangesNothing()
{
    SyncRig rig(m_playbook, m_deck);
    QVERIFY(signIn(rig));
    QVERIFY(rig.waitSynced());
    // Every POST /events answer is lost three times over (more than Qt's own
    // reconnect attempts), each after the server committed the batch.
    QList<int> storedWhenLost;
    m_server.proxy().onAnswerDropped
        = [&](const QByteArray &) { storedWhenLost.append(serverEventIds(m_server.api()).size()); };
    m_server.proxy().dropAnswers(3, "POST /api/v1/events");
    const QString callId = rig.playCall();
    QVERIFY(rig.waitSynced());
    const QStringList local = rig.localEventIds();
    QCOMPARE(m_server.proxy().answersDropped(), 3);
    QVERIFY2(storedWhenLost.constFirst() > 0, "the server had not committed when the answer was lost");
    QCOMPARE(storedWhenLost.constFirst(), storedWhenLost.constLast()); // the resends added nothing
    QCOMPARE(sorted(serverEventIds(m_server.api(), callId)), sorted(local));
    QCOMPARE(
        serverValue(m_server.api(), u"SELECT event_count FROM calls WHERE id = ?"_s, { callId }).toInt(), local.size());
    QCOMPARE(serverValue(m_server.api(), u"SELECT count(*) FROM calls"_s).toInt(), 1);
    QCOMPARE(serverValue(m_server.api(), u"SELECT count(*) FROM prospects"_s).toInt(), 1);
    QCOMPARE(rig.outboxCount(), 0);
}

void TestSyncEngine::refusedEventIsShownAndKept()
{
    SyncRig rig(m_playbook, m_deck);
    QVERIFY(signIn(rig));
    const QString callId = rig.playCall(6);
    QVERIFY(rig.waitSynced());

    // An event the server's reducer will not take (a field the playbook does
    // not have), as an older app version or a damaged file might hold.
    CallEvent bogus;
    bogus.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    bogus.callId = callId;
    bogus.deviceId = rig.call->state().lastSeqByDevice.constBegin().key();
    bogus.seq = rig.call->state().lastSeqByDevice.constBegin().value() + 1;
    bogus.at = rig.clock.nowMs();
    bogus.actor = u"agent"_s;
    bogus.type = EventType::FieldSet;
    bogus.payload = QJsonObject { { u"fieldId"_s, u"noSuchField"_s }, { u"value"_s, 3 } };
    QVERIFY(!rig.events->append({ bogus }));
    QSignalSpy refusedChanged(rig.engine.get(), &SyncEngine::refusedChanged);
    rig.engine->localChanged();
    QVERIFY(refusedChanged.wait(10000));
    QVERIFY(rig.waitSynced());

    QCOMPARE(rig.engine->status().refused, 1);
    const QList<RefusedEvent> refused = rig.refused->list().value();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.constFirst().eventId, bogus.id);
    QCOMPARE(refused.constFirst().code, u"field.unknown"_s);
    QVERIFY(!refused.constFirst().message.isEmpty());
    QCOMPARE(refused.constFirst().prospectName, u"Prospect 1"_s);
    QCOMPARE(rig.outboxCount(), 1); // kept, in the outbox
    QVERIFY(!serverEventIds(m_server.api()).contains(bogus.id));

    // The call goes on; its later events are not held up by the refused one.
    QVERIFY(rig.playSteps(-1));
    QVERIFY(QTest::qWaitFor([&] { return rig.outboxCount() == 1 && !rig.engine->isBusy(); }, 20000));
    QVERIFY(rig.waitSynced());
    QCOMPARE(serverEventIds(m_server.api(), callId).size(), rig.localEventIds().size() - 1);

    // Sent again: refused again, still kept.
    QVERIFY(!rig.engine->sendRefusedAgain({ bogus.id }));
    QCOMPARE(rig.engine->status().refused, 0);
    QVERIFY(QTest::qWaitFor([&] { return rig.engine->status().refused == 1; }, 10000));
    QCOMPARE(rig.outboxCount(), 1);
    // Kept on this computer only: out of the outbox, still stored.
    QVERIFY(!rig.engine->keepRefusedLocalOnly({ bogus.id }));
    QCOMPARE(rig.engine->status().refused, 0);
    QCOMPARE(rig.outboxCount(), 0);
    QVERIFY(rig.localEventIds().contains(bogus.id));
}

void TestSyncEngine::deadTokenAsksToSignInAgainAndLosesNothing()
{
    SyncRig rig(m_playbook, m_deck);
    QVERIFY(signIn(rig));
    const QString callId = rig.playCall(20);
    QVERIFY(rig.waitSynced());
    const int before = int(serverEventIds(m_server.api()).size());

    m_server.api().clock().advance(3LL * 3600 * 1000); // past the idle timeout
    QVERIFY(rig.playSteps(10)); // the agent goes on with the call
    QVERIFY(QTest::qWaitFor([&] { return rig.account->state() == Account::State::SessionEnded; }, 10000));
    QVERIFY(!rig.account->sessionEndedReason().isEmpty());
    QCOMPARE(rig.engine->status().state, SyncStatus::State::Stopped);
    QVERIFY(!rig.engine->isRunning());
    QCOMPARE(rig.memoryTokens.count(), 0); // the dead token is gone
    QCOMPARE(rig.outboxCount(), rig.localEventIds().size() - before);
    QCOMPARE(int(serverEventIds(m_server.api()).size()), before);

    // Signed out, the call goes on and everything stays here.
    QVERIFY(rig.playSteps(-1));
    QTest::qWait(200);
    QCOMPARE(rig.outboxCount(), rig.localEventIds().size() - before);
    QCOMPARE(rig.account->state(), Account::State::SessionEnded);
    QVERIFY(signIn(rig));
    QVERIFY2(rig.waitSynced(), serverErrors(m_server.api()).constData());
    QCOMPARE(sorted(serverEventIds(m_server.api(), callId)), sorted(rig.localEventIds()));
    QCOMPARE(rig.outboxCount(), 0);
}

void TestSyncEngine::prospectsAndPlaybookArePulledForOffline()
{
    const QString token = m_server.api().signIn(m_server.agent());
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const ApiReply created = m_server.api().put(u"/api/v1/prospects/"_s + id,
        QJsonObject { { u"name"_s, u"Grace Server"_s }, { u"company"_s, u"Pulled Ltd"_s }, { u"client_count"_s, 777 },
            { u"pain_points"_s, u"One\nTwo"_s }, { u"revenue_volatility_percent"_s, 9.5 },
            { u"zoom_link"_s, u"https://zoom.us/j/42"_s } },
        token);
    QVERIFY2(created.status == 201 || created.status == 200, created.body.constData());

    SyncRig rig(m_playbook, m_deck);
    QVERIFY(!rig.playbookCache->hasPlaybook());
    QSignalSpy pulled(rig.engine.get(), &SyncEngine::prospectsPulled);
    QVERIFY(signIn(rig));
    QVERIFY(rig.waitSynced());
    QCOMPARE(pulled.size(), 1);
    const Prospect grace = rig.prospects->get(id).value();
    QCOMPARE(grace.name, u"Grace Server"_s);
    QCOMPARE(grace.clientCount, 777);
    QCOMPARE(grace.painPoints, u"One\nTwo"_s);
    QCOMPARE(rig.outbox->pendingCount().value(), 0); // not pushed back

    QVERIFY(rig.playbookCache->hasPlaybook());
    QVERIFY(!rig.playbookCache->etag().isEmpty());
    const Validated<Playbook> cached = rig.playbookCache->load();
    QVERIFY2(cached.ok(), qPrintable(cached.messages().join(u'\n')));
    QCOMPARE(cached.value->id, m_playbook.id);

    // Unchanged: 304, the cache stays as it is.
    const QByteArray etag = rig.playbookCache->etag();
    QSignalSpy playbookPulled(rig.engine.get(), &SyncEngine::playbookPulled);
    rig.engine->syncNow();
    QVERIFY(rig.waitSynced());
    QCOMPARE(playbookPulled.size(), 0);
    QCOMPARE(rig.playbookCache->etag(), etag);

    // A call with the pulled prospect pushes the call, not the prospect.
    QVERIFY(rig.launcher->start(grace));
    QVERIFY(rig.playSteps(5));
    QVERIFY(rig.waitSynced());
    QCOMPARE(serverValue(m_server.api(), u"SELECT count(*) FROM prospects"_s).toInt(), 1);
    QCOMPARE(serverValue(m_server.api(), u"SELECT prospect_id FROM calls"_s).toString(), id);
}

void TestSyncEngine::survivesARestartMidway()
{
    QTemporaryDir data;
    QString callId;
    QStringList local;
    {
        SyncRig first(m_playbook, m_deck, SyncRig::Options { data.path() });
        QVERIFY(signIn(first));
        QVERIFY(first.waitSynced());
        m_server.proxy().goDown();
        callId = first.playCall();
        QVERIFY(first.waitState(SyncStatus::State::Offline));
        local = first.localEventIds();
    } // the app quits offline
    QVERIFY(m_server.proxy().goUp());
    SyncRig second(m_playbook, m_deck, SyncRig::Options { data.path() });
    QCOMPARE(second.outboxCount(), local.size());
    QVERIFY(signIn(second)); // the in-memory token store is new
    QVERIFY(second.waitSynced());
    QCOMPARE(sorted(serverEventIds(m_server.api(), callId)), sorted(local));
}

void TestSyncEngine::neverTwoRequestsAtOnce()
{
    SyncRig rig(m_playbook, m_deck);
    QVERIFY(signIn(rig));
    rig.playCall(10);
    for (int i = 0; i < 40; ++i) {
        rig.engine->syncNow();
        rig.engine->localChanged();
        QTest::qWait(1);
        QVERIFY(rig.playSteps(2));
    }
    QVERIFY(rig.playSteps(-1));
    QVERIFY2(rig.waitSynced(), serverErrors(m_server.api()).constData());
    QCOMPARE(rig.maxInFlight, 1);
    QCOMPARE(sorted(serverEventIds(m_server.api())), sorted(rig.localEventIds()));
}

// An agent makes one call after another on the same desktop. The core
// engine (CallSession) numbers seq per call and device, starting at 1 in
// every call; the server (callingest.cpp, UNIQUE (org_id, device_id, seq))
// wants seq unique per device across calls and refuses the second call's
// events as event.seq_taken. One side has to change; until then this fails.
void TestSyncEngine::secondCallFromTheSameDesktopIsAccepted()
{
    SyncRig rig(m_playbook, m_deck);
    QVERIFY(signIn(rig));
    const QString first = rig.playCall();
    const QString second = rig.playCall();
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QVERIFY2(QTest::qWaitFor([&] { return rig.engine->isSettled() && rig.engine->status().pending == 0; }, 20000)
            || rig.waitSynced(1),
        serverErrors(m_server.api()).constData());
    const QList<RefusedEvent> refused = rig.refused->list().value();
    QVERIFY2(refused.isEmpty(),
        qPrintable(u"%1 refused, first: %2 %3"_s.arg(refused.size())
                       .arg(refused.isEmpty() ? QString() : refused.constFirst().code,
                           refused.isEmpty() ? QString() : refused.constFirst().message)));
    QCOMPARE(sorted(serverEventIds(m_server.api())), sorted(rig.localEventIds()));
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
