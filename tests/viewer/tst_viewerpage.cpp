// The client viewer in a real browser: headless Chromium (Debian's) opens a
// share link's /view/<token> page, and follows 20 slide changes pushed over
// the WebSocket as the agent moves. Every slide is one the app's own
// SlideRenderer drew, and the browser must show exactly its pixels (an
// FNV-1a of the decoded RGBA, computed on both sides). When the call ends
// the page says so and drops the slide, and the link is dead on reload.
// Besides: the page's security headers, the share-link rules (only the
// call's agent, only while it runs, PNG only), revocation closing viewers,
// and no token in the log.
#include "apiharness.h"
#include "callevents.h"
#include "callharness.h"
#include "deck/deckloader.h"
#include "live/livehub.h"
#include "liveclient.h"
#include "playbook/playbookloader.h"
#include "testdatabases.h"
#include "testpaths.h"
#include "ui/slides/sliderenderer.h"
#include "viewer/viewerroutes.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

QByteArray pngOf(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// What the page computes over canvas getImageData: FNV-1a of RGBA bytes.
QString fnvOfPixels(const QImage &image)
{
    const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888);
    quint32 hash = 0x811c9dc5;
    for (int y = 0; y < rgba.height(); ++y) {
        const uchar *line = rgba.constScanLine(y);
        for (int x = 0; x < rgba.width() * 4; ++x) {
            hash ^= line[x];
            hash *= 0x01000193;
        }
    }
    return u"%1"_s.arg(hash, 8, 16, QLatin1Char('0'));
}

} // namespace

class TestViewerPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void browserFollowsTwentySlides();
    void onlyTheAgentSharesARunningCall_data() { TestDatabases::addBackendRows(); }
    void onlyTheAgentSharesARunningCall();
    void revokingClosesTheViewers_data() { TestDatabases::addBackendRows(); }
    void revokingClosesTheViewers();
    void aViewerSeesOnlyItsCallsSlides_data() { TestDatabases::addBackendRows(); }
    void aViewerSeesOnlyItsCallsSlides();

private:
    void startServer(DatabaseSettings::Backend backend);
    // An agent with a call under way on the server; sets m_agentToken.
    QString startCall(const QString &prefix);
    QString createLink(const QString &callId, const QString &token);

    Playbook m_playbook;
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
    ApiHarness::Organisation m_acme;
    SeededUser m_agent;
    QString m_agentToken;
};

void TestViewerPage::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY2(loaded.ok(), qPrintable(loaded.messages().join(u'\n')));
    m_playbook = *loaded.value;
}

void TestViewerPage::init()
{
    m_databases = std::make_unique<TestDatabases>();
}

void TestViewerPage::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

void TestViewerPage::startServer(DatabaseSettings::Backend backend)
{
    const auto settings = m_databases->create(backend);
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    m_api = std::make_unique<ApiHarness>(settings.value());
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
    m_acme = m_api->addOrganisation(u"Acme"_s);
    m_agent = m_api->addUser(m_acme.orgId, Role::Agent, u"agent@acme.example"_s);
    m_agentToken = m_api->signIn(m_agent);
}

QString TestViewerPage::startCall(const QString &prefix)
{
    CallHarness call(m_playbook);
    if (!call.begin() || !call.runToDecision())
        return {};
    const QString callId = registerCall(*m_api, m_agentToken, prefix, call.events());
    const ApiReply pushed = m_api->post(
        u"/api/v1/events"_s, { { u"events"_s, envelopes(call.events(), prefix, 0, 5) } }, m_agentToken);
    return pushed.status == 200 ? callId : QString();
}

QString TestViewerPage::createLink(const QString &callId, const QString &token)
{
    const ApiReply link = m_api->post(u"/api/v1/calls/%1/share-links"_s.arg(callId), {}, token);
    if (link.status != 201)
        return {};
    return link.json[u"token"_s].toString();
}

void TestViewerPage::browserFollowsTwentySlides()
{
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    const QString chromium = qEnvironmentVariable("CALLOS_CHROMIUM", u"/usr/bin/chromium"_s);
    const QString script = QStringLiteral(CALLOS_VIEWER_TEST_DIR "/follow_slides.mjs");
    QVERIFY2(!node.isEmpty(), "node is missing: run scripts/install-deps");
    QVERIFY2(QFileInfo::exists(chromium), "chromium is missing: run scripts/install-deps");
    QVERIFY2(QFileInfo::exists(QStringLiteral(CALLOS_VIEWER_TEST_DIR "/node_modules/playwright-core")),
        "playwright-core is missing: run scripts/install-deps (npm ci in tests/viewer)");

    startServer(DatabaseSettings::Backend::Sqlite);
    const QString callId = startCall(u"page-"_s);
    QVERIFY(!callId.isEmpty());
    const ApiReply link = m_api->post(u"/api/v1/calls/%1/share-links"_s.arg(callId), {}, m_agentToken);
    QCOMPARE(link.status, 201);
    const QString shareToken = link.json[u"token"_s].toString();
    QVERIFY(shareToken.startsWith(u"cov_"_s));
    QCOMPARE(link.json[u"path"_s].toString(), u"/view/"_s + shareToken);

    // The slides the agent's presentation window would show: the app's own renderer.
    Validated<Deck> deck = DeckLoader::loadFile(defaultDeckPath(), m_playbook);
    QVERIFY2(deck.ok(), qPrintable(deck.messages().join(u'\n')));
    const ui::SlideRenderer renderer(m_playbook, *deck.value, QLocale(QLocale::English, QLocale::UnitedStates));
    FieldValues fields;
    for (const Milestone &milestone : m_playbook.milestones)
        for (const FieldDefinition &field : milestone.fields)
            fields.insert(field.id, exampleFieldValue(field));

    QTemporaryDir screenshots;
    const QString screenshot = qEnvironmentVariable("CALLOS_VIEWER_SCREENSHOT", screenshots.filePath(u"viewer.png"_s));
    QProcess browser;
    browser.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"CALLOS_CHROMIUM"_s, chromium);
    browser.setProcessEnvironment(environment);
    constexpr int kSlides = 20;
    browser.start(node, { script, m_api->url(u"/view/"_s + shareToken).toString(), QString::number(kSlides), screenshot });
    const auto nextLine = [&browser]() -> QJsonObject {
        QElapsedTimer waited;
        waited.start();
        while (!browser.canReadLine() && waited.elapsed() < 60000 && browser.state() != QProcess::NotRunning)
            QTest::qWait(10);
        if (!browser.canReadLine())
            browser.waitForReadyRead(100);
        return QJsonDocument::fromJson(browser.readLine()).object();
    };

    const QJsonObject opened = nextLine();
    QCOMPARE(opened[u"page_status"_s].toInt(), 200);
    QVERIFY(opened[u"csp"_s].toString().contains(u"default-src 'none'"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_api->app().live().viewerCount(m_acme.orgId, callId), 1, 30000);

    const int slideCount = int(deck.value->slides.size());
    QVERIFY(slideCount > 1);
    for (int change = 1; change <= kSlides; ++change) {
        // Through the deck and round again: 20 changes, no two alike in a row.
        const int index = (change - 1) % slideCount;
        const QImage slide = renderer.render(index, fields, QSize(1280, 720));
        const QByteArray png = pngOf(slide);
        const ApiReply put = m_api->send("PUT", u"/api/v1/calls/%1/slide"_s.arg(callId), png,
            { { "Content-Type", "image/png" } }, m_agentToken);
        QCOMPARE(put.status, 204);
        const QJsonObject seen = nextLine();
        QVERIFY2(seen[u"frame"_s].toInt() == change, QJsonDocument(seen).toJson().constData());
        QCOMPARE(seen[u"frames"_s].toInt(), change); // none skipped, none doubled
        QCOMPARE(seen[u"width"_s].toInt(), 1280);
        QCOMPARE(seen[u"height"_s].toInt(), 720);
        QVERIFY(seen[u"visible"_s].toBool());
        QCOMPARE(seen[u"fnv"_s].toString(), fnvOfPixels(slide));
    }
    QVERIFY(QFileInfo(screenshot).size() > 10000);

    // The call ends: the page says so and the link is dead.
    QCOMPARE(m_api->post(u"/api/v1/calls/%1/complete"_s.arg(callId), {}, m_agentToken).status, 200);
    const QJsonObject ended = nextLine();
    QVERIFY2(ended[u"ended"_s].toBool(), QJsonDocument(ended).toJson().constData());
    QVERIFY(ended[u"text"_s].toString().contains(u"ended"_s));
    QVERIFY(ended[u"slide_hidden"_s].toBool());
    const QJsonObject reloaded = nextLine();
    QCOMPARE(reloaded[u"reload_status"_s].toInt(), 404);
    QVERIFY(reloaded[u"text"_s].toString().contains(u"ended or is not valid"_s));
    QVERIFY(browser.waitForFinished(30000));
    QCOMPARE(browser.exitCode(), 0);

    // The token was in every page request's path; the log shows none of it.
    const QByteArray log = m_api->logText();
    QVERIFY(log.contains("/view/"));
    QVERIFY(!log.contains(shareToken.toUtf8()));
    QVERIFY(!log.contains(shareToken.mid(4, 16).toUtf8()));
}

void TestViewerPage::onlyTheAgentSharesARunningCall()
{
    QFETCH(DatabaseSettings::Backend, backend);
    startServer(backend);
    const QString callId = startCall(u"rules-"_s);
    QVERIFY(!callId.isEmpty());
    const SeededUser colleague = m_api->addUser(m_acme.orgId, Role::Agent, u"colleague@acme.example"_s);
    const SeededUser manager = m_api->addUser(m_acme.orgId, Role::Manager, u"manager@acme.example"_s);
    const auto globex = m_api->addOrganisation(u"Globex"_s);
    const QString path = u"/api/v1/calls/%1/share-links"_s.arg(callId);

    QCOMPARE(m_api->post(path, {}, m_api->signIn(colleague)).errorCode(), u"call.not_found"_s);
    QCOMPARE(m_api->post(path, {}, m_api->signIn(manager)).errorCode(), u"call.not_found"_s);
    QCOMPARE(m_api->post(path, {}, m_api->signIn(globex.admin)).status, 404);
    QCOMPARE(m_api->post(path, {}).status, 401);
    QCOMPARE(m_api->post(path, { { u"expires"_s, 5 } }, m_agentToken).status, 400);

    const QString token = createLink(callId, m_agentToken);
    QVERIFY(!token.isEmpty());
    const QString slidePath = u"/api/v1/calls/%1/slide"_s.arg(callId);
    const QByteArray png = pngOf(QImage(64, 36, QImage::Format_RGB32));
    QCOMPARE(m_api->send("PUT", slidePath, png, { { "Content-Type", "image/jpeg" } }, m_agentToken).status, 415);
    const ApiReply notPng = m_api->send("PUT", slidePath, "GIF89a....", { { "Content-Type", "image/png" } }, m_agentToken);
    QCOMPARE(notPng.status, 400);
    QCOMPARE(m_api->send("PUT", slidePath, png, { { "Content-Type", "image/png" } }, m_api->signIn(manager)).status,
        404);
    const QByteArray huge(ViewerRoutes::kMaximumSlideBytes + 1, 'x');
    QCOMPARE(m_api->send("PUT", slidePath, huge, { { "Content-Type", "image/png" } }, m_agentToken).status, 413);

    // The page: served with its guards while the call runs.
    const ApiReply page = m_api->get(u"/view/"_s + token);
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    QCOMPARE(page.header("Referrer-Policy"), QByteArray("no-referrer"));
    QCOMPARE(page.header("Cache-Control"), QByteArray("no-store"));
    QVERIFY(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    QVERIFY(page.body.contains("/viewer/viewer.js"));
    QCOMPARE(m_api->get(u"/viewer/viewer.js"_s).status, 200);
    for (const QString &bad : { u"cov_short"_s, QString(u"cov_"_s + QString(43, u'A')), u"x"_s,
             QString(u"cov_"_s + QString(42, u'A') + u"%"_s) })
        QCOMPARE(m_api->get(u"/view/"_s + QString::fromLatin1(QUrl::toPercentEncoding(bad))).status, 404);

    // Ended: no new link, no slide, and the old link is dead.
    QCOMPARE(m_api->post(u"/api/v1/calls/%1/complete"_s.arg(callId), {}, m_agentToken).status, 200);
    QCOMPARE(m_api->post(path, {}, m_agentToken).errorCode(), u"call.ended"_s);
    QCOMPARE(m_api->send("PUT", slidePath, png, { { "Content-Type", "image/png" } }, m_agentToken).status, 409);
    QCOMPARE(m_api->get(u"/view/"_s + token).status, 404);
    LiveClient late(m_api->url(QString::fromLatin1(LiveHub::kPath)));
    QVERIFY(late.open());
    late.send({ { u"type"_s, u"view"_s }, { u"token"_s, token } });
    QCOMPARE(late.waitClosed(), int(LiveHub::NotFound));
}

void TestViewerPage::revokingClosesTheViewers()
{
    QFETCH(DatabaseSettings::Backend, backend);
    startServer(backend);
    const QString callId = startCall(u"revoke-"_s);
    const QString token = createLink(callId, m_agentToken);
    QVERIFY(!token.isEmpty());
    LiveClient viewer(m_api->url(QString::fromLatin1(LiveHub::kPath)));
    QVERIFY(viewer.viewWith(token));

    const QByteArray png = pngOf(QImage(64, 36, QImage::Format_RGB32));
    QCOMPARE(m_api->send("PUT", u"/api/v1/calls/%1/slide"_s.arg(callId), png, { { "Content-Type", "image/png" } },
                 m_agentToken)
                 .status,
        204);
    QCOMPARE(viewer.nextBinary(), png);
    // A viewer who joins later gets the current slide at once.
    LiveClient latecomer(m_api->url(QString::fromLatin1(LiveHub::kPath)));
    QVERIFY(latecomer.viewWith(token));
    QCOMPARE(latecomer.nextBinary(), png);

    const ApiReply revoked = m_api->del(u"/api/v1/calls/%1/share-links"_s.arg(callId), m_agentToken);
    QCOMPARE(revoked.status, 200);
    QCOMPARE(revoked.json[u"revoked"_s].toInt(), 1);
    QCOMPARE(viewer.waitClosed(), int(LiveHub::NotFound));
    QCOMPARE(latecomer.waitClosed(), int(LiveHub::NotFound));
    QCOMPARE(m_api->get(u"/view/"_s + token).status, 404);
    // A new link works again; the old one stays dead.
    QVERIFY(!createLink(callId, m_agentToken).isEmpty());
    QCOMPARE(m_api->get(u"/view/"_s + token).status, 404);
}

void TestViewerPage::aViewerSeesOnlyItsCallsSlides()
{
    QFETCH(DatabaseSettings::Backend, backend);
    startServer(backend);
    const QString first = startCall(u"one-"_s);
    const QString second = startCall(u"two-"_s);
    const QString token = createLink(first, m_agentToken);
    LiveClient viewer(m_api->url(QString::fromLatin1(LiveHub::kPath)));
    QVERIFY(viewer.viewWith(token));

    const QByteArray otherSlide = pngOf(QImage(32, 18, QImage::Format_RGB32));
    QCOMPARE(m_api->send("PUT", u"/api/v1/calls/%1/slide"_s.arg(second), otherSlide,
                 { { "Content-Type", "image/png" } }, m_agentToken)
                 .status,
        204);
    QVERIFY(viewer.quietFor(200));
    // A viewer cannot turn into a member or subscribe to anything.
    viewer.send({ { u"type"_s, u"subscribe"_s }, { u"call"_s, second } });
    QCOMPARE(viewer.next()[u"code"_s].toString(), u"message.unknown_type"_s);
    viewer.send({ { u"type"_s, u"hello"_s }, { u"token"_s, m_agentToken } });
    QCOMPARE(viewer.next()[u"code"_s].toString(), u"message.unknown_type"_s);
    QVERIFY(viewer.quietFor(100));
    // Events of its own call are not a viewer's business either.
    QCOMPARE(m_api->post(u"/api/v1/calls/%1/complete"_s.arg(second), {}, m_agentToken).status, 200);
    QVERIFY(viewer.quietFor(100));
    QVERIFY(viewer.isOpen());
}

QTEST_MAIN(TestViewerPage)
#include "tst_viewerpage.moc"
