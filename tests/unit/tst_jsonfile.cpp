// JsonFile::parse is the door of every JSON the app and the server read
// (files, request bodies). Here: escapes that are text pass, escapes that
// name half a character are refused with where they are.
#include "json/jsonfile.h"
#include "json/validationerrors.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;

class TestJsonFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesThatAreTextPass_data();
    void escapesThatAreTextPass();
    void loneSurrogatesAreRefused_data();
    void loneSurrogatesAreRefused();
};

void TestJsonFile::escapesThatAreTextPass_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("text");
    QTest::newRow("pair") << QByteArray(R"({"t": "a\ud83d\ude00b"})") << u"a😀b"_s;
    QTest::newRow("pair, capitals") << QByteArray(R"({"t": "\uD83D\uDE00"})") << u"😀"_s;
    QTest::newRow("escaped backslash before u") << QByteArray(R"({"t": "\\ud800"})") << u"\\ud800"_s;
    QTest::newRow("two escaped backslashes") << QByteArray(R"({"t": "\\\\ud800"})") << u"\\\\ud800"_s;
    QTest::newRow("plain escapes") << QByteArray(R"({"t": "\"\n\t\u0041\u00e9"})") << u"\"\n\tAé"_s;
    QTest::newRow("at the very end") << QByteArray(R"({"t": "x\u0041"})") << u"xA"_s;
}

void TestJsonFile::escapesThatAreTextPass()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, text);
    ValidationErrors errors(QString{});
    const std::optional<QJsonDocument> document = JsonFile::parse(json, errors);
    QVERIFY2(document && errors.isEmpty(), qPrintable(errors.messages().join(u'\n')));
    QCOMPARE(document->object().value(u"t"_s).toString(), text);
}

void TestJsonFile::loneSurrogatesAreRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("high alone") << QByteArray(R"({"t": "a\ud800b"})")
                                << u"line 1, column 9: \\ud800 is half of a surrogate pair without its other half, not a character"_s;
    QTest::newRow("high at the end") << QByteArray(R"({"t": "\uD83D"})")
                                     << u"line 1, column 8: \\uD83D is half of a surrogate pair without its other half, not a character"_s;
    QTest::newRow("two highs") << QByteArray(R"({"t": "\ud83d\ud83d"})")
                               << u"line 1, column 8: \\ud83d is half of a surrogate pair without its other half, not a character"_s;
    QTest::newRow("low alone") << QByteArray("{\"t\": 1,\n \"u\": \"\\udfff\"}")
                               << u"line 2, column 8: \\udfff is half of a surrogate pair without its other half, not a character"_s;
    QTest::newRow("in a key") << QByteArray(R"({"\ude00": 1})")
                              << u"line 1, column 3: \\ude00 is half of a surrogate pair without its other half, not a character"_s;
}

void TestJsonFile::loneSurrogatesAreRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    ValidationErrors errors(QString{});
    QVERIFY(!JsonFile::parse(json, errors));
    QCOMPARE(errors.messages(), QStringList{ error });
}

QTEST_GUILESS_MAIN(TestJsonFile)
#include "tst_jsonfile.moc"
