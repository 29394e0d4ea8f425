#include "ui/call/decisionpanel.h"

#include "ui/common/reasonprompt.h"
#include "ui/common/shortcuts.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

DecisionPanel::DecisionPanel(client::CallController &call, QWidget *parent) : QWidget(parent), m_call(call)
{
    setObjectName(u"decisionPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("Decision"), this);
    heading->setProperty("role", u"section"_s);
    layout->addWidget(heading);

    m_options = new QButtonGroup(this);
    auto *row = new QHBoxLayout;
    for (const DecisionChoice &choice : m_call.playbook().decision.options) {
        auto *button = new QRadioButton(choice.label, this);
        button->setObjectName(u"decision-"_s + decisionOptionName(choice.option));
        m_options->addButton(button, int(choice.option));
        row->addWidget(button);
    }
    row->addStretch();
    layout->addLayout(row);
    connect(m_options, &QButtonGroup::idClicked, this, &DecisionPanel::updateInputs);

    auto *form = new QFormLayout;
    m_followUp = new QDateTimeEdit(this);
    m_followUp->setObjectName(u"followUpAt"_s);
    m_followUp->setCalendarPopup(true);
    m_followUp->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    form->addRow(tr("Follow-up on"), m_followUp);
    m_reason = new QComboBox(this);
    m_reason->setObjectName(u"declineReason"_s);
    m_reason->addItem(tr("Choose a reason…"), QString());
    for (const DisqualificationReason &reason : m_call.playbook().decision.disqualificationReasons)
        m_reason->addItem(reason.label, reason.id);
    form->addRow(tr("Reason"), m_reason);
    m_note = new QLineEdit(this);
    m_note->setObjectName(u"decisionNote"_s);
    m_note->setPlaceholderText(tr("Next step in their words (optional)"));
    form->addRow(tr("Note"), m_note);
    layout->addLayout(form);

    m_recorded = new QLabel(this);
    m_recorded->setObjectName(u"decisionRecorded"_s);
    m_recorded->setProperty("role", u"verdict-pass"_s);
    m_recorded->setWordWrap(true);
    layout->addWidget(m_recorded);
    m_prompt = new ReasonPrompt(this);
    layout->addWidget(m_prompt);

    auto *buttons = new QHBoxLayout;
    m_record = new QPushButton(tr("Record decision (Ctrl+D)"), this);
    m_record->setObjectName(u"recordDecision"_s);
    m_end = new QPushButton(tr("End call (Ctrl+Shift+Enter)"), this);
    m_end->setObjectName(u"endCall"_s);
    m_end->setProperty("role", u"primary"_s);
    buttons->addWidget(m_record);
    buttons->addStretch();
    buttons->addWidget(m_end);
    layout->addLayout(buttons);
    connect(m_record, &QPushButton::clicked, this, &DecisionPanel::record);
    bindKeys(this, {QKeySequence(Qt::CTRL | Qt::Key_D)}, [this] { record(); });
    connect(m_end, &QPushButton::clicked, this, &DecisionPanel::endCall);
    bindKeys(this, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)}, [this] {
        if (m_end->isEnabled())
            endCall();
    });
}

std::optional<DecisionOption> DecisionPanel::selectedOption() const
{
    const int id = m_options->checkedId();
    if (id < 0)
        return std::nullopt;
    return DecisionOption(id);
}

void DecisionPanel::updateInputs()
{
    const auto option = selectedOption();
    m_followUp->setEnabled(option == DecisionOption::Pause);
    m_reason->setEnabled(option == DecisionOption::Decline);
    m_record->setEnabled(option.has_value());
}

void DecisionPanel::refresh()
{
    if (!m_call.hasCall())
        return;
    const CallState &state = m_call.state();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_call.clock().nowMs());
    if (!m_followUp->isEnabled() || m_followUp->dateTime() < now) // a sensible default: two days ahead, 10:00
        m_followUp->setDateTime(QDateTime(now.date().addDays(2), QTime(10, 0)));
    m_followUp->setMinimumDateTime(now);
    const std::optional<DecisionOption> shown = state.decision ? std::optional(state.decision->option) : state.suggestedDecision;
    if (shown && m_options->checkedId() < 0) {
        if (QAbstractButton *button = m_options->button(int(*shown)))
            button->setChecked(true);
    }
    if (state.decision) {
        const DecisionRecord &decision = *state.decision;
        QString text = tr("Recorded: %1").arg(m_call.playbook().decision.choice(decision.option)->label);
        if (decision.followUpAt)
            text += u" · "_s + tr("follow-up %1").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(*decision.followUpAt), QLocale::ShortFormat));
        if (const DisqualificationReason *reason = m_call.playbook().decision.reason(decision.reasonId))
            text += u" · "_s + reason->label;
        m_recorded->setText(text);
        m_recorded->show();
    } else {
        m_recorded->hide();
    }
    m_end->setEnabled(state.decision.has_value());
    updateInputs();
}

void DecisionPanel::record()
{
    const auto option = selectedOption();
    if (!option)
        return;
    const QString reasonId = *option == DecisionOption::Decline ? m_reason->currentData().toString() : QString();
    const QDateTime followUp = *option == DecisionOption::Pause ? m_followUp->dateTime() : QDateTime();
    const QString note = m_note->text().trimmed();
    const auto outcome = m_call.act([&](CallSession &s) { return s.recordDecision(*option, reasonId, followUp, note); });
    if (!outcome) {
        m_prompt->showRefusal(outcome.refusal().message);
        return;
    }
    m_prompt->clear();
    refresh();
}

void DecisionPanel::endCall()
{
    Q_EMIT aboutToEndCall();
    m_prompt->attempt([this](const QString &reason) { return m_call.act([&](CallSession &s) { return s.completeCall(reason); }); },
                      u"milestone.incomplete"_s, tr("End call anyway"), [this] { Q_EMIT callEnded(); });
}

} // namespace callos::ui
