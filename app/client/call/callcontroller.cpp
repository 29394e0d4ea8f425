#include "client/call/callcontroller.h"

using namespace Qt::StringLiterals;

namespace callos::client {

CallController::CallController(const Playbook &playbook, const Deck &deck, const Clock &clock, IdGenerator &ids,
                               EventSink &sink, QString deviceId, QString actor, QObject *parent)
    : QObject(parent)
    , m_playbook(playbook)
    , m_deck(deck)
    , m_clock(clock)
    , m_ids(ids)
    , m_sink(sink)
    , m_deviceId(std::move(deviceId))
    , m_actor(std::move(actor))
{
}

CallController::~CallController() = default;

CallController::Outcome CallController::startCall(const QString &callId, const FieldValues &prospect)
{
    auto session = std::make_unique<CallSession>(m_playbook, CallIdentity{callId, m_deviceId, m_actor}, m_clock, m_ids, m_sink);
    Outcome outcome = session->start(prospect);
    if (!outcome) {
        Q_EMIT actionRefused(outcome.refusal());
        return outcome;
    }
    m_session = std::move(session);
    Q_EMIT callReplaced();
    Q_EMIT eventsCommitted(outcome.value());
    return outcome;
}

std::optional<Refusal> CallController::resumeCall(const QString &callId, const QList<CallEvent> &events)
{
    auto resumed = CallSession::resume(m_playbook, CallIdentity{callId, m_deviceId, m_actor}, m_clock, m_ids, m_sink, events);
    if (!resumed)
        return resumed.refusal();
    m_session = std::move(resumed).value();
    Q_EMIT callReplaced();
    return std::nullopt;
}

void CallController::closeCall()
{
    m_session.reset();
    Q_EMIT callReplaced();
}

CallController::Outcome CallController::act(const Action &action)
{
    if (!m_session)
        return Refusal{u"call.none"_s, tr("No call is open.")};
    Outcome outcome = action(*m_session);
    if (!outcome)
        Q_EMIT actionRefused(outcome.refusal());
    else if (!outcome.value().isEmpty())
        Q_EMIT eventsCommitted(outcome.value());
    return outcome;
}

} // namespace callos::client
