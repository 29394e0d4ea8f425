// The sign-in dialog and the status bar as an agent meets them, offscreen,
// against the whole server in this process: the server's words for a wrong
// password, the code field once the server asks for a second factor, and
// the sync state in the status bar from "Local only" to synced, offline,
// refused and "signed out"; refused changes named in the agent's words.
//
// With CALLOS_SCREENSHOT_DIR set, it also saves what it shows as PNGs (the
// README's screenshots come from here).
#include "auth/totp.h"
#include "serverlook.h"
#include "syncrig.h"
#include "syncserver.h"
#include "testpaths.h"
#include "ui/account/signindialog.h"
#include "ui/app/desktopapp.h"
#include "ui/common/theme.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/start/startpage.h"
#include "ui/sync/eventtypelabels.h"
#include "ui/sync/refusedeventsdialog.h"
#include "ui/sync/syncstatuswidget.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::test;

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

    App(const Playbook &playbook, const Deck &deck)
    {
        auto opened = client::LocalStore::open(dir.filePath(u"callos.sqlite"_s));
        if (!opened)
            qFatal("store: %s", qPrintable(opened.refusal().message));
        store = std::move(opened).value();
        settings = std::make_unique<QSettings>(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        client::SyncEngine::Options sync;
        sync.debounceMs = 50;
        desktop = std::make_unique<ui::DesktopApp>(ui::DesktopApp::Inputs {
            playbook, deck, *store, *settings, clock, ids, u"device-gui"_s, u"agent-1"_s, nullptr, sync });
        desktop->prospects.seedDemoIfEmpty();
        window = &desktop->window();
        window->resize(1600, 1000);
        window->show();
        QApplication::setActiveWindow(window);
    }

    ui::SignInDialog *openSignIn()
    {
        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
        ui::SignInDialog *dialog = window->findChild<ui::SignInDialog *>();
        if (dialog)
            QApplication::setActiveWindow(dialog);
        return dialog;
    }

    QString status() const { return window->syncStatus()->text(); }

    // A call with the first prospect found for `search`, started as the agent does (Ctrl+Enter).
    bool startCall(const QString &search)
    {
        auto *searchBox = window->findChild<QLineEdit *>(u"prospectSearch"_s);
        searchBox->setFocus();
        QTest::keyClicks(searchBox, search);
        window->startPage()->selectProspect(0);
        QTest::keySequence(searchBox, QKeySequence(Qt::CTRL | Qt::Key_Return));
        return desktop->call.hasCall();
    }
};

QLineEdit *field(QWidget *dialog, const QString &name)
{
    auto *line = dialog->findChild<QLineEdit *>(name);
    if (!line)
        qFatal("no field %s", qPrintable(name));
    return line;
}

void type(QWidget *dialog, const QString &name, const QString &text)
{
    QLineEdit *line = field(dialog, name);
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, text);
}

void shoot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("CALLOS_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QTest::qWait(100); // layouts settle after a text change
    widget->grab().save(folder + u'/' + name + u".png"_s);
}

} // namespace

class TestSignInDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The app's own look, as main() sets it: the screenshots show what users see.
    void initTestCase() { qApp->setStyleSheet(ui::Theme::styleSheet()); }
    void init();
    void cleanup();

    void wrongPasswordShowsTheServersMessage();
    void codeFieldAppearsWhenTheServerAsksForIt();
    void statusBarShowsTheSyncStates();
    void refusedChangesAreNamedInWords();

private:
    QString proxyAddress() const { return m_server.url().toString(); }

    Playbook m_playbook = loadDefaultPlaybook();
    Deck m_deck = loadDefaultDeck(m_playbook);
    SyncServer m_server;
};

void TestSignInDialog::init()
{
    QVERIFY2(m_server.start(u"dana@acme.example"_s), qPrintable(m_server.why()));
}

void TestSignInDialog::cleanup()
{
    m_server.stop();
}

void TestSignInDialog::wrongPasswordShowsTheServersMessage()
{
    App app(m_playbook, m_deck);
    QCOMPARE(app.status(), u"Local only"_s);
    ui::SignInDialog *dialog = app.openSignIn();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(QApplication::focusWidget(), field(dialog, u"serverAddress"_s));
    type(dialog, u"serverAddress"_s, proxyAddress());
    type(dialog, u"email"_s, m_server.agent().email);
    type(dialog, u"password"_s, u"not the password"_s);
    QTest::keyClick(field(dialog, u"password"_s), Qt::Key_Return); // Enter signs in
    QVERIFY(QTest::qWaitFor([&] { return !dialog->errorText().isEmpty(); }, 15000));

    const ApiReply direct = m_server.api().post(u"/api/v1/auth/login"_s,
        QJsonObject { { u"email"_s, m_server.agent().email }, { u"password"_s, u"still not it"_s } });
    QCOMPARE(direct.errorCode(), u"auth.invalid_credentials"_s);
    QCOMPARE(dialog->errorText(), direct.errorMessage());
    QVERIFY(dialog->findChild<QLabel *>(u"signInError"_s)->isVisible());
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->codeShown());
    QCOMPARE(QApplication::focusWidget(), field(dialog, u"password"_s));
    QCOMPARE(app.desktop->account.state(), client::Account::State::SignedOut);
    QCOMPARE(app.status(), u"Local only"_s);
    shoot(dialog, u"signin-error"_s);

    // An address that is not a server is explained too, next to the form.
    type(dialog, u"serverAddress"_s, u"ftp://files.acme.example"_s);
    QTest::keyClick(field(dialog, u"password"_s), Qt::Key_Enter);
    QVERIFY(QTest::qWaitFor([&] { return dialog->errorText().contains(u"ftp://"_s); }, 5000));
    QCOMPARE(QApplication::focusWidget(), field(dialog, u"serverAddress"_s));

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape); // Esc cancels
    QVERIFY(QTest::qWaitFor([&] { return !app.window->findChild<ui::SignInDialog *>(); }, 5000));
    QCOMPARE(app.desktop->account.state(), client::Account::State::SignedOut);
    // Nothing of the attempt was kept: no token, no password.
    app.settings->sync();
    QFile ini(app.dir.filePath(u"settings.ini"_s));
    if (ini.open(QIODevice::ReadOnly))
        QVERIFY(!ini.readAll().contains("not the password"));
}

void TestSignInDialog::codeFieldAppearsWhenTheServerAsksForIt()
{
    const QString secretText = u"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"_s;
    const auto secret = server::TotpSecret::fromBase32(secretText);
    QVERIFY(secret.ok());
    QSqlQuery enable(m_server.api().database().connection());
    enable.prepare(u"UPDATE users SET mfa_secret = ?, mfa_enabled_at = ? WHERE id = ?"_s);
    enable.addBindValue(secretText);
    enable.addBindValue(m_server.api().clock().nowMs());
    enable.addBindValue(m_server.agent().id);
    QVERIFY(enable.exec());

    App app(m_playbook, m_deck);
    ui::SignInDialog *dialog = app.openSignIn();
    QVERIFY(dialog);
    type(dialog, u"serverAddress"_s, proxyAddress());
    type(dialog, u"email"_s, m_server.agent().email);
    type(dialog, u"password"_s, m_server.agent().password);
    QVERIFY(!dialog->codeShown());
    QTest::keyClick(field(dialog, u"password"_s), Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return dialog->codeShown(); }, 15000));
    QVERIFY(field(dialog, u"totp"_s)->isVisible());
    QCOMPARE(QApplication::focusWidget(), field(dialog, u"totp"_s));
    QVERIFY2(dialog->errorText().contains(u"authenticator"_s), qPrintable(dialog->errorText()));
    shoot(dialog, u"signin-code"_s);

    const qint64 step = server::Totp::stepAt(m_server.api().clock().nowMs());
    const QString good = QString::fromLatin1(server::Totp::codeAt(secret.value(), step));
    const QString wrong = good == u"000000"_s ? u"111111"_s : u"000000"_s;
    QTest::keyClicks(field(dialog, u"totp"_s), wrong);
    QTest::keyClick(field(dialog, u"totp"_s), Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return dialog->errorText().contains(u"wrong"_s); }, 15000));
    const ApiReply direct = m_server.api().post(u"/api/v1/auth/login"_s,
        QJsonObject { { u"email"_s, m_server.agent().email }, { u"password"_s, m_server.agent().password },
            { u"totp"_s, wrong } });
    QCOMPARE(direct.errorCode(), u"auth.mfa_invalid"_s);
    QCOMPARE(dialog->errorText(), direct.errorMessage());
    QVERIFY(dialog->codeShown());

    type(dialog, u"totp"_s, good);
    QTest::keyClick(field(dialog, u"totp"_s), Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return app.desktop->account.isSignedIn(); }, 15000));
    QVERIFY(QTest::qWaitFor([&] { return !app.window->findChild<ui::SignInDialog *>(); }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return app.status() == u"Synced"_s; }, 15000));
    QCOMPARE(app.desktop->account.profile().email, m_server.agent().email);
    QCOMPARE(app.desktop->account.profile().userId, m_server.agent().id);
}

void TestSignInDialog::statusBarShowsTheSyncStates()
{
    App app(m_playbook, m_deck);
    QCOMPARE(app.status(), u"Local only"_s);
    QVERIFY(!app.window->findChild<QPushButton *>(u"signInAgain"_s)->isVisible());
    QVERIFY(app.window->menuBar()->isVisible());
    shoot(app.window, u"start"_s);

    ui::SignInDialog *dialog = app.openSignIn();
    QVERIFY(dialog);
    type(dialog, u"serverAddress"_s, proxyAddress());
    type(dialog, u"email"_s, m_server.agent().email);
    type(dialog, u"password"_s, m_server.agent().password);
    shoot(dialog, u"signin"_s);
    QTest::keyClick(field(dialog, u"password"_s), Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return app.status() == u"Synced"_s; }, 15000));
    QVERIFY(app.window->syncStatus()->details().contains(m_server.agent().email));

    // Offline: a call made now waits on this computer.
    m_server.proxy().goDown();
    QVERIFY(QTest::qWaitFor([&] { return !app.window->findChild<ui::SignInDialog *>(); }, 5000));
    QApplication::setActiveWindow(app.window);
    QVERIFY(app.startCall(u"Whitfield"_s));
    QVERIFY(QTest::qWaitFor([&] { return app.status().startsWith(u"Offline"_s); }, 15000));
    QVERIFY2(app.status().contains(u"waiting"_s), qPrintable(app.status()));
    QVERIFY(app.window->syncStatus()->details().contains(u"Next try at"_s));
    shoot(app.window->statusBar(), u"status-offline"_s);

    // Back online, F5: synced.
    QVERIFY(m_server.proxy().goUp());
    QTest::keyClick(app.window, Qt::Key_F5);
    QVERIFY(QTest::qWaitFor([&] { return app.status() == u"Synced"_s; }, 15000));
    QCOMPARE(serverEventIds(m_server.api()).size(),
        app.desktop->events.events(app.desktop->call.state().callId).value().size());

    // A refused event: a button in the status bar shows it with the reason.
    CallEvent bogus;
    bogus.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    bogus.callId = app.desktop->call.state().callId;
    bogus.deviceId = u"device-gui"_s;
    bogus.seq = app.desktop->call.state().lastSeqByDevice.value(u"device-gui"_s) + 1;
    bogus.at = app.clock.nowMs();
    bogus.actor = u"agent-1"_s;
    bogus.type = EventType::FieldSet;
    bogus.payload = QJsonObject { { u"fieldId"_s, u"noSuchField"_s }, { u"value"_s, 1 } };
    QVERIFY(!app.desktop->events.append({ bogus }));
    QTest::keyClick(app.window, Qt::Key_F5);
    auto *refusedButton = app.window->findChild<QPushButton *>(u"refusedButton"_s);
    QVERIFY(QTest::qWaitFor([&] { return refusedButton->isVisible(); }, 15000));
    QCOMPARE(refusedButton->text(), u"1 refused"_s);
    QVERIFY(QTest::qWaitFor([&] { return app.status() == u"Synced"_s; }, 15000));
    shoot(app.window->statusBar(), u"status-refused"_s);
    QTest::mouseClick(refusedButton, Qt::LeftButton);
    auto *refusedDialog = app.window->findChild<ui::RefusedEventsDialog *>();
    QVERIFY(refusedDialog);
    QCOMPARE(refusedDialog->rowCount(), 1);
    QVERIFY2(refusedDialog->rowText(0).contains(u"field.unknown"_s), qPrintable(refusedDialog->rowText(0)));
    QVERIFY(refusedDialog->rowText(0).contains(u"Dana Whitfield"_s));
    shoot(refusedDialog, u"refused"_s);
    QTest::mouseClick(refusedDialog->findChild<QPushButton *>(u"keepLocal"_s), Qt::LeftButton);
    QCOMPARE(refusedDialog->rowCount(), 0);
    QVERIFY(!refusedButton->isVisible());
    refusedDialog->close();

    // The session ends on the server: the status bar asks to sign in again,
    // and what is made meanwhile stays here.
    m_server.api().clock().advance(3LL * 3600 * 1000);
    const QString item = m_playbook.precallChecklist.constFirst().id;
    QVERIFY(app.desktop->call.act([&](CallSession &s) { return s.setPrecallItem(item, true); }).ok());
    const int waiting = app.desktop->events.unacknowledgedCount().value();
    QVERIFY(waiting > 0);
    QVERIFY(QTest::qWaitFor([&] { return app.status() == u"Signed out"_s; }, 15000));
    QVERIFY(app.window->findChild<QPushButton *>(u"signInAgain"_s)->isVisible());
    QVERIFY(app.window->syncStatus()->details().contains(u"nothing is lost"_s));
    QCOMPARE(app.desktop->events.unacknowledgedCount().value(), waiting);
    shoot(app.window->statusBar(), u"status-signedout"_s);
    QTest::mouseClick(app.window->findChild<QPushButton *>(u"signInAgain"_s), Qt::LeftButton);
    dialog = app.window->findChild<ui::SignInDialog *>();
    QVERIFY(dialog);
    QApplication::setActiveWindow(dialog);
    QVERIFY(dialog->findChild<QLabel *>(u"signInNotice"_s)->isVisible());
    QCOMPARE(field(dialog, u"email"_s)->text(), m_server.agent().email);
    QCOMPARE(QApplication::focusWidget(), field(dialog, u"password"_s));
    type(dialog, u"password"_s, m_server.agent().password);
    QTest::keyClick(field(dialog, u"password"_s), Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return app.status() == u"Synced"_s; }, 15000));
    QCOMPARE(app.desktop->events.unacknowledgedCount().value(), 0);
}

void TestSignInDialog::refusedChangesAreNamedInWords()
{
    // Offline: a call of the agent's, two of its changes refused by the server.
    App app(m_playbook, m_deck);
    QVERIFY(app.startCall(u"Whitfield"_s));
    const CallState &state = app.desktop->call.state();
    const auto event = [&](const QString &type, const QJsonObject &payload, qint64 offset) {
        CallEvent made;
        made.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        made.callId = state.callId;
        made.deviceId = u"device-gui"_s;
        made.seq = state.lastSeqByDevice.value(u"device-gui"_s) + offset;
        made.at = app.clock.nowMs();
        made.actor = u"agent-1"_s;
        made.type = type;
        made.payload = payload;
        return made;
    };
    const CallEvent entered
        = event(EventType::MilestoneEntered, QJsonObject { { u"milestoneId"_s, m_playbook.milestones.at(2).id } }, 1);
    const CallEvent raised = event(EventType::ObjectionRaised,
        QJsonObject { { u"objectionId"_s, u"o-1"_s }, { u"typeId"_s, m_playbook.objections.constFirst().id } }, 2);
    QVERIFY(!app.desktop->events.append({ entered, raised }));
    QVERIFY(!app.desktop->refused.record({ { entered.id, u"milestone.locked"_s, u"Vision comes later."_s },
                                             { raised.id, u"objection.open"_s, u"An objection is open already."_s } },
        app.clock.nowMs()));

    const auto rows = [&](const QString &screenshot) {
        ui::RefusedEventsDialog dialog(app.desktop->refused, app.desktop->sync, app.window);
        QStringList texts;
        for (int row = 0; row < dialog.rowCount(); ++row)
            texts.append(dialog.rowText(row));
        dialog.show();
        shoot(&dialog, screenshot);
        return texts;
    };
    // What the agent did, in words; the type names are for programs.
    const QStringList english = rows(u"refused-in-words"_s);
    QCOMPARE(english.size(), 2);
    QVERIFY2(english.at(0).contains(u" | Moved to a milestone | "_s), qPrintable(english.at(0)));
    QVERIFY2(english.at(1).contains(u" | Raised an objection | "_s), qPrintable(english.at(1)));
    for (const QString &row : english)
        QVERIFY2(!row.contains(u"MilestoneEntered"_s) && !row.contains(u"ObjectionRaised"_s), qPrintable(row));
    // An event of a newer app is still named, as something this app does not know.
    QCOMPARE(ui::EventTypeLabels::label(u"MeetingRecorded"_s), u"Another change (MeetingRecorded)"_s);

    // And in the agent's language.
    QTranslator german;
    QVERIFY(german.load(u":/i18n/callos_de.qm"_s));
    QCoreApplication::installTranslator(&german);
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QStringList deutsch = rows(u"refused-in-words-de"_s);
    QCoreApplication::removeTranslator(&german);
    QLocale::setDefault(before);
    QVERIFY2(deutsch.at(0).contains(u" | Zu einem Meilenstein gewechselt | "_s), qPrintable(deutsch.at(0)));
    QVERIFY2(deutsch.at(1).contains(u" | Einwand erfasst | "_s), qPrintable(deutsch.at(1)));
}

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
