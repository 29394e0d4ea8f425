#include "ui/call/callpage.h"

#include "ui/call/milestonerail.h"
#include "ui/call/milestoneview.h"
#include "ui/call/objectionpanel.h"
#include "ui/common/reasonprompt.h"
#include "ui/common/shortcuts.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

CallPage::CallPage(client::CallController &call, const FieldFormatter &formatter, QWidget *presenterPanel, QWidget *parent)
    : QWidget(parent), m_call(call), m_formatter(formatter)
{
    setObjectName(u"callPage"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 8);
    layout->setSpacing(16);

    m_rail = new MilestoneRail(call.playbook(), this);
    m_rail->setFixedWidth(330);
    connect(m_rail, &MilestoneRail::milestoneRequested, this, &CallPage::goToMilestone);
    layout->addWidget(m_rail);

    auto *centerColumn = new QVBoxLayout;
    m_center = new QStackedWidget(this);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_center->addWidget(m_scroll);
    m_objection = new ObjectionPanel(call, this);
    m_center->addWidget(m_objection);
    connect(m_objection, &ObjectionPanel::finished, this, &CallPage::showMilestone);
    centerColumn->addWidget(m_center, 1);

    m_prompt = new ReasonPrompt(this);
    m_prompt->setObjectName(u"actionPrompt"_s);
    centerColumn->addWidget(m_prompt);
    auto *actions = new QHBoxLayout;
    m_objectionButton = new QPushButton(tr("Objection (Ctrl+O)"), this);
    m_objectionButton->setObjectName(u"raiseObjection"_s);
    connect(m_objectionButton, &QPushButton::clicked, this, &CallPage::openObjection);
    m_complete = new QPushButton(tr("Complete milestone (Ctrl+Enter)"), this);
    m_complete->setObjectName(u"completeMilestone"_s);
    m_complete->setProperty("role", u"primary"_s);
    connect(m_complete, &QPushButton::clicked, this, &CallPage::completeMilestone);
    bindKeys(this, {QKeySequence(Qt::CTRL | Qt::Key_O)}, [this] { openObjection(); });
    bindKeys(this, confirmKeys(), [this] {
        if (!objectionShown() && m_complete->isVisible())
            completeMilestone();
    });
    actions->addWidget(m_objectionButton);
    actions->addStretch();
    actions->addWidget(m_complete);
    centerColumn->addLayout(actions);
    layout->addLayout(centerColumn, 1);

    presenterPanel->setParent(this);
    presenterPanel->setFixedWidth(400);
    layout->addWidget(presenterPanel);

    // Timers on the rail move every second.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (m_call.hasCall())
            m_rail->update(m_call.session());
    });
    m_tick.start();
    connect(&m_call, &client::CallController::eventsCommitted, this, &CallPage::refresh);
    connect(&m_call, &client::CallController::callReplaced, this, [this] {
        delete m_view;
        m_view = nullptr;
        refresh();
    });
}

bool CallPage::objectionShown() const
{
    return m_center->currentWidget() == m_objection;
}

void CallPage::refresh()
{
    if (!m_call.hasCall() || m_call.state().current < 0)
        return;
    const CallState &state = m_call.state();
    m_rail->update(m_call.session());
    if (!m_view || m_view->index() != state.current) {
        if (m_view)
            m_view->flushNotes();
        m_view = new MilestoneView(m_call, m_formatter, state.current);
        connect(m_view, &MilestoneView::callEnded, this, &CallPage::callEnded);
        m_scroll->setWidget(m_view); // deletes the previous view
    } else {
        m_view->refresh();
    }
    const bool atDecision = state.current == m_call.playbook().milestones.size() - 1;
    m_complete->setVisible(!atDecision);
    if (state.openObjectionRecord() && (!objectionShown() || !m_objection->showsQuestions())) {
        m_objection->refresh();
        m_center->setCurrentWidget(m_objection);
    } else if (!state.openObjectionRecord() && objectionShown() && m_objection->showsQuestions()) {
        // Classified (here or elsewhere): back to exactly where the agent was.
        m_objection->refresh();
        m_center->setCurrentWidget(m_scroll);
    }
}

void CallPage::flushNotes()
{
    if (m_view)
        m_view->flushNotes();
    m_objection->flushNotes();
}

void CallPage::showMilestone()
{
    m_center->setCurrentWidget(m_scroll);
    refresh();
    if (m_view)
        m_view->setFocus();
}

void CallPage::completeMilestone()
{
    flushNotes();
    m_prompt->attempt([this](const QString &reason) { return m_call.act([&](CallSession &s) { return s.completeMilestone(reason); }); },
                      u"milestone.incomplete"_s, tr("Complete anyway"));
}

void CallPage::goToMilestone(int index)
{
    if (!m_call.hasCall())
        return;
    flushNotes();
    const QString milestoneId = m_call.playbook().milestones.at(index).id;
    m_prompt->attempt(
        [this, milestoneId](const QString &reason) { return m_call.act([&](CallSession &s) { return s.goToMilestone(milestoneId, reason); }); },
        u"milestone.reason_required"_s, tr("Skip and go"));
}

void CallPage::openObjection()
{
    if (!m_call.hasCall() || m_call.state().phase != CallPhase::InProgress)
        return;
    flushNotes();
    m_prompt->clear();
    m_objection->refresh();
    m_center->setCurrentWidget(m_objection);
}

} // namespace callos::ui
