#include "demo/democallplayer.h"

#include "demo/scriptclock.h"

#include <QDateTime>
#include <QJsonArray>

#include <functional>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kPrecallStepMs = 30 * 1000;

// Runs the agent's actions one after the other, keeping their events,
// moving the clock on after each, and stopping at the first refusal.
class Agent
{
public:
    Agent(CallSession &session, ScriptClock &clock) : m_session(session), m_clock(clock) { }

    void act(const DemoCallPlayer::Step &action, qint64 thenMs)
    {
        if (m_refusal)
            return;
        CallSession::Outcome outcome = action(m_session);
        if (!outcome) {
            m_refusal = outcome.refusal();
            return;
        }
        m_events.append(outcome.value());
        m_clock.advance(thenMs);
    }

    const std::optional<Refusal> &refusal() const { return m_refusal; }
    const QList<CallEvent> &events() const { return m_events; }

private:
    CallSession &m_session;
    ScriptClock &m_clock;
    QList<CallEvent> m_events;
    std::optional<Refusal> m_refusal;
};

} // namespace

DemoCallPlayer::DemoCallPlayer(const Playbook &playbook, QList<DemoSlide> slides)
    : m_playbook(playbook), m_slides(std::move(slides))
{ }

QList<DemoSlide> DemoCallPlayer::slidesOf(const QJsonObject &deck)
{
    QList<DemoSlide> slides;
    for (const QJsonValue &slide : deck.value(u"slides"_s).toArray()) {
        const QString id = slide[u"id"_s].toString();
        const QString milestoneId = slide[u"milestone"_s].toString();
        if (!id.isEmpty() && !milestoneId.isEmpty())
            slides.append({ id, milestoneId });
    }
    return slides;
}

FieldValues DemoCallPlayer::factsOf(const ProspectFields &prospect) const
{
    // The field ids the desktop's CallLauncher maps a prospect to.
    FieldValues all { { u"prospectName"_s, prospect.name }, { u"company"_s, prospect.company },
        { u"painPoints"_s, prospect.painPoints }, { u"zoomLink"_s, prospect.zoomLink } };
    if (prospect.clientCount)
        all.insert(u"clientCount"_s, double(*prospect.clientCount));
    if (prospect.revenueVolatilityPercent)
        all.insert(u"revenueVolatility"_s, *prospect.revenueVolatilityPercent);
    FieldValues facts;
    for (const FieldDefinition &field : m_playbook.prospectFields) {
        const QJsonValue value = all.value(field.id);
        if (!isEmptyFieldValue(value))
            facts.insert(field.id, value);
    }
    return facts;
}

QList<DemoCallPlayer::Step> DemoCallPlayer::visit(
    const DemoCall &call, const Milestone &milestone, bool decides, const Timing &timing) const
{
    QList<Step> steps;
    QList<DemoSlide> slides;
    for (const DemoSlide &slide : m_slides) {
        if (slide.milestoneId == milestone.id)
            slides.append(slide);
    }
    const auto show = [&steps, &milestone](const DemoSlide &slide) {
        steps.append([slide = slide.id, id = milestone.id](CallSession &s) { return s.showSlide(slide, id); });
    };
    // The milestone's first slide as the agent arrives, the others once the
    // checklist is under way.
    if (!slides.isEmpty())
        show(slides.takeFirst());
    for (const ChecklistItem &item : milestone.checklist) {
        if (!call.uncheckedItems.contains(item.id))
            steps.append([m = milestone.id, id = item.id](CallSession &s) { return s.setChecklistItem(m, id, true); });
    }
    for (const DemoSlide &slide : std::as_const(slides))
        show(slide);
    for (const FieldDefinition &field : milestone.fields) {
        QJsonValue value = call.answers.value(field.id);
        if (isEmptyFieldValue(value) && field.required)
            value = exampleFieldValue(field);
        if (!isEmptyFieldValue(value))
            steps.append([id = field.id, value](CallSession &s) { return s.setField(id, value); });
    }
    if (const QString note = call.notes.value(milestone.id); !note.isEmpty())
        steps.append([id = milestone.id, note](CallSession &s) { return s.editNote(id, note); });
    if (call.objection && call.objection->milestoneId == milestone.id) {
        const DemoObjection &objection = *call.objection;
        steps.append([type = objection.typeId](CallSession &s) { return s.raiseObjection(type); });
        for (const QPair<QString, QString> &answer : objection.answers) {
            steps.append([question = answer.first, note = answer.second](
                             CallSession &s) { return s.answerDiagnostic(question, note); });
        }
        steps.append([outcome = objection.outcome, note = objection.note](
                         CallSession &s) { return s.classifyObjection(outcome, note); });
    }
    for (const Confirmation &confirmation : milestone.confirmations) {
        steps.append(
            [m = milestone.id, id = confirmation.id](CallSession &s) { return s.setConfirmation(m, id, true); });
    }
    if (!decides) {
        steps.append([](CallSession &s) { return s.completeMilestone(); });
        return steps;
    }
    const QDateTime followUp = call.decision == DecisionOption::Pause
        ? QDateTime::fromMSecsSinceEpoch(timing.followUpAtMs, Qt::UTC)
        : QDateTime();
    steps.append([option = call.decision, reason = call.reasonId, followUp, note = call.decisionNote](
                     CallSession &s) { return s.recordDecision(option, reason, followUp, note); });
    steps.append([](CallSession &s) { return s.completeCall(); });
    return steps;
}

Result<QList<CallEvent>> DemoCallPlayer::play(const DemoCall &call, const ProspectFields &prospect,
    const CallIdentity &identity, const Timing &timing, IdGenerator &ids, EventSink &sink) const
{
    ScriptClock clock(timing.startMs - kPrecallLeadMs);
    CallSession session(m_playbook, identity, clock, ids, sink);
    Agent agent(session, clock);

    agent.act([facts = factsOf(prospect)](CallSession &s) { return s.start(facts); }, kPrecallStepMs);
    for (const ChecklistItem &item : m_playbook.precallChecklist) {
        if (!call.uncheckedItems.contains(item.id))
            agent.act([id = item.id](CallSession &s) { return s.setPrecallItem(id, true); }, kPrecallStepMs);
    }
    clock.set(qMax(clock.nowMs(), timing.startMs));
    agent.act([](CallSession &s) { return s.beginCall(); }, kMinuteMs);
    agent.act(
        [](CallSession &s) {
            return s.recordConsent(
                true, u"Is it OK if I record the call so I can focus on you rather than on my notes?"_s);
        },
        kMinuteMs);

    // Each pass is one visit of a milestone; a call visits each at most once.
    for (qsizetype visits = 0;
         !agent.refusal() && session.state().phase == CallPhase::InProgress && visits < m_playbook.milestones.size();
         ++visits) {
        const int index = session.state().current;
        const Milestone &milestone = m_playbook.milestones.at(index);
        const QList<Step> steps = visit(call, milestone, index == m_playbook.milestones.size() - 1, timing);
        const qint64 budget = qint64(milestone.estimatedMinutes * kMinuteMs * call.pace);
        const qint64 perStep = budget / qMax<qsizetype>(1, steps.size());
        for (const Step &step : steps) {
            // A disqualifying objection moves the call to the decision: the
            // rest of this visit did not happen.
            if (session.state().current != index || session.state().phase != CallPhase::InProgress)
                break;
            agent.act(step, perStep);
        }
    }

    const auto refused = [&](const QString &why) {
        return Refusal { u"demo.call_refused"_s,
            tr("The demo call with %1 cannot be played on playbook %2 version %3: %4")
                .arg(prospect.name, m_playbook.id)
                .arg(m_playbook.version)
                .arg(why) };
    };
    if (agent.refusal())
        return refused(u"%1 (%2)"_s.arg(agent.refusal()->message, agent.refusal()->code));
    if (session.state().phase != CallPhase::Completed)
        return refused(tr("the script ends before the call does"));
    return agent.events();
}

} // namespace callos::server
