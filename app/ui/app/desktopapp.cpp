#include "ui/app/desktopapp.h"

#include <QFileInfo>
#include <QLocale>

namespace callos::ui {
namespace {

client::TokenStore &tokenStore(client::TokenStore *given, std::unique_ptr<client::SessionTokenStore> &fallback)
{
    if (given)
        return *given;
    fallback = std::make_unique<client::SessionTokenStore>();
    return *fallback;
}

} // namespace

DesktopApp::DesktopApp(const Inputs &inputs)
    : events(inputs.store)
    , calls(inputs.store)
    , prospects(inputs.store, inputs.clock, inputs.ids)
    , call(inputs.playbook, inputs.deck, inputs.clock, inputs.ids, events, inputs.deviceId, inputs.actor)
    , launcher(call, prospects, calls, events, inputs.ids, inputs.clock)
    , presentation(call)
    , renderer(inputs.playbook, inputs.deck, QLocale())
    , formatter(inputs.playbook, QLocale())
    , m_accountSettings(inputs.settings)
    , api(network)
    , account(m_accountSettings, tokenStore(inputs.tokens, m_sessionTokens), api)
    , outbox(inputs.store)
    , refused(inputs.store)
    , prospectCache(inputs.store)
    // The cached playbook lives next to the store it belongs to.
    , playbookCache(QFileInfo(inputs.store.path()).absolutePath())
    , backoff(inputs.clock, m_random)
    , sync(client::SyncEngine::Parts { api, outbox, refused, prospectCache, events, &playbookCache, backoff,
               inputs.clock },
          inputs.sync)
    , prospectPicture(renderer, presentation, call, client::ViewerShare::kSlideSize)
    , viewerShare(client::ViewerShare::Parts { api, account, call, presentation,
          [this] { return prospectPicture.png(); }, [this] { sync.syncNow(); } })
    , live(api, account)
    , review(client::CallReview::Parts { api, account, live, [this] { sync.syncNow(); } })
    , upload(api, inputs.upload)
    , m_settings(inputs.settings)
{
    // Signed in: sync; signed out or session ended: everything stays local.
    QObject::connect(&account, &client::Account::stateChanged, &sync, [this](client::Account::State state) {
        if (state == client::Account::State::SignedIn) {
            sync.start();
        } else {
            sync.stop();
            upload.reset();
        }
    });
    QObject::connect(&call, &client::CallController::eventsCommitted, &sync, [this] { sync.localChanged(); });
    account.restore();
}

DesktopApp::~DesktopApp()
{
    // The window goes first: it listens to everything below.
    m_window.reset();
}

ControlPanelServices DesktopApp::services()
{
    return ControlPanelServices{call, launcher, presentation, prospects, calls, renderer, formatter, m_settings,
                                account, sync, refused, viewerShare, review, upload};
}

MainWindow &DesktopApp::window()
{
    if (!m_window)
        m_window = std::make_unique<MainWindow>(services());
    return *m_window;
}

} // namespace callos::ui
