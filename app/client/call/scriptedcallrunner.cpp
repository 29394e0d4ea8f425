#include "client/call/scriptedcallrunner.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

void printLine(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

} // namespace

ScriptedCallRunner::ScriptedCallRunner(CallController &call, CallLauncher &launcher, CallRepository &calls,
                                       ProspectRepository &prospects, int stepMs, QObject *parent)
    : QObject(parent), m_call(call), m_launcher(launcher), m_calls(calls), m_prospects(prospects), m_script(call.playbook())
{
    m_timer.setInterval(stepMs);
    connect(&m_timer, &QTimer::timeout, this, &ScriptedCallRunner::step);
    connect(&m_call, &CallController::eventsCommitted, this, [](const QList<CallEvent> &events) {
        for (const CallEvent &event : events)
            printLine(u"committed "_s + event.id);
    });
}

void ScriptedCallRunner::start()
{
    const auto unfinished = m_calls.unfinished();
    if (!unfinished)
        return finish(1, unfinished.refusal().message);
    if (!unfinished.value().isEmpty()) {
        const QString callId = unfinished.value().constFirst().call.id;
        if (const auto refused = m_launcher.resume(callId))
            return finish(1, refused->message);
        printLine(u"resumed %1 %2"_s.arg(callId).arg(m_call.state().eventCount));
    } else {
        const auto prospects = m_prospects.list({}, 1);
        if (!prospects || prospects.value().isEmpty())
            return finish(1, u"no prospect to call"_s);
        const auto started = m_launcher.start(prospects.value().constFirst());
        if (!started)
            return finish(1, started.refusal().message);
        printLine(u"started "_s + started.value());
    }
    m_timer.start();
}

void ScriptedCallRunner::step()
{
    const auto next = m_script.nextStep(m_call.state());
    if (!next)
        return finish(0, u"completed "_s + m_call.state().callId);
    const auto outcome = m_call.act(*next);
    if (!outcome)
        finish(1, u"refused %1: %2"_s.arg(outcome.refusal().code, outcome.refusal().message));
}

void ScriptedCallRunner::finish(int exitCode, const QString &message)
{
    m_timer.stop();
    printLine(message);
    QCoreApplication::exit(exitCode);
}

} // namespace callos::client
