#pragma once

#include "call/callsession.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace callos::ui {

// Shows why the engine refused an action and, where a reason lets the agent
// go ahead anyway (skip a milestone, complete with items open), asks for it.
class ReasonPrompt : public QWidget
{
    Q_OBJECT

public:
    using Retry = std::function<void(const QString &reason)>;

    explicit ReasonPrompt(QWidget *parent = nullptr);

    // A refusal with no way around it.
    void showRefusal(const QString &message);
    // A refusal the agent may override by giving a reason; `retry` runs with it.
    void askForReason(const QString &message, const QString &actionLabel, Retry retry);

    using Attempt = std::function<CallSession::Outcome(const QString &reason)>;
    // Runs `attempt` with no reason. When it is refused with `overridableCode`,
    // shows why, asks for a reason and retries with it; any other refusal is
    // shown as is. `onDone` runs once an attempt succeeds.
    void attempt(const Attempt &attempt, const QString &overridableCode, const QString &actionLabel,
                 const std::function<void()> &onDone = {});
    void clear();
    QString message() const;

private:
    void confirm();

    QLabel *m_message;
    QLineEdit *m_reason;
    QPushButton *m_confirm;
    Retry m_retry;
};

} // namespace callos::ui
