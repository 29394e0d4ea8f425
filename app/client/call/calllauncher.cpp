#include "client/call/calllauncher.h"

using namespace Qt::StringLiterals;

namespace callos::client {

CallLauncher::CallLauncher(CallController &controller, ProspectRepository &prospects, CallRepository &calls,
                           CallEventStore &events, IdGenerator &ids, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_prospects(prospects)
    , m_calls(calls)
    , m_events(events)
    , m_ids(ids)
    , m_clock(clock)
{
    connect(&m_controller, &CallController::eventsCommitted, this, &CallLauncher::onEventsCommitted);
}

FieldValues CallLauncher::factsOf(const Prospect &prospect, const Playbook &playbook)
{
    FieldValues all{{u"prospectName"_s, prospect.name},
                    {u"company"_s, prospect.company},
                    {u"painPoints"_s, prospect.painPoints},
                    {u"zoomLink"_s, prospect.zoomLink}};
    if (prospect.clientCount)
        all.insert(u"clientCount"_s, *prospect.clientCount);
    if (prospect.revenueVolatilityPercent)
        all.insert(u"revenueVolatility"_s, *prospect.revenueVolatilityPercent);
    // Only what this playbook asks about, and nothing empty.
    FieldValues facts;
    for (const FieldDefinition &field : playbook.prospectFields) {
        const QJsonValue value = all.value(field.id);
        if (!isEmptyFieldValue(value))
            facts.insert(field.id, value);
    }
    return facts;
}

Result<QString> CallLauncher::start(const Prospect &prospect)
{
    Result<Prospect> saved = m_prospects.save(prospect);
    if (!saved)
        return saved.refusal();
    CallRecord record;
    record.id = m_ids.nextId();
    record.prospectId = saved.value().id;
    record.playbookId = m_controller.playbook().id;
    record.playbookVersion = m_controller.playbook().version;
    record.deckId = m_controller.deck().id;
    record.startedAt = m_clock.nowMs();
    if (auto refused = m_calls.create(record))
        return *refused;
    const auto started = m_controller.startCall(record.id, factsOf(saved.value(), m_controller.playbook()));
    if (!started)
        return started.refusal();
    return record.id;
}

std::optional<Refusal> CallLauncher::resume(const QString &callId)
{
    Result<QList<CallEvent>> events = m_events.events(callId);
    if (!events)
        return events.refusal();
    if (events.value().isEmpty())
        return Refusal{u"call.never_started"_s, tr("This call was never started; start a new one.")};
    return m_controller.resumeCall(callId, events.value());
}

void CallLauncher::onEventsCommitted(const QList<CallEvent> &events)
{
    for (const CallEvent &event : events) {
        if (event.type == EventType::CallCompleted)
            m_calls.markCompleted(event.callId, event.at);
    }
}

} // namespace callos::client
