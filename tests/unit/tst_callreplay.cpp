// Replay determinism: for random sequences of agent actions, folding the
// engine's events (after a round trip through their JSON form) gives exactly
// the engine's state; refused actions and mangled events never crash and
// never change state.
#include "call/calleventcodec.h"
#include "call/callsession.h"
#include "callharness.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using callos::test::CallHarness;

namespace {

// Picks agent actions at random: mostly plausible ones, with a share of
// nonsense (unknown ids, out-of-range values, wrong order).
class RandomAgent
{
public:
    RandomAgent(CallHarness &call, quint32 seed) : m_call(call), m_random(seed) {}

    CallSession::Outcome act()
    {
        CallSession &session = m_call.session();
        const Playbook &playbook = m_call.playbook();
        m_call.clock().advance(m_random.bounded(1, 90000));
        switch (m_random.bounded(16)) {
        case 0: {
            FieldValues prospect{{u"prospectName"_s, u"P"_s}, {u"clientCount"_s, m_random.bounded(1000)}};
            return session.start(prospect);
        }
        case 1:
            return session.setPrecallItem(pick(playbook.precallChecklist).id, m_random.bounded(4) != 0);
        case 2:
            return session.beginCall(m_random.bounded(2) ? u"ready enough"_s : QString());
        case 3: {
            const Milestone &milestone = pickMilestone();
            if (milestone.checklist.isEmpty())
                return session.setChecklistItem(milestone.id, u"ghost"_s, true);
            return session.setChecklistItem(milestone.id, pick(milestone.checklist).id, m_random.bounded(4) != 0);
        }
        case 4: {
            const QList<const FieldDefinition *> fields = playbook.allFields();
            const FieldDefinition &field = *fields.at(m_random.bounded(int(fields.size())));
            return session.setField(field.id, randomValueFor(field));
        }
        case 5:
            return session.editNote(pickMilestone().id, u"note %1"_s.arg(m_random.bounded(100)));
        case 6: {
            const Milestone &milestone = pickMilestone();
            if (milestone.confirmations.isEmpty())
                return session.setConfirmation(milestone.id, u"ghost"_s, true);
            return session.setConfirmation(milestone.id, pick(milestone.confirmations).id, m_random.bounded(4) != 0);
        }
        case 7:
        case 8:
            if (m_random.bounded(2) && m_call.state().current >= 0)
                m_call.fillMilestone(m_call.state().current);
            return session.completeMilestone(m_random.bounded(3) == 0 ? u"moving on"_s : QString());
        case 9:
            return session.goToMilestone(pickMilestone().id, m_random.bounded(2) ? u"time is short"_s : QString());
        case 10:
            return session.showSlide(u"slide-%1"_s.arg(m_random.bounded(5)), pickMilestone().id);
        case 11:
            return session.raiseObjection(m_random.bounded(8) == 0 ? u"weather"_s : pick(playbook.objections).id);
        case 12: {
            const ObjectionRecord *open = m_call.state().openObjectionRecord();
            const ObjectionType *type = open ? playbook.objection(open->typeId) : &pick(playbook.objections);
            return session.answerDiagnostic(pick(type->questions).id, u"answer"_s);
        }
        case 13:
            return session.classifyObjection(ObjectionOutcome(m_random.bounded(3)), u"classified"_s);
        case 14: {
            const auto option = DecisionOption(m_random.bounded(3));
            const QString reason = m_random.bounded(3) ? pick(playbook.decision.disqualificationReasons).id : QString();
            const QDateTime followUp = m_random.bounded(3)
                                           ? QDateTime::fromMSecsSinceEpoch(m_call.clock().nowMs() + m_random.bounded(-3600, 86400) * 1000LL, Qt::UTC)
                                           : QDateTime();
            return session.recordDecision(option, reason, followUp);
        }
        default:
            return m_random.bounded(3) == 0 ? session.recordConsent(true, u"Recording OK?"_s)
                                            : session.completeCall(m_random.bounded(2) ? u"wrap up"_s : QString());
        }
    }

private:
    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(m_random.bounded(int(list.size())));
    }

    const Milestone &pickMilestone()
    {
        // Bias towards the next milestone so calls make progress.
        const int current = m_call.state().current;
        const int count = int(m_call.playbook().milestones.size());
        if (current >= 0 && current + 1 < count && m_random.bounded(2))
            return m_call.playbook().milestones.at(current + 1);
        return pick(m_call.playbook().milestones);
    }

    QJsonValue randomValueFor(const FieldDefinition &field)
    {
        switch (m_random.bounded(6)) {
        case 0: return QJsonValue(); // clears
        case 1: return u"nonsense"_s;
        case 2: return -1e12;
        default: return field.id == u"clientCount"_s ? QJsonValue(m_random.bounded(1000)) : callos::test::validValueFor(field);
        }
    }

    CallHarness &m_call;
    QRandomGenerator m_random;
};

QList<CallEvent> jsonRoundTrip(const QList<CallEvent> &events)
{
    QList<CallEvent> decoded;
    for (const CallEvent &event : events) {
        const auto back = CallEventCodec::decode(CallEventCodec::encode(event));
        if (!back)
            qFatal("event did not survive its JSON form: %s", qPrintable(back.refusal().message));
        decoded.append(back.value());
    }
    return decoded;
}

} // namespace

class TestCallReplay : public QObject
{
    Q_OBJECT

private:
    Playbook m_playbook = callos::test::loadDefaultPlaybook();

private Q_SLOTS:
    void replayGivesTheEngineState_data()
    {
        QTest::addColumn<quint32>("firstSeed");
        for (quint32 batch = 0; batch < 6; ++batch)
            QTest::newRow(qPrintable(u"seeds %1-%2"_s.arg(batch * 50).arg(batch * 50 + 49))) << batch * 50;
    }

    void replayGivesTheEngineState()
    {
        QFETCH(quint32, firstSeed);
        int completedCalls = 0;
        int refusedActions = 0;
        for (quint32 seed = firstSeed; seed < firstSeed + 50; ++seed) {
            CallHarness call(m_playbook);
            RandomAgent agent(call, seed);
            for (int i = 0; i < 300 && call.state().phase != CallPhase::Completed; ++i) {
                const CallState before = call.state();
                const qsizetype eventsBefore = call.events().size();
                const CallSession::Outcome outcome = agent.act();
                if (!outcome) {
                    ++refusedActions;
                    // fillMilestone() may have succeeded before the refused action; compare
                    // only when the refused action was the sole change attempted.
                    if (call.events().size() == eventsBefore)
                        QVERIFY2(call.state() == before, qPrintable(u"seed %1: a refusal changed state"_s.arg(seed)));
                    QVERIFY(!outcome.refusal().code.isEmpty());
                    QVERIFY(!outcome.refusal().message.isEmpty());
                }
            }
            completedCalls += call.state().phase == CallPhase::Completed;
            const auto replayed = CallReducer(m_playbook).replay(jsonRoundTrip(call.events()));
            QVERIFY2(replayed, qPrintable(u"seed %1: %2"_s.arg(seed).arg(replayed ? QString() : replayed.refusal().message)));
            QVERIFY2(replayed.value() == call.state(), qPrintable(u"seed %1: replay differs from the engine"_s.arg(seed)));
        }
        qInfo("%d of 50 random calls completed, %d actions refused", completedCalls, refusedActions);
        // The generator must actually exercise both paths.
        QVERIFY2(completedCalls > 0, "no random call reached its end");
        QVERIFY(refusedActions > 100);
    }

    void mangledEventsNeverCrashNorChangeState()
    {
        // A real log to mangle.
        CallHarness call(m_playbook);
        QVERIFY(call.begin());
        QVERIFY(call.runToDecision());
        QVERIFY(call.session().raiseObjection(u"price"_s));
        QVERIFY(call.session().answerDiagnostic(m_playbook.objection(u"price"_s)->questions.constFirst().id, u"hm"_s));
        const QList<CallEvent> log = call.events();
        const CallReducer reducer(m_playbook);

        const QJsonValue junk[] = {QJsonValue(), QJsonValue(true), QJsonValue(-1), QJsonValue(1e300), QJsonValue(u""_s),
                                   QJsonValue(u"decision"_s), QJsonValue(QJsonArray({1, 2})), QJsonValue(QJsonObject{{u"a"_s, 1}})};
        const QStringList types{EventType::CallStarted, EventType::FieldSet, EventType::MilestoneEntered,
                                EventType::MilestoneCompleted, EventType::DecisionRecorded, EventType::ObjectionClassified,
                                EventType::DiagnosticAnswered, EventType::CallCompleted, u"Teleported"_s, QString()};
        QRandomGenerator random(4242);
        int refused = 0;
        for (int round = 0; round < 3000; ++round) {
            const int cut = random.bounded(int(log.size()));
            const auto prefix = reducer.replay(log.mid(0, cut));
            QVERIFY(prefix);
            CallEvent event = log.at(cut);
            switch (random.bounded(5)) {
            case 0: event.type = types.at(random.bounded(int(types.size()))); break;
            case 1: {
                const QStringList keys = event.payload.keys();
                if (!keys.isEmpty())
                    event.payload.remove(keys.at(random.bounded(int(keys.size()))));
                break;
            }
            case 2: {
                const QStringList keys = event.payload.keys();
                const QString key = keys.isEmpty() || random.bounded(3) == 0 ? u"extra"_s : keys.at(random.bounded(int(keys.size())));
                event.payload.insert(key, junk[random.bounded(8)]);
                break;
            }
            case 3: event.seq = random.bounded(3) - 1; break;
            default: event.callId = random.bounded(2) ? u"other-call"_s : QString(); break;
            }
            const CallState before = prefix.value();
            const auto next = reducer.apply(before, event);
            if (!next) {
                ++refused;
                QVERIFY(!next.refusal().code.isEmpty());
            }
            QVERIFY(prefix.value() == before);
        }
        QVERIFY(refused > 1500);
    }

    void garbageBytesNeverDecodeToAnEvent()
    {
        QRandomGenerator random(7);
        const QByteArray valid = CallEventCodec::encode(CallEvent{u"e1"_s, u"c1"_s, u"d1"_s, 1, 5, u"a"_s, EventType::FieldSet, {}, 1});
        for (int round = 0; round < 2000; ++round) {
            QByteArray bytes = valid;
            for (int flips = random.bounded(1, 6); flips > 0; --flips)
                bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
            const auto decoded = CallEventCodec::decode(bytes);
            if (!decoded)
                QVERIFY(decoded.refusal().code.startsWith(u"event."_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestCallReplay)
#include "tst_callreplay.moc"
