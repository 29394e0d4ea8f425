// The German and English catalogs: compiled into :/i18n, complete, and
// faithful to the placeholders, mnemonics and shortcut hints of the sources.
#include "ui/common/reasonprompt.h"

#include "testpaths.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString type;              // "" (finished), "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList translations;  // one entry, or one per numerus form
};

// Reads a Qt Linguist .ts file; `error` is set when it is not well-formed.
QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open %1"_s.arg(path);
        return {};
    }
    QList<TsMessage> messages;
    QString context;
    std::optional<TsMessage> message;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"context") {
            // A new context: the last message of the one before is complete.
            if (message)
                messages.append(*message);
            message.reset();
            context.clear();
        } else if (name == u"name" && !message) {
            context = xml.readElementText();
        } else if (name == u"message") {
            if (message)
                messages.append(*message);
            message = TsMessage{context, {}, {}, xml.attributes().value(u"numerus"_s) == u"yes", {}};
        } else if (message && name == u"source") {
            message->source = xml.readElementText();
        } else if (message && name == u"translation") {
            message->type = xml.attributes().value(u"type"_s).toString();
            if (!message->numerus)
                message->translations.append(xml.readElementText());
        } else if (message && name == u"numerusform") {
            message->translations.append(xml.readElementText());
        }
    }
    if (message)
        messages.append(*message);
    if (xml.hasError())
        *error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QString describe(const TsMessage &m)
{
    return u"[%1] \"%2\""_s.arg(m.context, m.source);
}

// The %1..%9 placeholders a text uses (QString::arg markers; %n is numerus).
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(u"%[1-9]"_s);
    QSet<QString> found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

// The mnemonic letter of a label ("&Name" -> 'n'), or nullopt; "&&" is a literal '&'.
std::optional<QChar> mnemonic(const QString &text, int *count)
{
    std::optional<QChar> letter;
    *count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        if (text.at(i + 1).isSpace()) // "Context & Frame": not a mnemonic
            continue;
        ++*count;
        letter = text.at(i + 1).toLower();
    }
    return letter;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_de = readTs(callos::test::sourcePath(u"translations/callos_de.ts"_s), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_en = readTs(callos::test::sourcePath(u"translations/callos_en.ts"_s), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(m_de.size() > 200, qPrintable(u"only %1 messages in callos_de.ts"_s.arg(m_de.size())));
        // Each message keeps its own context (the shortcut checks are per context).
        QSet<QString> contexts;
        for (const TsMessage &message : std::as_const(m_de))
            contexts.insert(message.context);
        QVERIFY2(contexts.size() > 20, qPrintable(u"only %1 contexts read"_s.arg(contexts.size())));
    }

    void cleanup()
    {
        QCoreApplication::removeTranslator(&m_translator);
    }

    void catalogsAreEmbedded()
    {
        QVERIFY(QFile::exists(u":/i18n/callos_de.qm"_s));
        QVERIFY(QFile::exists(u":/i18n/callos_en.qm"_s));
    }

    // The way main.cpp finds the catalog for `--lang de` (and for a de_AT system).
    void loadsLikeTheApp_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::newRow("de") << u"de"_s;
        QTest::newRow("de_DE") << u"de_DE"_s;
        QTest::newRow("de_AT") << u"de_AT"_s;
    }

    void loadsLikeTheApp()
    {
        QFETCH(QString, locale);
        QVERIFY(m_translator.load(QLocale(locale), u"callos"_s, u"_"_s, u":/i18n"_s));
        QCOMPARE(m_translator.language(), u"de_DE"_s);
    }

    void knownStrings_data()
    {
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("german");
        QTest::newRow("call page") << "callos::ui::CallPage"_ba << "Complete milestone (Ctrl+Enter)"_ba
                                   << u"Meilenstein abschließen (Strg+Eingabe)"_s;
        QTest::newRow("decision panel") << "callos::ui::DecisionPanel"_ba << "End call (Ctrl+Shift+Enter)"_ba
                                        << u"Gespräch beenden (Strg+Umschalt+Eingabe)"_s;
        QTest::newRow("start form") << "callos::ui::StartPage"_ba << "&Company"_ba << u"&Firma"_s;
        QTest::newRow("engine") << "callos::CallReducer"_ba << "The follow-up must be in the future."_ba
                                << u"Der Folgetermin muss in der Zukunft liegen."_s;
        QTest::newRow("store") << "callos::client::StoreRefusals"_ba << "unknown error"_ba << u"unbekannter Fehler"_s;
        QTest::newRow("main") << "main"_ba << "The playbook cannot be used"_ba << u"Das Playbook kann nicht verwendet werden"_s;
    }

    void knownStrings()
    {
        QFETCH(QByteArray, context);
        QFETCH(QByteArray, source);
        QFETCH(QString, german);
        QVERIFY(m_translator.load(u":/i18n/callos_de.qm"_s));
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
        QCOMPARE(QCoreApplication::translate(context.constData(), source.constData()), german);
    }

    void numerusForms()
    {
        QVERIFY(m_translator.load(u":/i18n/callos_de.qm"_s));
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
        const char *source = "marking %n event(s) as received by the server";
        QCOMPARE(QCoreApplication::translate("callos::client::CallEventStore", source, nullptr, 1),
                 u"Markieren von 1 Ereignis als vom Server empfangen"_s);
        QCOMPARE(QCoreApplication::translate("callos::client::CallEventStore", source, nullptr, 3),
                 u"Markieren von 3 Ereignissen als vom Server empfangen"_s);

        QVERIFY(m_translator.load(u":/i18n/callos_en.qm"_s));
        QCOMPARE(QCoreApplication::translate("callos::client::CallEventStore", source, nullptr, 1),
                 u"marking 1 event as received by the server"_s);
        QCOMPARE(QCoreApplication::translate("callos::client::CallEventStore", source, nullptr, 2),
                 u"marking 2 events as received by the server"_s);
        // English catalog: plain messages fall back to the source text.
        QCOMPARE(QCoreApplication::translate("callos::ui::CallPage", "Complete milestone (Ctrl+Enter)"),
                 u"Complete milestone (Ctrl+Enter)"_s);
    }

    // A real widget picks the German text up from tr().
    void widgetShowsGerman()
    {
        QVERIFY(m_translator.load(u":/i18n/callos_de.qm"_s));
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
        callos::ui::ReasonPrompt prompt;
        const auto *reason = prompt.findChild<QLineEdit *>();
        QVERIFY(reason);
        QCOMPARE(reason->placeholderText(), u"Grund (wird mit dem Gespräch gespeichert)"_s);
    }

    void everyGermanMessageIsTranslated()
    {
        QStringList problems;
        for (const TsMessage &m : std::as_const(m_de)) {
            if (!m.type.isEmpty())
                problems << u"%1 is %2"_s.arg(describe(m), m.type);
            if (m.translations.isEmpty())
                problems << u"%1 has no translation"_s.arg(describe(m));
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << u"%1 has an empty translation"_s.arg(describe(m));
            }
            if (m.numerus && m.translations.size() != 2)
                problems << u"%1 needs 2 German numerus forms, has %2"_s.arg(describe(m)).arg(m.translations.size());
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void placeholdersAreKept()
    {
        QStringList problems;
        for (const TsMessage &m : std::as_const(m_de)) {
            const QSet<QString> wanted = placeholders(m.source);
            for (const QString &t : m.translations) {
                if (placeholders(t) != wanted)
                    problems << u"%1 -> \"%2\": placeholders differ"_s.arg(describe(m), t);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // "(Ctrl+Enter)" reads "(Strg+Eingabe)" on a German keyboard.
    void shortcutHintsUseGermanKeyNames()
    {
        static const QRegularExpression englishKeys(u"\\b(Ctrl|Shift|Enter|Space|Page Up|Page Down)\\b"_s);
        QStringList problems;
        for (const TsMessage &m : std::as_const(m_de)) {
            for (const QString &t : m.translations) {
                if (m.source.contains(u"Ctrl+"_s) && !t.contains(u"Strg+"_s))
                    problems << u"%1 -> \"%2\": no Strg+"_s.arg(describe(m), t);
                if (t.contains(englishKeys))
                    problems << u"%1 -> \"%2\": English key name"_s.arg(describe(m), t);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // A label with a mnemonic keeps exactly one, and no two labels of a form share a letter.
    void mnemonicsAreValidAndUnique()
    {
        QStringList problems;
        QHash<QString, QHash<QChar, QString>> used; // context -> letter -> translation
        for (const TsMessage &m : std::as_const(m_de)) {
            int sourceCount = 0;
            mnemonic(m.source, &sourceCount);
            for (const QString &t : m.translations) {
                int count = 0;
                const auto letter = mnemonic(t, &count);
                if (count != sourceCount) {
                    problems << u"%1 -> \"%2\": %3 mnemonic(s), the source has %4"_s.arg(describe(m), t).arg(count).arg(sourceCount);
                    continue;
                }
                if (!letter)
                    continue;
                QHash<QChar, QString> &letters = used[m.context];
                if (letters.contains(*letter))
                    problems << u"[%1] \"%2\" and \"%3\" share Alt+%4"_s.arg(m.context, letters.value(*letter), t, letter->toUpper());
                letters.insert(*letter, t);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // callos_en.ts lists the same messages (source = English, so finished and
    // empty), except numerus messages, which need the singular and plural.
    void englishCatalogIsComplete()
    {
        QSet<QString> german;
        for (const TsMessage &m : std::as_const(m_de))
            german.insert(m.context + u'\x1f' + m.source);
        QSet<QString> english;
        QStringList problems;
        for (const TsMessage &m : std::as_const(m_en)) {
            english.insert(m.context + u'\x1f' + m.source);
            if (!m.type.isEmpty())
                problems << u"%1 is %2"_s.arg(describe(m), m.type);
            if (m.numerus) {
                if (m.translations.size() != 2 || m.translations.contains(QString()))
                    problems << u"%1 needs 2 English numerus forms"_s.arg(describe(m));
            } else if (!m.translations.value(0).isEmpty()) {
                problems << u"%1 should be left empty (source is English)"_s.arg(describe(m));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(english, german);
    }

    // The domain library's messages (validation, formatting) translate too:
    // they use literal contexts, so lupdate and the run time agree on them.
    void sharedHelperContexts_data()
    {
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("german");
        QTest::newRow("FieldValues") << "callos::FieldValues"_ba << "Noted: %1"_ba << u"Notiert: %1"_s;
        QTest::newRow("TextTemplate") << "callos::TextTemplate"_ba << "empty placeholder at character %1"_ba
                                      << u"leerer Platzhalter bei Zeichen %1"_s;
        QTest::newRow("DeckLoader") << "callos::DeckLoader"_ba << "image file not found: %1"_ba
                                    << u"Bilddatei nicht gefunden: %1"_s;
        QTest::newRow("PlaybookLoader") << "callos::PlaybookLoader"_ba << "field id"_ba << u"Feld-ID"_s;
        QTest::newRow("JsonFile") << "callos::JsonFile"_ba << "line %1, column %2"_ba << u"Zeile %1, Spalte %2"_s;
    }

    void sharedHelperContexts()
    {
        QFETCH(QByteArray, context);
        QFETCH(QByteArray, source);
        QFETCH(QString, german);
        QVERIFY(m_translator.load(u":/i18n/callos_de.qm"_s));
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
        QCOMPARE(QCoreApplication::translate(context.constData(), source.constData()), german);
    }

private:
    QList<TsMessage> m_de;
    QList<TsMessage> m_en;
    QTranslator m_translator;
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
