#pragma once

#include "client/call/callcontroller.h"
#include "client/call/notedebouncer.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QVBoxLayout;

namespace callos::ui {

class DecisionPanel;
class FieldEditor;
class ReasonPrompt;

// One milestone as the agent works it: goal, script guidance, checklist,
// typed fields, confirmations, notes, the live summary and, in the last
// milestone, the decision. Every change goes through the engine.
class MilestoneView : public QWidget
{
    Q_OBJECT

public:
    MilestoneView(client::CallController &call, const FieldFormatter &formatter, int index, QWidget *parent = nullptr);

    int index() const { return m_index; }
    // Mirrors the call's state (values, ticks, summary) without disturbing typing.
    void refresh();
    void flushNotes() { m_notes.flush(); }
    DecisionPanel *decisionPanel() const { return m_decision; }
    QPlainTextEdit *notes() const { return m_noteEdit; }

Q_SIGNALS:
    void callEnded();

private:
    void addSection(const QString &title);
    void toggleChecklist(QCheckBox *box, const QString &itemId, bool checked);
    void toggleConfirmation(QCheckBox *box, const QString &confirmationId, bool checked);

    client::CallController &m_call;
    const FieldFormatter &m_formatter;
    const int m_index;
    const Milestone &m_milestone;
    client::NoteDebouncer m_notes;
    QHash<QString, QCheckBox *> m_checklist;
    QHash<QString, QCheckBox *> m_confirmations;
    QList<FieldEditor *> m_fields;
    QPlainTextEdit *m_noteEdit = nullptr;
    QLabel *m_summary = nullptr;
    ReasonPrompt *m_problem = nullptr;
    DecisionPanel *m_decision = nullptr;
    QVBoxLayout *m_layout = nullptr;
};

} // namespace callos::ui
