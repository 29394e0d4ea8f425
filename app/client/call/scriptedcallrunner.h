#pragma once

#include "client/call/calllauncher.h"
#include "client/call/scriptedcall.h"

#include <QObject>
#include <QTimer>

namespace callos::client {

// Plays a ScriptedCall on the real controller and store, one step per tick,
// printing each committed event id ("committed <id>") to stdout as soon as
// the store has it. It resumes an unfinished call first, so a run killed
// mid-call and started again finishes the same call. Quits the application
// with 0 when the call is complete, 1 when a step is refused.
class ScriptedCallRunner : public QObject
{
    Q_OBJECT

public:
    ScriptedCallRunner(CallController &call, CallLauncher &launcher, CallRepository &calls,
                       ProspectRepository &prospects, int stepMs, QObject *parent = nullptr);

    void start();

private:
    void step();
    void finish(int exitCode, const QString &message);

    CallController &m_call;
    CallLauncher &m_launcher;
    CallRepository &m_calls;
    ProspectRepository &m_prospects;
    ScriptedCall m_script;
    QTimer m_timer;
};

} // namespace callos::client
