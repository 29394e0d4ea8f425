#pragma once

#include "client/account/account.h"
#include "client/account/accountsettings.h"
#include "client/account/tokenstore.h"
#include "client/call/calllauncher.h"
#include "client/live/livechannel.h"
#include "client/presentation/presentationcontroller.h"
#include "client/review/callreview.h"
#include "client/review/recordingupload.h"
#include "client/store/calleventstore.h"
#include "client/store/callrepository.h"
#include "client/store/localstore.h"
#include "client/store/prospectrepository.h"
#include "client/sync/apiclient.h"
#include "client/sync/backoffpolicy.h"
#include "client/sync/playbookcache.h"
#include "client/sync/prospectcache.h"
#include "client/sync/randomsource.h"
#include "client/sync/refusedevents.h"
#include "client/sync/syncengine.h"
#include "client/sync/syncoutbox.h"
#include "client/viewer/viewershare.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/slides/sliderenderer.h"
#include "ui/viewer/prospectpicture.h"

#include <QNetworkAccessManager>

#include <memory>

class QSettings;

namespace callos::ui {

// The desktop app's object graph on an open store: repositories, call
// controller, launcher, presentation, slide renderer, the account, the sync
// and the slides shared in a browser, and (on demand) the control panel
// window. main() builds one; tests and benchmarks build the same one on a
// temporary store, so they exercise exactly what users run.
class DesktopApp
{
public:
    struct Inputs
    {
        const Playbook &playbook;
        const Deck &deck;
        client::LocalStore &store;
        QSettings &settings;
        const Clock &clock;
        IdGenerator &ids;
        QString deviceId;
        QString actor;
        // Where the session token is kept: the OS keychain in main(). None:
        // in memory for this run only (tests, benchmarks).
        client::TokenStore *tokens = nullptr;
        client::SyncEngine::Options sync = {};
        client::RecordingUpload::Options upload = {};
    };

    explicit DesktopApp(const Inputs &inputs);
    ~DesktopApp();

    client::CallEventStore events;
    client::CallRepository calls;
    client::ProspectRepository prospects;
    client::CallController call;
    client::CallLauncher launcher;
    client::PresentationController presentation;
    const SlideRenderer renderer;
    const FieldFormatter formatter;

private:
    // Declared before what uses it: the fallback token store.
    std::unique_ptr<client::SessionTokenStore> m_sessionTokens;
    client::AccountSettings m_accountSettings;
    client::SystemRandom m_random;

public:
    QNetworkAccessManager network;
    client::ApiClient api;
    client::Account account;
    client::SyncOutbox outbox;
    client::RefusedEvents refused;
    client::ProspectCache prospectCache;
    client::PlaybookCache playbookCache;
    client::BackoffPolicy backoff;
    client::SyncEngine sync;
    // The prospect's picture for "Share slides in a browser".
    ProspectPicture prospectPicture;
    client::ViewerShare viewerShare;
    // The live channel and, over it, the work after the summary page's call.
    client::LiveChannel live;
    client::CallReview review;
    // A recording made elsewhere, sent from the summary page.
    client::RecordingUpload upload;

    ControlPanelServices services();
    // The control panel, created the first time it is asked for.
    MainWindow &window();

private:
    QSettings &m_settings;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace callos::ui
