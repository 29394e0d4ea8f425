// Prospects pulled from the server: new ones are stored with the server's
// times and count as on the server; an unchanged one takes the server's
// version; a local edit that was not pushed yet wins until it is pushed.
#include "client/sync/prospectcache.h"
#include "client/sync/syncoutbox.h"
#include "storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;

namespace {

Prospect fromServer(const QString &id, const QString &name, qint64 updatedAt)
{
    Prospect prospect;
    prospect.id = id;
    prospect.name = name;
    prospect.company = u"Server Co"_s;
    prospect.clientCount = 900;
    prospect.revenueVolatilityPercent = 11.0;
    prospect.createdAt = 1000;
    prospect.updatedAt = updatedAt;
    return prospect;
}

} // namespace

class TestProspectCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newProspectsAreStoredAndNotPushedBack()
    {
        test::StoreFixture f;
        ProspectCache cache(*f.store);
        SyncOutbox outbox(*f.store);
        const auto merged = cache.merge({ fromServer(u"s1"_s, u"Ada"_s, 5000), fromServer(u"s2"_s, u"Bo"_s, 6000) });
        QVERIFY(merged);
        QCOMPARE(merged.value().changed, 2);
        const Prospect ada = f.prospects->get(u"s1"_s).value();
        QCOMPARE(ada, fromServer(u"s1"_s, u"Ada"_s, 5000));
        QVERIFY(outbox.prospectsToPush().value().isEmpty());
        // A call with a pulled prospect does not push the prospect back.
        f.addCall(ada);
        QVERIFY(outbox.prospectsToPush().value().isEmpty());
        QCOMPARE(outbox.callsToPush().value().size(), 1);
        // Pulling the same again writes nothing.
        QCOMPARE(cache.merge({ fromServer(u"s1"_s, u"Ada"_s, 5000) }).value().changed, 0);
    }

    void serverVersionReplacesAnUnchangedCopy()
    {
        test::StoreFixture f;
        ProspectCache cache(*f.store);
        QVERIFY(cache.merge({ fromServer(u"s1"_s, u"Ada"_s, 5000) }));
        Prospect renamed = fromServer(u"s1"_s, u"Ada Lovelace"_s, 7000);
        renamed.clientCount.reset();
        QCOMPARE(cache.merge({ renamed }).value().changed, 1);
        QCOMPARE(f.prospects->get(u"s1"_s).value(), renamed);
    }

    void unpushedLocalEditWins()
    {
        test::StoreFixture f;
        ProspectCache cache(*f.store);
        SyncOutbox outbox(*f.store);
        QVERIFY(cache.merge({ fromServer(u"s1"_s, u"Ada"_s, 5000) }));
        Prospect edited = f.prospects->get(u"s1"_s).value();
        edited.company = u"Edited here"_s;
        f.clock.advance(100000);
        QVERIFY(f.prospects->save(edited));
        QCOMPARE(cache.merge({ fromServer(u"s1"_s, u"Ada (server)"_s, 9000) }).value().changed, 0);
        QCOMPARE(f.prospects->get(u"s1"_s).value().company, u"Edited here"_s);
        QCOMPARE(outbox.prospectsToPush().value().size(), 1);

        // Once pushed, the server's next version comes in again.
        const Prospect local = f.prospects->get(u"s1"_s).value();
        QVERIFY(!outbox.markProspectPushed(local.id, local.updatedAt));
        QCOMPARE(cache.merge({ fromServer(u"s1"_s, u"Ada (server)"_s, 9500) }).value().changed, 1);
        QCOMPARE(f.prospects->get(u"s1"_s).value().name, u"Ada (server)"_s);
        QVERIFY(outbox.prospectsToPush().value().isEmpty());
    }

    void localProspectWithCallsNeverPushedIsKept()
    {
        test::StoreFixture f;
        ProspectCache cache(*f.store);
        const Prospect local = f.addProspect(u"Local"_s);
        f.addCall(local);
        Prospect sameId = fromServer(local.id, u"Server name"_s, 5000);
        QCOMPARE(cache.merge({ sameId }).value().changed, 0);
        QCOMPARE(f.prospects->get(local.id).value().name, u"Local"_s);
    }

    void valuesTheStoreCannotHoldAreSkipped()
    {
        test::StoreFixture f;
        ProspectCache cache(*f.store);
        Prospect bad = fromServer(u"s9"_s, u"  "_s, 5000);
        const auto merged = cache.merge({ bad, fromServer(u"s1"_s, u"Ada"_s, 5000) });
        QVERIFY(merged);
        QCOMPARE(merged.value().skipped, 1);
        QCOMPARE(merged.value().changed, 1);
    }
};

QTEST_GUILESS_MAIN(TestProspectCache)
#include "tst_prospectcache.moc"
