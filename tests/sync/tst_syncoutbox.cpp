// What the sync pushes, in which order, and what it remembers across a
// restart: prospects with calls (not the untouched demo ones), calls whose
// prospect is on the server, events of pushed calls in append order, in
// batches bounded by count and size; refused events wait for the agent.
#include "client/sync/refusedevents.h"
#include "client/sync/syncoutbox.h"
#include "storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;

namespace {

QStringList idsOf(const QList<EventToPush> &events)
{
    QStringList ids;
    for (const EventToPush &event : events)
        ids.append(event.id);
    return ids;
}

QStringList namesOf(const QList<Prospect> &prospects)
{
    QStringList names;
    for (const Prospect &prospect : prospects)
        names.append(prospect.name);
    return names;
}

} // namespace

class TestSyncOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prospectsWithCallsGoFirstAndDemoOnesStay()
    {
        test::StoreFixture f;
        QCOMPARE(f.prospects->seedDemoIfEmpty().value(), 8);
        SyncOutbox outbox(*f.store);
        QVERIFY(outbox.prospectsToPush().value().isEmpty());
        QCOMPARE(outbox.pendingCount().value(), 0);

        const Prospect dana = f.addProspect(u"Dana"_s);
        const Prospect marcus = f.addProspect(u"Marcus"_s);
        QVERIFY(outbox.prospectsToPush().value().isEmpty()); // no call yet: stays local
        f.addCall(marcus);
        f.addCall(dana);
        QCOMPARE(namesOf(outbox.prospectsToPush().value()), (QStringList { u"Dana"_s, u"Marcus"_s }));
        QCOMPARE(outbox.pendingCount().value(), 4); // 2 prospects, 2 calls

        QVERIFY(!outbox.markProspectPushed(dana.id, dana.updatedAt));
        QCOMPARE(namesOf(outbox.prospectsToPush().value()), (QStringList { u"Marcus"_s }));
        // An edit after the push makes it due again.
        Prospect edited = dana;
        edited.company = u"Dana Coaching"_s;
        f.clock.advance(1000);
        QVERIFY(f.prospects->save(edited));
        QCOMPARE(namesOf(outbox.prospectsToPush().value()), (QStringList { u"Dana"_s, u"Marcus"_s }));
        QCOMPARE(outbox.prospectsToPush().value().constFirst().company, u"Dana Coaching"_s);
    }

    void callsWaitForTheirProspect()
    {
        test::StoreFixture f;
        SyncOutbox outbox(*f.store);
        const Prospect dana = f.addProspect(u"Dana"_s);
        const Prospect marcus = f.addProspect(u"Marcus"_s);
        const QString first = f.addCall(dana);
        const QString second = f.addCall(marcus);
        QVERIFY(outbox.callsToPush().value().isEmpty());
        QVERIFY(!outbox.markProspectPushed(marcus.id, marcus.updatedAt));
        QCOMPARE(outbox.callsToPush().value().size(), 1);
        QCOMPARE(outbox.callsToPush().value().constFirst().id, second);
        QCOMPARE(outbox.callsToPush().value().constFirst().prospectId, marcus.id);
        QVERIFY(!outbox.markProspectPushed(dana.id, dana.updatedAt));
        QCOMPARE(outbox.callsToPush().value().size(), 2);
        QCOMPARE(outbox.callsToPush().value().constFirst().id, first); // started first
        QVERIFY(!outbox.markCallPushed(first, 1));
        QVERIFY(!outbox.markCallPushed(first, 2)); // twice is fine
        QCOMPARE(outbox.callsToPush().value().size(), 1);
    }

    void eventsOfPushedCallsInAppendOrderAndBatches()
    {
        test::StoreFixture f;
        SyncOutbox outbox(*f.store);
        const Prospect dana = f.addProspect(u"Dana"_s);
        const QString pushed = f.addCall(dana);
        const QString later = f.addCall(dana);
        QStringList order = f.addEvents(pushed, 3);
        const QStringList ofLater = f.addEvents(later, 2);
        order += f.addEvents(pushed, 3);
        QVERIFY(outbox.eventsToPush(100, 1 << 20).value().isEmpty()); // no call is on the server yet
        QCOMPARE(outbox.pendingCount().value(), 1 + 2 + 8);

        QVERIFY(!outbox.markProspectPushed(dana.id, dana.updatedAt));
        QVERIFY(!outbox.markCallPushed(pushed, 1));
        QCOMPARE(idsOf(outbox.eventsToPush(100, 1 << 20).value()), order);
        QCOMPARE(idsOf(outbox.eventsToPush(4, 1 << 20).value()), order.mid(0, 4));
        const QList<EventToPush> first = outbox.eventsToPush(4, 1 << 20).value();
        QCOMPARE(first.constFirst().json.value(u"id"_s).toString(), order.constFirst());
        QCOMPARE(first.constFirst().json.value(u"type"_s).toString(), EventType::NoteEdited);
        QCOMPARE(first.constFirst().callId, pushed);

        QVERIFY(!f.events->markAcknowledged(order.mid(0, 4), 5));
        QCOMPARE(idsOf(outbox.eventsToPush(100, 1 << 20).value()), order.mid(4));
        QVERIFY(!outbox.markCallPushed(later, 1));
        QCOMPARE(idsOf(outbox.eventsToPush(100, 1 << 20).value()), ofLater + order.mid(4));
        QCOMPARE(outbox.pendingCount().value(), 4);
    }

    void batchesStayUnderTheByteLimitButNeverStall()
    {
        test::StoreFixture f;
        SyncOutbox outbox(*f.store);
        const Prospect dana = f.addProspect(u"Dana"_s);
        const QString call = f.addCall(dana);
        QVERIFY(!outbox.markProspectPushed(dana.id, dana.updatedAt));
        QVERIFY(!outbox.markCallPushed(call, 1));
        const QStringList big = f.addEvents(call, 10, 20000); // notes at their longest
        const QList<EventToPush> batch = outbox.eventsToPush(200, 50000).value();
        QCOMPARE(batch.size(), 2);
        qsizetype bytes = 0;
        for (const EventToPush &event : batch)
            bytes += event.bytes;
        QVERIFY(bytes <= 50000);
        // One event larger than the limit still goes, alone.
        QCOMPARE(outbox.eventsToPush(200, 100).value().size(), 1);
    }

    void refusedEventsAreNotPushedNorCountedAsPending()
    {
        test::StoreFixture f;
        SyncOutbox outbox(*f.store);
        RefusedEvents refused(*f.store);
        const Prospect dana = f.addProspect(u"Dana"_s);
        const QString call = f.addCall(dana);
        QVERIFY(!outbox.markProspectPushed(dana.id, dana.updatedAt));
        QVERIFY(!outbox.markCallPushed(call, 1));
        const QStringList ids = f.addEvents(call, 3);
        QVERIFY(!refused.record({ { ids.at(1), u"field.unknown"_s, u"No such field."_s } }, 7));
        QCOMPARE(idsOf(outbox.eventsToPush(100, 1 << 20).value()), (QStringList { ids.at(0), ids.at(2) }));
        QCOMPARE(outbox.pendingCount().value(), 2);
        QCOMPARE(f.events->unacknowledgedCount().value(), 3); // still in the outbox
    }

    void survivesARestart()
    {
        test::StoreFixture f;
        const Prospect dana = f.addProspect(u"Dana"_s);
        const QString call = f.addCall(dana);
        const QStringList ids = f.addEvents(call, 5);
        {
            SyncOutbox outbox(*f.store);
            QVERIFY(!outbox.markProspectPushed(dana.id, dana.updatedAt));
            QVERIFY(!outbox.markCallPushed(call, 1));
            QVERIFY(!f.events->markAcknowledged(ids.mid(0, 2), 9));
        }
        f.open(); // the app restarts
        SyncOutbox outbox(*f.store);
        QVERIFY(outbox.prospectsToPush().value().isEmpty());
        QVERIFY(outbox.callsToPush().value().isEmpty());
        QCOMPARE(idsOf(outbox.eventsToPush(100, 1 << 20).value()), ids.mid(2));
    }
};

QTEST_GUILESS_MAIN(TestSyncOutbox)
#include "tst_syncoutbox.moc"
