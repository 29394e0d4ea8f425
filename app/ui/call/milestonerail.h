#pragma once

#include "call/callsession.h"

#include <QList>
#include <QWidget>

class QPushButton;

namespace callos::ui {

// The seven steps of the call down the side: done / current / open / locked /
// skipped / blocked, each with its time against the estimate, amber when
// close, red when over. Clicking (or Alt+number) asks to go there.
class MilestoneRail : public QWidget
{
    Q_OBJECT

public:
    MilestoneRail(const Playbook &playbook, QWidget *parent = nullptr);

    void update(const CallSession &session);
    QString rowText(int index) const;

Q_SIGNALS:
    void milestoneRequested(int index);

private:
    const Playbook &m_playbook;
    QList<QPushButton *> m_rows;
};

QString formatDuration(qint64 ms);

} // namespace callos::ui
