#pragma once

#include "client/call/callcontroller.h"

#include <QTimer>
#include <QWidget>

class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace callos::ui {

class MilestoneRail;
class MilestoneView;
class ObjectionPanel;
class ReasonPrompt;

// The control panel during the call: the milestone rail on the left, the
// current milestone (or the objection subflow over it) in the middle, and the
// presenter panel (what the client sees, what comes next) on the right.
class CallPage : public QWidget
{
    Q_OBJECT

public:
    CallPage(client::CallController &call, const FieldFormatter &formatter, QWidget *presenterPanel,
             QWidget *parent = nullptr);

    void refresh();
    void completeMilestone();
    void goToMilestone(int index);
    void openObjection();
    MilestoneView *milestoneView() const { return m_view; }
    MilestoneRail *rail() const { return m_rail; }
    ReasonPrompt *actionPrompt() const { return m_prompt; }
    bool objectionShown() const;
    // Saves notes still waiting for a pause in typing.
    void flushNotes();

Q_SIGNALS:
    void callEnded();

private:
    void showMilestone();

    client::CallController &m_call;
    const FieldFormatter &m_formatter;
    MilestoneRail *m_rail;
    QStackedWidget *m_center;
    QScrollArea *m_scroll;
    MilestoneView *m_view = nullptr;
    ObjectionPanel *m_objection;
    ReasonPrompt *m_prompt;
    QPushButton *m_complete;
    QPushButton *m_objectionButton;
    QTimer m_tick;
};

} // namespace callos::ui
