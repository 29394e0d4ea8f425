#pragma once

#include "client/call/callcontroller.h"
#include "client/call/notedebouncer.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QVBoxLayout;

namespace callos::ui {

class ReasonPrompt;

// The objection subflow over the current milestone: pick the type, ask its
// diagnostic questions (a note per question, saved as the agent types),
// classify the outcome. Diagnostic only: it offers no rebuttals.
class ObjectionPanel : public QWidget
{
    Q_OBJECT

public:
    ObjectionPanel(client::CallController &call, QWidget *parent = nullptr);

    // Shows the type picker, or the open objection's questions.
    void refresh();
    void flushNotes() { m_notes.flush(); }
    // True while it shows an objection's questions (not the type picker).
    bool showsQuestions() const { return !m_shownObjectionId.isEmpty(); }

Q_SIGNALS:
    // The agent goes back to the call: cancelled before raising, or classified.
    void finished();

private:
    QWidget *buildPicker();
    void raise(const QString &typeId);
    void showQuestions();
    void classify(ObjectionOutcome outcome);

    client::CallController &m_call;
    client::NoteDebouncer m_notes;
    QStackedWidget *m_stack;
    QWidget *m_questionsPage;
    QVBoxLayout *m_questionsLayout;
    QLabel *m_title;
    QLineEdit *m_outcomeNote;
    ReasonPrompt *m_refusal;
    ReasonPrompt *m_pickerRefusal;
    QString m_shownObjectionId;
};

} // namespace callos::ui
