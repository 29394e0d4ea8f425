// Events the server refused: kept with the server's reason, shown with the
// call's prospect, and out of the outbox only when the agent says so.
#include "client/sync/refusedevents.h"
#include "storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;

class TestRefusedEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheReasonAndShowsTheProspect()
    {
        test::StoreFixture f;
        RefusedEvents refused(*f.store);
        const QString call = f.addCall(f.addProspect(u"Dana Whitfield"_s));
        const QStringList ids = f.addEvents(call, 3);
        QCOMPARE(refused.count().value(), 0);
        QVERIFY(!refused.record({ { ids.at(2), u"call.completed"_s, u"The call is already completed."_s },
                                    { ids.at(0), u"field.unknown"_s, u"There is no field churn."_s } },
            1234));
        QCOMPARE(refused.count().value(), 2);
        const QList<RefusedEvent> list = refused.list().value();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).eventId, ids.at(0)); // in the order they happened
        QCOMPARE(list.at(0).code, u"field.unknown"_s);
        QCOMPARE(list.at(0).message, u"There is no field churn."_s);
        QCOMPARE(list.at(0).prospectName, u"Dana Whitfield"_s);
        QCOMPARE(list.at(0).type, EventType::NoteEdited);
        QCOMPARE(list.at(0).callId, call);
        QCOMPARE(list.at(0).refusedAt, 1234);
        QCOMPARE(list.at(1).eventId, ids.at(2));
        // A second refusal of the same event updates its reason.
        QVERIFY(!refused.record({ { ids.at(0), u"field.invalid"_s, u"Out of bounds."_s } }, 2000));
        QCOMPARE(refused.count().value(), 2);
        QCOMPARE(refused.list().value().at(0).code, u"field.invalid"_s);
    }

    void acknowledgedEventsAreNotRecorded()
    {
        test::StoreFixture f;
        RefusedEvents refused(*f.store);
        const QStringList ids = f.addEvents(f.addCall(f.addProspect(u"Dana"_s)), 2);
        QVERIFY(!f.events->markAcknowledged({ ids.at(0) }, 5));
        QVERIFY(!refused.record({ { ids.at(0), u"x"_s, u"y"_s }, { u"no-such-event"_s, u"x"_s, u"y"_s } }, 6));
        QCOMPARE(refused.count().value(), 0);
    }

    void sendAgainPutsThemBackInTheQueue()
    {
        test::StoreFixture f;
        RefusedEvents refused(*f.store);
        const QStringList ids = f.addEvents(f.addCall(f.addProspect(u"Dana"_s)), 2);
        QVERIFY(!refused.record({ { ids.at(0), u"x"_s, u"y"_s }, { ids.at(1), u"x"_s, u"y"_s } }, 6));
        QVERIFY(!refused.sendAgain({ ids.at(1) }));
        QCOMPARE(refused.count().value(), 1);
        QCOMPARE(refused.list().value().constFirst().eventId, ids.at(0));
        QCOMPARE(f.events->unacknowledgedCount().value(), 2);
    }

    void keepLocalOnlyTakesThemOutOfTheOutboxAndKeepsTheEvent()
    {
        test::StoreFixture f;
        RefusedEvents refused(*f.store);
        const QString call = f.addCall(f.addProspect(u"Dana"_s));
        const QStringList ids = f.addEvents(call, 3);
        QVERIFY(!refused.record({ { ids.at(1), u"x"_s, u"y"_s } }, 6));
        // Only refused events can be kept back: the others stay in the outbox.
        QVERIFY(!refused.keepLocalOnly({ ids.at(0), ids.at(1) }, 7));
        QCOMPARE(refused.count().value(), 0);
        QCOMPARE(f.events->unacknowledgedCount().value(), 2);
        QCOMPARE(f.events->events(call).value().size(), 3); // nothing deleted
        // The decision survives a restart; the reason is still on record.
        f.open();
        RefusedEvents reopened(*f.store);
        QCOMPARE(reopened.count().value(), 0);
        QSqlQuery query(f.store->database());
        QVERIFY(query.exec(u"SELECT code, dismissed_at FROM sync_refused_events"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"x"_s);
        QCOMPARE(query.value(1).toLongLong(), 7);
    }

    void aFailedWriteChangesNothing()
    {
        test::StoreFixture f;
        WriteFaults faults;
        f.store.reset();
        auto opened = LocalStore::open(f.dir.filePath(u"callos.sqlite"_s), &faults);
        QVERIFY(opened);
        f.store = std::move(opened).value();
        f.prospects = std::make_unique<ProspectRepository>(*f.store, f.clock, f.ids);
        f.calls = std::make_unique<CallRepository>(*f.store);
        f.events = std::make_unique<CallEventStore>(*f.store);
        RefusedEvents refused(*f.store);
        const QStringList ids = f.addEvents(f.addCall(f.addProspect(u"Dana"_s)), 2);
        faults.failWrite(faults.writes() + 2); // the second insert
        const auto refusal = refused.record({ { ids.at(0), u"x"_s, u"y"_s }, { ids.at(1), u"x"_s, u"y"_s } }, 6);
        QVERIFY(refusal);
        QCOMPARE(refusal->code, u"store.write_failed"_s);
        QCOMPARE(refused.count().value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRefusedEvents)
#include "tst_refusedevents.moc"
