// TOTP (RFC 6238): the code computation against the RFC's own vectors, the
// verifier's window and replay rules, and the otpauth URI for QR codes.
#include "auth/base32.h"
#include "auth/sodiumruntime.h"
#include "auth/totp.h"

#include <QSet>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;

namespace {

// RFC 6238 appendix B: the ASCII string "12345678901234567890" for SHA1.
TotpSecret rfcSecret()
{
    return TotpSecret::fromBase32(Base32::encode("12345678901234567890"_ba)).value();
}

QString codeText(const TotpSecret &secret, qint64 step)
{
    return QString::fromLatin1(Totp::codeAt(secret, step));
}

// A moment well inside a step, so ±1 is about steps, not milliseconds.
constexpr qint64 kNowMs = 1'111'111'111'000;

} // namespace

class TestTotp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesRfc6238Sha1Vectors_data();
    void matchesRfc6238Sha1Vectors();
    void sixDigitCodesAreTheLastSixOfTheRfcVectors();
    void stepsAreFloorOfThirtySeconds();
    void acceptsCurrentAndAdjacentStepsOnly();
    void acceptsPreviousStepRightAfterTheBoundary();
    void refusesWrongCode();
    void refusesReplayOfTheSameCode();
    void refusesOlderCodeAfterNewerOne();
    void acceptsCodesWithSpaces();
    void refusesMalformedCodes_data();
    void refusesMalformedCodes();
    void otpauthUriIsExact();
    void otpauthUriEncodesIssuerAndAccount();
    void generatesDistinct160BitSecrets();
    void secretFromBase32RefusesShortOrInvalid();

private:
    std::optional<SodiumRuntime> m_sodium;
};

void TestTotp::initTestCase()
{
    Result<SodiumRuntime> sodium = SodiumRuntime::initialise();
    QVERIFY(sodium.ok());
    m_sodium.emplace(sodium.value());
}

void TestTotp::matchesRfc6238Sha1Vectors_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("59") << qint64(59) << "94287082"_ba;
    QTest::newRow("1111111109") << qint64(1111111109) << "07081804"_ba;
    QTest::newRow("1111111111") << qint64(1111111111) << "14050471"_ba;
    QTest::newRow("1234567890") << qint64(1234567890) << "89005924"_ba;
    QTest::newRow("2000000000") << qint64(2000000000) << "69279037"_ba;
    QTest::newRow("20000000000") << qint64(20000000000) << "65353130"_ba;
}

void TestTotp::matchesRfc6238Sha1Vectors()
{
    QFETCH(qint64, seconds);
    QFETCH(QByteArray, code);
    QCOMPARE(Totp::codeAt(rfcSecret(), Totp::stepAt(seconds * 1000), 8), code);
}

void TestTotp::sixDigitCodesAreTheLastSixOfTheRfcVectors()
{
    // Truncation to 6 digits is the same 31-bit number modulo 10^6.
    const TotpSecret secret = rfcSecret();
    const TotpVerifier verifier(*m_sodium);
    QCOMPARE(Totp::codeAt(secret, Totp::stepAt(59'000)), "287082"_ba);
    QCOMPARE(Totp::codeAt(secret, Totp::stepAt(1'111'111'109'000)), "081804"_ba);
    QCOMPARE(Totp::codeAt(secret, Totp::stepAt(20'000'000'000'000)), "353130"_ba);
    QCOMPARE(verifier.verify(secret, u"287082"_s, 59'000, TotpVerifier::kNoStepUsed), std::optional<qint64>(1));
    QCOMPARE(verifier.verify(secret, u"005924"_s, 1'234'567'890'000, TotpVerifier::kNoStepUsed),
        std::optional<qint64>(1'234'567'890 / 30));
}

void TestTotp::stepsAreFloorOfThirtySeconds()
{
    QCOMPARE(Totp::stepAt(0), 0);
    QCOMPARE(Totp::stepAt(29'999), 0);
    QCOMPARE(Totp::stepAt(30'000), 1);
    QCOMPARE(Totp::stepAt(59'999), 1);
    QCOMPARE(Totp::stepAt(-1), -1);
    QCOMPARE(Totp::stepAt(-30'000), -1);
    QCOMPARE(Totp::stepAt(-30'001), -2);
}

void TestTotp::acceptsCurrentAndAdjacentStepsOnly()
{
    const TotpSecret secret = rfcSecret();
    const TotpVerifier verifier(*m_sodium);
    const qint64 now = Totp::stepAt(kNowMs);
    for (const qint64 step : { now - 1, now, now + 1 })
        QCOMPARE(verifier.verify(secret, codeText(secret, step), kNowMs, TotpVerifier::kNoStepUsed),
            std::optional<qint64>(step));
    for (const qint64 step : { now - 3, now - 2, now + 2, now + 3 }) {
        // Skip the one-in-a-million code that also belongs to an allowed step.
        const QString code = codeText(secret, step);
        if (code == codeText(secret, now - 1) || code == codeText(secret, now) || code == codeText(secret, now + 1))
            continue;
        QCOMPARE(verifier.verify(secret, code, kNowMs, TotpVerifier::kNoStepUsed), std::nullopt);
    }
}

void TestTotp::acceptsPreviousStepRightAfterTheBoundary()
{
    // A code read at 29.9 s and typed at 30.5 s belongs to the previous step.
    const TotpSecret secret = rfcSecret();
    const TotpVerifier verifier(*m_sodium);
    const qint64 step = 40'000'000;
    const qint64 startOfNextStep = (step + 1) * Totp::kStepMs;
    QCOMPARE(verifier.verify(secret, codeText(secret, step), startOfNextStep + 500, TotpVerifier::kNoStepUsed),
        std::optional<qint64>(step));
    const qint64 twoStepsLater = startOfNextStep + Totp::kStepMs;
    QCOMPARE(verifier.verify(secret, codeText(secret, step), twoStepsLater, TotpVerifier::kNoStepUsed), std::nullopt);
}

void TestTotp::refusesWrongCode()
{
    const TotpSecret secret = rfcSecret();
    const TotpVerifier verifier(*m_sodium);
    const qint64 now = Totp::stepAt(kNowMs);
    QSet<QString> valid;
    for (const qint64 step : { now - 1, now, now + 1 })
        valid.insert(codeText(secret, step));
    int refused = 0;
    for (int n = 0; n < 200; ++n) {
        const QString code = u"%1"_s.arg(n * 4999, 6, 10, QLatin1Char('0'));
        if (valid.contains(code))
            continue;
        QCOMPARE(verifier.verify(secret, code, kNowMs, TotpVerifier::kNoStepUsed), std::nullopt);
        ++refused;
    }
    QVERIFY(refused >= 197);
    // The right code for another secret is wrong too.
    const TotpSecret other = TotpSecret::generate(*m_sodium);
    const QString otherCode = codeText(other, now);
    if (!valid.contains(otherCode))
        QCOMPARE(verifier.verify(secret, otherCode, kNowMs, TotpVerifier::kNoStepUsed), std::nullopt);
}

void TestTotp::refusesReplayOfTheSameCode()
{
    const TotpSecret secret = rfcSecret();
    const TotpVerifier verifier(*m_sodium);
    const QString code = codeText(secret, Totp::stepAt(kNowMs));
    const std::optional<qint64> used = verifier.verify(secret, code, kNowMs, TotpVerifier::kNoStepUsed);
    QCOMPARE(used, std::optional<qint64>(Totp::stepAt(kNowMs)));
    // Same code, same moment and 40 s later (still inside the window).
    QCOMPARE(verifier.verify(secret, code, kNowMs, *used), std::nullopt);
    QCOMPARE(verifier.verify(secret, code, kNowMs + 40'000, *used), std::nullopt);
    // The next step's code is fine.
    const QString next = codeText(secret, *used + 1);
    if (next != code)
        QCOMPARE(verifier.verify(secret, next, kNowMs + 30'000, *used), std::optional<qint64>(*used + 1));
}

void TestTotp::refusesOlderCodeAfterNewerOne()
{
    const TotpSecret secret = rfcSecret();
    const TotpVerifier verifier(*m_sodium);
    const qint64 now = Totp::stepAt(kNowMs);
    const std::optional<qint64> newer = verifier.verify(secret, codeText(secret, now + 1), kNowMs, now - 5);
    QCOMPARE(newer, std::optional<qint64>(now + 1));
    // Both still inside the ±1 window, both at or before the step used.
    QCOMPARE(verifier.verify(secret, codeText(secret, now), kNowMs, *newer), std::nullopt);
    QCOMPARE(verifier.verify(secret, codeText(secret, now - 1), kNowMs, *newer), std::nullopt);
    // lastUsedStep just before a step lets that step through.
    QCOMPARE(verifier.verify(secret, codeText(secret, now), kNowMs, now - 1), std::optional<qint64>(now));
}

void TestTotp::acceptsCodesWithSpaces()
{
    const TotpSecret secret = rfcSecret();
    const TotpVerifier verifier(*m_sodium);
    for (const QString &code : { u"287082"_s, u"287 082"_s, u" 287082 "_s, u"28 70 82"_s, u"287  082"_s })
        QVERIFY2(verifier.verify(secret, code, 59'000, TotpVerifier::kNoStepUsed) == std::optional<qint64>(1),
            qPrintable(code));
}

void TestTotp::refusesMalformedCodes_data()
{
    QTest::addColumn<QString>("code");
    // The right code for second 59 is 287082: each row is a mangled form of it.
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces only") << u"      "_s;
    QTest::newRow("five digits") << u"28708"_s;
    QTest::newRow("seven digits") << u"2870820"_s;
    QTest::newRow("eight-digit vector") << u"94287082"_s;
    QTest::newRow("dash between groups") << u"287-082"_s;
    QTest::newRow("letter") << u"28708a"_s;
    QTest::newRow("sign") << u"+287082"_s;
    QTest::newRow("tab") << u"287\t082"_s;
    QTest::newRow("newline") << u"287082\n"_s;
    QTest::newRow("non-breaking space") << u"287\u00A0082"_s;
    QTest::newRow("full-width digits") << u"\uFF12\uFF18\uFF17\uFF10\uFF18\uFF12"_s;
    QTest::newRow("arabic-indic digits") << u"\u0662\u0668\u0667\u0660\u0668\u0662"_s;
    QTest::newRow("nul inside") << u"287\u0000082"_s;
    QTest::newRow("too long with spaces") << (u"287082"_s + QString(40, u' '));
}

void TestTotp::refusesMalformedCodes()
{
    QFETCH(QString, code);
    const TotpVerifier verifier(*m_sodium);
    QCOMPARE(verifier.verify(rfcSecret(), code, 59'000, TotpVerifier::kNoStepUsed), std::nullopt);
}

void TestTotp::otpauthUriIsExact()
{
    QCOMPARE(otpauthUri(rfcSecret(), u"CallOS"_s, u"alice@example.com"_s),
        u"otpauth://totp/CallOS:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=CallOS"
        u"&algorithm=SHA1&digits=6&period=30"_s);
}

void TestTotp::otpauthUriEncodesIssuerAndAccount()
{
    const QString uri = otpauthUri(rfcSecret(), u"Acme & Co: Sales"_s, u"zoë+calls@example.com"_s);
    QCOMPARE(uri,
        u"otpauth://totp/Acme%20%26%20Co%3A%20Sales:zo%C3%AB%2Bcalls%40example.com"
        u"?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme%20%26%20Co%3A%20Sales"
        u"&algorithm=SHA1&digits=6&period=30"_s);
    // And reads back as what went in.
    const QUrl url(uri, QUrl::StrictMode);
    QVERIFY(url.isValid());
    QCOMPARE(url.scheme(), u"otpauth"_s);
    QCOMPARE(url.host(), u"totp"_s);
    QCOMPARE(url.path(QUrl::FullyDecoded), u"/Acme & Co: Sales:zoë+calls@example.com"_s);
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(u"issuer"_s, QUrl::FullyDecoded), u"Acme & Co: Sales"_s);
    QCOMPARE(query.queryItemValue(u"secret"_s), u"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"_s);
}

void TestTotp::generatesDistinct160BitSecrets()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 50; ++i) {
        const TotpSecret secret = TotpSecret::generate(*m_sodium);
        QCOMPARE(secret.bytes().size(), 20);
        const QString text = secret.toBase32();
        QCOMPARE(text.size(), 32);
        const Result<TotpSecret> back = TotpSecret::fromBase32(text.toLower());
        QVERIFY(back.ok());
        QCOMPARE(back.value().bytes(), secret.bytes());
        seen.insert(secret.bytes());
    }
    QCOMPARE(seen.size(), 50);
}

void TestTotp::secretFromBase32RefusesShortOrInvalid()
{
    // 80 bits: what some old services issued, below RFC 4226's 128.
    const Result<TotpSecret> shortSecret = TotpSecret::fromBase32(u"GEZDGNBVGY3TQOJQ"_s);
    QVERIFY(!shortSecret.ok());
    QCOMPARE(shortSecret.refusal().code, u"totp.secret_too_short"_s);
    QCOMPARE(shortSecret.refusal().message, u"The authenticator secret is too short: it needs at least 128 bits."_s);
    const Result<TotpSecret> invalid = TotpSecret::fromBase32(u"GEZDGNBVGY3TQOJ1GEZDGNBVGY3TQOJQ"_s);
    QVERIFY(!invalid.ok());
    QCOMPARE(invalid.refusal().code, u"base32.invalid_character"_s);
    // The boundary: 128 bits pass, 120 do not.
    QVERIFY(TotpSecret::fromBase32(Base32::encode(QByteArray(16, 'k'))).ok());
    QVERIFY(!TotpSecret::fromBase32(Base32::encode(QByteArray(15, 'k'))).ok());
}

QTEST_GUILESS_MAIN(TestTotp)
#include "tst_totp.moc"
