#include "ui/start/startpage.h"

#include "ui/common/reasonprompt.h"
#include "ui/common/shortcuts.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {
namespace {

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setProperty("role", u"section"_s);
    return label;
}

QString describe(const client::CallListEntry &entry)
{
    const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry.call.startedAt), QLocale::ShortFormat);
    return u"%1 · %2\n%3"_s.arg(entry.prospectName, entry.prospectCompany, when);
}

} // namespace

StartPage::StartPage(client::ProspectRepository &prospects, client::CallRepository &calls, QWidget *parent)
    : QWidget(parent), m_prospects(prospects), m_calls(calls)
{
    setObjectName(u"startPage"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(32);

    auto *pick = new QVBoxLayout;
    pick->addWidget(sectionLabel(tr("Prospects"), this));
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"prospectSearch"_s);
    m_search->setPlaceholderText(tr("Search name or company (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    bindKeys(this, {QKeySequence(Qt::CTRL | Qt::Key_F)}, [this] { m_search->setFocus(); });
    connect(m_search, &QLineEdit::textChanged, this, &StartPage::loadProspects);
    pick->addWidget(m_search);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"prospectList"_s);
    connect(m_list, &QListWidget::currentRowChanged, this, &StartPage::selectProspect);
    connect(m_list, &QListWidget::itemActivated, this, &StartPage::requestStart);
    pick->addWidget(m_list, 1);
    auto *newProspect = new QPushButton(tr("New prospect (Ctrl+N)"), this);
    newProspect->setObjectName(u"newProspect"_s);
    const auto startNewProspect = [this] {
        m_list->clearSelection();
        fillForm(client::Prospect{});
        m_name->setFocus();
    };
    connect(newProspect, &QPushButton::clicked, this, startNewProspect);
    bindKeys(this, {QKeySequence(Qt::CTRL | Qt::Key_N)}, startNewProspect);
    pick->addWidget(newProspect);
    layout->addLayout(pick, 2);

    auto *formColumn = new QVBoxLayout;
    auto *title = new QLabel(tr("Start a call"), this);
    title->setProperty("role", u"title"_s);
    formColumn->addWidget(title);
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"prospectName"_s);
    m_company = new QLineEdit(this);
    m_company->setObjectName(u"company"_s);
    m_clientCount = new QLineEdit(this);
    m_clientCount->setObjectName(u"clientCount"_s);
    m_clientCount->setPlaceholderText(tr("active clients today"));
    m_volatility = new QLineEdit(this);
    m_volatility->setObjectName(u"revenueVolatility"_s);
    m_volatility->setPlaceholderText(tr("% revenue swings month to month"));
    m_painPoints = new QPlainTextEdit(this);
    m_painPoints->setObjectName(u"painPoints"_s);
    m_painPoints->setTabChangesFocus(true);
    m_painPoints->setFixedHeight(110);
    m_zoomLink = new QLineEdit(this);
    m_zoomLink->setObjectName(u"zoomLink"_s);
    m_zoomLink->setPlaceholderText(u"https://zoom.us/j/…"_s);
    form->addRow(tr("&Name *"), m_name);
    form->addRow(tr("&Company"), m_company);
    form->addRow(tr("Client c&ount"), m_clientCount);
    form->addRow(tr("Revenue &volatility"), m_volatility);
    form->addRow(tr("Main &pain points"), m_painPoints);
    form->addRow(tr("&Zoom link"), m_zoomLink);
    formColumn->addLayout(form);
    m_resumeBanner = new QLabel(this);
    m_resumeBanner->setObjectName(u"resumeBanner"_s);
    m_resumeBanner->setProperty("role", u"verdict-fail"_s);
    m_resumeBanner->setWordWrap(true);
    m_resumeBanner->hide();
    formColumn->insertWidget(1, m_resumeBanner);
    bindKeys(this, {QKeySequence(Qt::CTRL | Qt::Key_R)}, [this] {
        if (m_unfinished->currentItem())
            Q_EMIT resumeRequested(m_unfinished->currentItem()->data(Qt::UserRole).toString());
    });
    m_prompt = new ReasonPrompt(this);
    m_prompt->setObjectName(u"startPrompt"_s);
    formColumn->addWidget(m_prompt);
    auto *start = new QPushButton(tr("Start call (Ctrl+Enter)"), this);
    start->setObjectName(u"startCall"_s);
    start->setProperty("role", u"primary"_s);
    connect(start, &QPushButton::clicked, this, &StartPage::requestStart);
    bindKeys(this, confirmKeys(), [this] { requestStart(); });
    formColumn->addWidget(start, 0, Qt::AlignRight);
    formColumn->addStretch();
    layout->addLayout(formColumn, 3);

    auto *callsColumn = new QVBoxLayout;
    m_unfinishedTitle = sectionLabel(tr("Unfinished calls"), this);
    callsColumn->addWidget(m_unfinishedTitle);
    m_unfinished = new QListWidget(this);
    m_unfinished->setObjectName(u"unfinishedCalls"_s);
    m_unfinished->setMaximumHeight(200);
    callsColumn->addWidget(m_unfinished);
    auto *resume = new QPushButton(tr("Resume selected call (Ctrl+R)"), this);
    resume->setObjectName(u"resumeCall"_s);
    const auto resumeSelected = [this] {
        if (QListWidgetItem *item = m_unfinished->currentItem())
            Q_EMIT resumeRequested(item->data(Qt::UserRole).toString());
    };
    connect(resume, &QPushButton::clicked, this, resumeSelected);
    connect(m_unfinished, &QListWidget::itemActivated, this, resumeSelected);
    callsColumn->addWidget(resume);
    callsColumn->addSpacing(16);
    callsColumn->addWidget(sectionLabel(tr("Recent calls"), this));
    m_recent = new QListWidget(this);
    m_recent->setObjectName(u"recentCalls"_s);
    m_recent->setFocusPolicy(Qt::NoFocus);
    callsColumn->addWidget(m_recent, 1);
    layout->addLayout(callsColumn, 2);
}

void StartPage::refresh()
{
    m_prompt->clear();
    loadProspects();
    m_unfinished->clear();
    if (const auto unfinished = m_calls.unfinished()) {
        for (const client::CallListEntry &entry : unfinished.value()) {
            auto *item = new QListWidgetItem(describe(entry), m_unfinished);
            item->setData(Qt::UserRole, entry.call.id);
        }
        if (m_unfinished->count() > 0)
            m_unfinished->setCurrentRow(0);
        // After a crash or a closed window, the interrupted call comes first.
        if (!unfinished.value().isEmpty()) {
            const client::CallListEntry &latest = unfinished.value().constFirst();
            m_resumeBanner->setText(tr("Your call with %1 was interrupted. Resume it exactly where you left off: Ctrl+R.")
                                        .arg(latest.prospectName));
        }
        m_resumeBanner->setVisible(!unfinished.value().isEmpty());
    } else {
        showRefusal(unfinished.refusal().message);
    }
    m_unfinishedTitle->setText(tr("Unfinished calls (%1)").arg(m_unfinished->count()));
    m_recent->clear();
    if (const auto recent = m_calls.recent(20)) {
        for (const client::CallListEntry &entry : recent.value()) {
            if (entry.call.state == client::CallRecord::State::Completed)
                new QListWidgetItem(describe(entry), m_recent);
        }
    }
}

void StartPage::loadProspects()
{
    const QString keep = m_editingId;
    m_list->clear();
    const auto listed = m_prospects.list(m_search->text().trimmed(), 200);
    if (!listed) {
        showRefusal(listed.refusal().message);
        return;
    }
    m_shown = listed.value();
    const QSignalBlocker blocker(m_list);
    for (const client::Prospect &prospect : std::as_const(m_shown)) {
        const QString clients = prospect.clientCount ? tr("%1 clients").arg(QLocale().toString(*prospect.clientCount)) : tr("clients unknown");
        new QListWidgetItem(u"%1\n%2 · %3"_s.arg(prospect.name, prospect.company, clients), m_list);
    }
    for (int i = 0; i < m_shown.size(); ++i) {
        if (m_shown.at(i).id == keep)
            m_list->setCurrentRow(i);
    }
}

void StartPage::selectProspect(int row)
{
    if (row >= 0 && row < m_shown.size()) {
        m_list->setCurrentRow(row);
        fillForm(m_shown.at(row));
    }
}

void StartPage::fillForm(const client::Prospect &prospect)
{
    m_editingId = prospect.id;
    m_name->setText(prospect.name);
    m_company->setText(prospect.company);
    m_clientCount->setText(prospect.clientCount ? QString::number(*prospect.clientCount) : QString());
    m_volatility->setText(prospect.revenueVolatilityPercent ? QLocale().toString(*prospect.revenueVolatilityPercent) : QString());
    m_painPoints->setPlainText(prospect.painPoints);
    m_zoomLink->setText(prospect.zoomLink);
    m_prompt->clear();
}

Result<client::Prospect> StartPage::formProspect() const
{
    client::Prospect prospect;
    if (!m_editingId.isEmpty()) {
        if (const auto stored = m_prospects.get(m_editingId))
            prospect = stored.value();
    }
    prospect.id = m_editingId;
    prospect.name = m_name->text().trimmed();
    prospect.company = m_company->text().trimmed();
    prospect.painPoints = m_painPoints->toPlainText().trimmed();
    prospect.zoomLink = m_zoomLink->text().trimmed();
    if (prospect.name.isEmpty())
        return Refusal{u"prospect.name_required"_s, tr("Type the prospect's name.")};
    const QString count = m_clientCount->text().trimmed().remove(u',').remove(u'.').remove(u' ');
    prospect.clientCount.reset();
    if (!count.isEmpty()) {
        bool ok = false;
        const int value = count.toInt(&ok);
        if (!ok || value < 0)
            return Refusal{u"prospect.client_count"_s, tr("Client count must be a whole number, such as 620.")};
        prospect.clientCount = value;
    }
    const QString volatility = m_volatility->text().trimmed().remove(u'%').trimmed();
    prospect.revenueVolatilityPercent.reset();
    if (!volatility.isEmpty()) {
        bool ok = false;
        double value = QLocale().toDouble(volatility, &ok);
        if (!ok)
            value = volatility.toDouble(&ok);
        if (!ok || value < 0 || value > 100)
            return Refusal{u"prospect.volatility"_s, tr("Revenue volatility is a percentage from 0 to 100, such as 18.")};
        prospect.revenueVolatilityPercent = value;
    }
    return prospect;
}

void StartPage::showRefusal(const QString &message)
{
    m_prompt->showRefusal(message);
}

void StartPage::requestStart()
{
    const auto prospect = formProspect();
    if (!prospect) {
        showRefusal(prospect.refusal().message);
        return;
    }
    m_prompt->clear();
    Q_EMIT startRequested(prospect.value());
}

} // namespace callos::ui
