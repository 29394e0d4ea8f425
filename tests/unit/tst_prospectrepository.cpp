#include "client/store/demoprospects.h"
#include "client/store/localstore.h"
#include "client/store/prospectrepository.h"
#include "client/store/writefaults.h"
#include "fakeclock.h"
#include "sequentialids.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;

namespace {

Prospect prospect(const QString &name, const QString &company, std::optional<int> clients = std::nullopt)
{
    Prospect p;
    p.name = name;
    p.company = company;
    p.clientCount = clients;
    return p;
}

QStringList namesOf(const QList<Prospect> &prospects)
{
    QStringList names;
    for (const Prospect &p : prospects)
        names.append(p.name);
    return names;
}

} // namespace

Q_DECLARE_METATYPE(callos::client::Prospect)

class TestProspectRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    WriteFaults m_faults;
    std::unique_ptr<LocalStore> m_store;
    test::FakeClock m_clock;
    test::SequentialIds m_ids;

    ProspectRepository repository() { return ProspectRepository(*m_store, m_clock, m_ids); }

private Q_SLOTS:
    void init()
    {
        m_store.reset();
        m_faults = WriteFaults();
        const QString path = m_dir.filePath(u"%1-%2.sqlite"_s.arg(
            QString::fromLatin1(QTest::currentTestFunction()), QString::fromLatin1(QTest::currentDataTag())));
        auto opened = LocalStore::open(path, &m_faults);
        QVERIFY(opened);
        m_store = std::move(opened).value();
    }

    void cleanup() { m_store.reset(); }

    void saveInsertsThenGetReturnsIt()
    {
        ProspectRepository prospects = repository();
        Prospect dana = prospect(u"  Dana Whitfield "_s, u"Whitfield Coaching Co."_s, 620);
        dana.painPoints = u"Revenue rides on two launches a year\nCoaches burn out"_s;
        dana.revenueVolatilityPercent = 18.5;
        dana.zoomLink = u"https://zoom.us/j/81234567801"_s;
        const auto saved = prospects.save(dana);
        QVERIFY(saved);
        QCOMPARE(saved.value().id, u"id-1"_s);
        QCOMPARE(saved.value().name, u"Dana Whitfield"_s); // trimmed
        QCOMPARE(saved.value().createdAt, m_clock.nowMs());
        QCOMPARE(saved.value().updatedAt, m_clock.nowMs());

        const auto stored = prospects.get(u"id-1"_s);
        QVERIFY(stored);
        QCOMPARE(stored.value(), saved.value());
        QCOMPARE(stored.value().clientCount, std::optional<int>(620));
        QCOMPARE(stored.value().revenueVolatilityPercent, std::optional<double>(18.5));

        // Unknown facts stay unknown.
        const auto vague = prospects.save(prospect(u"Sam"_s, QString()));
        QVERIFY(vague);
        QVERIFY(!prospects.get(vague.value().id).value().clientCount);
        QVERIFY(!prospects.get(vague.value().id).value().revenueVolatilityPercent);
    }

    void saveWithAnIdUpdatesAndKeepsTheCreationTime()
    {
        ProspectRepository prospects = repository();
        const Prospect first = prospects.save(prospect(u"Aiko Tanaka"_s, u"Clearpath"_s, 145)).value();
        m_clock.advanceMinutes(10);
        Prospect edited = first;
        edited.clientCount = 160;
        edited.company = u"Clearpath Career Coaching"_s;
        edited.createdAt = 0; // what a form would send
        const Prospect saved = prospects.save(edited).value();
        QCOMPARE(saved.id, first.id);
        QCOMPARE(saved.createdAt, first.createdAt);
        QCOMPARE(saved.updatedAt, first.createdAt + 600000);
        QCOMPARE(prospects.get(first.id).value(), saved);
        QCOMPARE(prospects.list().value().size(), 1);

        // A given id that is not stored yet is inserted under that id.
        Prospect imported = prospect(u"Imported"_s, QString());
        imported.id = u"crm-42"_s;
        QCOMPARE(prospects.save(imported).value().id, u"crm-42"_s);
        QCOMPARE(prospects.get(u"crm-42"_s).value().name, u"Imported"_s);
    }

    void getUnknown()
    {
        const auto missing = repository().get(u"ghost"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.refusal().code, u"store.not_found"_s);
        QVERIFY(missing.refusal().message.contains(u"ghost"_s));
    }

    void listIsByNameAndSearches()
    {
        ProspectRepository prospects = repository();
        QVERIFY(prospects.list().value().isEmpty());
        for (const Prospect &p : { prospect(u"tomás Herrera"_s, u"Summit Sales Mastery"_s),
                 prospect(u"Dana Whitfield"_s, u"Whitfield Coaching Co."_s),
                 prospect(u"Marcus Oyelaran"_s, u"Northbridge Executive Advisory"_s),
                 prospect(u"Björn Müller"_s, u"Müller 100% Coaching_Group"_s) })
            QVERIFY(prospects.save(p));

        QCOMPARE(namesOf(prospects.list().value()),
            (QStringList { u"Björn Müller"_s, u"Dana Whitfield"_s, u"Marcus Oyelaran"_s, u"tomás Herrera"_s }));
        QCOMPARE(
            namesOf(prospects.list(QString(), 2).value()), (QStringList { u"Björn Müller"_s, u"Dana Whitfield"_s }));
        QCOMPARE(namesOf(prospects.list(u"whit"_s).value()), QStringList { u"Dana Whitfield"_s });
        QCOMPARE(namesOf(prospects.list(u"  ADVISORY "_s).value()), QStringList { u"Marcus Oyelaran"_s });
        QCOMPARE(namesOf(prospects.list(u"TOMÁS"_s).value()), QStringList { u"tomás Herrera"_s });
        QCOMPARE(namesOf(prospects.list(u"müller"_s).value()), QStringList { u"Björn Müller"_s });
        // Search text is text, not a LIKE pattern.
        QCOMPARE(namesOf(prospects.list(u"100%"_s).value()), QStringList { u"Björn Müller"_s });
        QCOMPARE(namesOf(prospects.list(u"_"_s).value()), QStringList { u"Björn Müller"_s });
        QCOMPARE(namesOf(prospects.list(u"co"_s, 2).value()), (QStringList { u"Björn Müller"_s, u"Dana Whitfield"_s }));
        QVERIFY(prospects.list(u"nobody"_s).value().isEmpty());
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<Prospect>("input");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no name") << prospect(u"   "_s, u"Acme"_s) << u"needs a name"_s;
        QTest::newRow("negative clients") << prospect(u"Ann"_s, QString(), -1) << u"client count of Ann"_s;
        Prospect volatile_ = prospect(u"Ann"_s, QString());
        volatile_.revenueVolatilityPercent = -5;
        QTest::newRow("negative volatility") << volatile_ << u"revenue volatility of Ann"_s;
        volatile_.revenueVolatilityPercent = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("nan volatility") << volatile_ << u"revenue volatility of Ann"_s;
        Prospect link = prospect(u"Ann"_s, QString());
        link.zoomLink = u"zoom.us/j/123"_s;
        QTest::newRow("link without scheme") << link << u"Zoom link of Ann"_s;
        link.zoomLink = u"javascript:alert(1)"_s;
        QTest::newRow("not a web link") << link << u"Zoom link of Ann"_s;
    }

    void badInputIsRefused()
    {
        QFETCH(Prospect, input);
        QFETCH(QString, fragment);
        ProspectRepository prospects = repository();
        const int writes = m_faults.writes();
        const auto refused = prospects.save(input);
        QVERIFY(!refused);
        QCOMPARE(refused.refusal().code, u"store.invalid_prospect"_s);
        QVERIFY2(refused.refusal().message.contains(fragment), qPrintable(refused.refusal().message));
        QCOMPARE(m_faults.writes(), writes);
        QVERIFY(prospects.list().value().isEmpty());
    }

    void seedsTheDemoProspectsOnce()
    {
        ProspectRepository prospects = repository();
        const auto seeded = prospects.seedDemoIfEmpty();
        QVERIFY(seeded);
        QCOMPARE(seeded.value(), 8);
        const QList<Prospect> demo = prospects.list().value();
        QCOMPARE(demo.size(), 8);
        int below = 0;
        int above = 0;
        for (const Prospect &p : demo) {
            QVERIFY(!p.id.isEmpty());
            QVERIFY(!p.company.isEmpty());
            QVERIFY(!p.painPoints.isEmpty());
            QVERIFY(p.zoomLink.startsWith(u"https://"_s));
            QCOMPARE(p.createdAt, m_clock.nowMs());
            QVERIFY(p.clientCount);
            (*p.clientCount < 500 ? below : above) += 1;
        }
        QVERIFY(below >= 2); // the advisory-only path can be tried
        QVERIFY(above >= 4);

        QCOMPARE(prospects.seedDemoIfEmpty().value(), 0);
        QCOMPARE(prospects.list().value(), demo);

        // Reopening the file (a second start of the app) seeds nothing either.
        const QString path = m_store->path();
        m_store.reset();
        m_store = std::move(LocalStore::open(path)).value();
        ProspectRepository again(*m_store, m_clock, m_ids);
        QCOMPARE(again.seedDemoIfEmpty().value(), 0);
        QCOMPARE(again.list().value(), demo);
    }

    void noSeedWhenTheAgentAlreadyHasProspects()
    {
        ProspectRepository prospects = repository();
        QVERIFY(prospects.save(prospect(u"Real Customer"_s, u"Real Co"_s)));
        QCOMPARE(prospects.seedDemoIfEmpty().value(), 0);
        QCOMPARE(namesOf(prospects.list().value()), QStringList { u"Real Customer"_s });
    }

    void aFailedSeedLeavesNoHalfOfIt()
    {
        ProspectRepository prospects = repository();
        m_faults.failWrite(m_faults.writes() + 5);
        const auto refused = prospects.seedDemoIfEmpty();
        QVERIFY(!refused);
        QCOMPARE(refused.refusal().code, u"store.write_failed"_s);
        QVERIFY2(refused.refusal().message.contains(u"demo prospects"_s), qPrintable(refused.refusal().message));
        QVERIFY(prospects.list().value().isEmpty());
        QCOMPARE(prospects.seedDemoIfEmpty().value(), int(DemoProspects::all().size()));
    }

    void aFailedUpdateKeepsTheOldValues()
    {
        ProspectRepository prospects = repository();
        const Prospect stored = prospects.save(prospect(u"Dana"_s, u"Old Co"_s, 620)).value();
        Prospect edited = stored;
        edited.company = u"New Co"_s;
        m_faults.failNextWrite();
        const auto refused = prospects.save(edited);
        QVERIFY(!refused);
        QVERIFY2(refused.refusal().message.contains(u"Saving prospect Dana failed"_s)
                && refused.refusal().message.contains(QDir::toNativeSeparators(m_store->path())),
            qPrintable(refused.refusal().message));
        QCOMPARE(prospects.get(stored.id).value(), stored);
        QVERIFY(prospects.save(edited));
        QCOMPARE(prospects.get(stored.id).value().company, u"New Co"_s);
    }
};

QTEST_GUILESS_MAIN(TestProspectRepository)
#include "tst_prospectrepository.moc"
