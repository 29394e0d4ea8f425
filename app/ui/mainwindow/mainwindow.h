#pragma once

#include "client/account/account.h"
#include "client/call/calllauncher.h"
#include "client/presentation/presentationcontroller.h"
#include "client/review/callreview.h"
#include "client/review/recordingupload.h"
#include "client/sync/refusedevents.h"
#include "client/sync/syncengine.h"
#include "client/viewer/viewershare.h"

#include <QDialog>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QLabel;
class QSettings;
class QStackedWidget;

namespace callos::ui {

class CallPage;
class PrecallPage;
class PresentationWindow;
class PresenterPanel;
class SlideRenderer;
class StartPage;
class SummaryPage;
class SyncStatusWidget;

// Everything the control panel needs, created once in main() and passed in.
struct ControlPanelServices
{
    client::CallController &call;
    client::CallLauncher &launcher;
    client::PresentationController &presentation;
    client::ProspectRepository &prospects;
    client::CallRepository &calls;
    const SlideRenderer &renderer;
    const FieldFormatter &formatter;
    QSettings &settings;
    client::Account &account;
    client::SyncEngine &sync;
    client::RefusedEvents &refused;
    client::ViewerShare &viewerShare;
    client::CallReview &review;
    client::RecordingUpload &upload;
};

// The control panel: start screen, pre-call, the call, the summary, one at a
// time as the call moves on, with the status bar (saved, sync, call time)
// and the presentation window it drives.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const ControlPanelServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    StartPage *startPage() const { return m_start; }
    PrecallPage *precallPage() const { return m_precall; }
    CallPage *callPage() const { return m_callPage; }
    SummaryPage *summaryPage() const { return m_summary; }
    PresentationWindow *presentationWindow() const { return m_window; }
    PresenterPanel *presenterPanel() const { return m_presenter; }
    QWidget *currentPage() const;
    QString saveStatus() const;
    SyncStatusWidget *syncStatus() const { return m_syncStatus; }

    // The account menu's dialogs (also from the status bar).
    void openSignIn();
    void openRefusedEvents();
    // The presentation menu's "Share slides in a browser…" (starts sharing).
    void openViewerShare();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showPageForCall();
    void updateStatus();
    void start(const client::Prospect &prospect);
    void resume(const QString &callId);
    void createPresentationMenu();
    void updateViewerShare();
    void createAccountMenu();
    void updateAccountActions();

    ControlPanelServices m_services;
    QStackedWidget *m_pages;
    StartPage *m_start;
    PrecallPage *m_precall;
    CallPage *m_callPage;
    SummaryPage *m_summary;
    PresentationWindow *m_window;
    PresenterPanel *m_presenter;
    QLabel *m_saveState;
    SyncStatusWidget *m_syncStatus;
    QLabel *m_viewerShareState;
    QAction *m_signIn = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_syncNow = nullptr;
    QAction *m_showRefused = nullptr;
    QAction *m_shareSlides = nullptr;
    QPointer<QDialog> m_signInDialog;
    QPointer<QDialog> m_refusedDialog;
    QPointer<QDialog> m_viewerShareDialog;
    QLabel *m_callTime;
    QTimer m_clockTick;
    bool m_showingSummary = false;
};

} // namespace callos::ui
