#include "ui/precall/precallpage.h"

#include "ui/call/fieldeditor.h"
#include "ui/common/reasonprompt.h"
#include "ui/common/shortcuts.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

PrecallPage::PrecallPage(client::CallController &call, const FieldFormatter &formatter, QWidget *parent)
    : QWidget(parent), m_call(call), m_formatter(formatter)
{
    setObjectName(u"precallPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 24);
    layout->setSpacing(12);
    m_title = new QLabel(this);
    m_title->setProperty("role", u"title"_s);
    layout->addWidget(m_title);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(u"gateVerdict"_s);
    m_verdict->setWordWrap(true);
    m_verdict->setStyleSheet(u"font-size: 15pt;"_s);
    layout->addWidget(m_verdict);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(48);
    auto *factsColumn = new QVBoxLayout;
    auto *factsTitle = new QLabel(tr("Prospect (correct anything that changed)"), this);
    factsTitle->setProperty("role", u"section"_s);
    factsColumn->addWidget(factsTitle);
    for (const FieldDefinition &field : call.playbook().prospectFields) {
        auto *editor = new FieldEditor(field, formatter, QLocale(), this);
        editor->setObjectName(u"fact-"_s + field.id);
        connect(editor, &FieldEditor::commitRequested, this, [this, editor](const QString &fieldId, const QJsonValue &value) {
            const auto outcome = m_call.act([&](CallSession &s) { return s.setField(fieldId, value); });
            if (!outcome)
                editor->showProblem(outcome.refusal().message);
        });
        factsColumn->addWidget(editor);
        m_facts.append(editor);
    }
    factsColumn->addStretch();
    columns->addLayout(factsColumn, 1);

    auto *checklistColumn = new QVBoxLayout;
    auto *checklistTitle = new QLabel(tr("Pre-call checklist"), this);
    checklistTitle->setProperty("role", u"section"_s);
    checklistColumn->addWidget(checklistTitle);
    for (const ChecklistItem &item : call.playbook().precallChecklist) {
        auto *box = new QCheckBox(item.required ? item.label + u"  *"_s : item.label, this);
        box->setObjectName(u"precall-"_s + item.id);
        const QString itemId = item.id;
        connect(box, &QCheckBox::clicked, this, [this, box, itemId](bool checked) {
            const auto outcome = m_call.act([&](CallSession &s) { return s.setPrecallItem(itemId, checked); });
            if (!outcome) {
                box->setChecked(!checked);
                m_prompt->showRefusal(outcome.refusal().message);
            }
        });
        m_items.insert(item.id, box);
        checklistColumn->addWidget(box);
    }
    auto *recordingTitle = new QLabel(tr("Recording"), this);
    recordingTitle->setProperty("role", u"section"_s);
    checklistColumn->addSpacing(12);
    checklistColumn->addWidget(recordingTitle);
    auto *ask = new QLabel(tr("Ask: \u201c%1\u201d").arg(consentWording()), this);
    ask->setWordWrap(true);
    ask->setProperty("role", u"subtitle"_s);
    // Never squeezed below its wrapped lines when the window is short.
    ask->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    checklistColumn->addWidget(ask);
    m_consent = new QCheckBox(tr("The prospect agreed to be recorded"), this);
    m_consent->setObjectName(u"recordingConsent"_s);
    connect(m_consent, &QCheckBox::clicked, this, [this](bool checked) {
        const auto outcome = m_call.act([&](CallSession &s) { return s.recordConsent(checked, consentWording()); });
        if (!outcome) {
            m_consent->setChecked(!checked);
            m_prompt->showRefusal(outcome.refusal().message);
        }
    });
    checklistColumn->addWidget(m_consent);
    auto *legend = new QLabel(tr("* required before the call begins"), this);
    legend->setProperty("role", u"subtitle"_s);
    checklistColumn->addWidget(legend);
    checklistColumn->addStretch();
    columns->addLayout(checklistColumn, 1);
    layout->addLayout(columns, 1);

    m_prompt = new ReasonPrompt(this);
    m_prompt->setObjectName(u"precallPrompt"_s);
    layout->addWidget(m_prompt);
    auto *actions = new QHBoxLayout;
    actions->addStretch();
    auto *begin = new QPushButton(tr("Begin call (Ctrl+Enter)"), this);
    begin->setObjectName(u"beginCall"_s);
    begin->setProperty("role", u"primary"_s);
    connect(begin, &QPushButton::clicked, this, &PrecallPage::beginCall);
    bindKeys(this, confirmKeys(), [this] { beginCall(); });
    actions->addWidget(begin);
    layout->addLayout(actions);
}

QString PrecallPage::consentWording()
{
    return tr("Is it all right if I record this call? It helps me listen to you instead of taking notes, "
              "and the recording stays within our team.");
}

QString PrecallPage::verdictText() const
{
    return m_verdict->text();
}

void PrecallPage::refresh()
{
    if (!m_call.hasCall())
        return;
    const CallState &state = m_call.state();
    const QString name = m_formatter.format(u"prospectName"_s, state.fields);
    const QString company = m_formatter.format(u"company"_s, state.fields);
    m_title->setText(tr("Before the call: %1, %2").arg(name, company));
    const GateRule &gate = m_call.playbook().gate;
    m_verdict->setText(m_formatter.render(state.advisoryOnly ? gate.failMessage : gate.passMessage, state.fields));
    m_verdict->setProperty("role", state.advisoryOnly ? u"verdict-fail"_s : u"verdict-pass"_s);
    m_verdict->style()->unpolish(m_verdict);
    m_verdict->style()->polish(m_verdict);
    for (auto it = m_items.constBegin(); it != m_items.constEnd(); ++it)
        it.value()->setChecked(state.precallChecked.contains(it.key()));
    for (FieldEditor *editor : std::as_const(m_facts))
        editor->setValue(state.fields.value(editor->field().id));
    m_consent->setChecked(state.consent && state.consent->given);
}

void PrecallPage::beginCall()
{
    m_prompt->attempt([this](const QString &reason) { return m_call.act([&](CallSession &s) { return s.beginCall(reason); }); },
                      u"precall.incomplete"_s, tr("Begin anyway"));
}

} // namespace callos::ui
