#include "text/texttemplate.h"

#include <QTest>

using namespace Qt::StringLiterals;
using callos::TextTemplate;

namespace {

QString valueOf(const QString &name)
{
    if (name == u"a")
        return u"1"_s;
    if (name == u"b")
        return u"2"_s;
    if (name == u"name")
        return u"Ann"_s;
    if (name == u"nested")
        return u"{{a}}"_s;
    return u"?"_s;
}

} // namespace

class TestTextTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placeholders_data();
    void placeholders();
    void placeholdersWithoutProblemList();
    void render_data();
    void render();
    void renderAsksForEachPlaceholderInOrder();
};

void TestTextTemplate::placeholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("no placeholders") << u"Plain text"_s << QStringList{} << QStringList{};
    QTest::newRow("empty text") << QString() << QStringList{} << QStringList{};
    QTest::newRow("in order with repeats") << u"{{a}} then {{b}} and {{a}} again"_s
                                           << QStringList{u"a"_s, u"b"_s, u"a"_s} << QStringList{};
    QTest::newRow("adjacent") << u"{{a}}{{b}}"_s << QStringList{u"a"_s, u"b"_s} << QStringList{};
    QTest::newRow("spaces inside are trimmed") << u"{{ clientCount }}"_s << QStringList{u"clientCount"_s}
                                               << QStringList{};
    QTest::newRow("dash, underscore and digits") << u"{{new-client_2}}"_s << QStringList{u"new-client_2"_s}
                                                 << QStringList{};
    QTest::newRow("lone braces are text") << u"}} {a} {{a}} }}"_s << QStringList{u"a"_s} << QStringList{};

    QTest::newRow("unclosed") << u"Hello {{name"_s << QStringList{} << QStringList{u"unclosed '{{' at character 7"_s};
    QTest::newRow("unclosed after a valid one")
        << u"{{a}} and {{b"_s << QStringList{u"a"_s} << QStringList{u"unclosed '{{' at character 11"_s};
    QTest::newRow("empty") << u"x {{}} y"_s << QStringList{} << QStringList{u"empty placeholder at character 3"_s};
    QTest::newRow("blank") << u"{{   }}"_s << QStringList{} << QStringList{u"empty placeholder at character 1"_s};
    QTest::newRow("name with a space") << u"{{first name}}"_s << QStringList{}
                                       << QStringList{u"placeholder 'first name' is not a field id"_s};
    QTest::newRow("name starting with a digit") << u"{{1st}}"_s << QStringList{}
                                                << QStringList{u"placeholder '1st' is not a field id"_s};
    QTest::newRow("dotted name") << u"{{client.count}}"_s << QStringList{}
                                 << QStringList{u"placeholder 'client.count' is not a field id"_s};
    QTest::newRow("non-ASCII name") << u"{{kundenzähler}}"_s << QStringList{}
                                    << QStringList{u"placeholder 'kundenzähler' is not a field id"_s};
    QTest::newRow("name longer than 64") << u"{{"_s + QString(65, u'a') + u"}}"_s << QStringList{}
                                         << QStringList{u"placeholder '%1' is not a field id"_s.arg(QString(65, u'a'))};
    QTest::newRow("triple braces") << u"{{{a}}}"_s << QStringList{}
                                   << QStringList{u"placeholder '{a' is not a field id"_s};
    QTest::newRow("good and bad mixed")
        << u"{{}} {{a}} {{b c}} {{d}} {{e"_s << QStringList{u"a"_s, u"d"_s}
        << QStringList{u"empty placeholder at character 1"_s, u"placeholder 'b c' is not a field id"_s,
                       u"unclosed '{{' at character 26"_s};
}

void TestTextTemplate::placeholders()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    QFETCH(QStringList, problems);

    QStringList actualProblems;
    QCOMPARE(TextTemplate::placeholders(text, &actualProblems), names);
    QCOMPARE(actualProblems, problems);
}

void TestTextTemplate::placeholdersWithoutProblemList()
{
    QCOMPARE(TextTemplate::placeholders(u"{{a}} {{}} {{b c}} {{d"_s), QStringList{u"a"_s});
}

void TestTextTemplate::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("replaces") << u"Hello {{name}}!"_s << u"Hello Ann!"_s;
    QTest::newRow("keeps text around") << u"Before {{a}} after"_s << u"Before 1 after"_s;
    QTest::newRow("adjacent") << u"{{a}}{{b}}"_s << u"12"_s;
    QTest::newRow("at both edges") << u"{{a}}x{{b}}"_s << u"1x2"_s;
    QTest::newRow("repeated") << u"{{a}}-{{a}}"_s << u"1-1"_s;
    QTest::newRow("spaces inside") << u"{{ a }}"_s << u"1"_s;
    QTest::newRow("no placeholders") << u"plain"_s << u"plain"_s;
    QTest::newRow("empty text") << QString() << QString();
    QTest::newRow("non-ASCII text around") << u"Umsatz ±{{a}} €"_s << u"Umsatz ±1 €"_s;
    QTest::newRow("values are not expanded again") << u"{{nested}}"_s << u"{{a}}"_s;

    QTest::newRow("unclosed kept") << u"Hi {{name"_s << u"Hi {{name"_s;
    QTest::newRow("unclosed after valid kept") << u"{{a}} {{b"_s << u"1 {{b"_s;
    QTest::newRow("empty kept") << u"a {{}} b"_s << u"a {{}} b"_s;
    QTest::newRow("non-identifier kept") << u"{{first name}} {{name}}"_s << u"{{first name}} Ann"_s;
    QTest::newRow("triple braces kept") << u"{{{a}}}"_s << u"{{{a}}}"_s;
    QTest::newRow("single braces kept") << u"{a} {{b}}"_s << u"{a} 2"_s;
}

void TestTextTemplate::render()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    QCOMPARE(TextTemplate::render(text, valueOf), expected);
}

void TestTextTemplate::renderAsksForEachPlaceholderInOrder()
{
    QStringList asked;
    const QString out = TextTemplate::render(u"{{b}} {{bad name}} {{a}} {{b}}"_s, [&](const QString &name) {
        asked.append(name);
        return name.toUpper();
    });
    QCOMPARE(out, u"B {{bad name}} A B"_s);
    QCOMPARE(asked, (QStringList{u"b"_s, u"a"_s, u"b"_s}));
}

QTEST_GUILESS_MAIN(TestTextTemplate)
#include "tst_texttemplate.moc"
