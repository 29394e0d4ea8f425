#pragma once

#include "client/account/account.h"
#include "client/account/accountsettings.h"
#include "client/account/tokenstore.h"
#include "client/call/callcontroller.h"
#include "client/call/calllauncher.h"
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
#include "deck/deck.h"
#include "playbook/playbook.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace callos::test {

// Jitter the test chooses: always the same fraction of the ceiling.
class FixedRandom final : public client::RandomSource
{
public:
    explicit FixedRandom(double value = 0.5) : m_value(value) { }
    double unit() override { return m_value; }
    void set(double value) { m_value = value; }

private:
    double m_value;
};

// The desktop app's client side as main() wires it (store, call controller,
// account, sync engine), without widgets, on a data folder of its own and a
// fast backoff, for driving the sync against a real server.
class SyncRig
{
public:
    struct Options
    {
        QString dataDir; // empty: a new temporary folder; else reopen it (a restart)
        client::BackoffPolicy::Options backoff { 20, 300, 10 };
        client::SyncEngine::Options sync { 200, 1536 * 1024, 50, 10 * 60 * 1000, 200 };
        client::TokenStore *tokens = nullptr; // null: in memory
        bool pullPlaybook = true;
    };

    SyncRig(const Playbook &playbook, const Deck &deck);
    SyncRig(const Playbook &playbook, const Deck &deck, const Options &options);
    ~SyncRig();

    QString dataDir() const { return m_dataDir; }

    // Signs in through the real Account and waits for the answer.
    bool signIn(const QUrl &server, const QString &email, const QString &password);
    // A new prospect (unique name) and a whole scripted call with them, or
    // its first `steps` steps (-1: to the end). Returns the call id.
    QString playCall(int steps = -1);
    // Plays the next steps of the call in progress.
    bool playSteps(int steps);

    // Waits until a round ended in Synced with nothing pending.
    bool waitSynced(int timeoutMs = 20000);
    bool waitState(client::SyncStatus::State state, int timeoutMs = 20000);

    QStringList localEventIds() const; // every event stored here, any state
    int outboxCount() const; // events not acknowledged by the server

    std::unique_ptr<client::LocalStore> store;
    SystemClock clock;
    UuidGenerator ids;
    std::unique_ptr<client::CallEventStore> events;
    std::unique_ptr<client::CallRepository> calls;
    std::unique_ptr<client::ProspectRepository> prospects;
    std::unique_ptr<client::CallController> call;
    std::unique_ptr<client::CallLauncher> launcher;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<client::AccountSettings> accountSettings;
    client::SessionTokenStore memoryTokens;
    QNetworkAccessManager network;
    std::unique_ptr<client::ApiClient> api;
    std::unique_ptr<client::Account> account;
    std::unique_ptr<client::SyncOutbox> outbox;
    std::unique_ptr<client::RefusedEvents> refused;
    std::unique_ptr<client::ProspectCache> prospectCache;
    std::unique_ptr<client::PlaybookCache> playbookCache;
    FixedRandom random;
    std::unique_ptr<client::BackoffPolicy> backoff;
    std::unique_ptr<client::SyncEngine> engine;
    // The most requests the sync ever had on the wire at once.
    int maxInFlight = 0;

private:
    const Playbook &m_playbook;
    QTemporaryDir m_tempDir;
    QString m_dataDir;
    int m_prospectNumber = 0;
};

} // namespace callos::test
