#include "call/callsession.h"
#include "callharness.h"
#include "failingeventsink.h"
#include "testpaths.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace callos;
using callos::test::CallHarness;

class TestCallSession : public QObject
{
    Q_OBJECT

private:
    Playbook m_playbook = callos::test::loadDefaultPlaybook();

    int indexOf(const QString &milestoneId) const { return m_playbook.milestoneIndex(milestoneId); }

    // Asserts the action is refused with `code`, and that a refusal changes
    // nothing: same state, no new events.
    static void expectRefused(CallHarness &call, const std::function<CallSession::Outcome()> &action, const QString &code)
    {
        const CallState before = call.state();
        const qsizetype eventsBefore = call.events().size();
        const CallSession::Outcome outcome = action();
        QVERIFY2(!outcome, qPrintable(u"expected refusal "_s + code));
        QCOMPARE(outcome.refusal().code, code);
        QVERIFY(!outcome.refusal().message.isEmpty());
        QVERIFY(call.state() == before);
        QCOMPARE(call.events().size(), eventsBefore);
    }

    static QStringList typesOf(const QList<CallEvent> &events)
    {
        QStringList types;
        for (const CallEvent &event : events)
            types.append(event.type);
        return types;
    }

private Q_SLOTS:
    void fullCallFromFirstChecklistItemToDecision()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.start());
        QCOMPARE(call.state().phase, CallPhase::PreCall);
        QVERIFY(!call.state().advisoryOnly);
        QVERIFY(call.tickPrecall());
        QVERIFY(call.session().beginCall());
        QCOMPARE(call.state().current, 0);
        QVERIFY(call.runToDecision());
        QCOMPARE(call.state().current, indexOf(u"decision"_s));
        QVERIFY(call.session().recordDecision(DecisionOption::Proceed));
        QVERIFY(call.fillMilestone(call.state().current));
        const auto completed = call.session().completeCall();
        QVERIFY(completed);
        QCOMPARE(typesOf(completed.value()), (QStringList{EventType::MilestoneCompleted, EventType::CallCompleted}));
        QCOMPARE(call.state().phase, CallPhase::Completed);
        for (int i = 0; i < m_playbook.milestones.size(); ++i)
            QCOMPARE(call.state().status(m_playbook, i), MilestoneStatus::Done);

        const QList<CallEvent> &events = call.events();
        QCOMPARE(events.constFirst().type, EventType::CallStarted);
        QCOMPARE(events.at(1).type, EventType::GateEvaluated);
        QCOMPARE(events.at(1).payload.value(u"passed"_s).toBool(), true);
        for (qsizetype i = 0; i < events.size(); ++i) {
            QCOMPARE(events.at(i).seq, i + 1);
            QCOMPARE(events.at(i).callId, u"call-1"_s);
            QCOMPARE(events.at(i).actor, u"agent-1"_s);
            if (i > 0)
                QVERIFY(events.at(i).at >= events.at(i - 1).at);
        }
        // After the call nothing more is recorded.
        expectRefused(call, [&] { return call.session().setField(u"teamSize"_s, 3); }, u"call.completed"_s);
    }

    void actionsBeforeStartAreRefused()
    {
        CallHarness call(m_playbook);
        expectRefused(call, [&] { return call.session().setField(u"clientCount"_s, 700); }, u"call.not_started"_s);
        expectRefused(call, [&] { return call.session().beginCall(); }, u"call.not_started"_s);
        QVERIFY(call.start());
        expectRefused(call, [&] { return call.session().start({}); }, u"call.already_started"_s);
    }

    void startRejectsBadProspectFacts()
    {
        CallHarness call(m_playbook);
        expectRefused(call, [&] { return call.session().start({{u"clientCount"_s, -5}}); }, u"field.invalid"_s);
        expectRefused(call, [&] { return call.session().start({{u"shoeSize"_s, 44}}); }, u"field.unknown"_s);
        QCOMPARE(call.state().phase, CallPhase::NotStarted);
    }

    void precallChecklistGatesTheBeginning()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.start());
        expectRefused(call, [&] { return call.session().beginCall(); }, u"precall.incomplete"_s);
        // Ticking only the required items is enough.
        for (const ChecklistItem &item : m_playbook.precallChecklist) {
            if (item.required)
                QVERIFY(call.session().setPrecallItem(item.id, true));
        }
        QVERIFY(call.session().beginCall());
        QCOMPARE(call.state().phase, CallPhase::InProgress);
    }

    void precallOverrideNeedsAndRecordsAReason()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.start());
        expectRefused(call, [&] { return call.session().beginCall(u"   "_s); }, u"precall.incomplete"_s);
        QVERIFY(call.session().beginCall(u"Prospect joined early"_s));
        QCOMPARE(call.state().precallOverrideReason, u"Prospect joined early"_s);
        expectRefused(call, [&] { return call.session().setPrecallItem(u"no-such-item"_s, true); }, u"checklist.unknown_item"_s);
    }

    void requiredItemsBeforeCompletingAMilestone()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        const CallSession::Outcome refused = call.session().completeMilestone();
        QVERIFY(!refused);
        QCOMPARE(refused.refusal().code, u"milestone.incomplete"_s);
        // The message names what is missing, so the agent knows what to do.
        for (const QString &missing : call.state().missingForCompletion(m_playbook, 0))
            QVERIFY2(refused.refusal().message.contains(missing), qPrintable(missing));
        QVERIFY(call.fillMilestone(0));
        const auto done = call.session().completeMilestone();
        QVERIFY(done);
        QCOMPARE(typesOf(done.value()), (QStringList{EventType::MilestoneCompleted, EventType::MilestoneEntered}));
        QCOMPARE(call.state().status(m_playbook, 0), MilestoneStatus::Done);
        QCOMPARE(call.state().current, 1);
    }

    void completionOverrideIsRecorded()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        QVERIFY(call.session().completeMilestone(u"Prospect had to leave early"_s));
        QCOMPARE(call.state().milestones.at(0).overrideReason, u"Prospect had to leave early"_s);
        QCOMPARE(call.events().at(call.events().size() - 2).payload.value(u"overrideReason"_s).toString(),
                 u"Prospect had to leave early"_s);
    }

    void goingBackIsFreeSkippingAheadNeedsAReason()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        QVERIFY(call.fillMilestone(0));
        QVERIFY(call.session().completeMilestone());
        QCOMPARE(call.state().current, 1);

        QVERIFY(call.session().goToMilestone(u"context"_s));
        QCOMPARE(call.state().current, 0);
        // Back to where we were: milestone 1 was visited, so no reason needed.
        QVERIFY(call.session().goToMilestone(u"current-state"_s));
        QCOMPARE(call.state().current, 1);

        expectRefused(call, [&] { return call.session().goToMilestone(u"reality"_s); }, u"milestone.reason_required"_s);
        const auto skipped = call.session().goToMilestone(u"reality"_s, u"Prospect already shared the numbers by email"_s);
        QVERIFY(skipped);
        QCOMPARE(typesOf(skipped.value()),
                 (QStringList{EventType::MilestoneSkipped, EventType::MilestoneSkipped, EventType::MilestoneEntered}));
        QCOMPARE(call.state().current, indexOf(u"reality"_s));
        QCOMPARE(call.state().status(m_playbook, 1), MilestoneStatus::Skipped);
        QCOMPARE(call.state().status(m_playbook, 2), MilestoneStatus::Skipped);
        QCOMPARE(call.state().milestones.at(2).skipReason, u"Prospect already shared the numbers by email"_s);
        QCOMPARE(call.state().status(m_playbook, indexOf(u"solution"_s)), MilestoneStatus::Locked);
        expectRefused(call, [&] { return call.session().goToMilestone(u"reality"_s); }, u"milestone.already_current"_s);
        expectRefused(call, [&] { return call.session().goToMilestone(u"nowhere"_s); }, u"milestone.unknown"_s);
    }

    void theDecisionCannotBeSkipped()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        QVERIFY(call.session().goToMilestone(u"decision"_s, u"Prospect decided already"_s));
        QCOMPARE(call.state().current, indexOf(u"decision"_s));
        QVERIFY(call.session().recordDecision(DecisionOption::Proceed));
        QVERIFY(call.session().completeCall(u"Short call"_s));
        QCOMPARE(call.state().phase, CallPhase::Completed);
    }

    void fieldsAreTypedAndBounded()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        expectRefused(call, [&] { return call.session().setField(u"clientCount"_s, -1); }, u"field.invalid"_s);
        expectRefused(call, [&] { return call.session().setField(u"clientCount"_s, 12.5); }, u"field.invalid"_s);
        expectRefused(call, [&] { return call.session().setField(u"clientCount"_s, u"many"_s); }, u"field.invalid"_s);
        expectRefused(call, [&] { return call.session().setField(u"churnRate"_s, 101); }, u"field.invalid"_s);
        expectRefused(call, [&] { return call.session().setField(u"deliveryModel"_s, u"telepathy"_s); }, u"field.invalid"_s);
        expectRefused(call, [&] { return call.session().setField(u"targetDate"_s, u"31/03/2027"_s); }, u"field.invalid"_s);
        expectRefused(call, [&] { return call.session().setField(u"revenue"_s, 1); }, u"field.unknown"_s);
        const auto refusal = call.session().setField(u"churnRate"_s, 101).refusal();
        QVERIFY2(refusal.message.contains(u"between 0 and 100"_s), qPrintable(refusal.message));

        QVERIFY(call.session().setField(u"monthlyRevenue"_s, 85000.5));
        QVERIFY(call.session().setField(u"targetDate"_s, u"2027-03-31"_s));
        QCOMPARE(call.state().fields.value(u"targetDate"_s).toString(), u"2027-03-31"_s);
        QVERIFY(call.session().setField(u"targetDate"_s, QJsonValue()));
        QVERIFY(!call.state().fields.contains(u"targetDate"_s));
    }

    void checklistsConfirmationsAndNotes()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        const Milestone &context = m_playbook.milestones.at(0);
        const QString item = context.checklist.constFirst().id;
        QVERIFY(call.session().setChecklistItem(context.id, item, true));
        QVERIFY(call.state().milestones.at(0).checkedItems.contains(item));
        QVERIFY(call.session().setChecklistItem(context.id, item, false));
        QVERIFY(!call.state().milestones.at(0).checkedItems.contains(item));
        expectRefused(call, [&] { return call.session().setChecklistItem(context.id, u"nope"_s, true); }, u"checklist.unknown_item"_s);
        expectRefused(call, [&] { return call.session().setConfirmation(context.id, u"nope"_s, true); }, u"confirmation.unknown"_s);
        QVERIFY(call.session().editNote(context.id, u"Dana runs three cohorts"_s));
        QCOMPARE(call.state().milestones.at(0).note, u"Dana runs three cohorts"_s);
        expectRefused(call, [&] { return call.session().editNote(context.id, QString(20001, u'x')); }, u"note.too_long"_s);
        expectRefused(call, [&] { return call.session().editNote(u"nope"_s, u"x"_s); }, u"milestone.unknown"_s);
    }

    void advisoryOnlyCallBlocksThePitch()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.start(320));
        QVERIFY(call.state().advisoryOnly);
        QCOMPARE(call.events().at(1).type, EventType::GateEvaluated);
        QCOMPARE(call.events().at(1).payload.value(u"passed"_s).toBool(), false);
        const int solution = indexOf(u"solution"_s);
        const int offer = indexOf(u"offer"_s);
        QCOMPARE(call.state().status(m_playbook, solution), MilestoneStatus::Blocked);
        QCOMPARE(call.state().status(m_playbook, offer), MilestoneStatus::Blocked);
        QVERIFY(call.tickPrecall());
        QVERIFY(call.session().beginCall());

        expectRefused(call, [&] { return call.session().goToMilestone(u"solution"_s, u"try"_s); }, u"gate.advisory_only"_s);
        expectRefused(call, [&] { return call.session().showSlide(u"approach"_s, u"solution"_s); }, u"gate.advisory_only"_s);
        QVERIFY(call.session().showSlide(u"welcome"_s, u"context"_s));

        // Completing Reality goes straight to the decision: the blocked pitch needs no skip reason.
        QVERIFY(call.runToDecision());
        QCOMPARE(call.state().current, indexOf(u"decision"_s));
        QVERIFY(!call.state().milestones.at(solution).visited);
        QCOMPARE(call.state().status(m_playbook, offer), MilestoneStatus::Blocked);
        for (const CallEvent &event : call.events())
            QVERIFY(event.payload.value(u"milestoneId"_s).toString() != u"solution"_s);
        QVERIFY(call.session().recordDecision(DecisionOption::Decline, u"under-500-clients"_s));
        QVERIFY(call.fillMilestone(call.state().current));
        QVERIFY(call.session().completeCall());
    }

    void correctingTheGateFieldReevaluatesTheGate()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin(620));
        const auto down = call.session().setField(u"clientCount"_s, 320);
        QVERIFY(down);
        QCOMPARE(typesOf(down.value()), (QStringList{EventType::FieldSet, EventType::GateEvaluated}));
        QVERIFY(call.state().advisoryOnly);
        // A change that keeps the verdict records no new verdict.
        QCOMPARE(call.session().setField(u"clientCount"_s, 330).value().size(), 1);
        const auto up = call.session().setField(u"clientCount"_s, 500);
        QCOMPARE(typesOf(up.value()), (QStringList{EventType::FieldSet, EventType::GateEvaluated}));
        QVERIFY(!call.state().advisoryOnly);
        // An unknown client count is not qualified.
        QVERIFY(call.session().setField(u"clientCount"_s, QJsonValue()));
        QVERIFY(call.state().advisoryOnly);
    }

    void objectionAtEachMilestone_data()
    {
        QTest::addColumn<int>("milestone");
        for (int i = 0; i < m_playbook.milestones.size(); ++i)
            QTest::newRow(qPrintable(m_playbook.milestones.at(i).id)) << i;
    }

    void objectionAtEachMilestone()
    {
        QFETCH(int, milestone);
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        while (call.state().current < milestone) {
            QVERIFY(call.fillMilestone(call.state().current));
            QVERIFY(call.session().completeMilestone());
        }
        QVERIFY(call.session().editNote(m_playbook.milestones.at(milestone).id, u"before"_s));
        const CallState before = call.state();

        const ObjectionType &objection = m_playbook.objections.at(milestone % m_playbook.objections.size());
        QVERIFY(call.session().raiseObjection(objection.id));
        QCOMPARE(call.state().openObjectionRecord()->milestoneId, m_playbook.milestones.at(milestone).id);
        for (const DiagnosticQuestion &question : objection.questions)
            QVERIFY(call.session().answerDiagnostic(question.id, u"answer to "_s + question.id));
        expectRefused(call, [&] { return call.session().answerDiagnostic(u"rebuttal"_s, u"x"_s); }, u"objection.unknown_question"_s);
        expectRefused(call, [&] { return call.session().completeMilestone(u"reason"_s); }, u"objection.open"_s);
        expectRefused(call, [&] { return call.session().goToMilestone(u"context"_s); }, u"objection.open"_s);
        expectRefused(call, [&] { return call.session().raiseObjection(objection.id); }, u"objection.open"_s);
        QVERIFY(call.session().classifyObjection(ObjectionOutcome::Resolved, u"Clear now"_s));

        // Back exactly where the agent was.
        QCOMPARE(call.state().current, before.current);
        QCOMPARE(call.state().milestones.at(milestone), before.milestones.at(milestone));
        QCOMPARE(call.state().openObjection, -1);
        const ObjectionRecord &record = call.state().objections.constLast();
        QCOMPARE(record.outcome, ObjectionOutcome::Resolved);
        QCOMPARE(record.answers.size(), objection.questions.size());
        QVERIFY(!call.state().needsFollowUp());
    }

    void deferredObjectionFlagsAFollowUp()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        QVERIFY(call.session().raiseObjection(u"timing"_s));
        QVERIFY(call.session().classifyObjection(ObjectionOutcome::Deferred));
        QVERIFY(call.state().needsFollowUp());
        QCOMPARE(call.state().current, 0);
    }

    void disqualifyingObjectionRoutesToDeclineDecision()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        QVERIFY(call.fillMilestone(0));
        QVERIFY(call.session().completeMilestone());
        QVERIFY(call.session().raiseObjection(u"price"_s));
        const auto routed = call.session().classifyObjection(ObjectionOutcome::Disqualified);
        QVERIFY(routed);
        QCOMPARE(call.state().current, indexOf(u"decision"_s));
        QCOMPARE(call.state().suggestedDecision, DecisionOption::Decline);
        for (int i = 1; i < indexOf(u"decision"_s); ++i) {
            QCOMPARE(call.state().status(m_playbook, i), MilestoneStatus::Skipped);
            QVERIFY(call.state().milestones.at(i).skipReason.contains(u"Price"_s));
        }
        QVERIFY(call.session().recordDecision(DecisionOption::Decline, u"cash-flow"_s));
        QCOMPARE(call.state().decision->reasonId, u"cash-flow"_s);
    }

    void objectionMisuseIsRefused()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.start());
        expectRefused(call, [&] { return call.session().raiseObjection(u"price"_s); }, u"call.not_in_progress"_s);
        QVERIFY(call.tickPrecall());
        QVERIFY(call.session().beginCall());
        expectRefused(call, [&] { return call.session().raiseObjection(u"weather"_s); }, u"objection.unknown_type"_s);
        expectRefused(call, [&] { return call.session().answerDiagnostic(u"x"_s, u"y"_s); }, u"objection.none_open"_s);
        expectRefused(call, [&] { return call.session().classifyObjection(ObjectionOutcome::Resolved); }, u"objection.none_open"_s);
    }

    void decisionRules()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        expectRefused(call, [&] { return call.session().recordDecision(DecisionOption::Proceed); }, u"decision.not_reached"_s);
        QVERIFY(call.runToDecision());
        expectRefused(call, [&] { return call.session().completeCall(); }, u"decision.missing"_s);
        expectRefused(call, [&] { return call.session().recordDecision(DecisionOption::Decline); }, u"decision.reason_required"_s);
        expectRefused(call, [&] { return call.session().recordDecision(DecisionOption::Decline, u"bad-hair-day"_s); },
                      u"decision.unknown_reason"_s);
        expectRefused(call, [&] { return call.session().recordDecision(DecisionOption::Pause); }, u"decision.followup_required"_s);
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(call.clock().nowMs(), Qt::UTC);
        expectRefused(call, [&] { return call.session().recordDecision(DecisionOption::Pause, {}, now.addSecs(-60)); },
                      u"decision.followup_in_past"_s);
        QVERIFY(call.session().recordDecision(DecisionOption::Pause, {}, now.addDays(2), u"Talk to partner"_s));
        QCOMPARE(call.state().decision->option, DecisionOption::Pause);
        QCOMPARE(*call.state().decision->followUpAt, now.addDays(2).toMSecsSinceEpoch());
        // The agent may change the decision until the call ends.
        QVERIFY(call.session().recordDecision(DecisionOption::Decline, u"no-decision-authority"_s));
        QVERIFY(!call.state().decision->followUpAt);
        expectRefused(call, [&] { return call.session().completeCall(); }, u"milestone.incomplete"_s);
        QVERIFY(call.fillMilestone(call.state().current));
        QVERIFY(call.session().completeCall());
        QCOMPARE(call.state().phase, CallPhase::Completed);
    }

    void milestoneTimersFollowTheClock()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        const qint64 estimate = qint64(m_playbook.milestones.at(0).estimatedMinutes) * 60000;
        QCOMPARE(call.session().timing(0).estimateMs, estimate);
        call.clock().advance(estimate * 7 / 10);
        QCOMPARE(call.session().timing(0).level, TimerLevel::Normal);
        call.clock().advance(estimate / 10 + 1);
        QCOMPARE(call.session().timing(0).level, TimerLevel::Amber);
        call.clock().advance(estimate / 5);
        QCOMPARE(call.session().timing(0).level, TimerLevel::Red);
        QVERIFY(call.session().timing(0).overrun());
        const qint64 elapsed = call.session().timing(0).elapsedMs;
        QCOMPARE(elapsed, estimate + 1);

        // Time spent elsewhere does not count; coming back adds up.
        QVERIFY(call.fillMilestone(0));
        QVERIFY(call.session().completeMilestone());
        call.clock().advance(60000);
        QCOMPARE(call.session().timing(0).elapsedMs, elapsed);
        QCOMPARE(call.session().timing(1).elapsedMs, 60000);
        QVERIFY(call.session().goToMilestone(u"context"_s));
        call.clock().advance(30000);
        QCOMPARE(call.session().timing(0).elapsedMs, elapsed + 30000);
        QCOMPARE(call.session().timing(1).elapsedMs, 60000);
        QCOMPARE(call.session().timing(2).elapsedMs, 0);
    }

    void slidesAndConsentAreRecorded()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.start());
        QVERIFY(call.session().recordConsent(true, u"This call is recorded for coaching. OK?"_s));
        QVERIFY(call.state().consent->given);
        QCOMPARE(call.state().consent->actor, u"agent-1"_s);
        QVERIFY(call.session().showSlide(u"welcome"_s, u"context"_s));
        QVERIFY(call.session().showSlide(u"agenda"_s, u"context"_s));
        QCOMPARE(call.state().currentSlideId, u"agenda"_s);
        QCOMPARE(call.state().slidesShown, 2);
    }

    void storeFailureLosesNothingAlreadySaved_data()
    {
        QTest::addColumn<int>("failingWrite");
        for (int write : {1, 2, 5, 11, 20})
            QTest::newRow(qPrintable(u"write %1"_s.arg(write))) << write;
    }

    void storeFailureLosesNothingAlreadySaved()
    {
        QFETCH(int, failingWrite);
        callos::test::FailingEventSink sink(failingWrite);
        CallHarness call(m_playbook, &sink);
        QList<CallEvent> keptBeforeFailure;
        CallState stateBeforeFailure;
        bool failed = false;
        // Drive a call; at the failing write the engine must refuse and keep its state.
        const auto step = [&](const CallSession::Outcome &outcome) {
            if (!outcome && outcome.refusal().code == u"store.write_failed"_s) {
                failed = true;
                return;
            }
            keptBeforeFailure = sink.events();
            stateBeforeFailure = call.state();
        };
        step(call.session().start({{u"clientCount"_s, 700}, {u"prospectName"_s, u"Sam"_s}}));
        for (const ChecklistItem &item : m_playbook.precallChecklist) {
            if (!failed)
                step(call.session().setPrecallItem(item.id, true));
        }
        for (int i = 0; i < 12 && !failed; ++i)
            step(call.session().editNote(u"context"_s, u"note %1"_s.arg(i)));
        QVERIFY(failed);
        QCOMPARE(sink.events(), keptBeforeFailure);
        QVERIFY(call.state() == stateBeforeFailure);
        // The next write works and the call goes on.
        const auto retried = call.session().editNote(u"context"_s, u"after the failure"_s);
        if (call.state().phase == CallPhase::NotStarted) {
            QCOMPARE(retried.refusal().code, u"call.not_started"_s);
        } else {
            QVERIFY(retried);
            QCOMPARE(sink.events().constLast().payload.value(u"text"_s).toString(), u"after the failure"_s);
        }
        // What was kept replays to exactly the engine's state.
        if (!sink.events().isEmpty()) {
            const auto replayed = CallReducer(m_playbook).replay(sink.events());
            QVERIFY(replayed);
            QVERIFY(replayed.value() == call.state());
        }
    }

    void resumeAfterRestartContinuesTheCall()
    {
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        QVERIFY(call.fillMilestone(0));
        QVERIFY(call.session().completeMilestone());
        QVERIFY(call.session().raiseObjection(u"trust"_s));

        callos::test::FakeClock clock;
        callos::test::SequentialIds ids;
        MemoryEventSink sink;
        auto resumed = CallSession::resume(m_playbook, call.session().identity(), clock, ids, sink, call.events());
        QVERIFY(resumed);
        CallSession &session = *resumed.value();
        QVERIFY(session.state() == call.state());
        QVERIFY(session.state().openObjectionRecord());
        QVERIFY(session.classifyObjection(ObjectionOutcome::Resolved));
        QCOMPARE(sink.events().size(), 1);
        QCOMPARE(sink.events().constFirst().seq, call.events().constLast().seq + 1);

        QList<CallEvent> corrupt = call.events();
        corrupt[3].payload.insert(u"checked"_s, u"yes"_s);
        auto refused = CallSession::resume(m_playbook, call.session().identity(), clock, ids, sink, corrupt);
        QVERIFY(!refused);
        QCOMPARE(refused.refusal().code, u"event.malformed"_s);
    }

    // A device numbers all its events across calls, so the server can keep
    // (device, seq) unique: a second call, and an older call resumed after
    // it, continue from the device's highest number.
    void seqContinuesAcrossTheDevicesCalls()
    {
        callos::test::FakeClock clock;
        callos::test::SequentialIds ids;
        MemoryEventSink sink;
        const auto fieldsOf = [](int clients) {
            FieldValues values;
            values.insert(u"prospectName"_s, u"Dana"_s);
            values.insert(u"clientCount"_s, clients);
            return values;
        };
        CallSession first(m_playbook, CallIdentity{ u"call-a"_s, u"desk-1"_s, u"agent"_s }, clock, ids, sink);
        QVERIFY(first.start(fieldsOf(620)));
        QVERIFY(first.setPrecallItem(m_playbook.precallChecklist.first().id, true));
        const qint64 firstLast = sink.events().constLast().seq;

        CallSession second(m_playbook, CallIdentity{ u"call-b"_s, u"desk-1"_s, u"agent"_s }, clock, ids, sink);
        QVERIFY(second.start(fieldsOf(700)));
        QCOMPARE(sink.events().constLast().callId, u"call-b"_s);
        QVERIFY(sink.events().constLast().seq > firstLast);
        const qint64 secondLast = sink.events().constLast().seq;

        QList<CallEvent> firstEvents;
        for (const CallEvent &event : sink.events()) {
            if (event.callId == u"call-a"_s)
                firstEvents.append(event);
        }
        auto resumed = CallSession::resume(
            m_playbook, CallIdentity{ u"call-a"_s, u"desk-1"_s, u"agent"_s }, clock, ids, sink, firstEvents);
        QVERIFY(resumed);
        QVERIFY(resumed.value()->setPrecallItem(m_playbook.precallChecklist.first().id, false));
        QCOMPARE(sink.events().constLast().seq, secondLast + 1);

        // Another device starts from 1.
        CallSession other(m_playbook, CallIdentity{ u"call-c"_s, u"desk-2"_s, u"agent"_s }, clock, ids, sink);
        QVERIFY(other.start(fieldsOf(620)));
        QCOMPARE(sink.events().at(sink.events().size() - 2).seq, 1);
    }
};

QTEST_GUILESS_MAIN(TestCallSession)
#include "tst_callsession.moc"
