// Server addresses as agents type them, turned into the base URL the API
// client uses; anything that is not a server address is refused in words.
#include "client/account/serveraddress.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos::client;

class TestServerAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare host is https") << u"callos.acme.com"_s << u"https://callos.acme.com"_s;
        QTest::newRow("trailing slash") << u"https://callos.acme.com/"_s << u"https://callos.acme.com"_s;
        QTest::newRow("blanks") << u"  https://callos.acme.com  "_s << u"https://callos.acme.com"_s;
        QTest::newRow("loopback is http") << u"127.0.0.1:8080"_s << u"http://127.0.0.1:8080"_s;
        QTest::newRow("localhost is http") << u"localhost:8080"_s << u"http://localhost:8080"_s;
        QTest::newRow("explicit http") << u"http://10.0.0.5:8080"_s << u"http://10.0.0.5:8080"_s;
        QTest::newRow("api path pasted") << u"https://acme.com/callos/api/v1/"_s << u"https://acme.com/callos"_s;
        QTest::newRow("prefix kept") << u"https://acme.com/callos"_s << u"https://acme.com/callos"_s;
        QTest::newRow("query dropped") << u"https://acme.com/?x=1#top"_s << u"https://acme.com"_s;
        QTest::newRow("upper-case scheme") << u"HTTPS://acme.com"_s << u"https://acme.com"_s;
    }

    void accepts()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const auto parsed = ServerAddress::parse(typed);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.refusal().message));
        QCOMPARE(ServerAddress::display(parsed.value()), expected);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("inMessage");
        QTest::newRow("empty") << QString() << u"Enter the address"_s;
        QTest::newRow("blank") << u"   "_s << u"Enter the address"_s;
        QTest::newRow("ftp") << u"ftp://acme.com"_s << u"ftp://"_s;
        QTest::newRow("no host") << u"https://"_s << u"not a server address"_s;
        QTest::newRow("password in it") << u"https://bob:secret@acme.com"_s << u"Leave the name and password out"_s;
        QTest::newRow("spaces in host") << u"https://ac me.com"_s << u"not a server address"_s;
    }

    void refuses()
    {
        QFETCH(QString, typed);
        QFETCH(QString, inMessage);
        const auto parsed = ServerAddress::parse(typed);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.refusal().code, u"account.invalid_server"_s);
        QVERIFY2(parsed.refusal().message.contains(inMessage), qPrintable(parsed.refusal().message));
        QVERIFY(!parsed.refusal().message.contains(u"secret"_s));
    }
};

QTEST_GUILESS_MAIN(TestServerAddress)
#include "tst_serveraddress.moc"
