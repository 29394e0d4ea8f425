#pragma once

#include "client/call/callcontroller.h"
#include "client/review/callreview.h"
#include "client/review/recordingupload.h"

#include <QWidget>

class QTextBrowser;

namespace callos::ui {

class ReviewPanel;

// After the call: the decision, each milestone with its time, summary and
// notes, and the objections with their outcomes, ready to copy into the CRM;
// beside it the work after the call (recording, transcript, analysis) as
// the server does it (ReviewPanel).
class SummaryPage : public QWidget
{
    Q_OBJECT

public:
    SummaryPage(client::CallController &call, const FieldFormatter &formatter, client::CallReview &review,
        client::RecordingUpload &upload, QWidget *parent = nullptr);

    void refresh();
    QString plainText() const;
    ReviewPanel *reviewPanel() const { return m_reviewPanel; }

Q_SIGNALS:
    void done();

private:
    void finish();
    QString html() const;
    static QString outcomeLabel(std::optional<ObjectionOutcome> outcome);

    client::CallController &m_call;
    const FieldFormatter &m_formatter;
    client::CallReview &m_review;
    QTextBrowser *m_text;
    ReviewPanel *m_reviewPanel;
};

} // namespace callos::ui
