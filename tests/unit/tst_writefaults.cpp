#include "client/store/calleventstore.h"
#include "client/store/callrepository.h"
#include "client/store/localstore.h"
#include "client/store/prospectrepository.h"
#include "client/store/writefaults.h"
#include "fakeclock.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;

namespace {

// Ids "id-1", "id-2", ... that a test can rewind, so a retried step gets the
// same ids as in the run without faults.
class RewindableIds final : public IdGenerator
{
public:
    QString nextId() override { return u"id-%1"_s.arg(++last); }
    int last = 0;
};

// Everything the scripted sequence writes through.
struct Fixture
{
    explicit Fixture(const QString &path, WriteFaults *faults)
    {
        auto opened = LocalStore::open(path, faults);
        if (!opened)
            qFatal("cannot open the store: %s", qPrintable(opened.refusal().message));
        store = std::move(opened).value();
        events = std::make_unique<CallEventStore>(*store);
        calls = std::make_unique<CallRepository>(*store);
        prospects = std::make_unique<ProspectRepository>(*store, clock, ids);
    }

    test::FakeClock clock;
    RewindableIds ids;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<CallEventStore> events;
    std::unique_ptr<CallRepository> calls;
    std::unique_ptr<ProspectRepository> prospects;
};

template<typename T> std::optional<Refusal> refusalOf(const Result<T> &result)
{
    return result ? std::nullopt : std::optional<Refusal>(result.refusal());
}

CallEvent makeEvent(
    const QString &id, qint64 seq, const QString &type, const QJsonObject &payload, const QString &callId = u"call-1"_s)
{
    return CallEvent { id, callId, u"laptop"_s, seq, 1795000000000 + seq * 1000, u"agent-1"_s, type, payload,
        CallEvent::kSchemaVersion };
}

struct Step
{
    QString name;
    std::function<std::optional<Refusal>(Fixture &)> run;
};

// A first run of the app and a call, written the way the app writes them.
QList<Step> script()
{
    return {
        { u"seed demo prospects"_s, [](Fixture &f) { return refusalOf(f.prospects->seedDemoIfEmpty()); } },
        { u"save a new prospect"_s,
            [](Fixture &f) {
                Prospect dana;
                dana.id = u"p-dana"_s;
                dana.name = u"Dana Whitfield"_s;
                dana.company = u"Whitfield Coaching"_s;
                dana.clientCount = 620;
                return refusalOf(f.prospects->save(dana));
            } },
        { u"create a call"_s,
            [](Fixture &f) {
                return f.calls->create(CallRecord { u"call-1"_s, u"p-dana"_s, u"default"_s, 1, u"deck"_s,
                    f.clock.nowMs(), std::nullopt, CallRecord::State::InProgress });
            } },
        { u"append the start of the call"_s,
            [](Fixture &f) {
                return f.events->append(
                    { makeEvent(u"e1"_s, 1, EventType::CallStarted, { { u"playbookId"_s, u"default"_s } }),
                        makeEvent(u"e2"_s, 2, EventType::GateEvaluated, { { u"passed"_s, true } }),
                        makeEvent(u"e3"_s, 3, EventType::MilestoneEntered, { { u"milestoneId"_s, u"m1"_s } }) });
            } },
        { u"edit the prospect during the call"_s,
            [](Fixture &f) {
                Prospect dana = f.prospects->get(u"p-dana"_s).value();
                dana.revenueVolatilityPercent = 18;
                dana.painPoints = u"Launch-driven revenue"_s;
                return refusalOf(f.prospects->save(dana));
            } },
        { u"append a note and a field"_s,
            [](Fixture &f) {
                return f.events->append({ makeEvent(u"e4"_s, 4, EventType::NoteEdited,
                                              { { u"milestoneId"_s, u"m1"_s }, { u"text"_s, u"Two launches"_s } }),
                    makeEvent(u"e5"_s, 5, EventType::FieldSet,
                        { { u"fieldId"_s, u"clientCount"_s }, { u"value"_s, 640 } }) });
            } },
        { u"the server acknowledges the start"_s,
            [](Fixture &f) {
                return f.events->markAcknowledged({ u"e1"_s, u"e2"_s, u"e3"_s }, f.clock.nowMs());
            } },
        { u"append the decision and the end"_s,
            [](Fixture &f) {
                return f.events->append(
                    { makeEvent(u"e6"_s, 6, EventType::DecisionRecorded, { { u"option"_s, u"proceed"_s } }),
                        makeEvent(u"e7"_s, 7, EventType::CallCompleted, {}) });
            } },
        { u"mark the call completed"_s,
            [](Fixture &f) { return f.calls->markCompleted(u"call-1"_s, f.clock.nowMs()); } },
        { u"save a second prospect"_s,
            [](Fixture &f) {
                Prospect helen;
                helen.name = u"Helen Kowalski"_s;
                helen.clientCount = 310;
                return refusalOf(f.prospects->save(helen));
            } },
        { u"start a second call"_s,
            [](Fixture &f) {
                const QString helen = f.prospects->list(u"Helen"_s).value().constFirst().id;
                if (auto refusal = f.calls->create(CallRecord { u"call-2"_s, helen, u"default"_s, 1, u"deck"_s,
                        f.clock.nowMs(), std::nullopt, CallRecord::State::InProgress }))
                    return refusal;
                return std::optional<Refusal>();
            } },
        { u"append its first event"_s,
            [](Fixture &f) {
                return f.events->append({ makeEvent(u"f1"_s, 1, EventType::CallStarted, {}, u"call-2"_s) });
            } },
    };
}

// Every row of every table, as text: what "nothing lost or changed" compares.
QStringList snapshot(LocalStore &store)
{
    QStringList rows;
    const QStringList tables { u"schema_migrations"_s, u"prospects"_s, u"calls"_s, u"call_events"_s };
    for (const QString &table : tables) {
        QSqlQuery query(store.database());
        if (!query.exec(u"SELECT * FROM "_s + table + u" ORDER BY rowid"_s))
            qFatal("cannot read %s", qPrintable(table));
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i) {
                if (query.record().fieldName(i) == u"applied_at"_s)
                    continue;
                values.append(query.value(i).isNull() ? u"NULL"_s : query.value(i).toString());
            }
            rows.append(table + u": "_s + values.join(u" | "_s));
        }
    }
    return rows;
}

} // namespace

class TestWriteFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAndFailsTheChosenWrite()
    {
        WriteFaults faults;
        QVERIFY(!faults.nextWriteFails());
        faults.failWrite(3);
        QVERIFY(!faults.nextWriteFails());
        QVERIFY(faults.nextWriteFails());
        QVERIFY(!faults.nextWriteFails());
        QCOMPARE(faults.writes(), 4);
        QCOMPARE(faults.failures(), 1);
        faults.failNextWrite();
        faults.clear();
        QVERIFY(!faults.nextWriteFails());
        faults.failNextWrite();
        QVERIFY(faults.nextWriteFails());
        QCOMPARE(faults.failures(), 2);
    }

    void readsAreNotWrites()
    {
        QTemporaryDir dir;
        WriteFaults faults;
        Fixture f(dir.filePath(u"callos.sqlite"_s), &faults);
        const int writes = faults.writes();
        QVERIFY(f.prospects->list());
        QVERIFY(!f.prospects->get(u"x"_s));
        QVERIFY(f.calls->recent(5));
        QVERIFY(f.calls->unfinished());
        QVERIFY(f.events->events(u"call"_s));
        QVERIFY(f.events->unacknowledged(5));
        QCOMPARE(faults.writes(), writes);
    }

    // For i = 1..N, the i-th write of a scripted first run fails for real:
    // the step that hit it is refused with a clear message, nothing saved
    // before is lost or changed, the retry succeeds, and the end result is
    // exactly that of a run without faults.
    void everyWriteOfAScriptedRunCanFail()
    {
        const QList<Step> steps = script();
        QTemporaryDir dir;

        QList<QStringList> expected; // after each step, without faults
        int writesOfScript = 0;
        {
            WriteFaults counter;
            Fixture f(dir.filePath(u"reference.sqlite"_s), &counter);
            const int base = counter.writes();
            for (int k = 0; k < steps.size(); ++k) {
                f.clock.advance(1000);
                const auto refusal = steps.at(k).run(f);
                QVERIFY2(!refusal, qPrintable(steps.at(k).name + u": "_s + (refusal ? refusal->message : QString())));
                expected.append(snapshot(*f.store));
            }
            writesOfScript = counter.writes() - base;
        }
        QVERIFY(writesOfScript > 30);

        for (int failing = 1; failing <= writesOfScript; ++failing) {
            WriteFaults faults;
            Fixture f(dir.filePath(u"run-%1.sqlite"_s.arg(failing)), &faults);
            faults.failWrite(faults.writes() + failing);
            QString refusedStep;
            for (int k = 0; k < steps.size(); ++k) {
                const Step &step = steps.at(k);
                f.clock.advance(1000);
                const QStringList before = snapshot(*f.store);
                const int idsBefore = f.ids.last;
                const auto refusal = step.run(f);
                if (refusal) {
                    const QString context = u"write %1, step \"%2\": "_s.arg(failing).arg(step.name);
                    QVERIFY2(refusedStep.isEmpty(), qPrintable(context + u"a second refusal: "_s + refusal->message));
                    refusedStep = step.name;
                    QCOMPARE(refusal->code, u"store.write_failed"_s);
                    QVERIFY2(refusal->message.contains(u"simulated write failure"_s)
                            && refusal->message.contains(f.store->path()),
                        qPrintable(context + refusal->message));
                    QVERIFY2(snapshot(*f.store) == before, qPrintable(context + u"the store changed"_s));
                    // The next write succeeds: the agent tries again.
                    f.ids.last = idsBefore;
                    const auto retried = step.run(f);
                    QVERIFY2(!retried,
                        qPrintable(context + u"retry refused: "_s + (retried ? retried->message : QString())));
                }
                QVERIFY2(snapshot(*f.store) == expected.at(k),
                    qPrintable(
                        u"write %1: after step \"%2\" the store differs from the run without faults"_s.arg(failing).arg(
                            step.name)));
            }
            QVERIFY2(!refusedStep.isEmpty(), qPrintable(u"write %1 never failed"_s.arg(failing)));
            QCOMPARE(faults.failures(), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestWriteFaults)
#include "tst_writefaults.moc"
