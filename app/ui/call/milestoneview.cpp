#include "ui/call/milestoneview.h"

#include "ui/call/decisionpanel.h"
#include "ui/call/fieldeditor.h"
#include "ui/common/reasonprompt.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

MilestoneView::MilestoneView(client::CallController &call, const FieldFormatter &formatter, int index, QWidget *parent)
    : QWidget(parent)
    , m_call(call)
    , m_formatter(formatter)
    , m_index(index)
    , m_milestone(call.playbook().milestones.at(index))
    , m_notes([this](const QString &milestoneId, const QString &text) {
        const auto outcome = m_call.act([&](CallSession &s) { return s.editNote(milestoneId, text); });
        if (!outcome)
            m_problem->showRefusal(outcome.refusal().message);
    })
{
    setObjectName(u"milestoneView-"_s + m_milestone.id);
    m_layout = new QVBoxLayout(this);
    m_layout->setSpacing(10);

    auto *title = new QLabel(u"%1 · %2"_s.arg(index + 1).arg(m_milestone.title), this);
    title->setObjectName(u"milestoneTitle"_s);
    title->setProperty("role", u"title"_s);
    m_layout->addWidget(title);
    auto *goal = new QLabel(m_milestone.goal, this);
    goal->setProperty("role", u"subtitle"_s);
    goal->setWordWrap(true);
    m_layout->addWidget(goal);

    addSection(tr("Script"));
    for (const QString &line : m_milestone.guidance) {
        auto *guidance = new QLabel(u"•  "_s + line, this);
        guidance->setWordWrap(true);
        guidance->setStyleSheet(u"font-size: 14pt; padding-left: 4px;"_s);
        m_layout->addWidget(guidance);
    }

    if (!m_milestone.checklist.isEmpty()) {
        addSection(tr("Checklist"));
        for (const ChecklistItem &item : m_milestone.checklist) {
            auto *box = new QCheckBox(item.required ? item.label + u"  *"_s : item.label, this);
            box->setObjectName(u"check-"_s + item.id);
            const QString itemId = item.id;
            connect(box, &QCheckBox::clicked, this, [this, box, itemId](bool checked) { toggleChecklist(box, itemId, checked); });
            m_checklist.insert(item.id, box);
            m_layout->addWidget(box);
        }
    }

    if (!m_milestone.fields.isEmpty()) {
        addSection(tr("Numbers and answers"));
        auto *grid = new QGridLayout;
        grid->setHorizontalSpacing(16);
        for (int i = 0; i < m_milestone.fields.size(); ++i) {
            auto *editor = new FieldEditor(m_milestone.fields.at(i), m_formatter, QLocale(), this);
            editor->setObjectName(u"field-"_s + m_milestone.fields.at(i).id);
            connect(editor, &FieldEditor::commitRequested, this, [this, editor](const QString &fieldId, const QJsonValue &value) {
                const auto outcome = m_call.act([&](CallSession &s) { return s.setField(fieldId, value); });
                if (!outcome)
                    editor->showProblem(outcome.refusal().message);
            });
            grid->addWidget(editor, i / 2, i % 2);
            m_fields.append(editor);
        }
        grid->setColumnStretch(0, 1);
        grid->setColumnStretch(1, 1);
        m_layout->addLayout(grid);
    }

    if (!m_milestone.confirmations.isEmpty()) {
        addSection(tr("Confirmed by the prospect"));
        for (const Confirmation &confirmation : m_milestone.confirmations) {
            auto *box = new QCheckBox(confirmation.label, this);
            box->setObjectName(u"confirm-"_s + confirmation.id);
            const QString id = confirmation.id;
            connect(box, &QCheckBox::clicked, this, [this, box, id](bool checked) { toggleConfirmation(box, id, checked); });
            m_confirmations.insert(confirmation.id, box);
            m_layout->addWidget(box);
        }
    }

    if (index == call.playbook().milestones.size() - 1) {
        m_decision = new DecisionPanel(call, this);
        connect(m_decision, &DecisionPanel::aboutToEndCall, this, &MilestoneView::flushNotes);
        connect(m_decision, &DecisionPanel::callEnded, this, &MilestoneView::callEnded);
        m_layout->addSpacing(8);
        m_layout->addWidget(m_decision);
    }

    addSection(tr("Notes"));
    m_noteEdit = new QPlainTextEdit(this);
    m_noteEdit->setObjectName(u"notes"_s);
    m_noteEdit->setPlaceholderText(tr("Notes for this milestone (saved as you type)"));
    m_noteEdit->setTabChangesFocus(true);
    m_noteEdit->setMinimumHeight(110);
    connect(m_noteEdit, &QPlainTextEdit::textChanged, this, [this] { m_notes.edit(m_milestone.id, m_noteEdit->toPlainText()); });
    m_layout->addWidget(m_noteEdit);

    if (!m_milestone.summaryTemplate.isEmpty()) {
        addSection(tr("Summary"));
        m_summary = new QLabel(this);
        m_summary->setObjectName(u"summary"_s);
        m_summary->setWordWrap(true);
        m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_summary->setStyleSheet(u"background: #FFFFFF; border: 1px solid #D7DCE2; border-radius: 6px; padding: 10px; font-size: 13pt;"_s);
        m_layout->addWidget(m_summary);
    }
    m_problem = new ReasonPrompt(this);
    m_layout->addWidget(m_problem);
    m_layout->addStretch();
    refresh();
}

void MilestoneView::addSection(const QString &title)
{
    auto *label = new QLabel(title, this);
    label->setProperty("role", u"section"_s);
    m_layout->addSpacing(6);
    m_layout->addWidget(label);
}

void MilestoneView::toggleChecklist(QCheckBox *box, const QString &itemId, bool checked)
{
    const auto outcome = m_call.act([&](CallSession &s) { return s.setChecklistItem(m_milestone.id, itemId, checked); });
    if (!outcome) {
        box->setChecked(!checked);
        m_problem->showRefusal(outcome.refusal().message);
    }
}

void MilestoneView::toggleConfirmation(QCheckBox *box, const QString &confirmationId, bool checked)
{
    const auto outcome = m_call.act([&](CallSession &s) { return s.setConfirmation(m_milestone.id, confirmationId, checked); });
    if (!outcome) {
        box->setChecked(!checked);
        m_problem->showRefusal(outcome.refusal().message);
    }
}

void MilestoneView::refresh()
{
    if (!m_call.hasCall())
        return;
    const CallState &state = m_call.state();
    const MilestoneProgress &progress = state.milestones.at(m_index);
    for (auto it = m_checklist.constBegin(); it != m_checklist.constEnd(); ++it)
        it.value()->setChecked(progress.checkedItems.contains(it.key()));
    for (auto it = m_confirmations.constBegin(); it != m_confirmations.constEnd(); ++it)
        it.value()->setChecked(progress.confirmed.contains(it.key()));
    for (FieldEditor *editor : std::as_const(m_fields))
        editor->setValue(state.fields.value(editor->field().id));
    if (!m_noteEdit->hasFocus() && !m_notes.hasPending() && m_noteEdit->toPlainText() != progress.note) {
        const QSignalBlocker blocker(m_noteEdit);
        m_noteEdit->setPlainText(progress.note);
    }
    if (m_summary)
        m_summary->setText(m_formatter.render(m_milestone.summaryTemplate, state.fields));
    if (m_decision)
        m_decision->refresh();
}

} // namespace callos::ui
