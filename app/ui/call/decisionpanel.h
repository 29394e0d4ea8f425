#pragma once

#include "client/call/callcontroller.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace callos::ui {

class ReasonPrompt;

// The decision at the end of the call: proceed, pause with a follow-up date
// and time, or decline with one of the configured reasons; then end the call.
class DecisionPanel : public QWidget
{
    Q_OBJECT

public:
    DecisionPanel(client::CallController &call, QWidget *parent = nullptr);

    // Mirrors the recorded decision, or the suggested one (decline after a
    // disqualifying objection) when none is recorded yet.
    void refresh();
    void record();
    void endCall();

Q_SIGNALS:
    // Emitted before the call is ended, so typed notes are saved first.
    void aboutToEndCall();
    void callEnded();

private:
    std::optional<DecisionOption> selectedOption() const;
    void updateInputs();

    client::CallController &m_call;
    QButtonGroup *m_options;
    QDateTimeEdit *m_followUp;
    QComboBox *m_reason;
    QLineEdit *m_note;
    QLabel *m_recorded;
    QPushButton *m_record;
    QPushButton *m_end;
    ReasonPrompt *m_prompt;
};

} // namespace callos::ui
