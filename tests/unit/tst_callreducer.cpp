// Rules the reducer enforces on events that did not come from this engine:
// a server receiving a batch, a store read back after a crash, a newer app.
#include "call/callreducer.h"
#include "callharness.h"
#include "testpaths.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;

class TestCallReducer : public QObject
{
    Q_OBJECT

private:
    Playbook m_playbook = callos::test::loadDefaultPlaybook();

    // The state of a call that has begun: pre-call done, in "context".
    CallState begunCall()
    {
        callos::test::CallHarness call(m_playbook);
        if (!call.begin())
            qFatal("could not begin a call");
        return call.state();
    }

    CallEvent event(const CallState &state, const QString &type, const QJsonObject &payload)
    {
        return CallEvent{u"e-%1"_s.arg(++m_nextId), state.callId.isEmpty() ? u"call-1"_s : state.callId, u"device-1"_s,
                         state.lastSeqByDevice.value(u"device-1"_s) + 1, state.lastEventAt + 1000, u"agent-1"_s,
                         type, payload, CallEvent::kSchemaVersion};
    }

    QString refusalCode(const CallState &state, const CallEvent &e)
    {
        const auto result = CallReducer(m_playbook).apply(state, e);
        return result ? u"accepted"_s : result.refusal().code;
    }

    int m_nextId = 0;

private Q_SLOTS:
    void envelopeRules_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown type") << u"type"_s << u"event.unknown_type"_s;
        QTest::newRow("other call") << u"callId"_s << u"event.wrong_call"_s;
        QTest::newRow("replayed seq") << u"seq"_s << u"event.seq_not_increasing"_s;
        QTest::newRow("newer schema") << u"schema"_s << u"event.schema_unsupported"_s;
        QTest::newRow("no id") << u"id"_s << u"event.malformed"_s;
        QTest::newRow("second start") << u"start"_s << u"call.already_started"_s;
    }

    void envelopeRules()
    {
        QFETCH(QString, change);
        QFETCH(QString, code);
        const CallState state = begunCall();
        CallEvent e = event(state, EventType::NoteEdited, {{u"milestoneId"_s, u"context"_s}, {u"text"_s, u"x"_s}});
        QCOMPARE(refusalCode(state, e), u"accepted"_s);
        if (change == u"type"_s)
            e.type = u"MilestoneTeleported"_s;
        else if (change == u"callId"_s)
            e.callId = u"call-2"_s;
        else if (change == u"seq"_s)
            e.seq = state.lastSeqByDevice.value(u"device-1"_s);
        else if (change == u"schema"_s)
            e.schema = CallEvent::kSchemaVersion + 1;
        else if (change == u"id"_s)
            e.id.clear();
        else if (change == u"start"_s)
            e = event(state, EventType::CallStarted, {{u"playbookId"_s, m_playbook.id}, {u"playbookVersion"_s, m_playbook.version}, {u"prospect"_s, QJsonObject{}}});
        QCOMPARE(refusalCode(state, e), code);
    }

    void anotherDeviceHasItsOwnSequence()
    {
        const CallState state = begunCall();
        CallEvent e = event(state, EventType::NoteEdited, {{u"milestoneId"_s, u"context"_s}, {u"text"_s, u"from the laptop"_s}});
        e.deviceId = u"device-2"_s;
        e.seq = 1;
        const auto next = CallReducer(m_playbook).apply(state, e);
        QVERIFY(next);
        QCOMPARE(next.value().lastSeqByDevice.value(u"device-2"_s), 1);
    }

    void payloadProblemsAreNamed()
    {
        const CallState state = begunCall();
        const auto result = CallReducer(m_playbook).apply(
            state, event(state, EventType::ChecklistItemChecked, {{u"milestoneId"_s, u"context"_s}, {u"checked"_s, u"yes"_s}, {u"colour"_s, 1}}));
        QVERIFY(!result);
        QCOMPARE(result.refusal().code, u"event.malformed"_s);
        QCOMPARE(result.refusal().message,
                 u"Malformed ChecklistItemChecked event: payload.itemId: is required; payload.checked: must be true or false; payload.colour: unknown key"_s);
    }

    void playbookMismatchIsRefused()
    {
        CallState empty;
        const CallEvent start = event(empty, EventType::CallStarted,
                                      {{u"playbookId"_s, m_playbook.id}, {u"playbookVersion"_s, m_playbook.version + 1}, {u"prospect"_s, QJsonObject{}}});
        QCOMPARE(refusalCode(empty, start), u"call.playbook_mismatch"_s);
        QCOMPARE(refusalCode(empty, event(empty, EventType::FieldSet, {{u"fieldId"_s, u"clientCount"_s}, {u"value"_s, 3}})),
                 u"call.not_started"_s);
    }

    void navigationRulesOnRawEvents()
    {
        const CallState state = begunCall();
        // Entering a later milestone without skipping the open ones.
        QCOMPARE(refusalCode(state, event(state, EventType::MilestoneEntered, {{u"milestoneId"_s, u"vision"_s}})), u"milestone.locked"_s);
        QCOMPARE(refusalCode(state, event(state, EventType::MilestoneCompleted, {{u"milestoneId"_s, u"vision"_s}, {u"overrideReason"_s, u"x"_s}})),
                 u"milestone.not_current"_s);
        QCOMPARE(refusalCode(state, event(state, EventType::MilestoneSkipped, {{u"milestoneId"_s, u"decision"_s}, {u"reason"_s, u"x"_s}})),
                 u"milestone.decision_required"_s);
        QCOMPARE(refusalCode(state, event(state, EventType::MilestoneSkipped, {{u"milestoneId"_s, u"vision"_s}, {u"reason"_s, u"  "_s}})),
                 u"milestone.reason_required"_s);
        QCOMPARE(refusalCode(state, event(state, EventType::MilestoneCompleted, {{u"milestoneId"_s, u"context"_s}, {u"overrideReason"_s, u"late"_s}})),
                 u"accepted"_s);
        auto done = CallReducer(m_playbook).apply(state, event(state, EventType::MilestoneCompleted,
                                                                {{u"milestoneId"_s, u"context"_s}, {u"overrideReason"_s, u"late"_s}}));
        QCOMPARE(refusalCode(done.value(), event(done.value(), EventType::MilestoneSkipped, {{u"milestoneId"_s, u"context"_s}, {u"reason"_s, u"x"_s}})),
                 u"milestone.already_done"_s);
    }

    void gateVerdictMustMatchTheRule()
    {
        const CallState state = begunCall(); // 620 clients: qualified
        QCOMPARE(refusalCode(state, event(state, EventType::GateEvaluated, {{u"passed"_s, false}, {u"value"_s, 620}})), u"gate.mismatch"_s);
        QCOMPARE(refusalCode(state, event(state, EventType::GateEvaluated, {{u"passed"_s, true}, {u"value"_s, 620}})), u"accepted"_s);
    }

    void refusalsLeaveTheInputUntouched()
    {
        const CallState state = begunCall();
        const CallState copy = state;
        const auto result = CallReducer(m_playbook).apply(state, event(state, EventType::FieldSet, {{u"fieldId"_s, u"clientCount"_s}, {u"value"_s, -4}}));
        QVERIFY(!result);
        QCOMPARE(result.refusal().code, u"field.invalid"_s);
        QVERIFY(state == copy);
    }
};

QTEST_GUILESS_MAIN(TestCallReducer)
#include "tst_callreducer.moc"
