#include "callharness.h"

#include "playbook/fieldvalues.h"

using namespace Qt::StringLiterals;

namespace callos::test {

QJsonValue validValueFor(const FieldDefinition &field)
{
    return exampleFieldValue(field);
}

CallHarness::CallHarness(const Playbook &playbook, EventSink *sink)
    : m_playbook(playbook), m_sink(sink ? sink : &m_memorySink)
{
    m_session = std::make_unique<CallSession>(m_playbook, CallIdentity{u"call-1"_s, u"device-1"_s, u"agent-1"_s}, m_clock,
                                              m_ids, *m_sink);
}

const QList<CallEvent> &CallHarness::events() const
{
    return m_memorySink.events();
}

bool CallHarness::start(int clientCount)
{
    return bool(m_session->start({{u"prospectName"_s, u"Dana Whitfield"_s},
                                  {u"company"_s, u"Whitfield Coaching"_s},
                                  {u"clientCount"_s, clientCount},
                                  {u"revenueVolatility"_s, 18}}));
}

bool CallHarness::tickPrecall()
{
    for (const ChecklistItem &item : m_playbook.precallChecklist) {
        if (!m_session->setPrecallItem(item.id, true))
            return false;
    }
    return true;
}

bool CallHarness::begin(int clientCount)
{
    return start(clientCount) && tickPrecall() && bool(m_session->beginCall());
}

bool CallHarness::fillMilestone(int index)
{
    const Milestone &milestone = m_playbook.milestones.at(index);
    for (const ChecklistItem &item : milestone.checklist) {
        if (item.required && !m_session->setChecklistItem(milestone.id, item.id, true))
            return false;
    }
    for (const FieldDefinition &field : milestone.fields) {
        if (field.required && !m_session->setField(field.id, validValueFor(field)))
            return false;
    }
    for (const Confirmation &confirmation : milestone.confirmations) {
        if (!m_session->setConfirmation(milestone.id, confirmation.id, true))
            return false;
    }
    return true;
}

bool CallHarness::runToDecision()
{
    const int decision = int(m_playbook.milestones.size() - 1);
    while (state().current < decision) {
        m_clock.advanceMinutes(2);
        if (!fillMilestone(state().current) || !m_session->completeMilestone())
            return false;
    }
    return true;
}

} // namespace callos::test
