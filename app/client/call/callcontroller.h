#pragma once

#include "call/callsession.h"
#include "deck/deck.h"

#include <QObject>

#include <functional>
#include <memory>

namespace callos::client {

// The call the agent is running, for the UI: owns the engine session of the
// current call, hands every action to it, and announces what changed. The
// UI shows a refusal next to the control that caused it, so actions return
// the engine's Outcome as well as signalling success.
class CallController : public QObject
{
    Q_OBJECT

public:
    using Outcome = CallSession::Outcome;
    using Action = std::function<Outcome(CallSession &)>;

    CallController(const Playbook &playbook, const Deck &deck, const Clock &clock, IdGenerator &ids, EventSink &sink,
                   QString deviceId, QString actor, QObject *parent = nullptr);
    ~CallController() override;

    const Playbook &playbook() const { return m_playbook; }
    const Deck &deck() const { return m_deck; }
    const Clock &clock() const { return m_clock; }
    bool hasCall() const { return m_session != nullptr; }
    // Only valid while hasCall().
    const CallState &state() const { return m_session->state(); }
    const CallSession &session() const { return *m_session; }

    // Starts a new call for a prospect (facts keyed by playbook field id).
    Outcome startCall(const QString &callId, const FieldValues &prospect);
    // Rebuilds a call from its stored events, exactly as it was.
    std::optional<Refusal> resumeCall(const QString &callId, const QList<CallEvent> &events);
    // Forgets the current call (after its summary was shown).
    void closeCall();

    // Runs one action on the current call; on success announces the events.
    Outcome act(const Action &action);

Q_SIGNALS:
    // A call was started, resumed or closed.
    void callReplaced();
    // Events of the current call were kept by the store; the state moved.
    void eventsCommitted(const QList<CallEvent> &events);
    // The engine or the store refused an action (the control that asked shows why).
    void actionRefused(const Refusal &refusal);

private:
    const Playbook &m_playbook;
    const Deck &m_deck;
    const Clock &m_clock;
    IdGenerator &m_ids;
    EventSink &m_sink;
    const QString m_deviceId;
    const QString m_actor;
    std::unique_ptr<CallSession> m_session;
};

} // namespace callos::client
