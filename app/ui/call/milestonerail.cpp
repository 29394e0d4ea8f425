#include "ui/call/milestonerail.h"

#include "ui/common/theme.h"

#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

QString formatDuration(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms / 1000);
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
}

MilestoneRail::MilestoneRail(const Playbook &playbook, QWidget *parent) : QWidget(parent), m_playbook(playbook)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto *heading = new QLabel(tr("Milestones"), this);
    heading->setProperty("role", u"section"_s);
    layout->addWidget(heading);
    for (int i = 0; i < playbook.milestones.size(); ++i) {
        auto *row = new QPushButton(this);
        row->setObjectName(u"milestone-"_s + playbook.milestones.at(i).id);
        row->setMinimumHeight(64);
        row->setFocusPolicy(Qt::NoFocus); // Alt+number reaches them; Tab stays in the work area
        connect(row, &QPushButton::clicked, this, [this, i] { Q_EMIT milestoneRequested(i); });
        if (i < 9) {
            auto *shortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), this);
            shortcut->setContext(Qt::WindowShortcut);
            connect(shortcut, &QShortcut::activated, this, [this, i] { Q_EMIT milestoneRequested(i); });
        }
        layout->addWidget(row);
        m_rows.append(row);
    }
    layout->addStretch();
}

QString MilestoneRail::rowText(int index) const
{
    return m_rows.at(index)->text();
}

void MilestoneRail::update(const CallSession &session)
{
    const CallState &state = session.state();
    for (int i = 0; i < m_rows.size(); ++i) {
        const Milestone &milestone = m_playbook.milestones.at(i);
        const MilestoneStatus status = state.status(m_playbook, i);
        const MilestoneTiming timing = session.timing(i);
        QString mark;
        QString statusText;
        QColor border = Theme::Border;
        QColor background = Theme::Surface;
        QColor text = Theme::Text;
        switch (status) {
        case MilestoneStatus::Done: mark = u"✓"_s; statusText = tr("done"); border = Theme::Done; break;
        case MilestoneStatus::Current: mark = u"●"_s; statusText = tr("now"); border = Theme::Accent; background = QColor(0xE6, 0xF4, 0xF2); break;
        case MilestoneStatus::Open: mark = u"○"_s; statusText = tr("open"); break;
        case MilestoneStatus::Locked: mark = u"○"_s; statusText = tr("later"); text = Theme::Muted; break;
        case MilestoneStatus::Skipped: mark = u"↷"_s; statusText = tr("skipped"); text = Theme::Muted; break;
        case MilestoneStatus::Blocked: mark = u"⊘"_s; statusText = tr("blocked (advisory)"); text = Theme::Blocked; break;
        }
        QString time = formatDuration(timing.elapsedMs) + u" / "_s + formatDuration(timing.estimateMs);
        if (timing.level == TimerLevel::Red)
            time += u"  "_s + tr("over by %1").arg(formatDuration(timing.elapsedMs - timing.estimateMs));
        // The running milestone's frame turns amber near its estimate and red past it.
        if (status == MilestoneStatus::Current && timing.level != TimerLevel::Normal)
            border = timing.level == TimerLevel::Red ? Theme::Danger : Theme::Amber;
        QPushButton *row = m_rows.at(i);
        row->setText(u"%1  %2. %3\n      %4 · %5"_s.arg(mark).arg(i + 1).arg(QString(milestone.title).replace(u'&', u"&&"_s), statusText, time));
        row->setToolTip(tr("Alt+%1: go to %2").arg(i + 1).arg(milestone.title));
        row->setProperty("timerLevel", int(timing.level));
        const QString style = u"QPushButton { text-align: left; padding: 8px 12px; border: 2px solid %1;"
                              " background: %2; color: %3; font-weight: %4; }"_s
                                  .arg(border.name(), background.name(), text.name(),
                                       status == MilestoneStatus::Current ? u"600"_s : u"400"_s);
        if (row->styleSheet() != style) // re-styling re-polishes the widget: only when the look changes
            row->setStyleSheet(style);
    }
}

} // namespace callos::ui
