// "Share slides in a browser" as an agent and a prospect meet it: the real
// DesktopApp (control panel offscreen) signed in to the whole server in this
// process, on both storage backends, through a TCP proxy; the prospect is a
// WebSocket viewer on /api/v1/live with the link's token, the same channel
// the browser page uses. The prospect sees exactly the pixels of the
// presentation window, black and frozen included; ten quick slide moves send
// two pictures, not ten; the dialog shows the link and copies it; stopping
// closes the prospect's page; ending the call ends sharing; offline, the
// dialog says the viewer is behind, and it catches up.
//
// The dialog is saved to /tmp/viewershare.png (German, offline and refused:
// /tmp/viewershare-de.png, -offline.png, -refused.png; the control panel
// with its status bar: -controlpanel.png) to be looked at.
#include "apitestserver.h"
#include "liveclient.h"
#include "tcpproxy.h"
#include "testdatabases.h"
#include "testpaths.h"

#include "client/call/scriptedcall.h"
#include "ui/app/desktopapp.h"
#include "ui/common/theme.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/presentation/presentationwindow.h"
#include "ui/start/startpage.h"
#include "ui/viewer/viewersharedialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::test;
using State = client::ViewerShare::State;

namespace {

// The desktop app as main() wires it, with the control panel on screen.
struct App
{
    QTemporaryDir dir;
    std::unique_ptr<client::LocalStore> store;
    SystemClock clock;
    UuidGenerator ids;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ui::DesktopApp> desktop;
    ui::MainWindow *window = nullptr;

    // `debounceMs`: how long the sync waits after a change before it sends it.
    App(const Playbook &playbook, const Deck &deck, int debounceMs = 50)
    {
        auto opened = client::LocalStore::open(dir.filePath(u"callos.sqlite"_s));
        if (!opened)
            qFatal("store: %s", qPrintable(opened.refusal().message));
        store = std::move(opened).value();
        settings = std::make_unique<QSettings>(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        client::SyncEngine::Options sync;
        sync.debounceMs = debounceMs;
        desktop = std::make_unique<ui::DesktopApp>(ui::DesktopApp::Inputs {
            playbook, deck, *store, *settings, clock, ids, u"device-share"_s, u"agent-1"_s, nullptr, sync });
        desktop->prospects.seedDemoIfEmpty();
        window = &desktop->window();
        window->resize(1400, 900);
        window->show();
        QApplication::setActiveWindow(window);
    }

    client::ViewerShare &share() { return desktop->viewerShare; }
    client::PresentationController &presentation() { return desktop->presentation; }
    QAction *shareAction() const { return window->findChild<QAction *>(u"actionShareSlides"_s); }

    bool signIn(const QUrl &server, const SeededUser &agent)
    {
        desktop->account.signIn({ server.toString(), agent.email, agent.password, {} });
        return QTest::qWaitFor([&] { return desktop->account.isSignedIn(); }, 30000);
    }

    // A call with the first prospect found for `search`, started as the agent does (Ctrl+Enter).
    bool startCall(const QString &search)
    {
        QApplication::setActiveWindow(window);
        auto *searchBox = window->findChild<QLineEdit *>(u"prospectSearch"_s);
        searchBox->setFocus();
        QTest::keyClicks(searchBox, search);
        window->startPage()->selectProspect(0);
        QTest::keySequence(searchBox, QKeySequence(Qt::CTRL | Qt::Key_Return));
        return desktop->call.hasCall();
    }

    // A key as the keyboard delivers it in the control panel: to its focused widget.
    void press(Qt::Key key)
    {
        QApplication::setActiveWindow(window);
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window, key);
    }

    // Opens the dialog as the agent does: Ctrl+Shift+B in the control panel.
    ui::ViewerShareDialog *openShare()
    {
        QApplication::setActiveWindow(window);
        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
        auto *dialog = window->findChild<ui::ViewerShareDialog *>();
        if (dialog)
            QApplication::setActiveWindow(dialog);
        return dialog;
    }

    // What the app draws for the prospect now: the renderer with the
    // presentation's visible slide (-1, black, while black) and the call's fields.
    QImage expectedPicture() const
    {
        const FieldValues fields = desktop->call.hasCall() ? desktop->call.state().fields : FieldValues();
        return desktop->renderer.render(desktop->presentation.visibleIndex(), fields, client::ViewerShare::kSlideSize)
            .convertToFormat(QImage::Format_RGB32);
    }

    // The presentation window's own pixels at the size of the shared picture.
    QImage presentationWindowPicture() const
    {
        ui::PresentationWindow *presentation = window->presentationWindow();
        presentation->resize(client::ViewerShare::kSlideSize);
        return presentation->grab().toImage().convertToFormat(QImage::Format_RGB32);
    }

    // Plays the scripted call to its end, as an agent would.
    bool finishCall(const Playbook &playbook)
    {
        const client::ScriptedCall script(playbook);
        while (const auto step = script.nextStep(desktop->call.state())) {
            if (!desktop->call.act(*step))
                return false;
        }
        return desktop->call.state().phase == CallPhase::Completed;
    }
};

QImage decoded(const QByteArray &png)
{
    return QImage::fromData(png, "PNG").convertToFormat(QImage::Format_RGB32);
}

// For a failure message: how far two pictures are apart.
QByteArray difference(const QImage &seen, const QImage &expected)
{
    if (seen.size() != expected.size())
        return "sizes differ: " + QByteArray::number(seen.width()) + "x" + QByteArray::number(seen.height()) + " vs "
            + QByteArray::number(expected.width()) + "x" + QByteArray::number(expected.height());
    int differing = 0;
    for (int y = 0; y < seen.height(); ++y) {
        for (int x = 0; x < seen.width(); ++x)
            differing += seen.pixel(x, y) != expected.pixel(x, y);
    }
    seen.save(u"/tmp/viewershare-seen.png"_s);
    expected.save(u"/tmp/viewershare-expected.png"_s);
    return QByteArray::number(differing) + " pixels differ (see /tmp/viewershare-seen.png and -expected.png)";
}

// The token of a viewer link http://host:port/view/<token>.
QString tokenOf(const QString &link)
{
    return QUrl(link).path().section(u'/', -1);
}

void shoot(QWidget *widget, const QString &path)
{
    QTest::qWait(100); // layouts settle after a text change
    QVERIFY(widget->grab().save(path));
}

} // namespace

class TestViewerShare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The app's own look, as main() sets it.
    void initTestCase() { qApp->setStyleSheet(ui::Theme::styleSheet()); }
    void init();
    void cleanup();

    void cannotShareWithoutSignInOrRunningCall_data() { TestDatabases::addBackendRows(); }
    void cannotShareWithoutSignInOrRunningCall();
    void prospectSeesExactlyThePresentation_data() { TestDatabases::addBackendRows(); }
    void prospectSeesExactlyThePresentation();
    void quickMovesSendOnlyTheLatestSlide_data() { TestDatabases::addBackendRows(); }
    void quickMovesSendOnlyTheLatestSlide();
    void stopClosesTheProspectsPage_data() { TestDatabases::addBackendRows(); }
    void stopClosesTheProspectsPage();
    void endingTheCallEndsSharing_data() { TestDatabases::addBackendRows(); }
    void endingTheCallEndsSharing();
    void offlineTheViewerIsBehindThenCatchesUp_data() { TestDatabases::addBackendRows(); }
    void offlineTheViewerIsBehindThenCatchesUp();
    void aCallNotYetOnTheServerIsSentFirst_data() { TestDatabases::addBackendRows(); }
    void aCallNotYetOnTheServerIsSentFirst();
    void givesUpClearlyWhenTheServerNeverGetsTheCall();

private:
    // Signs in, starts a call, opens the dialog and waits until it is live.
    ui::ViewerShareDialog *shareACall(App &app);
    // A prospect with the link of the dialog, watching.
    std::unique_ptr<LiveClient> viewer(const ui::ViewerShareDialog &dialog);
    // The slide PUTs that reached the server.
    int slideUploads() const { return m_slideUploads; }

    Playbook m_playbook = loadDefaultPlaybook();
    Deck m_deck = loadDefaultDeck(m_playbook);
    ApiTestServer m_server;
    std::unique_ptr<TcpProxy> m_proxy;
    SeededUser m_agent;
    int m_slideUploads = 0;
    int m_unknownCallAnswers = 0;
};

void TestViewerShare::init()
{
    QVERIFY2(m_server.start(), m_server.why());
    const ApiHarness::Organisation acme = m_server->addOrganisation(u"Acme"_s);
    m_agent = m_server->addUser(acme.orgId, server::Role::Agent, u"dana@acme.example"_s);
    m_proxy = std::make_unique<TcpProxy>(m_server->url(u"/"_s).port());
    QVERIFY(m_proxy->listen());
    m_slideUploads = 0;
    m_proxy->onRequestForwarded = [this](const QByteArray &line) {
        if (line.startsWith("PUT /api/v1/calls/") && line.contains("/slide "))
            ++m_slideUploads;
    };
    QApplication::clipboard()->clear();
}

void TestViewerShare::cleanup()
{
    m_proxy.reset();
    m_server.stop();
}

QUrl serverUrl(const TcpProxy &proxy)
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port()));
}

ui::ViewerShareDialog *TestViewerShare::shareACall(App &app)
{
    if (!app.signIn(serverUrl(*m_proxy), m_agent)) {
        qWarning("sign-in failed");
        return nullptr;
    }
    if (!app.startCall(u"Whitfield"_s)) {
        qWarning("no call");
        return nullptr;
    }
    ui::ViewerShareDialog *dialog = app.openShare();
    if (!dialog) {
        qWarning("no dialog");
        return nullptr;
    }
    if (!QTest::qWaitFor([&] { return app.share().state() == State::Live; }, 20000)) {
        qWarning("not live: %s", qPrintable(dialog->stateText()));
        return nullptr;
    }
    return dialog;
}

std::unique_ptr<LiveClient> TestViewerShare::viewer(const ui::ViewerShareDialog &dialog)
{
    auto live = std::make_unique<LiveClient>(m_server->url(u"/api/v1/live"_s));
    if (!live->viewWith(tokenOf(dialog.link())))
        return nullptr;
    return live;
}

void TestViewerShare::cannotShareWithoutSignInOrRunningCall()
{
    App app(m_playbook, m_deck);
    QAction *action = app.shareAction();
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    // Signed out, never set up: the menu entry is off and says why.
    QVERIFY(!action->isEnabled());
    QVERIFY2(action->toolTip().contains(u"No CallOS server is set up"_s), qPrintable(action->toolTip()));
    app.share().start();
    QCOMPARE(app.share().state(), State::Off);
    QVERIFY2(app.share().reason().contains(u"Sign in"_s), qPrintable(app.share().reason()));
    QVERIFY(!app.openShare());

    // Signed in, no call yet.
    QVERIFY(app.signIn(serverUrl(*m_proxy), m_agent));
    QVERIFY(!action->isEnabled());
    QVERIFY2(action->toolTip().contains(u"Start or resume a call"_s), qPrintable(action->toolTip()));

    // A call running: on.
    QVERIFY(app.startCall(u"Whitfield"_s));
    QVERIFY(action->isEnabled());
    QVERIFY2(!action->toolTip().contains(u"first"_s), qPrintable(action->toolTip())); // no reason shown

    // Signed out during the call: off again, and the reason is the sign-in.
    app.desktop->account.signOut();
    QVERIFY(!action->isEnabled());
    QVERIFY2(action->toolTip().contains(u"signed out"_s), qPrintable(action->toolTip()));
    QCOMPARE(slideUploads(), 0);
}

void TestViewerShare::prospectSeesExactlyThePresentation()
{
    App app(m_playbook, m_deck);
    ui::ViewerShareDialog *dialog = shareACall(app);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());

    // The link: the server the agent signed in to, /view/<token>; Copy puts it on the clipboard.
    const QString link = dialog->link();
    QVERIFY2(link.startsWith(serverUrl(*m_proxy).toString() + u"/view/cov_"_s), qPrintable(link));
    QCOMPARE(app.share().viewerUrl().toString(), link);
    QVERIFY2(dialog->stateText().startsWith(u"Live"_s), qPrintable(dialog->stateText()));
    QCOMPARE(QApplication::focusWidget(), dialog->findChild<QPushButton *>(u"copyViewerLink"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Enter copies
    QCOMPARE(QApplication::clipboard()->text(), link);
    shoot(dialog, u"/tmp/viewershare.png"_s);
    QCOMPARE(app.window->findChild<QLabel *>(u"viewerShareStatus"_s)->text(), u"Browser: live"_s);
    shoot(app.window, u"/tmp/viewershare-controlpanel.png"_s);

    // The link opens the viewer page in a browser.
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> page(network.get(QNetworkRequest(QUrl(link))));
    QVERIFY(QTest::qWaitFor([&] { return page->isFinished(); }, 10000));
    QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(page->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(u"text/html"_s));

    // The prospect opens it: the slide on screen now, pixel for pixel.
    std::unique_ptr<LiveClient> prospect = viewer(*dialog);
    QVERIFY(prospect);
    QImage seen;
    // What is wrong with the next picture the prospect gets ("" when it is
    // the app's picture of the visible slide and the presentation window's).
    const auto problemWithNext = [&](const char *what) -> QByteArray {
        const QByteArray png = prospect->nextBinary(10000);
        if (!png.startsWith("\x89PNG"))
            return QByteArray(what) + ": no PNG came";
        seen = decoded(png);
        const QImage expected = app.expectedPicture();
        if (seen != expected)
            return QByteArray(what) + ": " + difference(seen, expected);
        const QImage window = app.presentationWindowPicture();
        if (seen != window)
            return QByteArray(what) + " (presentation window): " + difference(seen, window);
        return "";
    };
    QCOMPARE(problemWithNext("at the start"), QByteArray(""));
    const int first = app.presentation().visibleIndex();
    QVERIFY(first >= 0);

    // The agent moves on (the dialog stays open beside): the prospect
    // follows, one picture per move.
    app.press(Qt::Key_PageDown);
    QCOMPARE(app.presentation().visibleIndex(), first + 1);
    QCOMPARE(problemWithNext("the next slide"), QByteArray(""));
    QVERIFY(app.presentation().next());
    QCOMPARE(problemWithNext("the slide after"), QByteArray(""));
    QVERIFY(app.presentation().previous());
    QCOMPARE(problemWithNext("back one slide"), QByteArray(""));

    // Black screen: black, nothing of the slide.
    app.press(Qt::Key_B);
    QCOMPARE(app.presentation().visibleIndex(), -1);
    QCOMPARE(problemWithNext("black"), QByteArray(""));
    for (const QPoint at : { QPoint(0, 0), QPoint(640, 360), QPoint(1279, 719) })
        QCOMPARE(seen.pixel(at), qRgb(0, 0, 0));
    app.presentation().toggleBlack();
    QCOMPARE(problemWithNext("back from black"), QByteArray(""));

    // A field on the slide changes: the prospect sees it at once, as the window shows it.
    QVERIFY(app.presentation().previous()); // the first slide, with the company's name on it
    QCOMPARE(problemWithNext("the first slide"), QByteArray(""));
    const auto renameCompany = [&](const QString &name) {
        return app.desktop->call.act([&](CallSession &s) { return s.setField(u"company"_s, name); }).ok();
    };
    QVERIFY(renameCompany(u"Northwind Traders"_s));
    QCOMPARE(problemWithNext("the company renamed"), QByteArray(""));

    // Frozen: the agent moves on, and even the name changes, but the
    // prospect keeps the frozen picture, as the presentation window does.
    const QImage frozen = seen;
    app.press(Qt::Key_F);
    QVERIFY(app.presentation().isFrozen());
    QVERIFY(renameCompany(u"Contoso"_s));
    QVERIFY(app.presentation().next());
    QVERIFY(app.presentation().next());
    QVERIFY2(prospect->quietFor(500), "a frozen presentation sent a new picture");
    QVERIFY(app.presentationWindowPicture() == frozen);
    app.press(Qt::Key_F); // unfrozen: the prospect catches up with the agent
    QCOMPARE(problemWithNext("after unfreezing"), QByteArray(""));
    QCOMPARE(app.presentation().visibleIndex(), first + 2);
    QCOMPARE(app.share().state(), State::Live);

    // In German, for the agent's language (the dialog joins the sharing under way).
    QTranslator german;
    QVERIFY(german.load(u":/i18n/callos_de.qm"_s));
    QCoreApplication::installTranslator(&german);
    {
        ui::ViewerShareDialog deutsch(app.share(), app.window);
        deutsch.show();
        QCOMPARE(deutsch.windowTitle(), u"Folien im Browser teilen"_s);
        QCOMPARE(deutsch.link(), link);
        QVERIFY2(deutsch.stateText().startsWith(u"Live: Der Browser"_s), qPrintable(deutsch.stateText()));
        shoot(&deutsch, u"/tmp/viewershare-de.png"_s);
    }
    QCoreApplication::removeTranslator(&german);
    QCOMPARE(app.share().state(), State::Live);
}

void TestViewerShare::quickMovesSendOnlyTheLatestSlide()
{
    App app(m_playbook, m_deck);
    ui::ViewerShareDialog *dialog = shareACall(app);
    QVERIFY(dialog);
    std::unique_ptr<LiveClient> prospect = viewer(*dialog);
    QVERIFY(prospect);
    QVERIFY(!prospect->nextBinary(10000).isEmpty()); // the slide at the start
    QVERIFY(QTest::qWaitFor([&] { return app.share().slidesDelivered() == 1; }, 10000));
    QVERIFY(prospect->quietFor(200));
    const int uploadsBefore = slideUploads();
    QCOMPARE(uploadsBefore, 1);

    // Ten moves in a row, as fast as a clicker goes: the first picture goes
    // out at once, the other nine are folded into one.
    QTest::keyClick(dialog, Qt::Key_Escape); // closes the dialog; sharing goes on
    QVERIFY(QTest::qWaitFor([&] { return !app.window->findChild<ui::ViewerShareDialog *>(); }, 5000));
    QCOMPARE(app.share().state(), State::Live);
    const int start = app.presentation().visibleIndex();
    app.press(Qt::Key_PageDown);
    QVERIFY(QTest::qWaitFor([&] { return slideUploads() > uploadsBefore; }, 5000));
    for (int move = 1; move < 10; ++move)
        app.press(Qt::Key_PageDown);
    QCOMPARE(app.presentation().visibleIndex(), start + 10);

    QImage last;
    int pictures = 0;
    while (last != app.expectedPicture()) {
        const QByteArray png = prospect->nextBinary(10000);
        QVERIFY2(!png.isEmpty(), "the prospect never got to the last slide");
        last = decoded(png);
        ++pictures;
    }
    QVERIFY(prospect->quietFor(500));
    QCOMPARE(pictures, 2);
    QCOMPARE(slideUploads() - uploadsBefore, 2);
    QCOMPARE(app.share().slidesDelivered(), 3);
    QCOMPARE(app.share().state(), State::Live);
}

void TestViewerShare::stopClosesTheProspectsPage()
{
    App app(m_playbook, m_deck);
    ui::ViewerShareDialog *dialog = shareACall(app);
    QVERIFY(dialog);
    const QString link = dialog->link();
    std::unique_ptr<LiveClient> prospect = viewer(*dialog);
    QVERIFY(prospect);
    QVERIFY(!prospect->nextBinary(10000).isEmpty());

    // Alt+S: stop sharing. The prospect's page closes; the link is dead.
    QVERIFY(app.window->findChild<QLabel *>(u"viewerShareStatus"_s)->isVisible());
    QApplication::setActiveWindow(dialog);
    QTest::keyClick(dialog, Qt::Key_S, Qt::AltModifier); // a mnemonic clicks after its 100 ms animation
    QTRY_COMPARE(app.share().state(), State::Off);
    QCOMPARE(prospect->waitClosed(10000), 4404);
    QVERIFY(dialog->link().isEmpty());
    QVERIFY2(dialog->stateText().startsWith(u"Not sharing"_s), qPrintable(dialog->stateText()));
    QVERIFY(dialog->findChild<QPushButton *>(u"shareAgain"_s)->isVisible());
    QVERIFY(!dialog->findChild<QPushButton *>(u"stopSharing"_s)->isVisible());
    QVERIFY(!app.window->findChild<QLabel *>(u"viewerShareStatus"_s)->isVisible());
    LiveClient late(m_server->url(u"/api/v1/live"_s));
    QVERIFY(!late.viewWith(tokenOf(link)));
    const int uploads = slideUploads();
    QVERIFY(app.presentation().next());
    QTest::qWait(300);
    QCOMPARE(slideUploads(), uploads);

    // Share again: a new link, and the prospect sees the slide of now.
    QTest::keyClick(dialog, Qt::Key_A, Qt::AltModifier);
    QVERIFY(QTest::qWaitFor([&] { return app.share().state() == State::Live; }, 10000));
    QVERIFY(!dialog->link().isEmpty());
    QVERIFY(dialog->link() != link);
    std::unique_ptr<LiveClient> again = viewer(*dialog);
    QVERIFY(again);
    QCOMPARE(decoded(again->nextBinary(10000)), app.expectedPicture());
}

void TestViewerShare::endingTheCallEndsSharing()
{
    App app(m_playbook, m_deck);
    ui::ViewerShareDialog *dialog = shareACall(app);
    QVERIFY(dialog);
    std::unique_ptr<LiveClient> prospect = viewer(*dialog);
    QVERIFY(prospect);
    QVERIFY(!prospect->nextBinary(10000).isEmpty());

    QVERIFY(app.finishCall(m_playbook));
    QCOMPARE(app.share().state(), State::Off);
    QVERIFY2(dialog->stateText().contains(u"call has ended"_s), qPrintable(dialog->stateText()));
    QVERIFY(dialog->link().isEmpty());
    QVERIFY(!app.shareAction()->isEnabled());
    // Once the sync tells the server, the server ends the prospect's page.
    QCOMPARE(prospect->waitClosed(20000), 4410);
    const int uploads = slideUploads();
    app.presentation().previous();
    QTest::qWait(300);
    QCOMPARE(slideUploads(), uploads);
}

void TestViewerShare::offlineTheViewerIsBehindThenCatchesUp()
{
    App app(m_playbook, m_deck);
    ui::ViewerShareDialog *dialog = shareACall(app);
    QVERIFY(dialog);
    std::unique_ptr<LiveClient> prospect = viewer(*dialog); // straight to the server: it stays connected
    QVERIFY(prospect);
    QVERIFY(!prospect->nextBinary(10000).isEmpty());

    m_proxy->goDown();
    QVERIFY(app.presentation().next());
    QVERIFY(QTest::qWaitFor([&] { return app.share().state() == State::Behind; }, 10000));
    QVERIFY2(dialog->stateText().startsWith(u"Viewer not updating: offline"_s), qPrintable(dialog->stateText()));
    QCOMPARE(app.window->findChild<QLabel *>(u"viewerShareStatus"_s)->text(), u"Browser: not updating"_s);
    QVERIFY(prospect->quietFor(200));
    shoot(dialog, u"/tmp/viewershare-offline.png"_s);

    // Back: the next try (a timer, or the next move) brings the prospect up to date.
    QVERIFY(m_proxy->goUp());
    QCOMPARE(decoded(prospect->nextBinary(10000)), app.expectedPicture());
    QVERIFY(QTest::qWaitFor([&] { return app.share().state() == State::Live; }, 5000));
    QVERIFY2(dialog->stateText().startsWith(u"Live"_s), qPrintable(dialog->stateText()));
    QVERIFY(app.presentation().next());
    QCOMPARE(decoded(prospect->nextBinary(10000)), app.expectedPicture());
}

void TestViewerShare::aCallNotYetOnTheServerIsSentFirst()
{
    // The sync would send a new call only a minute after it started.
    App app(m_playbook, m_deck, 60 * 1000);
    QVERIFY(app.signIn(serverUrl(*m_proxy), m_agent));
    QVERIFY(QTest::qWaitFor([&] { return app.desktop->sync.isSettled(); }, 10000));
    QVERIFY(app.startCall(u"Whitfield"_s));
    QStringList requests;
    m_proxy->onRequestForwarded = [&](const QByteArray &line) {
        requests.append(QString::fromLatin1(line.left(line.indexOf(' ', line.indexOf(' ') + 1))));
    };

    ui::ViewerShareDialog *dialog = app.openShare();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitFor([&] { return app.share().state() == State::Live; }, 20000));
    // The server did not know the call at the first ask; the share had the
    // sync send it at once, then asked again.
    const QString callPath = u"/api/v1/calls/"_s + app.desktop->call.state().callId;
    const QString ask = u"POST "_s + callPath + u"/share-links"_s;
    const QString send = u"PUT "_s + callPath;
    QVERIFY2(requests.count(ask) >= 2, qPrintable(requests.join(u'\n')));
    QVERIFY2(requests.indexOf(ask) < requests.indexOf(send), qPrintable(requests.join(u'\n')));
    QVERIFY2(requests.indexOf(send) < requests.lastIndexOf(ask), qPrintable(requests.join(u'\n')));
    std::unique_ptr<LiveClient> prospect = viewer(*dialog);
    QVERIFY(prospect);
    QCOMPARE(decoded(prospect->nextBinary(10000)), app.expectedPicture());
}

void TestViewerShare::givesUpClearlyWhenTheServerNeverGetsTheCall()
{
    App app(m_playbook, m_deck);
    QVERIFY(app.signIn(serverUrl(*m_proxy), m_agent));
    QVERIFY(QTest::qWaitFor([&] { return app.desktop->sync.isSettled(); }, 10000));
    app.desktop->sync.stop(); // nothing reaches the server, whoever asks
    QVERIFY(app.startCall(u"Whitfield"_s));
    ui::ViewerShareDialog *dialog = app.openShare();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitFor([&] { return app.share().state() == State::Off; }, 20000));
    QVERIFY2(dialog->stateText().contains(u"does not know this call"_s), qPrintable(dialog->stateText()));
    QVERIFY(dialog->link().isEmpty());
    QVERIFY(dialog->findChild<QPushButton *>(u"shareAgain"_s)->isVisible());
    shoot(dialog, u"/tmp/viewershare-refused.png"_s);
}

QTEST_MAIN(TestViewerShare)
#include "tst_viewershare.moc"
