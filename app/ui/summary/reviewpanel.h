#pragma once

#include "client/review/callreview.h"
#include "client/review/recordingupload.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
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
// analysis), so the agent knows how far to trust it. While no recording has
// arrived, a recording made elsewhere can be attached and sent (with its
// progress).
class ReviewPanel : public QWidget
{
    Q_OBJECT

public:
    // Asks the agent for an audio file; an empty answer: they changed their mind.
    using FileChooser = std::function<QString(QWidget *parent)>;

    ReviewPanel(client::CallReview &review, client::RecordingUpload &upload, QWidget *parent = nullptr);

    // Tests answer the file question themselves.
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    // What the panel says now, as text (tests, screen readers).
    QString statusText() const;

private:
    void refresh();
    void refreshUpload();
    void attachRecording();
    static QString askForAudioFile(QWidget *parent);
    void showStep(const client::PipelineStep &step);
    QString statusLine() const;
    QString resultsHtml(const client::CallAnalysis &analysis) const;
    static QString stepTitle(const QString &step);
    static QString stateText(const client::PipelineStep &step);
    static QString engineLabel(const QString &engine);
    static QString botStateText(const QString &state);
    static QString severityLabel(const QString &severity);
    static QString handlingLabel(const QString &handling);

    client::CallReview &m_review;
    client::RecordingUpload &m_upload;
    FileChooser m_chooseFile = &ReviewPanel::askForAudioFile;
    QHash<QString, QLabel *> m_steps;
    QLabel *m_status;
    QPushButton *m_retry;
    QPushButton *m_attach;
    QWidget *m_uploadBox;
    QProgressBar *m_uploadProgress;
    QLabel *m_uploadText;
    QPushButton *m_cancelUpload;
    QTextBrowser *m_results;
    QWidget *m_emailBox;
    QPlainTextEdit *m_email;
    QPushButton *m_copyEmail;
};

} // namespace callos::ui
