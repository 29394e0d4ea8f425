// Base32: RFC 4648 encoding for TOTP secrets, and the tolerant decoding of
// what people paste or type.
#include "auth/base32.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;

class TestBase32 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesRfc4648Vectors_data();
    void encodesRfc4648Vectors();
    void roundTripsEveryLengthAndByte();
    void decodesAnyCaseSpacesAndPadding();
    void refusesOtherCharactersNamingThem_data();
    void refusesOtherCharactersNamingThem();
    void refusesLengthsNoEncoderWrites();
};

void TestBase32::encodesRfc4648Vectors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoded");
    // RFC 4648 section 10, without the "=" padding.
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("f") << "f"_ba << u"MY"_s;
    QTest::newRow("fo") << "fo"_ba << u"MZXQ"_s;
    QTest::newRow("foo") << "foo"_ba << u"MZXW6"_s;
    QTest::newRow("foob") << "foob"_ba << u"MZXW6YQ"_s;
    QTest::newRow("fooba") << "fooba"_ba << u"MZXW6YTB"_s;
    QTest::newRow("foobar") << "foobar"_ba << u"MZXW6YTBOI"_s;
    QTest::newRow("rfc 6238 secret") << "12345678901234567890"_ba << u"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"_s;
    QTest::newRow("high bytes") << QByteArray::fromHex("ff00ff00ff") << u"74AP6AH7"_s;
}

void TestBase32::encodesRfc4648Vectors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoded);
    QCOMPARE(Base32::encode(bytes), encoded);
    const Result<QByteArray> decoded = Base32::decode(encoded);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), bytes);
}

void TestBase32::roundTripsEveryLengthAndByte()
{
    QByteArray bytes;
    for (int i = 0; i < 300; ++i) {
        const Result<QByteArray> decoded = Base32::decode(Base32::encode(bytes));
        QVERIFY2(decoded.ok(), qPrintable(QString::number(i)));
        QCOMPARE(decoded.value(), bytes);
        bytes.append(char(i * 37 + 11));
    }
}

void TestBase32::decodesAnyCaseSpacesAndPadding()
{
    for (const QString &text : { u"MZXW6YTBOI"_s, u"mzxw6ytboi"_s, u"MzXw 6YtB oI"_s, u"MZXW6YTBOI======"_s,
             u"  mzxw\t6ytb\noi\r\n"_s, u"=MZ=XW6YTBOI"_s }) {
        const Result<QByteArray> decoded = Base32::decode(text);
        QVERIFY2(decoded.ok(), qPrintable(text));
        QCOMPARE(decoded.value(), "foobar"_ba);
    }
    QVERIFY(Base32::decode(u"   "_s).ok());
    QCOMPARE(Base32::decode(u" = "_s).value(), QByteArray());
}

void TestBase32::refusesOtherCharactersNamingThem_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    const auto message = [](const QString &character, int position) {
        return u"The character %1 at position %2 is not base32: only the letters A to Z, the digits 2 to 7, "
               u"spaces and \"=\" can appear."_s.arg(character)
                   .arg(position);
    };
    // 0, 1, 8 and 9 are not in the alphabet: people mean O, I or L, B, g...
    QTest::newRow("digit 1") << u"MZ1W6YTB"_s << message(u"\"1\""_s, 3);
    QTest::newRow("digit 0") << u"0ZXW6YTB"_s << message(u"\"0\""_s, 1);
    QTest::newRow("digit 8 after spaces") << u"MZ XW 8"_s << message(u"\"8\""_s, 7);
    QTest::newRow("dash") << u"MZXW-6YTB"_s << message(u"\"-\""_s, 5);
    QTest::newRow("accented") << u"MZXÉ"_s << message(u"\"É\""_s, 4);
    QTest::newRow("emoji") << u"MZ\U0001F600"_s << message(u"\"\U0001F600\""_s, 3);
    QTest::newRow("control") << u"MZ\u0001X"_s << message(u"U+0001"_s, 3);
    QTest::newRow("zero width space") << u"MZ\u200BXW"_s << message(u"U+200B"_s, 3);
    QTest::newRow("non-breaking space") << u"MZ\u00A0XW"_s << message(u"U+00A0"_s, 3);
}

void TestBase32::refusesOtherCharactersNamingThem()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const Result<QByteArray> decoded = Base32::decode(text);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.refusal().code, u"base32.invalid_character"_s);
    QCOMPARE(decoded.refusal().message, message);
}

void TestBase32::refusesLengthsNoEncoderWrites()
{
    // 1, 3 and 6 symbols past a multiple of 8 do not end on a byte.
    for (const QString &text : { u"M"_s, u"MZX"_s, u"MZXW6Y"_s, u"MZXW6YTBM"_s, u"MZXW6YTB MZX"_s }) {
        const Result<QByteArray> decoded = Base32::decode(text);
        QVERIFY2(!decoded.ok(), qPrintable(text));
        QCOMPARE(decoded.refusal().code, u"base32.invalid_length"_s);
    }
    for (const QString &text : { u"MY"_s, u"MZXQ"_s, u"MZXW6"_s, u"MZXW6YQ"_s, u"MZXW6YTB"_s })
        QVERIFY2(Base32::decode(text).ok(), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestBase32)
#include "tst_base32.moc"
