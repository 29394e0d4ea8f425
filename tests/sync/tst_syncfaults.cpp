// 10,000 events pushed through a line that drops at random: some requests
// never reach the server, some answers never come back after the server
// committed. The sync must converge with exactly the same events on both
// sides: none lost, none twice.
#include "serverlook.h"
#include "syncrig.h"
#include "syncserver.h"
#include "testpaths.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;
using namespace callos::test;

class TestSyncFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenThousandEventsThroughRandomDisconnects();

private:
    Playbook m_playbook = loadDefaultPlaybook();
    Deck m_deck = loadDefaultDeck(m_playbook);
};

void TestSyncFaults::tenThousandEventsThroughRandomDisconnects()
{
    SyncServer loopback;
    QVERIFY2(loopback.start(), qPrintable(loopback.why()));
    ApiHarness &api = loopback.api();
    TcpProxy &proxy = loopback.proxy();

    SyncRig rig(m_playbook, m_deck);
    QVERIFY(rig.signIn(loopback.url(), loopback.agent().email, loopback.agent().password));
    QVERIFY(rig.waitSynced());

    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("random drops with seed %u", seed);
    proxy.setRandomDrops(0.12, 0.12, seed);

    // A long call: the scripted call's first steps, then note edits (as a
    // debounced notes box makes them) while the sync runs alongside, then
    // the rest of the call.
    constexpr int kEvents = 10000;
    const QString callId = rig.playCall(12);
    QVERIFY(!callId.isEmpty());
    const QString milestone = m_playbook.milestones.at(rig.call->state().current).id;
    QElapsedTimer made;
    made.start();
    int note = 0;
    while (rig.call->state().eventCount < kEvents) {
        const QString text = u"Note %1: referrals drive growth"_s.arg(++note);
        const auto outcome = rig.call->act([&](CallSession &s) { return s.editNote(milestone, text); });
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.refusal().message));
        if (note % 250 == 0)
            QTest::qWait(2); // let the sync push while the agent types
    }
    QVERIFY(rig.playSteps(-1));
    qInfo("made %d events in %lld ms", int(rig.localEventIds().size()), made.elapsed());

    QElapsedTimer synced;
    synced.start();
    QVERIFY2(rig.waitSynced(240000), serverErrors(api).constData());
    const QStringList local = rig.localEventIds();
    qInfo("converged %lld ms after the last event: %d requests forwarded, %d cut before the server, %d answers "
          "lost after it",
        synced.elapsed(), proxy.requestsForwarded(), proxy.requestsCut(), proxy.answersDropped());

    QVERIFY(local.size() >= kEvents);
    QVERIFY(proxy.requestsCut() > 0);
    QVERIFY(proxy.answersDropped() > 0);
    QStringList server = serverEventIds(api);
    QStringList mine = local;
    server.sort();
    mine.sort();
    QCOMPARE(server.size(), mine.size());
    QVERIFY(server == mine);
    QCOMPARE(serverValue(api, u"SELECT event_count FROM calls WHERE id = ?"_s, { callId }).toInt(), local.size());
    QCOMPARE(serverValue(api, u"SELECT status FROM calls WHERE id = ?"_s, { callId }).toString(), u"completed"_s);
    QCOMPARE(rig.outboxCount(), 0);
    QCOMPARE(rig.refused->count().value(), 0);
    QCOMPARE(rig.maxInFlight, 1);
}

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
