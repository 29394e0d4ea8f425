#include "democall/democallwalkthrough.h"

#include "call/callsession.h"
#include "playbook/fieldvalues.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace callos {
namespace {

// Time moves in steps the script chooses, so the timers tell a story.
class ScriptClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void advanceMinutes(double minutes) { m_now += qint64(minutes * 60 * 1000); }

private:
    qint64 m_now = QDateTime(QDate(2026, 11, 23), QTime(15, 0), Qt::UTC).toMSecsSinceEpoch();
};

} // namespace

DemoCallWalkthrough::DemoCallWalkthrough(const Playbook &playbook, const Deck &deck, QLocale locale, QTextStream &out)
    : m_playbook(playbook), m_deck(deck), m_locale(std::move(locale)), m_out(out)
{
}

int DemoCallWalkthrough::run()
{
    ScriptClock clock;
    UuidGenerator ids;
    MemoryEventSink sink;
    CallSession session(m_playbook, CallIdentity{u"demo-call"_s, u"demo-device"_s, u"agent-demo"_s}, clock, ids, sink);
    const FieldFormatter formatter(m_playbook, m_locale);
    int failures = 0;

    const auto say = [&](const QString &line) { m_out << line << '\n'; m_out.flush(); };
    const auto act = [&](const QString &what, const CallSession::Outcome &outcome, bool expectRefusal = false) {
        if (outcome)
            say(u"  ✓ "_s + what + u"  (%1 event%2)"_s.arg(outcome.value().size()).arg(outcome.value().size() == 1 ? QString() : u"s"_s));
        else
            say(u"  ✗ "_s + what + u"  refused [%1]: %2"_s.arg(outcome.refusal().code, outcome.refusal().message));
        if (bool(outcome) == expectRefusal)
            ++failures;
    };

    say(u"CallOS demo call — playbook \"%1\" v%2, deck \"%3\" (%4 slides)"_s.arg(m_playbook.name)
            .arg(m_playbook.version).arg(m_deck.title).arg(m_deck.slides.size()));
    say(QString());
    say(u"Pre-call"_s);
    const FieldValues prospect{{u"prospectName"_s, u"Dana Whitfield"_s},
                               {u"company"_s, u"Whitfield Coaching Group"_s},
                               {u"clientCount"_s, 620},
                               {u"revenueVolatility"_s, 18},
                               {u"painPoints"_s, u"Lumpy revenue; founder does all the sales calls"_s}};
    act(u"Start call with Dana Whitfield (620 clients)"_s, session.start(prospect));
    const QString verdictTemplate = session.state().advisoryOnly ? m_playbook.gate.failMessage : m_playbook.gate.passMessage;
    say(u"  Gate: "_s + formatter.render(verdictTemplate, session.state().fields));
    act(u"Begin the call with the checklist still open"_s, session.beginCall(), true);
    for (const ChecklistItem &item : m_playbook.precallChecklist)
        act(u"Tick: "_s + item.label, session.setPrecallItem(item.id, true));
    act(u"Begin the call"_s, session.beginCall());

    bool objectionShown = false;
    while (session.state().phase == CallPhase::InProgress && session.state().current < m_playbook.milestones.size() - 1) {
        const int index = session.state().current;
        const Milestone &milestone = m_playbook.milestones.at(index);
        say(QString());
        say(u"Milestone %1/%2: %3 — %4"_s.arg(index + 1).arg(m_playbook.milestones.size()).arg(milestone.title, milestone.goal));
        if (!milestone.guidance.isEmpty())
            say(u"  Guidance: "_s + milestone.guidance.constFirst());
        const int slide = m_deck.firstSlideOf(milestone.id);
        if (slide >= 0) {
            act(u"Show slide \"%1\""_s.arg(formatter.render(m_deck.slides.at(slide).title, session.state().fields)),
                session.showSlide(m_deck.slides.at(slide).id, milestone.id));
        }
        if (!session.state().missingForCompletion(m_playbook, index).isEmpty())
            act(u"Complete too early"_s, session.completeMilestone(), true);
        clock.advanceMinutes(milestone.estimatedMinutes * 0.9);
        for (const ChecklistItem &item : milestone.checklist)
            act(u"Tick: "_s + item.label, session.setChecklistItem(milestone.id, item.id, true));
        for (const FieldDefinition &field : milestone.fields) {
            QJsonValue value;
            switch (field.type) {
            case FieldType::Integer: value = qBound(field.min.value_or(0), 8.0, field.max.value_or(1e9)); break;
            case FieldType::Money: value = 85000; break;
            case FieldType::Percent: value = 6; break;
            case FieldType::Text: value = u"(noted during the call)"_s; break;
            case FieldType::Choice: value = field.options.constFirst().id; break;
            case FieldType::Date: value = u"2027-03-31"_s; break;
            }
            act(u"Set %1 = %2"_s.arg(field.label, formatter.format(field, value)), session.setField(field.id, value));
        }
        for (const Confirmation &confirmation : milestone.confirmations)
            act(u"Confirm: "_s + confirmation.label, session.setConfirmation(milestone.id, confirmation.id, true));
        if (!objectionShown && index == 2 && !m_playbook.objections.isEmpty()) {
            objectionShown = true;
            const ObjectionType &objection = m_playbook.objections.constFirst();
            act(u"Objection raised: "_s + objection.label, session.raiseObjection(objection.id));
            for (const DiagnosticQuestion &question : objection.questions)
                act(u"Ask: "_s + question.text, session.answerDiagnostic(question.id, u"(prospect's answer)"_s));
            act(u"Move on while the objection is open"_s, session.completeMilestone(), true);
            act(u"Classify the objection: resolved"_s, session.classifyObjection(ObjectionOutcome::Resolved));
        }
        if (!milestone.summaryTemplate.isEmpty())
            say(u"  Summary: "_s + formatter.render(milestone.summaryTemplate, session.state().fields));
        const MilestoneTiming timing = session.timing(index);
        say(u"  Time: %1 of %2 min%3"_s.arg(timing.elapsedMs / 60000.0, 0, 'f', 1).arg(timing.estimateMs / 60000)
                .arg(timing.level == TimerLevel::Amber ? u" (amber)"_s : timing.level == TimerLevel::Red ? u" (overrun)"_s : QString()));
        act(u"Complete "_s + milestone.title, session.completeMilestone());
    }

    say(QString());
    say(u"Decision"_s);
    act(u"Decline without a reason"_s, session.recordDecision(DecisionOption::Decline), true);
    const QDateTime followUp = QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC).addDays(3);
    act(u"Pause, follow up on %1"_s.arg(m_locale.toString(followUp, QLocale::ShortFormat)),
        session.recordDecision(DecisionOption::Pause, {}, followUp, u"Wants to review with co-founder"_s));
    const Milestone &decision = m_playbook.decisionMilestone();
    for (const ChecklistItem &item : decision.checklist)
        act(u"Tick: "_s + item.label, session.setChecklistItem(decision.id, item.id, true));
    for (const FieldDefinition &field : decision.fields) {
        if (field.required)
            act(u"Set "_s + field.label, session.setField(field.id, field.type == FieldType::Choice
                                                                        ? QJsonValue(field.options.constFirst().id)
                                                                        : QJsonValue(u"Follow-up booked"_s)));
    }
    act(u"End the call"_s, session.completeCall());

    say(QString());
    say(u"Call completed: %1 events recorded, %2 slides shown, advisory only: %3."_s.arg(sink.events().size())
            .arg(session.state().slidesShown).arg(session.state().advisoryOnly ? u"yes"_s : u"no"_s));
    if (failures > 0)
        say(u"%1 step(s) did not go as scripted."_s.arg(failures));
    return failures == 0 ? 0 : 1;
}

} // namespace callos
