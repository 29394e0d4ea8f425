#include "call/callreducer.h"
#include "callharness.h"
#include "client/store/calleventstore.h"
#include "client/store/callrepository.h"
#include "client/store/localstore.h"
#include "client/store/writefaults.h"
#include "testpaths.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;

namespace {

const char *const kChildPathVariable = "CALLOS_TST_CALLEVENTSTORE_CHILD";
const char *const kChildRoundVariable = "CALLOS_TST_CALLEVENTSTORE_ROUND";

CallEvent makeEvent(const QString &id, const QString &callId, qint64 seq, const QString &type,
    const QJsonObject &payload, const QString &device = u"laptop"_s)
{
    return CallEvent { id, callId, device, seq, 1795000000000 + seq * 1500, u"agent-3"_s, type, payload,
        CallEvent::kSchemaVersion };
}

QList<CallEvent> crashBatch(const QString &round, int batch)
{
    const QString callId = u"crash-call-"_s + round;
    return {
        makeEvent(u"%1-%2-a"_s.arg(round).arg(batch), callId, batch * 3L, EventType::FieldSet,
            { { u"fieldId"_s, u"clientCount"_s }, { u"value"_s, 500 + batch } }),
        makeEvent(u"%1-%2-b"_s.arg(round).arg(batch), callId, batch * 3L + 1, EventType::NoteEdited,
            { { u"milestoneId"_s, u"current-state"_s }, { u"text"_s, u"Notes, revision %1"_s.arg(batch) } }),
        makeEvent(u"%1-%2-c"_s.arg(round).arg(batch), callId, batch * 3L + 2, EventType::SlideShown,
            { { u"slideId"_s, u"slide-%1"_s.arg(batch % 14) }, { u"milestoneId"_s, u"current-state"_s } }),
    };
}

// The child process of survivesBeingKilled: appends batches until killed,
// announcing each batch on stdout only after append() returned.
int runCrashChild(const QString &path, const QString &round)
{
    auto opened = LocalStore::open(path);
    if (!opened) {
        std::fprintf(stderr, "child: %s\n", qPrintable(opened.refusal().message));
        return 2;
    }
    CallEventStore store(*opened.value());
    for (int batch = 1; batch < 1000000; ++batch) {
        if (auto refusal = store.append(crashBatch(round, batch))) {
            std::fprintf(stderr, "child: %s\n", qPrintable(refusal->message));
            return 3;
        }
        std::printf("committed %d\n", batch);
        std::fflush(stdout);
    }
    return 0;
}

std::unique_ptr<LocalStore> openStore(const QString &path, WriteFaults *faults = nullptr)
{
    auto opened = LocalStore::open(path, faults);
    if (!opened)
        qFatal("cannot open the store: %s", qPrintable(opened.refusal().message));
    return std::move(opened).value();
}

int rowCount(LocalStore &store, const QString &table)
{
    QSqlQuery query(store.database());
    if (!query.exec(u"SELECT count(*) FROM "_s + table) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace

// Passes when a store call returned no Refusal; otherwise shows it.
#define QVERIFY_NO_REFUSAL(...)                                                                                        \
    do {                                                                                                               \
        const std::optional<Refusal> refusal_ = (__VA_ARGS__);                                                         \
        QVERIFY2(!refusal_, refusal_ ? qPrintable(refusal_->code + u": "_s + refusal_->message) : "");                 \
    } while (false)

class TestCallEventStore : public QObject
{
    Q_OBJECT

public:
    TestCallEventStore()
    {
        // Started again by survivesBeingKilled as the process to kill.
        const QString childPath = qEnvironmentVariable(kChildPathVariable);
        if (!childPath.isEmpty())
            std::_Exit(runCrashChild(childPath, qEnvironmentVariable(kChildRoundVariable)));
    }

private Q_SLOTS:
    void eventsRoundTripExactly()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.filePath(u"callos.sqlite"_s));
        CallEventStore events(*store);

        const QList<CallEvent> first {
            makeEvent(u"e1"_s, u"call-1"_s, 1, EventType::CallStarted,
                { { u"playbookId"_s, u"default"_s }, { u"playbookVersion"_s, 3 },
                    { u"prospect"_s,
                        QJsonObject { { u"prospectName"_s, u"Tomás Herrera — Ünïcødé ✓ 🚀"_s },
                            { u"clientCount"_s, 880 }, { u"revenueVolatility"_s, 22.5 } } } }),
            makeEvent(u"e2"_s, u"call-1"_s, 2, EventType::FieldSet,
                { { u"fieldId"_s, u"monthlyRevenue"_s }, { u"value"_s, 85000.25 } }),
        };
        const QList<CallEvent> second {
            makeEvent(u"e3"_s, u"call-1"_s, 3, EventType::NoteEdited,
                { { u"milestoneId"_s, u"vision"_s }, { u"text"_s, u"Line one\nLine \"two\"\t\\ end"_s } }),
            makeEvent(u"e4"_s, u"call-1"_s, 4, EventType::FieldSet,
                { { u"fieldId"_s, u"notes"_s }, { u"value"_s, QJsonValue() } }),
            makeEvent(u"e5"_s, u"call-1"_s, 5, EventType::DecisionRecorded,
                { { u"option"_s, u"pause"_s }, { u"followUpAt"_s, u"2027-01-16"_s },
                    { u"flags"_s, QJsonArray { true, false, -7, 1e-9, u"x"_s } } }),
        };
        // The largest integers a JSON number holds exactly.
        CallEvent big = makeEvent(u"e6"_s, u"call-1"_s, 6, EventType::CallCompleted, {});
        big.seq = 9007199254740991;
        big.at = 9007199254740991;

        QVERIFY_NO_REFUSAL(events.append(first));
        QVERIFY_NO_REFUSAL(events.append(second));
        QVERIFY_NO_REFUSAL(events.append({ big }));
        QVERIFY_NO_REFUSAL(events.append({ makeEvent(u"other"_s, u"call-2"_s, 1, EventType::CallStarted, {}) }));

        const auto stored = events.events(u"call-1"_s);
        QVERIFY(stored);
        QCOMPARE(stored.value(), first + second + QList<CallEvent> { big });
        QCOMPARE(events.events(u"call-2"_s).value().size(), 1);
        QVERIFY(events.events(u"no-such-call"_s).value().isEmpty());

        // The indexed columns agree with the JSON.
        QSqlQuery query(store->database());
        QVERIFY(query.exec(u"SELECT id, call_id, device_id, seq, at, type, pos FROM call_events WHERE id = 'e5'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(1).toString(), u"call-1"_s);
        QCOMPARE(query.value(2).toString(), u"laptop"_s);
        QCOMPARE(query.value(3).toLongLong(), 5);
        QCOMPARE(query.value(4).toLongLong(), 1795000000000 + 5 * 1500);
        QCOMPARE(query.value(5).toString(), EventType::DecisionRecorded);
        QCOMPARE(query.value(6).toLongLong(), 5);
    }

    void eventsComeBackInAppendOrder()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.filePath(u"callos.sqlite"_s));
        CallEventStore events(*store);
        // Two devices, ids and times that sort differently from the append order.
        const QList<CallEvent> appended {
            makeEvent(u"zz"_s, u"call"_s, 7, EventType::NoteEdited, {}, u"laptop"_s),
            makeEvent(u"aa"_s, u"call"_s, 1, EventType::NoteEdited, {}, u"tablet"_s),
            makeEvent(u"mm"_s, u"call"_s, 8, EventType::NoteEdited, {}, u"laptop"_s),
        };
        for (const CallEvent &e : appended)
            QVERIFY_NO_REFUSAL(events.append({ e }));
        QCOMPARE(events.events(u"call"_s).value(), appended);
    }

    void anEmptyBatchIsNoWrite()
    {
        QTemporaryDir dir;
        WriteFaults faults;
        auto store = openStore(dir.filePath(u"callos.sqlite"_s), &faults);
        const int before = faults.writes();
        CallEventStore events(*store);
        QVERIFY_NO_REFUSAL(events.append({}));
        QCOMPARE(faults.writes(), before);
    }

    void aDuplicateIdStoresNothingOfTheBatch()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.filePath(u"callos.sqlite"_s));
        CallEventStore events(*store);
        const CallEvent kept = makeEvent(u"kept"_s, u"call"_s, 1, EventType::CallStarted, {});
        QVERIFY_NO_REFUSAL(events.append({ kept }));

        const auto againStored = events.append({ makeEvent(u"new-1"_s, u"call"_s, 2, EventType::NoteEdited, {}),
            makeEvent(u"kept"_s, u"call"_s, 3, EventType::NoteEdited, {}),
            makeEvent(u"new-2"_s, u"call"_s, 4, EventType::NoteEdited, {}) });
        QVERIFY(againStored);
        QCOMPARE(againStored->code, u"store.duplicate_event"_s);
        QVERIFY2(againStored->message.contains(u"kept"_s), qPrintable(againStored->message));
        QVERIFY(againStored->message.contains(QDir::toNativeSeparators(store->path())));

        const auto twiceInBatch = events.append({ makeEvent(u"new-3"_s, u"call"_s, 2, EventType::NoteEdited, {}),
            makeEvent(u"new-3"_s, u"call"_s, 3, EventType::NoteEdited, {}) });
        QVERIFY(twiceInBatch);
        QCOMPARE(twiceInBatch->code, u"store.duplicate_event"_s);

        QCOMPARE(events.events(u"call"_s).value(), QList<CallEvent> { kept });
        QCOMPARE(rowCount(*store, u"call_events"_s), 1);
        // The store still works, and positions have no gap.
        QVERIFY_NO_REFUSAL(events.append({ makeEvent(u"new-1"_s, u"call"_s, 2, EventType::NoteEdited, {}) }));
        QSqlQuery query(store->database());
        QVERIFY(query.exec(u"SELECT pos FROM call_events WHERE id = 'new-1'"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 2);
    }

    void aFailedWriteInsideABatchStoresNothing()
    {
        QTemporaryDir dir;
        WriteFaults faults;
        auto store = openStore(dir.filePath(u"callos.sqlite"_s), &faults);
        CallEventStore events(*store);
        const CallEvent kept = makeEvent(u"kept"_s, u"call"_s, 1, EventType::CallStarted, {});
        QVERIFY_NO_REFUSAL(events.append({ kept }));
        const QList<CallEvent> batch { makeEvent(u"b1"_s, u"call"_s, 2, EventType::NoteEdited, {}),
            makeEvent(u"b2"_s, u"call"_s, 3, EventType::NoteEdited, {}),
            makeEvent(u"b3"_s, u"call"_s, 4, EventType::NoteEdited, {}) };
        // Three inserts and a COMMIT: fail each in turn.
        for (int write = 1; write <= 4; ++write) {
            faults.failWrite(faults.writes() + write);
            const auto refused = events.append(batch);
            QVERIFY(refused);
            QCOMPARE(refused->code, u"store.write_failed"_s);
            QVERIFY2(refused->message.contains(u"call event"_s) && refused->message.contains(u"simulated"_s)
                    && refused->message.contains(QDir::toNativeSeparators(store->path())),
                qPrintable(refused->message));
            QCOMPARE(events.events(u"call"_s).value(), QList<CallEvent> { kept });
        }
        QCOMPARE(faults.failures(), 4);
        QVERIFY_NO_REFUSAL(events.append(batch));
        QCOMPARE(events.events(u"call"_s).value(), QList<CallEvent> { kept } + batch);
    }

    void theOutboxHoldsWhatTheServerHasNotAcknowledged()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.filePath(u"callos.sqlite"_s));
        CallEventStore events(*store);
        QList<CallEvent> all;
        for (int i = 1; i <= 5; ++i)
            all.append(makeEvent(u"e%1"_s.arg(i), u"call"_s, i, EventType::NoteEdited, {}));
        QVERIFY_NO_REFUSAL(events.append(all.mid(0, 3)));
        QVERIFY_NO_REFUSAL(events.append(all.mid(3)));
        QCOMPARE(events.unacknowledgedCount().value(), 5);
        QCOMPARE(events.unacknowledged(2).value(), all.mid(0, 2));

        QVERIFY_NO_REFUSAL(events.markAcknowledged({ u"e1"_s, u"e3"_s, u"unknown"_s }, 1795000009000));
        QCOMPARE(events.unacknowledgedCount().value(), 3);
        QCOMPARE(events.unacknowledged(10).value(), (QList<CallEvent> { all.at(1), all.at(3), all.at(4) }));
        // A resent answer changes nothing, not even the time of the first one.
        QVERIFY_NO_REFUSAL(events.markAcknowledged({ u"e1"_s }, 1795000099000));
        QSqlQuery query(store->database());
        QVERIFY(query.exec(u"SELECT acked_at FROM call_events WHERE id = 'e1'"_s) && query.next());
        QCOMPARE(query.value(0).toLongLong(), 1795000009000);
        // Acknowledged events stay in the call's log.
        QCOMPARE(events.events(u"call"_s).value(), all);
    }

    void callCompletedMarksTheCallRecordInTheSameWrite()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.filePath(u"callos.sqlite"_s));
        QSqlQuery setup(store->database());
        QVERIFY(setup.exec(u"INSERT INTO prospects (id, name, created_at, updated_at) VALUES ('p', 'Ann', 1, 1)"_s));
        CallRepository calls(*store);
        QVERIFY_NO_REFUSAL(calls.create(CallRecord { u"call"_s, u"p"_s, u"default"_s, 1, u"deck"_s, 100, {}, {} }));
        CallEventStore events(*store);
        QVERIFY_NO_REFUSAL(events.append({ makeEvent(u"e1"_s, u"call"_s, 1, EventType::NoteEdited, {}) }));
        QCOMPARE(calls.get(u"call"_s).value().state, CallRecord::State::InProgress);

        const CallEvent done = makeEvent(u"e2"_s, u"call"_s, 2, EventType::CallCompleted, {});
        QVERIFY_NO_REFUSAL(events.append({ done }));
        const CallRecord record = calls.get(u"call"_s).value();
        QCOMPARE(record.state, CallRecord::State::Completed);
        QCOMPARE(record.completedAt, std::optional<qint64>(done.at));
        QVERIFY(calls.unfinished().value().isEmpty());
    }

    void aSecondConnectionSeesCommittedEvents()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"callos.sqlite"_s);
        auto first = openStore(path);
        auto second = openStore(path);
        CallEventStore writer(*first);
        CallEventStore reader(*second);
        const CallEvent a = makeEvent(u"a"_s, u"call"_s, 1, EventType::CallStarted, {});
        QVERIFY_NO_REFUSAL(writer.append({ a }));
        QCOMPARE(reader.events(u"call"_s).value(), QList<CallEvent> { a });
        const CallEvent b = makeEvent(u"b"_s, u"call"_s, 2, EventType::NoteEdited, {});
        QVERIFY_NO_REFUSAL(reader.append({ b }));
        QCOMPARE(writer.events(u"call"_s).value(), (QList<CallEvent> { a, b }));
        // The same id from the other connection is a duplicate too.
        QCOMPARE(writer.append({ b })->code, u"store.duplicate_event"_s);
    }

    // Another process appends batches and is killed with SIGKILL at a random
    // moment. Every batch it announced is there, every batch is whole, and
    // this process saw the commits while the other one was still running.
    void survivesBeingKilled()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"callos.sqlite"_s);
        auto watcherStore = openStore(path);
        CallEventStore watcher(*watcherStore);
        static const QRegularExpression committedLine(u"committed (\\d+)\n"_s);

        for (int round = 1; round <= 3; ++round) {
            const QString roundName = u"r%1"_s.arg(round);
            QProcess child;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QString::fromLatin1(kChildPathVariable), path);
            environment.insert(QString::fromLatin1(kChildRoundVariable), roundName);
            child.setProcessEnvironment(environment);
            child.start(QCoreApplication::applicationFilePath(), {});
            QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));

            const int killAfter = QRandomGenerator::global()->bounded(3, 60);
            QByteArray output;
            int announced = 0;
            while (announced < killAfter) {
                QVERIFY2(child.waitForReadyRead(20000), child.readAllStandardError().constData());
                output += child.readAllStandardOutput();
                auto matches = committedLine.globalMatch(QString::fromLatin1(output));
                while (matches.hasNext())
                    announced = matches.next().captured(1).toInt();
            }
            // Seen from here while the other process keeps writing.
            QVERIFY(watcher.events(u"crash-call-"_s + roundName).value().size() >= announced * 3);

            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(20000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            output += child.readAllStandardOutput();
            auto matches = committedLine.globalMatch(QString::fromLatin1(output));
            while (matches.hasNext())
                announced = matches.next().captured(1).toInt();

            // A fresh open after the crash (recovers the write-ahead log).
            auto reopened = LocalStore::open(path);
            QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.refusal().message));
            CallEventStore events(*reopened.value());
            const QList<CallEvent> stored = events.events(u"crash-call-"_s + roundName).value();
            QCOMPARE(stored.size() % 3, 0);
            const int batches = int(stored.size() / 3);
            QVERIFY2(batches == announced || batches == announced + 1,
                qPrintable(u"announced %1, stored %2"_s.arg(announced).arg(batches)));
            QList<CallEvent> expected;
            for (int batch = 1; batch <= batches; ++batch)
                expected += crashBatch(roundName, batch);
            QCOMPARE(stored, expected);
            QSqlQuery check(reopened.value()->database());
            QVERIFY(check.exec(u"PRAGMA quick_check"_s) && check.next());
            QCOMPARE(check.value(0).toString(), u"ok"_s);
        }
    }

    // The engine writing through the store: the stored log replays to the
    // engine's state, and a failed write leaves both where they were.
    void theEngineKeepsItsEventsHere()
    {
        const Playbook playbook = test::loadDefaultPlaybook();
        QTemporaryDir dir;
        WriteFaults faults;
        auto store = openStore(dir.filePath(u"callos.sqlite"_s), &faults);
        CallEventStore events(*store);
        test::CallHarness call(playbook, &events);
        QVERIFY(call.begin());
        QVERIFY(call.runToDecision());

        const QList<CallEvent> before = events.events(u"call-1"_s).value();
        QVERIFY(before.size() > 20);
        const auto replayed = CallReducer(playbook).replay(before);
        QVERIFY(replayed);
        QCOMPARE(replayed.value(), call.state());

        const CallState stateBefore = call.state();
        const QString milestone = playbook.milestones.at(call.state().current).id;
        faults.failNextWrite();
        const auto refused = call.session().editNote(milestone, u"We agreed on a pilot."_s);
        QVERIFY(!refused);
        QCOMPARE(refused.refusal().code, u"store.write_failed"_s);
        QCOMPARE(call.state(), stateBefore);
        QCOMPARE(events.events(u"call-1"_s).value(), before);

        QVERIFY(call.session().editNote(milestone, u"We agreed on a pilot."_s));
        const QList<CallEvent> after = events.events(u"call-1"_s).value();
        QCOMPARE(after.size(), before.size() + 1);
        QCOMPARE(CallReducer(playbook).replay(after).value(), call.state());
    }
};

QTEST_GUILESS_MAIN(TestCallEventStore)
#include "tst_calleventstore.moc"
