#pragma once

#include "client/sync/apiresponse.h"
#include "client/sync/syncoutbox.h"
#include "client/sync/syncstatus.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace callos {
class Clock;
}

namespace callos::client {

class ApiClient;
class BackoffPolicy;
class CallEventStore;
class PlaybookCache;
class ProspectCache;
class RefusedEvents;

// Brings the local store and the server together, one round at a time:
//   1. pushes prospects (PUT /prospects/{id}), then the calls (PUT
//      /calls/{id}), then the outbox events in order (POST /events, in
//      batches), every step idempotent, so a resend after a lost answer
//      changes nothing on the server;
//   2. pulls the prospects and the playbook into the local cache (at start,
//      on request, and every few minutes; not after every local change).
// Only one round runs at a time: asking for another while one is in flight
// runs it right after. A failed round is retried with exponential backoff
// and full jitter. Everything it must remember is in the local store, so it
// picks up after a restart exactly where it stopped.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int eventBatch = 200;
        // The server takes bodies up to 2 MiB; notes can make events large.
        qsizetype maxBatchBytes = 1536 * 1024;
        // A burst of local changes (typing, ticking) becomes one push.
        int debounceMs = 1000;
        int pullIntervalMs = 5 * 60 * 1000;
        int prospectPage = 200;
    };

    struct Parts
    {
        ApiClient &api;
        SyncOutbox &outbox;
        RefusedEvents &refused;
        ProspectCache &prospects;
        CallEventStore &events;
        PlaybookCache *playbook; // null: the playbook is not pulled
        BackoffPolicy &backoff;
        const Clock &clock;
    };

    explicit SyncEngine(const Parts &parts, QObject *parent = nullptr);
    SyncEngine(const Parts &parts, const Options &options, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Signed in: a full round now, then on changes and every few minutes.
    void start();
    // Signed out: nothing more is sent; what is in flight is cancelled and
    // its answer ignored (everything it sent is safe to send again).
    void stop();
    bool isRunning() const { return m_running; }
    // A round in flight.
    bool isBusy() const { return m_busy; }
    // Nothing in flight and nothing about to start (tests wait for this).
    bool isSettled() const
    {
        return !m_busy && !m_again && !m_debounce.isActive() && !m_countRefresh.isActive() && m_inFlight == 0;
    }

    // Push and pull as soon as possible (the agent asked, F5).
    void syncNow();
    // Something was saved locally: push it soon.
    void localChanged();

    const SyncStatus &status() const { return m_status; }
    // Re-reads the counts from the store (after a change elsewhere).
    void refreshCounts();

    // The agent's decisions on refused events.
    std::optional<Refusal> sendRefusedAgain(const QStringList &eventIds);
    std::optional<Refusal> keepRefusedLocalOnly(const QStringList &eventIds);

Q_SIGNALS:
    void statusChanged(const callos::client::SyncStatus &status);
    // Events the server refused were recorded (or decided on).
    void refusedChanged(int count);
    // Prospects pulled from the server changed the local store.
    void prospectsPulled(int changed);
    // A new playbook from the server is in the cache (used from the next start).
    void playbookPulled();
    // A round ended, well or not (tests wait for it).
    void roundFinished(bool ok);

private:
    using Step = void (SyncEngine::*)();

    void runRound();
    void pushProspects();
    void pushNextProspect();
    void pushCalls();
    void pushNextCall();
    void pushEvents();
    void pullProspects(int offset);
    void pullPlaybook();
    void finishRound();

    // A request of the current round; stale answers (after stop()) are dropped.
    void request(const QByteArray &method, const QString &path, const QJsonObject *body, const QUrlQuery &query,
        const QByteArray &ifNoneMatch, std::function<void(const ApiResponse &)> onAnswer);
    // A failure that ends the round: retried after the backoff.
    void failRound(const ApiProblem &problem);
    void failRound(const Refusal &refusal);
    // A failure of one item the server will not take as it is: the round
    // goes on with the others and ends in Error with this reason.
    void noteProblem(const QString &message);
    void handleEventsAnswer(const QList<EventToPush> &sent, const ApiResponse &response);
    void setStatus(SyncStatus::State state, const QString &reason = {}, qint64 retryAtMs = 0);
    void scheduleRetry(qint64 delayMs);

    ApiClient &m_api;
    SyncOutbox &m_outbox;
    RefusedEvents &m_refused;
    ProspectCache &m_prospects;
    CallEventStore &m_events;
    PlaybookCache *m_playbook;
    BackoffPolicy &m_backoff;
    const Clock &m_clock;
    Options m_options;

    bool m_running = false;
    bool m_busy = false;
    bool m_again = false; // a round was asked for while one ran
    bool m_pullDue = false; // the next round also pulls
    bool m_pullThisRound = false;
    quint64 m_round = 0; // answers of another round are stale
    int m_inFlight = 0;
    QList<Prospect> m_prospectQueue;
    QList<CallToPush> m_callQueue;
    QList<Prospect> m_pulled;
    QStringList m_problems;
    SyncStatus m_status;
    QTimer m_debounce;
    QTimer m_retry;
    QTimer m_pullTimer;
    // Counting the outbox after every keystroke would cost more than the
    // keystroke: counts are refreshed at most a few times a second.
    QTimer m_countRefresh;
};

} // namespace callos::client
