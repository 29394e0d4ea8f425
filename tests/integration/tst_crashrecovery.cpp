// Kills the real callos binary with SIGKILL at random points of a scripted
// call, starts it again, and checks that every event it reported as
// committed before the kill is in the store and that the call resumes and
// finishes where it stood.
#include "call/callreducer.h"
#include "client/store/calleventstore.h"
#include "client/store/callrepository.h"
#include "client/store/localstore.h"
#include "testpaths.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;

namespace {

struct Run
{
    QStringList committed; // event ids the app said were kept
    QString resumedCall;
    int resumedEventCount = -1;
    bool completed = false;
    bool killed = false;
    QStringList otherOutput; // anything else it printed, for the failure message
    int exitCode = 0;
};

// Starts `callos --scripted-call` on `dataDir`; kills it with SIGKILL once it
// has reported `killAfter` committed events (never, when negative).
Run runApp(const QString &dataDir, int killAfter)
{
    Run run;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(CALLOS_BINARY), {u"--data-dir"_s, dataDir, u"--scripted-call"_s, u"--step-ms"_s, u"2"_s});
    if (!process.waitForStarted(10000))
        qFatal("callos did not start");
    QByteArray pending;
    while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
        process.waitForReadyRead(100);
        pending += process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(newline));
            pending.remove(0, newline + 1);
            if (line.startsWith(u"committed "_s)) {
                run.committed.append(line.mid(10));
                if (run.committed.size() == killAfter) {
                    process.kill(); // SIGKILL: no cleanup, no flush
                    process.waitForFinished(10000);
                    run.killed = true;
                    return run;
                }
            } else if (line.startsWith(u"resumed "_s)) {
                const QStringList parts = line.split(u' ');
                run.resumedCall = parts.value(1);
                run.resumedEventCount = parts.value(2).toInt();
            } else if (line.startsWith(u"completed "_s)) {
                run.completed = true;
            } else {
                run.otherOutput.append(line);
            }
        }
        if (process.state() == QProcess::NotRunning && process.bytesAvailable() == 0)
            break;
    }
    process.waitForFinished(10000);
    run.exitCode = process.exitCode();
    run.otherOutput.append(QString::fromUtf8(process.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts));
    return run;
}

bool hasUnfinishedCall(const QString &storePath)
{
    auto store = client::LocalStore::open(storePath);
    if (!store)
        qFatal("%s", qPrintable(store.refusal().message));
    const auto unfinished = client::CallRepository(*store.value()).unfinished();
    return unfinished && !unfinished.value().isEmpty();
}

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedMidCallLosesNothingAndResumes_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 20; ++seed)
            QTest::newRow(qPrintable(u"run %1"_s.arg(seed))) << seed;
    }

    void killedMidCallLosesNothingAndResumes()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        QTemporaryDir dir;
        QStringList committedBeforeKills;
        QString callId;
        int kills = 0;
        // One to three kills at random points, then a run to the end.
        for (int attempt = 0, planned = random.bounded(1, 4); attempt <= planned; ++attempt) {
            const bool last = attempt == planned;
            const Run run = runApp(dir.path(), last ? -1 : random.bounded(1, 40));
            if (attempt > 0) {
                // It came back to the same call, with at least every event it had reported.
                QVERIFY2(!run.resumedCall.isEmpty() || run.completed,
                         qPrintable(u"the restarted app did not resume the call (exit %1, %2 events reported): %3"_s
                                        .arg(run.exitCode).arg(run.committed.size()).arg(run.otherOutput.join(u" | "_s))));
                if (!run.resumedCall.isEmpty()) {
                    if (!callId.isEmpty())
                        QCOMPARE(run.resumedCall, callId);
                    callId = run.resumedCall;
                    QVERIFY2(run.resumedEventCount >= committedBeforeKills.size(),
                             qPrintable(u"resumed with %1 events, %2 were reported committed"_s.arg(run.resumedEventCount).arg(committedBeforeKills.size())));
                }
            }
            committedBeforeKills += run.committed;
            kills += run.killed;
            if (run.completed || (run.killed && !hasUnfinishedCall(dir.filePath(u"callos.sqlite"_s))))
                break; // the call ended before (or just as) it was killed: nothing left to interrupt
            QVERIFY2(!last, "the final run did not complete the call");
        }
        QVERIFY(kills >= 1);

        auto store = client::LocalStore::open(dir.filePath(u"callos.sqlite"_s));
        QVERIFY2(store, store ? "" : qPrintable(store.refusal().message));
        client::CallRepository calls(*store.value());
        const auto recent = calls.recent(10);
        QVERIFY(recent);
        QCOMPARE(recent.value().size(), 1); // one call, resumed, never a second one
        const client::CallRecord record = recent.value().constFirst().call;
        QCOMPARE(record.state, client::CallRecord::State::Completed);
        const auto events = client::CallEventStore(*store.value()).events(record.id);
        QVERIFY(events);
        QSet<QString> stored;
        for (const CallEvent &event : events.value())
            stored.insert(event.id);
        for (const QString &id : std::as_const(committedBeforeKills))
            QVERIFY2(stored.contains(id), qPrintable(u"event "_s + id + u" was reported committed but is missing"_s));
        // And what is stored is a valid call, start to end.
        const Playbook playbook = test::loadDefaultPlaybook();
        const auto state = CallReducer(playbook).replay(events.value());
        QVERIFY2(state, state ? "" : qPrintable(state.refusal().message));
        QCOMPARE(state.value().phase, CallPhase::Completed);
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
