#pragma once

#include "client/call/callcontroller.h"

#include <QWidget>

class QTextBrowser;

namespace callos::ui {

// After the call: the decision, each milestone with its time, summary and
// notes, and the objections with their outcomes, ready to copy into the CRM.
class SummaryPage : public QWidget
{
    Q_OBJECT

public:
    SummaryPage(client::CallController &call, const FieldFormatter &formatter, QWidget *parent = nullptr);

    void refresh();
    QString plainText() const;

Q_SIGNALS:
    void done();

private:
    QString html() const;
    static QString outcomeLabel(std::optional<ObjectionOutcome> outcome);

    client::CallController &m_call;
    const FieldFormatter &m_formatter;
    QTextBrowser *m_text;
};

} // namespace callos::ui
