#include "ui/common/reasonprompt.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

ReasonPrompt::ReasonPrompt(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel(this);
    m_message->setProperty("role", u"refusal"_s);
    m_message->setWordWrap(true);
    m_message->setObjectName(u"refusalMessage"_s);
    layout->addWidget(m_message);
    auto *row = new QHBoxLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"reasonInput"_s);
    m_reason->setPlaceholderText(tr("Reason (recorded with the call)"));
    m_confirm = new QPushButton(this);
    m_confirm->setObjectName(u"reasonConfirm"_s);
    row->addWidget(m_reason, 1);
    row->addWidget(m_confirm);
    layout->addLayout(row);
    connect(m_confirm, &QPushButton::clicked, this, &ReasonPrompt::confirm);
    connect(m_reason, &QLineEdit::returnPressed, this, &ReasonPrompt::confirm);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_confirm->setEnabled(!text.trimmed().isEmpty()); });
    clear();
}

void ReasonPrompt::showRefusal(const QString &message)
{
    m_retry = nullptr;
    m_message->setText(message);
    m_reason->hide();
    m_confirm->hide();
    setVisible(!message.isEmpty());
}

void ReasonPrompt::askForReason(const QString &message, const QString &actionLabel, Retry retry)
{
    m_retry = std::move(retry);
    m_message->setText(message);
    m_reason->clear();
    m_reason->show();
    m_confirm->setText(actionLabel);
    m_confirm->setEnabled(false);
    m_confirm->show();
    show();
    m_reason->setFocus();
}

void ReasonPrompt::attempt(const Attempt &attempt, const QString &overridableCode, const QString &actionLabel,
                           const std::function<void()> &onDone)
{
    const auto outcome = attempt({});
    if (outcome) {
        clear();
        if (onDone)
            onDone();
        return;
    }
    if (outcome.refusal().code != overridableCode) {
        showRefusal(outcome.refusal().message);
        return;
    }
    askForReason(outcome.refusal().message, actionLabel, [this, attempt, onDone](const QString &reason) {
        const auto retried = attempt(reason);
        if (!retried) {
            showRefusal(retried.refusal().message);
            return;
        }
        clear();
        if (onDone)
            onDone();
    });
}

void ReasonPrompt::clear()
{
    showRefusal(QString());
}

QString ReasonPrompt::message() const
{
    return isVisible() ? m_message->text() : QString();
}

void ReasonPrompt::confirm()
{
    const QString reason = m_reason->text().trimmed();
    if (reason.isEmpty() || !m_retry)
        return;
    const Retry retry = m_retry; // the retry may replace or clear this prompt
    retry(reason);
}

} // namespace callos::ui
