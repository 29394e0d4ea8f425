#include "syncrig.h"

#include "client/call/scriptedcall.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace callos::test {

SyncRig::SyncRig(const Playbook &playbook, const Deck &deck) : SyncRig(playbook, deck, Options {}) { }

SyncRig::SyncRig(const Playbook &playbook, const Deck &deck, const Options &options) : m_playbook(playbook)
{
    m_dataDir = options.dataDir.isEmpty() ? m_tempDir.path() : options.dataDir;
    client::LocalStore::Options storeOptions;
    storeOptions.path = m_dataDir + u"/callos.sqlite"_s;
    // Thousands of events: a commit that survives a killed app is enough here.
    storeOptions.synchronous = client::LocalStore::Synchronous::Normal;
    auto opened = client::LocalStore::open(storeOptions);
    if (!opened)
        qFatal("store: %s", qPrintable(opened.refusal().message));
    store = std::move(opened).value();
    events = std::make_unique<client::CallEventStore>(*store);
    calls = std::make_unique<client::CallRepository>(*store);
    prospects = std::make_unique<client::ProspectRepository>(*store, clock, ids);
    settings = std::make_unique<QSettings>(m_dataDir + u"/settings.ini"_s, QSettings::IniFormat);
    // One device per data folder, kept across restarts, as main() does.
    QString device = settings->value(u"device/id"_s).toString();
    if (device.isEmpty()) {
        device = ids.nextId();
        settings->setValue(u"device/id"_s, device);
    }
    call = std::make_unique<client::CallController>(playbook, deck, clock, ids, *events, device, u"agent"_s);
    launcher = std::make_unique<client::CallLauncher>(*call, *prospects, *calls, *events, ids, clock);
    accountSettings = std::make_unique<client::AccountSettings>(*settings);
    api = std::make_unique<client::ApiClient>(network);
    api->setTimeoutMs(10000);
    account
        = std::make_unique<client::Account>(*accountSettings, options.tokens ? *options.tokens : memoryTokens, *api);
    outbox = std::make_unique<client::SyncOutbox>(*store);
    refused = std::make_unique<client::RefusedEvents>(*store);
    prospectCache = std::make_unique<client::ProspectCache>(*store);
    playbookCache = std::make_unique<client::PlaybookCache>(m_dataDir);
    backoff = std::make_unique<client::BackoffPolicy>(clock, random, options.backoff);
    engine = std::make_unique<client::SyncEngine>(
        client::SyncEngine::Parts { *api, *outbox, *refused, *prospectCache, *events,
            options.pullPlaybook ? playbookCache.get() : nullptr, *backoff, clock },
        options.sync);
    // The same wiring as DesktopApp.
    QObject::connect(account.get(), &client::Account::stateChanged, engine.get(), [this](client::Account::State state) {
        if (state == client::Account::State::SignedIn)
            engine->start();
        else
            engine->stop();
    });
    QObject::connect(
        call.get(), &client::CallController::eventsCommitted, engine.get(), [this] { engine->localChanged(); });
    QObject::connect(api.get(), &client::ApiClient::requestsInFlightChanged, engine.get(),
        [this](int count) { maxInFlight = std::max(maxInFlight, count); });
}

SyncRig::~SyncRig()
{
    engine.reset();
    account.reset();
    api.reset();
}

bool SyncRig::signIn(const QUrl &server, const QString &email, const QString &password)
{
    bool done = false;
    bool ok = false;
    QString why;
    const auto succeeded = QObject::connect(account.get(), &client::Account::signedIn, [&] { done = ok = true; });
    const auto failed = QObject::connect(account.get(), &client::Account::signInFailed, [&](const Refusal &refusal) {
        done = true;
        why = refusal.message;
    });
    account->signIn({ server.toString(), email, password, {} });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        why = u"no answer"_s;
    QObject::disconnect(succeeded);
    QObject::disconnect(failed);
    if (!ok)
        qWarning("sign-in failed: %s", qPrintable(why));
    return ok;
}

QString SyncRig::playCall(int steps)
{
    client::Prospect prospect;
    prospect.name = u"Prospect %1"_s.arg(++m_prospectNumber);
    prospect.company = u"Company %1"_s.arg(m_prospectNumber);
    prospect.clientCount = 620;
    prospect.revenueVolatilityPercent = 18.0;
    prospect.painPoints = u"Lumpy revenue\nFounder sells alone"_s;
    prospect.zoomLink = u"https://zoom.us/j/1234567890"_s;
    const Result<QString> started = launcher->start(prospect);
    if (!started) {
        qWarning("start: %s", qPrintable(started.refusal().message));
        return {};
    }
    if (!playSteps(steps))
        return {};
    return started.value();
}

bool SyncRig::playSteps(int steps)
{
    const client::ScriptedCall script(m_playbook);
    for (int i = 0; steps < 0 || i < steps; ++i) {
        const auto next = script.nextStep(call->state());
        if (!next)
            break;
        const auto outcome = call->act(*next);
        if (!outcome) {
            qWarning("step %d refused: %s", i, qPrintable(outcome.refusal().message));
            return false;
        }
    }
    return true;
}

bool SyncRig::waitSynced(int timeoutMs)
{
    const bool synced = QTest::qWaitFor(
        [this] {
            const client::SyncStatus &status = engine->status();
            return engine->isSettled() && status.state == client::SyncStatus::State::Synced && status.pending == 0;
        },
        timeoutMs);
    if (!synced) {
        const client::SyncStatus &status = engine->status();
        qWarning("not synced: state %d, %d pending, %d refused, busy %d: %s", int(status.state), status.pending,
            status.refused, int(engine->isBusy()), qPrintable(status.reason));
    }
    return synced;
}

bool SyncRig::waitState(client::SyncStatus::State state, int timeoutMs)
{
    return QTest::qWaitFor([this, state] { return engine->status().state == state; }, timeoutMs);
}

QStringList SyncRig::localEventIds() const
{
    QSqlQuery query(store->database());
    query.exec(u"SELECT id FROM call_events ORDER BY pos"_s);
    QStringList found;
    while (query.next())
        found.append(query.value(0).toString());
    return found;
}

int SyncRig::outboxCount() const
{
    return events->unacknowledgedCount().value();
}

} // namespace callos::test
