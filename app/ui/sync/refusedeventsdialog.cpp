#include "ui/sync/refusedeventsdialog.h"

#include "ui/sync/eventtypelabels.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

RefusedEventsDialog::RefusedEventsDialog(client::RefusedEvents &refused, client::SyncEngine &sync, QWidget *parent)
    : QDialog(parent), m_refused(refused), m_sync(sync)
{
    setObjectName(u"refusedEventsDialog"_s);
    setWindowTitle(tr("Changes the server refused"));
    resize(980, 520);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);

    auto *title = new QLabel(tr("Changes the server refused"), this);
    title->setProperty("role", u"title"_s);
    layout->addWidget(title);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"refusedSummary"_s);
    m_summary->setProperty("role", u"subtitle"_s);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"refusedList"_s);
    m_list->setHeaderLabels({ tr("When"), tr("Prospect"), tr("Change"), tr("Why the server refused it") });
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setWordWrap(true);
    m_list->header()->setStretchLastSection(true);
    layout->addWidget(m_list, 1);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"refusedProblem"_s);
    m_problem->setProperty("role", u"refusal"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(this);
    m_sendAgain = buttons->addButton(tr("Send again"), QDialogButtonBox::ActionRole);
    m_sendAgain->setObjectName(u"sendAgain"_s);
    m_sendAgain->setToolTip(tr("Queue the selected changes to be sent with the next sync."));
    m_keepLocal = buttons->addButton(tr("Keep on this computer only"), QDialogButtonBox::ActionRole);
    m_keepLocal->setObjectName(u"keepLocal"_s);
    m_keepLocal->setToolTip(tr("The selected changes stay in this computer's call history and are not sent again."));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(u"closeRefused"_s);
    connect(m_sendAgain, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_keepLocal, &QPushButton::clicked, this, [this] { decide(false); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(&sync, &client::SyncEngine::refusedChanged, this, &RefusedEventsDialog::reload);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        const bool any = !m_list->selectedItems().isEmpty();
        m_sendAgain->setEnabled(any);
        m_keepLocal->setEnabled(any);
    });
    reload();
}

int RefusedEventsDialog::rowCount() const
{
    return m_list->topLevelItemCount();
}

QString RefusedEventsDialog::rowText(int row) const
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    if (!item)
        return {};
    QStringList cells;
    for (int column = 0; column < item->columnCount(); ++column)
        cells.append(item->text(column));
    return cells.join(u" | "_s);
}

void RefusedEventsDialog::reload()
{
    m_list->clear();
    const Result<QList<client::RefusedEvent>> events = m_refused.list();
    if (!events) {
        m_problem->setText(events.refusal().message);
        m_problem->show();
        return;
    }
    for (const client::RefusedEvent &event : events.value()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, QLocale().toString(QDateTime::fromMSecsSinceEpoch(event.at), QLocale::ShortFormat));
        item->setText(1, event.prospectName);
        item->setText(2, EventTypeLabels::label(event.type));
        item->setToolTip(2, event.type); // the technical name, for whoever helps the agent
        item->setText(3, u"%1 (%2)"_s.arg(event.message, event.code));
        item->setToolTip(3, event.message);
        item->setData(0, Qt::UserRole, event.eventId);
    }
    for (int column = 0; column < 3; ++column)
        m_list->resizeColumnToContents(column);
    const int count = int(events.value().size());
    m_summary->setText(count == 0
            ? tr("The server has taken every change. Nothing waits for you here.")
            : tr("%n change(s) stay on this computer until you decide: send them again, or keep them here only. "
                 "Nothing is deleted either way.",
                nullptr, count));
    if (count > 0 && !m_list->currentItem())
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_sendAgain->setEnabled(!m_list->selectedItems().isEmpty());
    m_keepLocal->setEnabled(!m_list->selectedItems().isEmpty());
}

QStringList RefusedEventsDialog::selectedIds() const
{
    QStringList ids;
    for (const QTreeWidgetItem *item : m_list->selectedItems())
        ids.append(item->data(0, Qt::UserRole).toString());
    return ids;
}

void RefusedEventsDialog::decide(bool sendAgain)
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    const std::optional<Refusal> refusal = sendAgain ? m_sync.sendRefusedAgain(ids) : m_sync.keepRefusedLocalOnly(ids);
    if (refusal) {
        m_problem->setText(refusal->message);
        m_problem->show();
        return;
    }
    m_problem->hide();
    reload();
}

} // namespace callos::ui
