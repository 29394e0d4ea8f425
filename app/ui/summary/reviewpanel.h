#pragma once

#include "client/review/callreview.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace callos::ui {

// The work after the call, beside its summary: where the recording, the
// transcription and the analysis stand (live), with a retry for a failed
// step, then the analysis: decision readiness with its reasons, risk flags
// with where they show in the recording, the summary, the objections,
// feedback for the agent, and the follow-up e-mail ready to copy. Which
// engine did the work is always said (offline transcription, rule-based
// analysis), so the agent knows how far to trust it.
class ReviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewPanel(client::CallReview &review, QWidget *parent = nullptr);

    // What the panel says now, as text (tests, screen readers).
    QString statusText() const;

private:
    void refresh();
    void showStep(const client::PipelineStep &step);
    QString statusLine() const;
    QString resultsHtml(const client::CallAnalysis &analysis) const;
    static QString stepTitle(const QString &step);
    static QString stateText(const client::PipelineStep &step);
    static QString engineLabel(const QString &engine);
    static QString severityLabel(const QString &severity);
    static QString handlingLabel(const QString &handling);

    client::CallReview &m_review;
    QHash<QString, QLabel *> m_steps;
    QLabel *m_status;
    QPushButton *m_retry;
    QTextBrowser *m_results;
    QWidget *m_emailBox;
    QPlainTextEdit *m_email;
    QPushButton *m_copyEmail;
};

} // namespace callos::ui
