// `callos --help` as a user runs it: the real binary, printing its options in
// the language --lang names (the translator is in place before the help is
// made), wherever --lang stands on the command line.
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAppHelp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpSpeaksTheChosenLanguage_data();
    void helpSpeaksTheChosenLanguage();
};

void TestAppHelp::helpSpeaksTheChosenLanguage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QStringList>("notShown");
    const QStringList german { u"CallOS: geführte Verkaufsgespräche."_s,
        u"Sprache (en, de); Standard: Systemsprache."_s, u"Foliensatz (deck.json)."_s };
    const QStringList english { u"CallOS: guided sales calls."_s, u"Language (en, de); default: the system's."_s,
        u"Slide deck (deck.json)."_s };
    QTest::newRow("--lang de --help") << QStringList { u"--lang"_s, u"de"_s, u"--help"_s } << german << english;
    QTest::newRow("--help --lang de") << QStringList { u"--help"_s, u"--lang"_s, u"de"_s } << german << english;
    QTest::newRow("--lang=de --help") << QStringList { u"--lang=de"_s, u"--help"_s } << german << english;
    QTest::newRow("--lang en --help") << QStringList { u"--lang"_s, u"en"_s, u"--help"_s } << english << german;
}

void TestAppHelp::helpSpeaksTheChosenLanguage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, shown);
    QFETCH(QStringList, notShown);
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // The system's language is English: German can only come from --lang.
    environment.insert(u"LANG"_s, u"C.UTF-8"_s);
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.remove(u"LANGUAGE"_s);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CALLOS_BINARY), arguments);
    QVERIFY2(process.waitForFinished(30000), "callos --help did not finish");
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    for (const QString &text : shown)
        QVERIFY2(help.contains(text), qPrintable(u"missing \"%1\" in:\n%2"_s.arg(text, help)));
    for (const QString &text : notShown)
        QVERIFY2(!help.contains(text), qPrintable(u"unexpected \"%1\" in:\n%2"_s.arg(text, help)));
}

QTEST_GUILESS_MAIN(TestAppHelp)
#include "tst_apphelp.moc"
