#include "ui/mainwindow/mainwindow.h"

#include "ui/call/callpage.h"
#include "ui/call/milestonerail.h"
#include "ui/call/milestoneview.h"
#include "ui/precall/precallpage.h"
#include "ui/presentation/presentationwindow.h"
#include "ui/presentation/presenterkeys.h"
#include "ui/presentation/presenterpanel.h"
#include "ui/start/startpage.h"
#include "ui/summary/summarypage.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QLabel>
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
    m_summary = new SummaryPage(services.call, services.formatter, this);
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
    m_syncState = new QLabel(tr("Local only"), this);
    m_syncState->setObjectName(u"syncState"_s);
    m_syncState->setToolTip(tr("Calls are kept on this computer. No server is configured."));
    m_callTime = new QLabel(this);
    m_callTime->setObjectName(u"callTime"_s);
    statusBar()->addWidget(m_saveState, 1);
    statusBar()->addPermanentWidget(m_syncState);
    statusBar()->addPermanentWidget(m_callTime);
    m_clockTick.setInterval(1000);
    connect(&m_clockTick, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_clockTick.start();

    showPageForCall();
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
