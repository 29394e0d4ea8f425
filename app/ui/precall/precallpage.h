#pragma once

#include "client/call/callcontroller.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;

namespace callos::ui {

class FieldEditor;
class ReasonPrompt;

// Before the prospect joins: who they are (facts can still be corrected),
// the qualification verdict in plain words, and the pre-call checklist.
class PrecallPage : public QWidget
{
    Q_OBJECT

public:
    PrecallPage(client::CallController &call, const FieldFormatter &formatter, QWidget *parent = nullptr);

    void refresh();
    void beginCall();
    QString verdictText() const;
    // What the agent asks the prospect, recorded with their answer.
    static QString consentWording();

private:
    client::CallController &m_call;
    const FieldFormatter &m_formatter;
    QLabel *m_title;
    QLabel *m_verdict;
    QHash<QString, QCheckBox *> m_items;
    // Recording needs the prospect's yes first: the server takes no
    // recording of a call without it.
    QCheckBox *m_consent;
    QList<FieldEditor *> m_facts;
    ReasonPrompt *m_prompt;
};

} // namespace callos::ui
