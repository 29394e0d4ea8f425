#include "ui/mainwindow/mainwindow.h"

#include "ui/account/signindialog.h"
#include "ui/call/callpage.h"
#include "ui/call/milestonerail.h"
#include "ui/call/milestoneview.h"
#include "ui/precall/precallpage.h"
#include "ui/presentation/presentationwindow.h"
#include "ui/presentation/presenterkeys.h"
#include "ui/presentation/presenterpanel.h"
#include "ui/start/startpage.h"
#include "ui/summary/summarypage.h"
#include "ui/sync/refusedeventsdialog.h"
#include "ui/sync/syncstatuswidget.h"
#include "ui/viewer/viewersharedialog.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace callos::ui {

MainWindow::MainWindow(const ControlPanelServices &services, QWidget *parent)
    : QMainWindow(parent), m_services(services)
{
    setObjectName(u"controlPanel"_s);
    setWindowTitle(tr("CallOS"));
    m_pages = new QStackedWidget(this);
    setCentralWidget(m_pages);

    m_window = new PresentationWindow(services.presentation, services.call, services.renderer, services.settings, this);
    m_presenter = new PresenterPanel(services.presentation, services.call, services.renderer, *m_window);
    new PresenterKeys(services.presentation, this);

    m_start = new StartPage(services.prospects, services.calls, this);
    m_precall = new PrecallPage(services.call, services.formatter, this);
    m_callPage = new CallPage(services.call, services.formatter, m_presenter, this);
    m_summary = new SummaryPage(services.call, services.formatter, services.review, services.upload, this);
    for (QWidget *page : {static_cast<QWidget *>(m_start), static_cast<QWidget *>(m_precall),
                          static_cast<QWidget *>(m_callPage), static_cast<QWidget *>(m_summary)})
        m_pages->addWidget(page);

    connect(m_start, &StartPage::startRequested, this, &MainWindow::start);
    connect(m_start, &StartPage::resumeRequested, this, &MainWindow::resume);
    connect(m_callPage, &CallPage::callEnded, this, &MainWindow::showPageForCall);
    connect(m_summary, &SummaryPage::done, this, [this] {
        m_services.call.closeCall();
    });
    connect(&services.call, &client::CallController::callReplaced, this, &MainWindow::showPageForCall);
    connect(&services.call, &client::CallController::eventsCommitted, this, [this](const QList<CallEvent> &events) {
        m_saveState->setText(tr("Saved %1").arg(QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat)));
        m_saveState->setStyleSheet(QString());
        for (const CallEvent &event : events) {
            if (event.type == EventType::MilestoneEntered || event.type == EventType::CallCompleted) {
                showPageForCall();
                break;
            }
        }
        if (currentPage() == m_precall)
            m_precall->refresh();
    });
    connect(&services.call, &client::CallController::actionRefused, this, [this](const Refusal &refusal) {
        if (refusal.code == u"store.write_failed"_s) {
            m_saveState->setText(tr("Not saved: %1").arg(refusal.message));
            m_saveState->setStyleSheet(u"color: #B91C1C; font-weight: 600;"_s);
        }
    });

    m_saveState = new QLabel(tr("All changes saved"), this);
    m_saveState->setObjectName(u"saveState"_s);
    m_syncStatus = new SyncStatusWidget(services.account, services.sync, this);
    connect(m_syncStatus, &SyncStatusWidget::signInRequested, this, &MainWindow::openSignIn);
    connect(m_syncStatus, &SyncStatusWidget::refusedRequested, this, &MainWindow::openRefusedEvents);
    m_callTime = new QLabel(this);
    m_callTime->setObjectName(u"callTime"_s);
    statusBar()->addWidget(m_saveState, 1);
    m_viewerShareState = new QLabel(this);
    m_viewerShareState->setObjectName(u"viewerShareStatus"_s);
    m_viewerShareState->hide();
    statusBar()->addPermanentWidget(m_viewerShareState);
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->addPermanentWidget(m_callTime);
    m_clockTick.setInterval(1000);
    connect(&m_clockTick, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_clockTick.start();

    createPresentationMenu();
    createAccountMenu();
    // Prospects pulled from the server show up in the list at once.
    connect(&services.sync, &client::SyncEngine::prospectsPulled, this, [this] {
        if (currentPage() == m_start)
            m_start->refresh();
    });
    connect(&services.account, &client::Account::warning, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });

    showPageForCall();
}

void MainWindow::createPresentationMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Presentation"));
    menu->setObjectName(u"presentationMenu"_s);
    m_shareSlides = menu->addAction(tr("Share slides in a browser…"), this, &MainWindow::openViewerShare);
    m_shareSlides->setObjectName(u"actionShareSlides"_s);
    m_shareSlides->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    connect(&m_services.viewerShare, &client::ViewerShare::availabilityChanged, this, &MainWindow::updateViewerShare);
    connect(&m_services.viewerShare, &client::ViewerShare::stateChanged, this, &MainWindow::updateViewerShare);
    updateViewerShare();
}

void MainWindow::updateViewerShare()
{
    using State = client::ViewerShare::State;
    const client::ViewerShare &share = m_services.viewerShare;
    // Only a running call of a signed-in agent can be shared; the tooltip says why not.
    const QString why = share.whyNotAvailable();
    m_shareSlides->setEnabled(why.isEmpty() || share.isSharing());
    m_shareSlides->setToolTip(why);
    // With the dialog closed, the status bar still tells whether the prospect is up to date.
    m_viewerShareState->setVisible(share.isSharing());
    m_viewerShareState->setToolTip(share.reason());
    switch (share.state()) {
    case State::Off: m_viewerShareState->clear(); break;
    case State::Starting: m_viewerShareState->setText(tr("Browser: making the link…")); break;
    case State::Live: m_viewerShareState->setText(tr("Browser: live")); break;
    case State::Behind: m_viewerShareState->setText(tr("Browser: not updating")); break;
    }
    m_viewerShareState->setStyleSheet(share.state() == State::Behind ? u"color: #B45309; font-weight: 600;"_s
                                                                      : QString());
}

void MainWindow::createAccountMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Account"));
    menu->setObjectName(u"accountMenu"_s);
    // Menu shortcuts run at once (no button animating a click), and stay
    // away from the call's keys (README, "Keys during a call").
    m_signIn = menu->addAction(tr("Sign in…"), this, &MainWindow::openSignIn);
    m_signIn->setObjectName(u"actionSignIn"_s);
    m_signIn->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_signOut = menu->addAction(tr("Sign out"), this, [this] { m_services.account.signOut(); });
    m_signOut->setObjectName(u"actionSignOut"_s);
    menu->addSeparator();
    m_syncNow = menu->addAction(tr("Sync now"), this, [this] { m_services.sync.syncNow(); });
    m_syncNow->setObjectName(u"actionSyncNow"_s);
    m_syncNow->setShortcut(QKeySequence(Qt::Key_F5));
    m_showRefused = menu->addAction(tr("Changes the server refused…"), this, &MainWindow::openRefusedEvents);
    m_showRefused->setObjectName(u"actionRefused"_s);
    connect(&m_services.account, &client::Account::stateChanged, this, &MainWindow::updateAccountActions);
    updateAccountActions();
}

void MainWindow::updateAccountActions()
{
    using State = client::Account::State;
    const State state = m_services.account.state();
    m_signIn->setEnabled(state == State::SignedOut || state == State::SessionEnded);
    m_signOut->setEnabled(state == State::SignedIn || state == State::SessionEnded);
    m_syncNow->setEnabled(state == State::SignedIn);
    const QString email = m_services.account.profile().email;
    m_signOut->setText(state == State::SignedIn && !email.isEmpty() ? tr("Sign out %1").arg(email) : tr("Sign out"));
}

void MainWindow::openSignIn()
{
    if (m_signInDialog && m_signInDialog->isVisible()) {
        m_signInDialog->activateWindow();
        return;
    }
    using State = client::Account::State;
    if (m_services.account.state() != State::SignedOut && m_services.account.state() != State::SessionEnded)
        return;
    auto *dialog = new SignInDialog(m_services.account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_signInDialog = dialog;
    dialog->open();
}

void MainWindow::openRefusedEvents()
{
    if (m_refusedDialog && m_refusedDialog->isVisible()) {
        m_refusedDialog->activateWindow();
        return;
    }
    auto *dialog = new RefusedEventsDialog(m_services.refused, m_services.sync, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_refusedDialog = dialog;
    dialog->open();
}

void MainWindow::openViewerShare()
{
    if (m_viewerShareDialog && m_viewerShareDialog->isVisible()) {
        m_viewerShareDialog->activateWindow();
        return;
    }
    if (!m_services.viewerShare.isAvailable() && !m_services.viewerShare.isSharing())
        return;
    auto *dialog = new ViewerShareDialog(m_services.viewerShare, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_viewerShareDialog = dialog;
    // Not modal: the call goes on while it shows where sharing stands.
    dialog->show();
    dialog->activateWindow();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

QString MainWindow::saveStatus() const
{
    return m_saveState->text();
}

void MainWindow::showPageForCall()
{
    client::CallController &call = m_services.call;
    QWidget *page = m_start;
    if (call.hasCall()) {
        switch (call.state().phase) {
        case CallPhase::NotStarted: page = m_start; break;
        case CallPhase::PreCall: page = m_precall; break;
        case CallPhase::InProgress: page = m_callPage; break;
        case CallPhase::Completed: page = m_summary; break;
        }
    }
    if (page == m_start)
        m_start->refresh();
    else if (page == m_precall)
        m_precall->refresh();
    else if (page == m_callPage)
        m_callPage->refresh();
    else
        m_summary->refresh();
    if (m_pages->currentWidget() != page) {
        m_pages->setCurrentWidget(page);
        page->setFocus();
    }
    updateStatus();
}

void MainWindow::updateStatus()
{
    client::CallController &call = m_services.call;
    if (!call.hasCall() || call.state().phase == CallPhase::NotStarted) {
        m_callTime->setText(QString());
        return;
    }
    const CallState &state = call.state();
    const qint64 end = state.phase == CallPhase::Completed ? state.completedAt : call.clock().nowMs();
    m_callTime->setText(tr("Call %1").arg(formatDuration(end - state.startedAt)));
}

void MainWindow::start(const client::Prospect &prospect)
{
    const auto started = m_services.launcher.start(prospect);
    if (!started)
        m_start->showRefusal(started.refusal().message);
}

void MainWindow::resume(const QString &callId)
{
    if (const auto refused = m_services.launcher.resume(callId))
        m_start->showRefusal(refused->message);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Notes typed in the last moment are saved before the window goes.
    m_callPage->flushNotes();
    m_window->close();
    event->accept();
}

} // namespace callos::ui
