#include "deck/deckloader.h"
#include "jsonedits.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using callos::DeckLoader;

namespace {

using callos::test::kRemove;
using Edit = callos::test::JsonEdit;

QJsonObject defaultDeckRoot()
{
    static const QJsonObject root = callos::test::readJsonObject(callos::test::defaultDeckPath());
    return root;
}

// The default deck with edits applied. Its only image is images/growth-path.png (slides[6]).
QByteArray mutated(std::initializer_list<Edit> edits)
{
    return callos::test::withEdits(defaultDeckRoot(), edits);
}

QJsonArray bullets(int count)
{
    QJsonArray out;
    for (int i = 1; i <= count; ++i)
        out.append(u"Point %1"_s.arg(i));
    return out;
}

} // namespace

class TestDeckLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaultDeckLoads();
    void serializedDefaultIsValid();
    void acceptsImageInSubfolder();
    void refusesImageLinkLeadingOutside();
    void rejectsMalformedDeck_data();
    void rejectsMalformedDeck();
    void loadFileNamesFolderAndFile();

private:
    bool createFile(const QString &relativePath);

    callos::Playbook m_playbook;
    QTemporaryDir m_deckDir;
};

bool TestDeckLoader::createFile(const QString &relativePath)
{
    const QString path = m_deckDir.filePath(relativePath);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("png") == 3;
}

void TestDeckLoader::initTestCase()
{
    m_playbook = callos::test::loadDefaultPlaybook();
    QVERIFY(m_deckDir.isValid());
    QVERIFY(createFile(u"images/growth-path.png"_s));
}

void TestDeckLoader::defaultDeckLoads()
{
    const auto loaded = DeckLoader::loadFile(callos::test::defaultDeckPath(), m_playbook);
    QVERIFY2(loaded.errors.isEmpty(), qPrintable(loaded.messages().join(u'\n')));
    QVERIFY(loaded.ok());
    const callos::Deck &deck = *loaded.value;

    QCOMPARE(deck.id, u"default"_s);
    for (const callos::Milestone &milestone : m_playbook.milestones)
        QVERIFY2(deck.firstSlideOf(milestone.id) >= 0, qPrintable(milestone.id));

    QSet<callos::SlideLayout> layouts;
    for (const callos::Slide &slide : deck.slides) {
        layouts.insert(slide.layout);
        if (slide.layout == callos::SlideLayout::Image) {
            QVERIFY(QFileInfo(slide.imagePath).isAbsolute());
            QVERIFY2(QFileInfo(slide.imagePath).isFile(), qPrintable(slide.imagePath));
        }
    }
    QCOMPARE(layouts, (QSet<callos::SlideLayout>{callos::SlideLayout::Title, callos::SlideLayout::Bullets,
                                                 callos::SlideLayout::Image, callos::SlideLayout::Metric,
                                                 callos::SlideLayout::TwoColumn, callos::SlideLayout::Quote}));
}

// Every bad row below is this document with one change, so it must be valid itself.
void TestDeckLoader::serializedDefaultIsValid()
{
    const auto loaded = DeckLoader::parse(mutated({}), u"deck.json"_s, m_deckDir.path(), m_playbook);
    QVERIFY2(loaded.ok(), qPrintable(loaded.messages().join(u'\n')));
    QCOMPARE(loaded.value->directory, m_deckDir.path());
    QCOMPARE(loaded.value->slides.at(6).imagePath, m_deckDir.filePath(u"images/growth-path.png"_s));
}

void TestDeckLoader::acceptsImageInSubfolder()
{
    QVERIFY(createFile(u"images/2024/chart.png"_s));
    const auto loaded = DeckLoader::parse(mutated({{u"slides[6].image"_s, u"images/2024/chart.png"_s}}),
                                          u"deck.json"_s, m_deckDir.path(), m_playbook);
    QVERIFY2(loaded.ok(), qPrintable(loaded.messages().join(u'\n')));
    QCOMPARE(loaded.value->slides.at(6).imagePath, m_deckDir.filePath(u"images/2024/chart.png"_s));
}

void TestDeckLoader::refusesImageLinkLeadingOutside()
{
    // A link inside the deck folder must not smuggle in a file from elsewhere.
    QTemporaryDir outside;
    QFile secret(outside.filePath(u"secret.png"_s));
    QVERIFY(secret.open(QIODevice::WriteOnly) && secret.write("png") == 3);
    secret.close();
    QVERIFY(QFile::link(secret.fileName(), m_deckDir.filePath(u"images/innocent.png"_s)));
    const auto loaded = DeckLoader::parse(mutated({{u"slides[6].image"_s, u"images/innocent.png"_s}}), u"deck.json"_s,
                                          m_deckDir.path(), m_playbook);
    QCOMPARE(loaded.messages(), QStringList{u"deck.json: slides[6].image: must be a path inside the deck folder"_s});
}

void TestDeckLoader::rejectsMalformedDeck_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("expected");

    // Images.
    QTest::newRow("missing image file")
        << mutated({{u"slides[6].image"_s, u"images/missing.png"_s}})
        << QStringList{u"deck.json: slides[6].image: image file not found: images/missing.png"_s};
    QTest::newRow("image path escaping the folder")
        << mutated({{u"slides[6].image"_s, u"../growth-path.png"_s}})
        << QStringList{u"deck.json: slides[6].image: must be a path inside the deck folder"_s};
    QTest::newRow("image path escaping through a subfolder")
        << mutated({{u"slides[6].image"_s, u"images/../../secret.png"_s}})
        << QStringList{u"deck.json: slides[6].image: must be a path inside the deck folder"_s};
    QTest::newRow("absolute image path")
        << mutated({{u"slides[6].image"_s, u"/etc/hostname"_s}})
        << QStringList{u"deck.json: slides[6].image: must be a path inside the deck folder"_s};
    QTest::newRow("image path naming a folder")
        << mutated({{u"slides[6].image"_s, u"images"_s}})
        << QStringList{u"deck.json: slides[6].image: image file not found: images"_s};
    QTest::newRow("image layout without image") << mutated({{u"slides[6].image"_s, kRemove}})
                                                << QStringList{u"deck.json: slides[6].image: is required"_s};

    // Placeholders.
    QTest::newRow("unknown placeholder in title")
        << mutated({{u"slides[0].title"_s, u"Welcome, {{firstName}}"_s}})
        << QStringList{u"deck.json: slides[0].title: unknown placeholder {{firstName}}"_s};
    QTest::newRow("unknown placeholder in a bullet")
        << mutated({{u"slides[1].bullets[2]"_s, u"Budget: {{budget}}"_s}})
        << QStringList{u"deck.json: slides[1].bullets[2]: unknown placeholder {{budget}}"_s};
    QTest::newRow("unknown placeholder in a column")
        << mutated({{u"slides[7].right.bullets[0]"_s, u"{{growth}} growth"_s}})
        << QStringList{u"deck.json: slides[7].right.bullets[0]: unknown placeholder {{growth}}"_s};
    QTest::newRow("unclosed placeholder in caption")
        << mutated({{u"slides[2].caption"_s, u"Swings of {{revenueVolatility"_s}})
        << QStringList{u"deck.json: slides[2].caption: unclosed '{{' at character 11"_s};

    // Milestones, layouts and keys.
    QTest::newRow("unknown milestone") << mutated({{u"slides[0].milestone"_s, u"intro"_s}})
                                       << QStringList{u"deck.json: slides[0].milestone: unknown milestone 'intro'"_s};
    QTest::newRow("unknown layout")
        << mutated({{u"slides[0].layout"_s, u"hero"_s}})
        << QStringList{u"deck.json: slides[0].layout: must be one of title, bullets, image, metric, two-column, quote (got 'hero')"_s};
    QTest::newRow("bullets on a title slide")
        << mutated({{u"slides[0].bullets"_s, QJsonArray{u"One"_s}}})
        << QStringList{u"deck.json: slides[0].bullets: not used by the title layout"_s};
    QTest::newRow("title on a quote slide")
        << mutated({{u"slides[5].title"_s, u"In your words"_s}})
        << QStringList{u"deck.json: slides[5].title: not used by the quote layout"_s};
    QTest::newRow("unknown key in a slide") << mutated({{u"slides[0].subtitel"_s, u"Hi"_s}})
                                            << QStringList{u"deck.json: slides[0].subtitel: unknown key"_s};
    QTest::newRow("unknown key in a column") << mutated({{u"slides[7].left.footer"_s, u"x"_s}})
                                             << QStringList{u"deck.json: slides[7].left.footer: unknown key"_s};

    // Required values and counts.
    QTest::newRow("bullets empty") << mutated({{u"slides[1].bullets"_s, QJsonArray{}}})
                                   << QStringList{u"deck.json: slides[1].bullets: must have at least one entry"_s};
    QTest::newRow("9 bullets") << mutated({{u"slides[1].bullets"_s, bullets(9)}})
                               << QStringList{u"deck.json: slides[1].bullets: must have at most 8 entries"_s};
    QTest::newRow("blank bullet") << mutated({{u"slides[1].bullets[0]"_s, u" "_s}})
                                  << QStringList{u"deck.json: slides[1].bullets[0]: must be a non-empty string"_s};
    QTest::newRow("two-column missing right") << mutated({{u"slides[7].right"_s, kRemove}})
                                              << QStringList{u"deck.json: slides[7].right: is required"_s};
    QTest::newRow("two-column left not an object") << mutated({{u"slides[7].left"_s, u"Today"_s}})
                                                   << QStringList{u"deck.json: slides[7].left: must be an object"_s};
    QTest::newRow("metric without value") << mutated({{u"slides[2].value"_s, kRemove}})
                                          << QStringList{u"deck.json: slides[2].value: is required"_s};
    QTest::newRow("title not a string") << mutated({{u"slides[0].title"_s, 5}})
                                        << QStringList{u"deck.json: slides[0].title: must be a string"_s};
    QTest::newRow("duplicate slide id")
        << mutated({{u"slides[1].id"_s, u"welcome"_s}})
        << QStringList{u"deck.json: slides[1].id: duplicate slide id 'welcome' (first at slides[0].id)"_s};
    QTest::newRow("bad slide id") << mutated({{u"slides[1].id"_s, u"our agenda"_s}})
                                  << QStringList{u"deck.json: slides[1].id: must start with a letter and contain only "
                                                 u"letters, digits, '-' or '_' (at most 64)"_s};

    // Deck level.
    // The "unknown key" lines are not wanted (the loader means to stop at the version); see the report.
    QTest::newRow("schemaVersion 2") << mutated({{u"schemaVersion"_s, 2}})
                                     << QStringList{u"deck.json: schemaVersion: unsupported version 2; this CallOS reads version 1"_s};
    QTest::newRow("slides empty") << mutated({{u"slides"_s, QJsonArray{}}})
                                  << QStringList{u"deck.json: slides: must have at least one entry"_s};
    QTest::newRow("missing title") << mutated({{u"title"_s, kRemove}}) << QStringList{u"deck.json: title: is required"_s};
    QTest::newRow("empty file") << QByteArray() << QStringList{u"deck.json: file is empty"_s};
    QTest::newRow("root is an array") << QByteArray("[]") << QStringList{u"deck.json: must be a JSON object"_s};

    QTest::newRow("many problems at once")
        << mutated({{u"slides[0].milestone"_s, u"intro"_s},
                    {u"slides[2].value"_s, kRemove},
                    {u"slides[6].image"_s, u"images/missing.png"_s},
                    {u"slides[9].right.bullets"_s, bullets(9)},
                    {u"slides[13].title"_s, u"Thanks, {{firstName}}"_s}})
        << QStringList{u"deck.json: slides[0].milestone: unknown milestone 'intro'"_s,
                       u"deck.json: slides[2].value: is required"_s,
                       u"deck.json: slides[6].image: image file not found: images/missing.png"_s,
                       u"deck.json: slides[9].right.bullets: must have at most 8 entries"_s,
                       u"deck.json: slides[13].title: unknown placeholder {{firstName}}"_s};
}

void TestDeckLoader::rejectsMalformedDeck()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, expected);

    const auto loaded = DeckLoader::parse(bytes, u"deck.json"_s, m_deckDir.path(), m_playbook);
    // Every message at once, in order; on a mismatch show them all.
    QVERIFY2(loaded.messages() == expected, qPrintable(u"got:\n"_s + loaded.messages().join(u'\n')));
    QVERIFY(!loaded.value.has_value());
    QVERIFY(!loaded.ok());
}

void TestDeckLoader::loadFileNamesFolderAndFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(u"coaching"_s));
    QFile file(dir.filePath(u"coaching/deck.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray bytes = mutated({});
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();

    // No images folder next to this copy, so the image slide is the only error.
    const auto loaded = DeckLoader::loadFile(file.fileName(), m_playbook);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.messages(),
             QStringList{u"coaching/deck.json: slides[6].image: image file not found: images/growth-path.png"_s});

    const auto missing = DeckLoader::loadFile(dir.filePath(u"other/deck.json"_s), m_playbook);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.errors.size(), 1);
    QVERIFY2(missing.messages().constFirst().startsWith(u"other/deck.json: cannot open: "_s),
             qPrintable(missing.messages().constFirst()));
}

QTEST_GUILESS_MAIN(TestDeckLoader)
#include "tst_deckloader.moc"
