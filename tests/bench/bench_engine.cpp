// Prints, as JSON lines, the median time to load and validate the default
// playbook and to replay a 10,000-event call through the reducer.
// Targets (issue 2): playbook_load < 5 ms, replay_10k < 10 ms.
#include "call/callsession.h"
#include "callharness.h"
#include "playbook/playbookloader.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace callos;

namespace {

double medianMs(QList<qint64> nanoseconds)
{
    std::sort(nanoseconds.begin(), nanoseconds.end());
    return nanoseconds.at(nanoseconds.size() / 2) / 1e6;
}

// A long but realistic call: many note edits, field corrections, checklist
// ticks, slides, objections and milestone moves, 10,000 events in all.
QList<CallEvent> tenThousandEvents(const Playbook &playbook)
{
    test::CallHarness call(playbook);
    if (!call.begin())
        qFatal("cannot begin the call");
    int round = 0;
    while (call.events().size() < 10000) {
        const int current = call.state().current;
        const Milestone &milestone = playbook.milestones.at(current);
        call.clock().advance(1500);
        switch (round++ % 8) {
        case 0: call.session().editNote(milestone.id, u"Notes, revision %1"_s.arg(round)); break;
        case 1: call.session().setField(u"clientCount"_s, 500 + round % 300); break;
        case 2:
            if (!milestone.checklist.isEmpty())
                call.session().setChecklistItem(milestone.id, milestone.checklist.constFirst().id, round % 3 != 0);
            break;
        case 3: call.session().showSlide(u"slide-%1"_s.arg(round % 14), milestone.id); break;
        case 4:
            call.session().raiseObjection(playbook.objections.at(round % playbook.objections.size()).id);
            call.session().answerDiagnostic(playbook.objections.at(round % playbook.objections.size()).questions.constFirst().id, u"answer"_s);
            call.session().classifyObjection(ObjectionOutcome::Resolved);
            break;
        case 5:
            if (current + 1 < playbook.milestones.size() - 1) {
                call.fillMilestone(current);
                call.session().completeMilestone();
            } else {
                call.session().goToMilestone(playbook.milestones.constFirst().id);
            }
            break;
        default: call.session().setField(u"revenueVolatility"_s, round % 40); break;
        }
    }
    return call.events().mid(0, 10000);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = 200;

    QList<qint64> loadTimes;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto loaded = PlaybookLoader::loadFile(test::defaultPlaybookPath());
        loadTimes.append(timer.nsecsElapsed());
        if (!loaded.ok())
            qFatal("default playbook does not load");
    }
    std::printf("{\"bench\":\"playbook_load\",\"runs\":%d,\"ms\":%.3f}\n", runs, medianMs(loadTimes));

    const Playbook playbook = test::loadDefaultPlaybook();
    const QList<CallEvent> events = tenThousandEvents(playbook);
    const CallReducer reducer(playbook);
    QList<qint64> replayTimes;
    for (int i = 0; i < runs / 4; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto state = reducer.replay(events);
        replayTimes.append(timer.nsecsElapsed());
        if (!state || state.value().eventCount != events.size())
            qFatal("replay failed: %s", state ? "event count differs" : qPrintable(state.refusal().message));
    }
    std::printf("{\"bench\":\"replay_10k\",\"events\":%lld,\"runs\":%d,\"ms\":%.3f}\n", qlonglong(events.size()), runs / 4,
                medianMs(replayTimes));
    return 0;
}
