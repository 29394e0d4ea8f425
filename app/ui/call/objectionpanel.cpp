#include "ui/call/objectionpanel.h"

#include "ui/common/reasonprompt.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

ObjectionPanel::ObjectionPanel(client::CallController &call, QWidget *parent)
    : QWidget(parent)
    , m_call(call)
    , m_notes([this](const QString &questionId, const QString &text) {
        const auto outcome = m_call.act([&](CallSession &s) { return s.answerDiagnostic(questionId, text); });
        if (!outcome)
            m_refusal->showRefusal(outcome.refusal().message);
    })
{
    setObjectName(u"objectionPanel"_s);
    auto *layout = new QVBoxLayout(this);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);
    m_stack->addWidget(buildPicker());

    m_questionsPage = new QWidget(this);
    auto *page = new QVBoxLayout(m_questionsPage);
    m_title = new QLabel(m_questionsPage);
    m_title->setProperty("role", u"title"_s);
    page->addWidget(m_title);
    auto *method = new QLabel(tr("Ask, listen, note. Diagnostic questions only: no rebuttals, no persuasion."), m_questionsPage);
    method->setProperty("role", u"subtitle"_s);
    method->setWordWrap(true);
    page->addWidget(method);
    m_questionsLayout = new QVBoxLayout;
    m_questionsLayout->setSpacing(10);
    page->addLayout(m_questionsLayout);
    page->addSpacing(12);
    auto *outcomeLabel = new QLabel(tr("Outcome"), m_questionsPage);
    outcomeLabel->setProperty("role", u"section"_s);
    page->addWidget(outcomeLabel);
    m_outcomeNote = new QLineEdit(m_questionsPage);
    m_outcomeNote->setObjectName(u"outcomeNote"_s);
    m_outcomeNote->setPlaceholderText(tr("What was agreed (optional)"));
    page->addWidget(m_outcomeNote);
    auto *buttons = new QHBoxLayout;
    const struct
    {
        ObjectionOutcome outcome;
        QString label;
        QString name;
        QKeySequence key;
    } outcomes[] = {
        {ObjectionOutcome::Resolved, tr("Resolved (Ctrl+1)"), u"resolved"_s, QKeySequence(Qt::CTRL | Qt::Key_1)},
        {ObjectionOutcome::Deferred, tr("Deferred: follow up (Ctrl+2)"), u"deferred"_s, QKeySequence(Qt::CTRL | Qt::Key_2)},
        {ObjectionOutcome::Disqualified, tr("Disqualified (Ctrl+3)"), u"disqualified"_s, QKeySequence(Qt::CTRL | Qt::Key_3)},
    };
    for (const auto &entry : outcomes) {
        auto *button = new QPushButton(entry.label, m_questionsPage);
        button->setObjectName(u"outcome-"_s + entry.name);
        if (entry.outcome == ObjectionOutcome::Disqualified)
            button->setProperty("role", u"danger"_s);
        const ObjectionOutcome outcome = entry.outcome;
        connect(button, &QPushButton::clicked, this, [this, outcome] { classify(outcome); });
        auto *shortcut = new QShortcut(entry.key, m_questionsPage, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, outcome] { classify(outcome); });
        buttons->addWidget(button);
    }
    page->addLayout(buttons);
    m_refusal = new ReasonPrompt(m_questionsPage);
    page->addWidget(m_refusal);
    page->addStretch();
    m_stack->addWidget(m_questionsPage);
}

QWidget *ObjectionPanel::buildPicker()
{
    auto *picker = new QWidget(this);
    auto *layout = new QVBoxLayout(picker);
    auto *title = new QLabel(tr("Objection: what did they raise?"), picker);
    title->setProperty("role", u"title"_s);
    layout->addWidget(title);
    auto *hint = new QLabel(tr("Press the number, or click. Esc goes back to the call."), picker);
    hint->setProperty("role", u"subtitle"_s);
    layout->addWidget(hint);
    auto *grid = new QGridLayout;
    const QList<ObjectionType> &types = m_call.playbook().objections;
    for (int i = 0; i < types.size(); ++i) {
        const ObjectionType &type = types.at(i);
        auto *button = new QPushButton(u"%1   %2"_s.arg(i + 1).arg(type.label), picker);
        button->setObjectName(u"objection-"_s + type.id);
        button->setMinimumHeight(56);
        button->setToolTip(type.description);
        const QString typeId = type.id;
        connect(button, &QPushButton::clicked, this, [this, typeId] { raise(typeId); });
        if (i < 9) {
            auto *shortcut = new QShortcut(QKeySequence(Qt::Key(Qt::Key_1 + i)), picker, nullptr, nullptr,
                                           Qt::WidgetWithChildrenShortcut);
            connect(shortcut, &QShortcut::activated, this, [this, typeId] { raise(typeId); });
        }
        grid->addWidget(button, i / 2, i % 2);
    }
    layout->addLayout(grid);
    m_pickerRefusal = new ReasonPrompt(picker);
    layout->addWidget(m_pickerRefusal);
    auto *back = new QPushButton(tr("Back to the call (Esc)"), picker);
    back->setObjectName(u"objectionCancel"_s);
    connect(back, &QPushButton::clicked, this, &ObjectionPanel::finished);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), picker, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &ObjectionPanel::finished);
    layout->addWidget(back, 0, Qt::AlignLeft);
    layout->addStretch();
    return picker;
}

void ObjectionPanel::refresh()
{
    m_pickerRefusal->clear();
    if (!m_call.hasCall() || !m_call.state().openObjectionRecord()) {
        m_shownObjectionId.clear();
        m_stack->setCurrentIndex(0);
        m_stack->currentWidget()->setFocus();
        return;
    }
    showQuestions();
}

void ObjectionPanel::raise(const QString &typeId)
{
    const auto outcome = m_call.act([&](CallSession &s) { return s.raiseObjection(typeId); });
    if (!outcome) {
        m_pickerRefusal->showRefusal(outcome.refusal().message);
        return;
    }
    showQuestions();
}

void ObjectionPanel::showQuestions()
{
    const ObjectionRecord *open = m_call.state().openObjectionRecord();
    const ObjectionType *type = m_call.playbook().objection(open->typeId);
    const Milestone *where = m_call.playbook().milestone(open->milestoneId);
    m_stack->setCurrentWidget(m_questionsPage);
    if (m_shownObjectionId == open->id)
        return;
    m_shownObjectionId = open->id;
    m_title->setText(tr("%1 objection · raised in %2").arg(type->label, where ? where->title : open->milestoneId));
    m_refusal->clear();
    m_outcomeNote->clear();
    while (QLayoutItem *item = m_questionsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QLineEdit *first = nullptr;
    for (int i = 0; i < type->questions.size(); ++i) {
        const DiagnosticQuestion &question = type->questions.at(i);
        auto *text = new QLabel(u"%1. %2"_s.arg(i + 1).arg(question.text), m_questionsPage);
        text->setWordWrap(true);
        text->setStyleSheet(u"font-size: 14pt;"_s);
        auto *note = new QLineEdit(open->answers.value(question.id), m_questionsPage);
        note->setObjectName(u"answer-"_s + question.id);
        note->setPlaceholderText(tr("Their answer, in their words"));
        const QString questionId = question.id;
        connect(note, &QLineEdit::textEdited, this, [this, questionId](const QString &value) { m_notes.edit(questionId, value); });
        connect(note, &QLineEdit::editingFinished, &m_notes, &client::NoteDebouncer::flush);
        m_questionsLayout->addWidget(text);
        m_questionsLayout->addWidget(note);
        if (!first)
            first = note;
    }
    if (first) {
        first->show(); // added widgets show on the next event loop pass; focus needs it now
        first->setFocus();
    }
}

void ObjectionPanel::classify(ObjectionOutcome outcome)
{
    if (!m_call.hasCall() || !m_call.state().openObjectionRecord())
        return;
    m_notes.flush();
    const QString note = m_outcomeNote->text().trimmed();
    const auto result = m_call.act([&](CallSession &s) { return s.classifyObjection(outcome, note); });
    if (!result) {
        m_refusal->showRefusal(result.refusal().message);
        return;
    }
    m_shownObjectionId.clear();
    Q_EMIT finished();
}

} // namespace callos::ui
