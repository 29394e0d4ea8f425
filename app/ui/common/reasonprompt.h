#pragma once

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
