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

private:
    client::CallController &m_call;
    const FieldFormatter &m_formatter;
    QLabel *m_title;
    QLabel *m_verdict;
    QHash<QString, QCheckBox *> m_items;
    QList<FieldEditor *> m_facts;
    ReasonPrompt *m_prompt;
};

} // namespace callos::ui
