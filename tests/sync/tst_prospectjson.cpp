// Prospects as the server's API writes them: what a PUT sends (never the
// server's own fields), and what a pulled prospect may look like.
#include "client/sync/prospectjson.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;

namespace {

QJsonObject serverProspect()
{
    return QJsonObject { { u"id"_s, u"6f1c2b1e-8f7d-4a51-9a5e-1c2d3e4f5a6b"_s }, { u"name"_s, u"Dana Whitfield"_s },
        { u"company"_s, u"Whitfield Coaching Co."_s }, { u"client_count"_s, 620 },
        { u"pain_points"_s, u"Two launches a year\nBurn-out"_s }, { u"revenue_volatility_percent"_s, 18.5 },
        { u"zoom_link"_s, u"https://zoom.us/j/1"_s }, { u"owner_user_id"_s, u"u1"_s },
        { u"created_at"_s, 1795000000000LL }, { u"updated_at"_s, 1795000000500LL } };
}

} // namespace

class TestProspectJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void putBodyCarriesOnlyWhatTheAgentOwns()
    {
        Prospect prospect;
        prospect.id = u"p1"_s;
        prospect.name = u"Dana"_s;
        prospect.company = u"Whitfield"_s;
        prospect.painPoints = u"a\nb"_s;
        prospect.zoomLink = u"https://zoom.us/j/1"_s;
        prospect.createdAt = 5;
        prospect.updatedAt = 6;
        const QJsonObject body = ProspectJson::toPutBody(prospect);
        QCOMPARE(body.keys(),
            (QStringList { u"client_count"_s, u"company"_s, u"name"_s, u"pain_points"_s,
                u"revenue_volatility_percent"_s, u"zoom_link"_s }));
        QVERIFY(body.value(u"client_count"_s).isNull());
        QVERIFY(body.value(u"revenue_volatility_percent"_s).isNull());
        prospect.clientCount = 620;
        prospect.revenueVolatilityPercent = 12.5;
        const QJsonObject known = ProspectJson::toPutBody(prospect);
        QCOMPARE(known.value(u"client_count"_s).toInt(), 620);
        QCOMPARE(known.value(u"revenue_volatility_percent"_s).toDouble(), 12.5);
        QCOMPARE(known.value(u"pain_points"_s).toString(), u"a\nb"_s);
    }

    void readsAServerProspect()
    {
        const Result<Prospect> read = ProspectJson::fromJson(serverProspect());
        QVERIFY(read.ok());
        const Prospect &prospect = read.value();
        QCOMPARE(prospect.name, u"Dana Whitfield"_s);
        QCOMPARE(prospect.clientCount, 620);
        QCOMPARE(prospect.revenueVolatilityPercent, 18.5);
        QCOMPARE(prospect.painPoints, u"Two launches a year\nBurn-out"_s);
        QCOMPARE(prospect.createdAt, 1795000000000);
        QCOMPARE(prospect.updatedAt, 1795000000500);
    }

    void unknownNumbersAreNull()
    {
        QJsonObject json = serverProspect();
        json.insert(u"client_count"_s, QJsonValue::Null);
        json.insert(u"revenue_volatility_percent"_s, QJsonValue::Null);
        const Result<Prospect> read = ProspectJson::fromJson(json);
        QVERIFY(read.ok());
        QVERIFY(!read.value().clientCount);
        QVERIFY(!read.value().revenueVolatilityPercent);
    }

    void refusesWhatCannotBeAProspect_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("no id") << u"id"_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("number id") << u"id"_s << QJsonValue(5);
        QTest::newRow("empty name") << u"name"_s << QJsonValue(u"  "_s);
        QTest::newRow("name not text") << u"name"_s << QJsonValue(true);
        QTest::newRow("company not text") << u"company"_s << QJsonValue(3);
        QTest::newRow("negative clients") << u"client_count"_s << QJsonValue(-1);
        QTest::newRow("fractional clients") << u"client_count"_s << QJsonValue(1.5);
        QTest::newRow("clients as text") << u"client_count"_s << QJsonValue(u"620"_s);
        QTest::newRow("negative volatility") << u"revenue_volatility_percent"_s << QJsonValue(-3);
        QTest::newRow("no update time") << u"updated_at"_s << QJsonValue(QJsonValue::Undefined);
    }

    void refusesWhatCannotBeAProspect()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QJsonObject json = serverProspect();
        if (value.isUndefined())
            json.remove(key);
        else
            json.insert(key, value);
        const Result<Prospect> read = ProspectJson::fromJson(json);
        QVERIFY(!read.ok());
        QCOMPARE(read.refusal().code, u"sync.bad_prospect"_s);
    }
};

QTEST_GUILESS_MAIN(TestProspectJson)
#include "tst_prospectjson.moc"
