// PersonalDataMask: what leaves for Claude has no e-mail addresses, phone
// numbers or numbers of 4 or more digits, and keeps the small numbers,
// ranges, prices and times the analysis of a sales call needs.
#include "analysis/personaldatamask.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos::server;

class TestPersonalDataMask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masks_data();
    void masks();
    void keepsWhatTheAnalysisNeeds_data();
    void keepsWhatTheAnalysisNeeds();
    void countsWhatItMasked();
    void masksTheSameTextTheSameWay();
    void aLongRunOfDigitsIsQuick();
};

void TestPersonalDataMask::masks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");

    // E-mail addresses, written and spoken.
    QTest::newRow("email") << u"write to jane.doe@acme.com please"_s << u"write to [email] please"_s;
    QTest::newRow("email plus and subdomains") << u"jane.doe+crm@mail.acme-corp.co.uk."_s << u"[email]."_s;
    QTest::newRow("email with digits") << u"it's max2024@example.de, ok"_s << u"it's [email], ok"_s;
    QTest::newRow("email umlaut") << u"jürgen.müller@firma.de"_s << u"[email]"_s;
    QTest::newRow("email in brackets") << u"(sales@acme.io)"_s << u"([email])"_s;
    QTest::newRow("two emails") << u"a@b.com or c.d@e.org"_s << u"[email] or [email]"_s;
    QTest::newRow("spoken email") << u"it's jane dot doe at acme dot com"_s << u"it's [email]"_s;
    QTest::newRow("spoken email, written domain") << u"mail jane at acme.co dot uk today"_s << u"mail [email] today"_s;
    QTest::newRow("spoken email, German")
        << u"schreiben Sie an max punkt muster at firma punkt de"_s << u"schreiben Sie an [email]"_s;
    QTest::newRow("spoken email after at") << u"contact me at info at acme dot com"_s << u"contact me at [email]"_s;
    QTest::newRow("spoken email, capitals") << u"John At Acme Dot Com"_s << u"[email]"_s;

    // Phone numbers.
    QTest::newRow("international") << u"call +49 30 1234567 tomorrow"_s << u"call [phone] tomorrow"_s;
    QTest::newRow("international compact") << u"+49301234567"_s << u"[phone]"_s;
    QTest::newRow("international (0)") << u"+49 (0)30 1234567"_s << u"[phone]"_s;
    QTest::newRow("international US") << u"+1 (555) 123-4567."_s << u"[phone]."_s;
    QTest::newRow("international UK") << u"+44 20 7946 0958"_s << u"[phone]"_s;
    QTest::newRow("international dashes") << u"+49-171-1234567"_s << u"[phone]"_s;
    QTest::newRow("00 prefix") << u"0049 30 1234567"_s << u"[phone]"_s;
    QTest::newRow("area code in brackets") << u"(555) 123-4567"_s << u"[phone]"_s;
    QTest::newRow("German area code in brackets") << u"(030) 1234567"_s << u"[phone]"_s;
    QTest::newRow("NANP dashes") << u"my cell is 555-123-4567, thanks"_s << u"my cell is [phone], thanks"_s;
    QTest::newRow("NANP dots") << u"555.123.4567"_s << u"[phone]"_s;
    QTest::newRow("NANP spaces") << u"555 123 4567"_s << u"[phone]"_s;
    QTest::newRow("slash") << u"Tel. 030/1234567"_s << u"Tel. [phone]"_s;
    QTest::newRow("trunk and space") << u"030 1234567"_s << u"[phone]"_s;
    QTest::newRow("trunk and pairs") << u"030 123 45 67"_s << u"[phone]"_s;
    QTest::newRow("mobile") << u"0171-1234567"_s << u"[phone]"_s;
    QTest::newRow("phone and time") << u"call 0171 1234567 at 10:30"_s << u"call [phone] at 10:30"_s;

    // Numbers of 4 or more digits, however they are grouped.
    QTest::newRow("four digits") << u"my PIN is 4711"_s << u"my PIN is [number]"_s;
    QTest::newRow("long") << u"customer 12345678"_s << u"customer [number]"_s;
    QTest::newRow("year") << u"in 2024"_s << u"in [number]"_s;
    QTest::newRow("card with spaces") << u"card 4111 1111 1111 1111 expires"_s << u"card [number] expires"_s;
    QTest::newRow("card with dashes") << u"4111-1111-1111-1111"_s << u"[number]"_s;
    QTest::newRow("thousands comma") << u"a budget of 12,500 euros"_s << u"a budget of [number] euros"_s;
    QTest::newRow("thousands dot") << u"1.250.000 Euro"_s << u"[number] Euro"_s;
    QTest::newRow("thousands dot, one group") << u"1.250 Euro"_s << u"[number] Euro"_s;
    QTest::newRow("thousands space") << u"2 300 users"_s << u"[number] users"_s;
    QTest::newRow("thousands no-break space") << u"2\u00a0300 users"_s << u"[number] users"_s;
    QTest::newRow("thousands narrow space") << u"2\u202f300"_s << u"[number]"_s;
    QTest::newRow("thousands apostrophe") << u"CHF 1'000"_s << u"CHF [number]"_s;
    QTest::newRow("amount with cents") << u"$1,250.50"_s << u"$[number]"_s;
    QTest::newRow("German amount with cents") << u"1.250,50 €"_s << u"[number] €"_s;
    QTest::newRow("decimal with long integer part") << u"1234.5"_s << u"[number]"_s;
    QTest::newRow("date") << u"born 12.03.1985"_s << u"born [number]"_s;
    QTest::newRow("date slashes") << u"on 01/02/2024"_s << u"on [number]"_s;
    QTest::newRow("ISO date") << u"2024-03-12"_s << u"[number]"_s;
    QTest::newRow("IP address") << u"192.168.1.1"_s << u"[number]"_s;
    QTest::newRow("digits read one by one") << u"it's 4 7 1 1"_s << u"it's [number]"_s;
    QTest::newRow("digit pairs") << u"12 34 56"_s << u"[number]"_s;
    QTest::newRow("IBAN") << u"DE89 3704 0044 0532 0130 00"_s << u"DE[number]"_s;
    QTest::newRow("inside a word") << u"order A-12345 and ABC1234"_s << u"order A-[number] and ABC[number]"_s;
    QTest::newRow("range with a long side") << u"100-1000 seats"_s << u"100-[number] seats"_s;
    QTest::newRow("range of amounts") << u"1,000-2,000"_s << u"[number]-[number]"_s;
    QTest::newRow("en dash range with a long side") << u"50\u20131200"_s << u"50\u2013[number]"_s;
    QTest::newRow("long time-like") << u"ref 1234:56"_s << u"ref [number]"_s;
    QTest::newRow("Arabic-Indic digits") << u"\u0664\u0667\u0661\u0661"_s << u"[number]"_s;
    QTest::newRow("sentence end") << u"The code is 98765."_s << u"The code is [number]."_s;
    QTest::newRow("all kinds") << u"Jane (jane@acme.com, +49 30 1234567) has 620 clients and a 12,500 budget."_s
                               << u"Jane ([email], [phone]) has 620 clients and a [number] budget."_s;
}

void TestPersonalDataMask::masks()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(PersonalDataMask::mask(text).text, masked);
}

void TestPersonalDataMask::keepsWhatTheAnalysisNeeds_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("small numbers") << u"we have 620 clients and 18 percent churn"_s;
    QTest::newRow("three digits") << u"999"_s;
    QTest::newRow("percent sign") << u"18% of 620"_s;
    QTest::newRow("time") << u"let's talk at 10:30"_s;
    QTest::newRow("time with seconds") << u"9:05:30"_s;
    QTest::newRow("time then a number") << u"at 10:30 20 people joined"_s;
    QTest::newRow("time range") << u"10:30-11:00"_s;
    QTest::newRow("range") << u"50-100 seats"_s;
    QTest::newRow("en dash range") << u"50\u2013100 seats"_s;
    QTest::newRow("range of decimals") << u"1.5-2.5 million"_s;
    QTest::newRow("ratio") << u"3/4 of the team, 24/7 support"_s;
    QTest::newRow("day and month") << u"on 12/03"_s;
    QTest::newRow("price") << u"49.99 a month"_s;
    QTest::newRow("German price") << u"49,99 im Monat"_s;
    QTest::newRow("decimal") << u"3.5 times faster, 2,5 Stunden"_s;
    QTest::newRow("list with commas") << u"options 1, 2, 3 and 4"_s;
    QTest::newRow("version") << u"version 2.1.3"_s;
    QTest::newRow("digits in words") << u"B2B, mp3, 4K, Q3"_s;
    QTest::newRow("two small groups") << u"12 34"_s;
    QTest::newRow("at without an address") << u"we met at Acme last week"_s;
    QTest::newRow("spoken at and dot without a domain") << u"look at this dot here"_s;
    QTest::newRow("at sign alone") << u"@channel and a @ b"_s;
    QTest::newRow("short with a plus") << u"+5 more"_s;
    QTest::newRow("six digit phone-like") << u"(555) 12"_s;
    QTest::newRow("empty") << QString();
}

void TestPersonalDataMask::keepsWhatTheAnalysisNeeds()
{
    QFETCH(QString, text);
    const PersonalDataMask::Masked masked = PersonalDataMask::mask(text);
    QCOMPARE(masked.text, text);
    QCOMPARE(masked.total(), 0);
}

void TestPersonalDataMask::countsWhatItMasked()
{
    const PersonalDataMask::Masked masked = PersonalDataMask::mask(
        u"jane@acme.com, bob at acme dot com, +49 30 1234567, 555-123-4567, 4711, 12,500 and 620"_s);
    QCOMPARE(masked.text, u"[email], [email], [phone], [phone], [number], [number] and 620"_s);
    QCOMPARE(masked.emails, 2);
    QCOMPARE(masked.phones, 2);
    QCOMPARE(masked.numbers, 2);
    QCOMPARE(masked.total(), 6);
}

void TestPersonalDataMask::masksTheSameTextTheSameWay()
{
    const QString text = u"A: my number is 555-123-4567.\nB: and mine is 030/1234567, PIN 4711."_s;
    const QString once = PersonalDataMask::mask(text).text;
    QCOMPARE(PersonalDataMask::mask(text).text, once);
    // Masking what was masked changes nothing.
    QCOMPARE(PersonalDataMask::mask(once).text, once);
    QCOMPARE(PersonalDataMask::mask(once).total(), 0);
}

void TestPersonalDataMask::aLongRunOfDigitsIsQuick()
{
    // The phone pattern must not backtrack through every split of a long
    // run (a transcript with a serial number read out, or garbage).
    QString text = u"+"_s;
    for (int i = 0; i < 2000; ++i)
        text += QString::number(i % 10) + (i % 7 == 0 ? u" "_s : QString());
    text += u"x"_s;
    QElapsedTimer timer;
    timer.start();
    const PersonalDataMask::Masked masked = PersonalDataMask::mask(text);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!masked.text.contains(u"12345"_s));
}

QTEST_GUILESS_MAIN(TestPersonalDataMask)
#include "tst_personaldatamask.moc"
