#include "client/presentation/presentationcontroller.h"

namespace callos::client {

PresentationController::PresentationController(CallController &call, QObject *parent) : QObject(parent), m_call(call)
{
    connect(&m_call, &CallController::eventsCommitted, this, &PresentationController::onEventsCommitted);
    connect(&m_call, &CallController::callReplaced, this, &PresentationController::onCallReplaced);
    m_current = qMax(0, showableFrom(0, +1));
}

int PresentationController::visibleIndex() const
{
    if (m_black)
        return -1;
    return m_frozen ? m_frozenIndex : m_current;
}

bool PresentationController::isShowable(int index) const
{
    if (index < 0 || index >= slideCount())
        return false;
    if (!m_call.hasCall())
        return true;
    const int milestone = m_call.playbook().milestoneIndex(m_call.deck().slides.at(index).milestoneId);
    return milestone < 0 || !m_call.state().isBlocked(m_call.playbook(), milestone);
}

int PresentationController::showableFrom(int from, int step) const
{
    for (int index = from; index >= 0 && index < slideCount(); index += step) {
        if (isShowable(index))
            return index;
    }
    return -1;
}

void PresentationController::setFollowsMilestones(bool follow)
{
    m_followMilestones = follow;
    Q_EMIT changed();
}

bool PresentationController::next()
{
    const int target = showableFrom(m_current + 1, +1);
    if (target < 0)
        return false;
    show(target);
    return true;
}

bool PresentationController::previous()
{
    const int target = showableFrom(m_current - 1, -1);
    if (target < 0)
        return false;
    show(target);
    return true;
}

bool PresentationController::jumpTo(int index)
{
    if (!isShowable(index))
        return false;
    show(index);
    return true;
}

void PresentationController::toggleBlack()
{
    const int before = visibleIndex();
    m_black = !m_black;
    announce(before);
}

void PresentationController::toggleFreeze()
{
    const int before = visibleIndex();
    m_frozen = !m_frozen;
    m_frozenIndex = m_current;
    announce(before); // unfreezing: the prospect catches up with the agent
}

void PresentationController::show(int index)
{
    const int before = visibleIndex();
    m_current = index;
    announce(before);
}

void PresentationController::announce(int visibleBefore)
{
    // The prospect sees it now; the record follows (a disk write must not delay the screen).
    Q_EMIT changed();
    const int visible = visibleIndex();
    if (visible < 0 || visible == visibleBefore || !m_call.hasCall())
        return;
    const CallPhase phase = m_call.state().phase;
    if (phase == CallPhase::PreCall || phase == CallPhase::InProgress) {
        const Slide &slide = m_call.deck().slides.at(visible);
        m_call.act([&](CallSession &session) { return session.showSlide(slide.id, slide.milestoneId); });
    }
}

void PresentationController::onEventsCommitted(const QList<CallEvent> &events)
{
    for (const CallEvent &event : events) {
        if (event.type == EventType::GateEvaluated && !isShowable(m_current)) {
            show(qMax(0, showableFrom(m_current, -1)));
        } else if (event.type == EventType::MilestoneEntered && m_followMilestones) {
            const int first = m_call.deck().firstSlideOf(event.payload.value(QStringLiteral("milestoneId")).toString());
            if (first >= 0 && first != m_current)
                show(first);
        }
    }
}

void PresentationController::onCallReplaced()
{
    m_black = false;
    m_frozen = false;
    if (m_call.hasCall() && m_call.state().phase != CallPhase::NotStarted && !m_call.state().currentSlideId.isEmpty()) {
        const int resumed = m_call.deck().indexOf(m_call.state().currentSlideId);
        m_current = resumed >= 0 ? resumed : qMax(0, showableFrom(0, +1));
    } else {
        m_current = qMax(0, showableFrom(0, +1));
    }
    Q_EMIT changed();
}

} // namespace callos::client
