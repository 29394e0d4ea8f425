// RecoveryCodes: one-time codes for a lost authenticator, stored only as
// salted hashes.
#include "auth/recoverycodes.h"
#include "auth/sodiumruntime.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;

class TestRecoveryCodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void generatesTenDistinctCodesOfSixtyBits();
    void storesOnlySaltedHashes();
    void matchesEachCodeAtItsIndex();
    void matchesWhatPeopleType_data();
    void matchesWhatPeopleType();
    void refusesWrongOrMalformedInput_data();
    void refusesWrongOrMalformedInput();
    void usedCodeNoLongerMatchesOnceRemoved();
    void skipsStoredValuesThatAreNotHashes();
    void normalisesToTwelveSymbols();

private:
    std::optional<SodiumRuntime> m_sodium;
};

void TestRecoveryCodes::initTestCase()
{
    Result<SodiumRuntime> sodium = SodiumRuntime::initialise();
    QVERIFY(sodium.ok());
    m_sodium.emplace(sodium.value());
}

void TestRecoveryCodes::generatesTenDistinctCodesOfSixtyBits()
{
    const RecoveryCodes recovery(*m_sodium);
    static const QRegularExpression shape(u"^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$"_s);
    QSet<QString> seen;
    QSet<QChar> symbols;
    for (int round = 0; round < 20; ++round) {
        const RecoveryCodeSet set = recovery.generate();
        QCOMPARE(set.codes.size(), RecoveryCodes::kCount);
        QCOMPARE(set.hashes.size(), RecoveryCodes::kCount);
        QCOMPARE(QSet<QString>(set.codes.cbegin(), set.codes.cend()).size(), RecoveryCodes::kCount);
        for (const QString &code : set.codes) {
            QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
            seen.insert(code);
            for (QChar c : code)
                symbols.insert(c);
        }
    }
    QCOMPARE(seen.size(), 20 * RecoveryCodes::kCount);
    // 200 codes x 12 symbols: every one of the 32 symbols shows up (the
    // chance that one does not is about 32 x (31/32)^2400, i.e. never).
    symbols.remove(u'-');
    QCOMPARE(symbols.size(), 32);
    for (const QChar confusable : { u'i', u'l', u'o', u'u' })
        QVERIFY(!symbols.contains(confusable));
}

void TestRecoveryCodes::storesOnlySaltedHashes()
{
    const RecoveryCodes recovery(*m_sodium);
    const RecoveryCodeSet set = recovery.generate();
    static const QRegularExpression shape(u"^blake2b\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$"_s);
    for (qsizetype i = 0; i < set.codes.size(); ++i) {
        const QString &hash = set.hashes.at(i);
        QVERIFY2(shape.match(hash).hasMatch(), qPrintable(hash));
        QString compact = set.codes.at(i);
        compact.remove(u'-');
        QVERIFY(!hash.contains(compact, Qt::CaseInsensitive));
    }
    // A fresh salt each time: the same code never hashes the same twice, so
    // a leaked table cannot be searched for all codes in one guess.
    const QString code = set.codes.first();
    QVERIFY(recovery.hash(code) != recovery.hash(code));
    QVERIFY(recovery.hash(code) != set.hashes.first());
    QCOMPARE(recovery.matchIndex({ recovery.hash(code) }, code), std::optional<qsizetype>(0));
    QCOMPARE(recovery.hash(u"not a code"_s), QString());
}

void TestRecoveryCodes::matchesEachCodeAtItsIndex()
{
    const RecoveryCodes recovery(*m_sodium);
    const RecoveryCodeSet set = recovery.generate();
    for (qsizetype i = 0; i < set.codes.size(); ++i)
        QCOMPARE(recovery.matchIndex(set.hashes, set.codes.at(i)), std::optional<qsizetype>(i));
    // Against another person's hashes, none.
    const RecoveryCodeSet other = recovery.generate();
    for (const QString &code : set.codes)
        QCOMPARE(recovery.matchIndex(other.hashes, code), std::nullopt);
}

void TestRecoveryCodes::matchesWhatPeopleType_data()
{
    QTest::addColumn<QString>("typed");
    // The stored code is "0a1b-c2d3-ef4g".
    QTest::newRow("as shown") << u"0a1b-c2d3-ef4g"_s;
    QTest::newRow("upper case") << u"0A1B-C2D3-EF4G"_s;
    QTest::newRow("no dashes") << u"0a1bc2d3ef4g"_s;
    QTest::newRow("spaces for dashes") << u"0a1b c2d3 ef4g"_s;
    QTest::newRow("stray spaces and dashes") << u"  0a1b - c2d3--ef4g "_s;
    QTest::newRow("o for zero, l for one") << u"oa1b-c2d3-ef4g"_s.replace(u'1', u'l');
    QTest::newRow("O for zero, I for one") << u"OA IB-C2D3-EF4G"_s;
}

void TestRecoveryCodes::matchesWhatPeopleType()
{
    QFETCH(QString, typed);
    const RecoveryCodes recovery(*m_sodium);
    const QStringList hashes{ recovery.hash(u"zzzz-zzzz-zzzz"_s), recovery.hash(u"0a1b-c2d3-ef4g"_s) };
    QCOMPARE(recovery.matchIndex(hashes, typed), std::optional<qsizetype>(1));
}

void TestRecoveryCodes::refusesWrongOrMalformedInput_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("empty") << QString();
    QTest::newRow("one symbol off") << u"0a1b-c2d3-ef4h"_s;
    QTest::newRow("too short") << u"0a1b-c2d3-ef4"_s;
    QTest::newRow("too long") << u"0a1b-c2d3-ef4gg"_s;
    QTest::newRow("u is not a symbol") << u"0a1b-c2d3-ef4u"_s;
    QTest::newRow("underscore") << u"0a1b_c2d3_ef4g"_s;
    QTest::newRow("full-width") << u"\uFF10a1b-c2d3-ef4g"_s;
    QTest::newRow("kelvin sign for k") << u"0a1b-c2d3-ef4\u212A"_s;
    QTest::newRow("huge") << QString(10'000, u'-') + u"0a1b-c2d3-ef4g"_s;
}

void TestRecoveryCodes::refusesWrongOrMalformedInput()
{
    QFETCH(QString, typed);
    const RecoveryCodes recovery(*m_sodium);
    const QStringList hashes{ recovery.hash(u"0a1b-c2d3-ef4g"_s), recovery.hash(u"0a1b-c2d3-ef4k"_s) };
    QCOMPARE(recovery.matchIndex(hashes, typed), std::nullopt);
}

void TestRecoveryCodes::usedCodeNoLongerMatchesOnceRemoved()
{
    const RecoveryCodes recovery(*m_sodium);
    RecoveryCodeSet set = recovery.generate();
    const QString used = set.codes.at(3);
    const std::optional<qsizetype> index = recovery.matchIndex(set.hashes, used);
    QCOMPARE(index, std::optional<qsizetype>(3));
    set.hashes.removeAt(*index); // what the caller stores after the login
    QCOMPARE(recovery.matchIndex(set.hashes, used), std::nullopt);
    QCOMPARE(recovery.matchIndex(set.hashes, set.codes.at(4)), std::optional<qsizetype>(3));
    QCOMPARE(recovery.matchIndex({}, used), std::nullopt);
}

void TestRecoveryCodes::skipsStoredValuesThatAreNotHashes()
{
    const RecoveryCodes recovery(*m_sodium);
    const QString code = u"0a1b-c2d3-ef4g"_s;
    const QString good = recovery.hash(code);
    const QStringList parts = good.split(u'$');
    const QStringList hashes{
        QString(),
        code, // a plain code stored by mistake must not work as its own hash
        u"0a1bc2d3ef4g"_s,
        u"argon2id$"_s + parts.at(1) + u'$' + parts.at(2),
        parts.at(0) + u'$' + parts.at(1),
        parts.at(0) + u'$' + parts.at(1).chopped(2) + u'$' + parts.at(2),
        parts.at(0) + u'$' + parts.at(1) + u'$' + parts.at(2) + u"AA"_s,
        parts.at(0) + u'$' + parts.at(1) + u"!$"_s + parts.at(2),
        good,
    };
    QCOMPARE(recovery.matchIndex(hashes, code), std::optional<qsizetype>(hashes.size() - 1));
}

void TestRecoveryCodes::normalisesToTwelveSymbols()
{
    QCOMPARE(RecoveryCodes::normalise(u"ABCD-EFGH-JKMN"_s), std::optional<QString>(u"abcdefghjkmn"_s));
    QCOMPARE(RecoveryCodes::normalise(u" o0iI-lL23 4567"_s), std::optional<QString>(u"001111234567"_s));
    QCOMPARE(RecoveryCodes::normalise(u"abcd-efgh-jkm"_s), std::nullopt);
    QCOMPARE(RecoveryCodes::normalise(u"abcd-efgh-jkmu"_s), std::nullopt);
    QCOMPARE(RecoveryCodes::normalise(u"abcd.efgh.jkmn"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(TestRecoveryCodes)
#include "tst_recoverycodes.moc"
