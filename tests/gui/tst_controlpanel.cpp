// The control panel as an agent uses it: real widgets, real SQLite store,
// driven by clicks and keys from the start screen to the summary.
#include "ui/app/desktopapp.h"
#include "client/store/calleventstore.h"
#include "client/store/localstore.h"
#include "client/store/writefaults.h"
#include "fakeclock.h"
#include "testpaths.h"
#include "ui/call/callpage.h"
#include "ui/call/fieldeditor.h"
#include "ui/call/milestonerail.h"
#include "ui/call/milestoneview.h"
#include "ui/common/reasonprompt.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/precall/precallpage.h"
#include "ui/presentation/presentationwindow.h"
#include "ui/slides/sliderenderer.h"
#include "ui/start/startpage.h"
#include "ui/summary/summarypage.h"

#include <QApplication>
#include <QGuiApplication>
#include <QScreen>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;

namespace {

// Clicks a check box or radio button on its box, where a person clicks (a
// click in the empty space right of a short label is not a click on it).
void tick(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}

// The whole app as main() wires it, on a temporary store and a fake clock.
struct App
{
    QTemporaryDir dir;
    client::WriteFaults faults;
    std::unique_ptr<client::LocalStore> store;
    test::FakeClock clock;
    UuidGenerator ids;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ui::DesktopApp> desktop;
    client::CallEventStore *events = nullptr;
    client::CallController *call = nullptr;
    client::PresentationController *presentation = nullptr;
    const ui::SlideRenderer *renderer = nullptr;
    ui::MainWindow *window = nullptr;

    // `dataDir`: reopen the data of an earlier App (a restart); default: a new empty folder.
    App(const Playbook &playbook, const Deck &deck, const QString &dataDir = {})
    {
        const QString folder = dataDir.isEmpty() ? dir.path() : dataDir;
        auto opened = client::LocalStore::open(folder + u"/callos.sqlite"_s, &faults);
        if (!opened)
            qFatal("store: %s", qPrintable(opened.refusal().message));
        store = std::move(opened).value();
        settings = std::make_unique<QSettings>(folder + u"/settings.ini"_s, QSettings::IniFormat);
        desktop = std::make_unique<ui::DesktopApp>(
            ui::DesktopApp::Inputs{playbook, deck, *store, *settings, clock, ids, u"device-1"_s, u"agent-1"_s});
        desktop->prospects.seedDemoIfEmpty();
        events = &desktop->events;
        call = &desktop->call;
        presentation = &desktop->presentation;
        renderer = &desktop->renderer;
        window = &desktop->window();
        window->resize(1600, 1000);
        window->show();
        QApplication::setActiveWindow(window);
    }

    template<typename T>
    T *find(const QString &name) const
    {
        T *widget = window->findChild<T *>(name);
        if (!widget)
            qFatal("no widget %s", qPrintable(name));
        return widget;
    }

    // A key press as the keyboard delivers it: to the focused widget.
    void press(Qt::Key key) { QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window, key); }

    void keys(QKeySequence sequence) { QTest::keySequence(QApplication::focusWidget() ? QApplication::focusWidget() : window, sequence); }

    // Picks a demo prospect by typing in the search box and starts the call with Ctrl+Enter.
    void startCallWith(const QString &search)
    {
        auto *box = find<QLineEdit>(u"prospectSearch"_s);
        box->setFocus();
        QTest::keyClicks(box, search);
        window->startPage()->selectProspect(0);
        keys(QKeySequence(Qt::CTRL | Qt::Key_Return));
    }

    // Fills what the current milestone needs, the way an agent does: clicks and typing.
    void workCurrentMilestone(const Playbook &playbook)
    {
        ui::MilestoneView *view = window->callPage()->milestoneView();
        const Milestone &milestone = playbook.milestones.at(view->index());
        for (const ChecklistItem &item : milestone.checklist)
            tick(view->findChild<QCheckBox *>(u"check-"_s + item.id));
        for (const FieldDefinition &field : milestone.fields) {
            auto *editor = view->findChild<ui::FieldEditor *>(u"field-"_s + field.id);
            QWidget *input = editor->input();
            input->setFocus();
            if (auto *line = qobject_cast<QLineEdit *>(input)) {
                const QJsonValue value = exampleFieldValue(field);
                QTest::keyClicks(line, value.isString() ? value.toString() : QLocale().toString(value.toDouble()));
                QTest::keyClick(line, Qt::Key_Return);
            } else if (auto *text = qobject_cast<QPlainTextEdit *>(input)) {
                QTest::keyClicks(text, exampleFieldValue(field).toString());
                QTest::keyClick(text, Qt::Key_Tab); // leaving the box commits it
            } else if (field.type == FieldType::Choice) {
                QTest::keyClick(input, Qt::Key_Down); // the first option
            } else {
                qobject_cast<QDateEdit *>(input)->setDate(QDate(2027, 3, 31));
                QTest::keyClick(input, Qt::Key_Return);
            }
        }
        for (const Confirmation &confirmation : milestone.confirmations)
            tick(view->findChild<QCheckBox *>(u"confirm-"_s + confirmation.id));
    }
};

} // namespace

class TestControlPanel : public QObject
{
    Q_OBJECT

private:
    Playbook m_playbook = test::loadDefaultPlaybook();
    Deck m_deck = test::loadDefaultDeck(m_playbook);

private Q_SLOTS:
    void consentToRecordIsAskedBeforeTheCall()
    {
        App app(m_playbook, m_deck);
        app.startCallWith(u"Whitfield"_s);
        auto *consent = app.find<QCheckBox>(u"recordingConsent"_s);
        QVERIFY(consent->isVisible());
        QVERIFY(!consent->isChecked());
        QVERIFY(!app.call->state().consent);
        // The question to ask is on screen, word for word what is recorded.
        QVERIFY(!app.window->precallPage()->findChildren<QLabel *>().isEmpty());
        bool shown = false;
        for (const QLabel *label : app.window->precallPage()->findChildren<QLabel *>())
            shown = shown || label->text().contains(ui::PrecallPage::consentWording());
        QVERIFY(shown);
        tick(consent);
        QVERIFY(app.call->state().consent);
        QCOMPARE(app.call->state().consent->given, true);
        QCOMPARE(app.call->state().consent->wording, ui::PrecallPage::consentWording());
        // Withdrawn: recorded too, as a no.
        tick(consent);
        QCOMPARE(app.call->state().consent->given, false);
        QVERIFY(!consent->isChecked());
        tick(consent);
        if (!qEnvironmentVariableIsEmpty("CALLOS_SCREENSHOT_DIR"))
            app.window->grab().save(qEnvironmentVariable("CALLOS_SCREENSHOT_DIR") + u"/precall-consent.png"_s);
    }

    void completeCallByClicksAndKeys()
    {
        App app(m_playbook, m_deck);
        QCOMPARE(app.window->currentPage(), app.window->startPage());
        app.startCallWith(u"Whitfield"_s);
        QCOMPARE(app.window->currentPage(), app.window->precallPage());
        QVERIFY(app.window->precallPage()->verdictText().startsWith(u"Qualified"_s));

        // Begin too early: the refusal appears next to the button, in words.
        app.keys(QKeySequence(Qt::CTRL | Qt::Key_Return));
        QVERIFY(app.find<ui::ReasonPrompt>(u"precallPrompt"_s)->message().contains(u"Pre-call checklist still open"_s));
        for (const ChecklistItem &item : m_playbook.precallChecklist)
            tick(app.find<QCheckBox>(u"precall-"_s + item.id));
        app.keys(QKeySequence(Qt::CTRL | Qt::Key_Return));
        QCOMPARE(app.window->currentPage(), app.window->callPage());

        for (int i = 0; i < m_playbook.milestones.size() - 1; ++i) {
            QCOMPARE(app.window->callPage()->milestoneView()->index(), i);
            app.clock.advanceMinutes(3);
            app.workCurrentMilestone(m_playbook);
            app.keys(QKeySequence(Qt::CTRL | Qt::Key_Return));
            QVERIFY2(app.find<ui::ReasonPrompt>(u"actionPrompt"_s)->message().isEmpty(),
                     qPrintable(app.find<ui::ReasonPrompt>(u"actionPrompt"_s)->message()));
        }
        QCOMPARE(app.call->state().current, int(m_playbook.milestones.size() - 1));
        QVERIFY(app.window->callPage()->rail()->rowText(0).contains(u"done"_s));

        app.workCurrentMilestone(m_playbook);
        tick(app.find<QRadioButton>(u"decision-proceed"_s));
        QTest::mouseClick(app.find<QPushButton>(u"recordDecision"_s), Qt::LeftButton);
        QVERIFY(app.find<QLabel>(u"decisionRecorded"_s)->text().contains(u"Proceed"_s));
        QTest::mouseClick(app.find<QPushButton>(u"endCall"_s), Qt::LeftButton);
        QCOMPARE(app.window->currentPage(), app.window->summaryPage());
        const QString summary = app.window->summaryPage()->plainText();
        QVERIFY2(summary.contains(u"Decision: Proceed"_s), qPrintable(summary));
        QVERIFY(summary.contains(u"Whitfield"_s));

        app.keys(QKeySequence(Qt::CTRL | Qt::Key_Return));
        QCOMPARE(app.window->currentPage(), app.window->startPage());
        QCOMPARE(app.find<QListWidget>(u"recentCalls"_s)->count(), 1);
        QCOMPARE(app.find<QListWidget>(u"unfinishedCalls"_s)->count(), 0);
    }

    void objectionMidCallReturnsToTheSameSpot()
    {
        App app(m_playbook, m_deck);
        app.startCallWith(u"Whitfield"_s);
        QVERIFY(app.call->act([](CallSession &s) { return s.beginCall(u"test"_s); }));
        app.workCurrentMilestone(m_playbook);
        app.keys(QKeySequence(Qt::CTRL | Qt::Key_Return));
        QCOMPARE(app.call->state().current, 1);
        auto *notes = app.window->callPage()->milestoneView()->notes();
        notes->setFocus();
        QTest::keyClicks(notes, u"Referrals drive most growth"_s);

        app.keys(QKeySequence(Qt::CTRL | Qt::Key_O));
        QVERIFY(app.window->callPage()->objectionShown());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_1); // Price
        QVERIFY(app.call->state().openObjectionRecord());
        auto *answer = app.find<QLineEdit>(u"answer-"_s + m_playbook.objections.constFirst().questions.constFirst().id);
        QCOMPARE(QApplication::focusWidget(), answer);
        QTest::keyClicks(answer, u"Against a new hire"_s);
        app.keys(QKeySequence(Qt::CTRL | Qt::Key_1)); // resolved
        QVERIFY(!app.window->callPage()->objectionShown());
        QCOMPARE(app.call->state().current, 1);
        QCOMPARE(app.window->callPage()->milestoneView()->notes()->toPlainText(), u"Referrals drive most growth"_s);
        const ObjectionRecord &record = app.call->state().objections.constFirst();
        QCOMPARE(record.outcome, ObjectionOutcome::Resolved);
        QCOMPARE(record.answers.value(m_playbook.objections.constFirst().questions.constFirst().id), u"Against a new hire"_s);
        QCOMPARE(app.call->state().milestones.at(1).note, u"Referrals drive most growth"_s);
    }

    void advisoryOnlyPath()
    {
        App app(m_playbook, m_deck);
        app.startCallWith(u"Clearpath"_s);
        QCOMPARE(app.window->precallPage()->verdictText(), u"Advisory only: 145 clients, below 500. Coaching pitch disabled."_s);
        QVERIFY(app.call->act([](CallSession &s) { return s.beginCall(u"test"_s); }));
        QVERIFY(app.window->callPage()->rail()->rowText(4).contains(u"blocked"_s));
        QTest::mouseClick(app.find<QPushButton>(u"milestone-solution"_s), Qt::LeftButton);
        QVERIFY(app.find<ui::ReasonPrompt>(u"actionPrompt"_s)->message().startsWith(u"Advisory-only call"_s));
        QCOMPARE(app.call->state().current, 0);
        for (int i = 0; i < 4; ++i) {
            app.workCurrentMilestone(m_playbook);
            app.keys(QKeySequence(Qt::CTRL | Qt::Key_Return));
        }
        QCOMPARE(app.call->state().current, m_playbook.milestoneIndex(u"decision"_s));
        for (const CallEvent &event : app.events->events(app.call->state().callId).value())
            QVERIFY(event.payload.value(u"milestoneId"_s).toString() != u"solution"_s);
    }

    void longTextKeepsItsLineBreaks()
    {
        App app(m_playbook, m_deck);
        app.startCallWith(u"Whitfield"_s);
        auto *editor = app.window->precallPage()->findChild<ui::FieldEditor *>(u"fact-painPoints"_s);
        auto *box = qobject_cast<QPlainTextEdit *>(editor->input());
        QVERIFY(box);
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, u"Lumpy revenue"_s);
        QTest::keyClick(box, Qt::Key_Return);
        QTest::keyClicks(box, u"Founder sells alone"_s);
        QTest::keyClick(box, Qt::Key_Tab);
        QCOMPARE(app.call->state().fields.value(u"painPoints"_s).toString(), u"Lumpy revenue\nFounder sells alone"_s);
        QVERIFY(app.window->precallPage()->findChild<ui::FieldEditor *>(u"fact-zoomLink"_s)->input()->inherits("QLineEdit"));
    }

    void invalidInputIsExplainedInline()
    {
        App app(m_playbook, m_deck);
        app.startCallWith(u"Whitfield"_s);
        QVERIFY(app.call->act([](CallSession &s) { return s.beginCall(u"test"_s); }));
        QVERIFY(app.call->act([](CallSession &s) { return s.goToMilestone(u"current-state"_s, u"test"_s); }));
        auto *editor = app.window->callPage()->milestoneView()->findChild<ui::FieldEditor *>(u"field-churnRate"_s);
        auto *line = qobject_cast<QLineEdit *>(editor->input());
        line->setFocus();
        QTest::keyClicks(line, u"150"_s);
        QTest::keyClick(line, Qt::Key_Return);
        QVERIFY2(editor->problem().contains(u"between 0 and 100"_s), qPrintable(editor->problem()));
        QVERIFY(!app.call->state().fields.contains(u"churnRate"_s));
        line->clear();
        QTest::keyClicks(line, u"lots"_s);
        QTest::keyClick(line, Qt::Key_Return);
        QVERIFY(editor->problem().contains(u"not a number"_s));
        line->clear();
        QTest::keyClicks(line, u"6.5"_s);
        QTest::keyClick(line, Qt::Key_Return);
        QVERIFY(editor->problem().isEmpty());
        QCOMPARE(app.call->state().fields.value(u"churnRate"_s).toDouble(), 6.5);
    }

    void presentationWindowFollowsAndShowsOnlySlides()
    {
        App app(m_playbook, m_deck);
        app.startCallWith(u"Whitfield"_s);
        ui::PresentationWindow *window = app.window->presentationWindow();
        QCOMPARE(window->windowTitle(), u"CallOS Presentation"_s);
        QVERIFY(window->windowFlags() & Qt::FramelessWindowHint);
        window->showOn();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QApplication::setActiveWindow(app.window);
        app.window->activateWindow();

        const auto expectFollowing = [&] {
            QCOMPARE(window->slide(), app.presentation->visibleIndex());
        };
        // A clicker's keys while the agent is on a check box of the pre-call list.
        app.find<QCheckBox>(u"precall-"_s + m_playbook.precallChecklist.constFirst().id)->setFocus();
        for (int i = 0; i < 5; ++i) {
            app.press(Qt::Key_PageDown);
            expectFollowing();
        }
        QCOMPARE(window->slide(), 5);
        app.press(Qt::Key_PageUp);
        QCOMPARE(window->slide(), 4);
        app.press(Qt::Key_Right);
        QCOMPARE(window->slide(), 5);
        app.press(Qt::Key_B);
        QCOMPARE(window->slide(), -1);
        app.press(Qt::Key_B);
        QCOMPARE(window->slide(), 5);
        // Typing in a field keeps its keys: B and arrows are text there.
        auto *fact = qobject_cast<QLineEdit *>(app.window->precallPage()->findChild<ui::FieldEditor *>(u"fact-company"_s)->input());
        fact->setFocus();
        app.press(Qt::Key_B);
        app.press(Qt::Key_Left);
        QCOMPARE(window->slide(), 5);
        QVERIFY(fact->text().contains(u'b'));
        app.presentation->jumpTo(2);
        expectFollowing();

        // A milestone change brings its first slide.
        QVERIFY(app.call->act([](CallSession &s) { return s.beginCall(u"test"_s); }));
        QVERIFY(app.call->act([](CallSession &s) { return s.goToMilestone(u"reality"_s, u"test"_s); }));
        QCOMPARE(window->slide(), m_deck.firstSlideOf(u"reality"_s));

        // Nothing but the slide: no child widgets, no note text, ever.
        QVERIFY(window->findChildren<QWidget *>().isEmpty());
        window->resize(1280, 720);
        const QImage before = window->grab().toImage();
        QCOMPARE(window->grab().toImage(), before); // a grab is repeatable
        auto *notes = app.window->callPage()->milestoneView()->notes();
        notes->setFocus();
        QTest::keyClicks(notes, u"PRIVATE-NOTE-4711"_s);
        QTest::qWait(350);
        QCOMPARE(app.call->state().milestones.at(m_playbook.milestoneIndex(u"reality"_s)).note, u"PRIVATE-NOTE-4711"_s);
        for (int i = 0; i < m_deck.slides.size(); ++i)
            QVERIFY(!app.renderer->texts(i, app.call->state().fields).join(u' ').contains(u"PRIVATE-NOTE"_s));
        QCOMPARE(window->grab().toImage(), before);
        QVERIFY(window->findChildren<QWidget *>().isEmpty());
    }

    void interruptedCallIsOfferedAndResumedExactly()
    {
        QTemporaryDir data;
        CallState before;
        {
            App first(m_playbook, m_deck, data.path());
            first.startCallWith(u"Whitfield"_s);
            QVERIFY(first.call->act([](CallSession &s) { return s.beginCall(u"test"_s); }));
            first.workCurrentMilestone(m_playbook);
            first.keys(QKeySequence(Qt::CTRL | Qt::Key_Return));
            QVERIFY(first.call->act([](CallSession &s) { return s.raiseObjection(u"timing"_s); }));
            before = first.call->state();
        } // the app goes away mid-call, objection open
        App second(m_playbook, m_deck, data.path());
        QCOMPARE(second.window->currentPage(), second.window->startPage());
        auto *banner = second.find<QLabel>(u"resumeBanner"_s);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"Dana Whitfield"_s));
        second.keys(QKeySequence(Qt::CTRL | Qt::Key_R));
        QCOMPARE(second.window->currentPage(), second.window->callPage());
        QVERIFY(second.call->state() == before);
        QVERIFY(second.window->callPage()->objectionShown());
    }

    void presentationScreenFallsBackToThePrimary()
    {
        App app(m_playbook, m_deck);
        app.settings->setValue(u"presentation/screen"_s, u"HDMI-2 (unplugged)"_s);
        QCOMPARE(app.window->presentationWindow()->rememberedScreen(), QGuiApplication::primaryScreen());
        app.window->presentationWindow()->showOn();
        QCOMPARE(app.window->presentationWindow()->screen(), QGuiApplication::primaryScreen());
        QCOMPARE(app.settings->value(u"presentation/screen"_s).toString(), QGuiApplication::primaryScreen()->name());
    }

    void storeFailureIsShownAndLosesNothing()
    {
        App app(m_playbook, m_deck);
        app.startCallWith(u"Whitfield"_s);
        const QString callId = app.call->state().callId;
        const int savedBefore = int(app.events->events(callId).value().size());
        app.faults.failNextWrite();
        auto *box = app.find<QCheckBox>(u"precall-"_s + m_playbook.precallChecklist.constFirst().id);
        tick(box);

        QVERIFY(!box->isChecked());
        QVERIFY2(app.window->saveStatus().startsWith(u"Not saved"_s), qPrintable(app.window->saveStatus()));
        QCOMPARE(app.events->events(callId).value().size(), savedBefore);
        tick(box);
        QVERIFY(box->isChecked());
        QVERIFY(app.window->saveStatus().startsWith(u"Saved"_s));
        QCOMPARE(app.events->events(callId).value().size(), savedBefore + 1);
    }
};

QTEST_MAIN(TestControlPanel)
#include "tst_controlpanel.moc"
