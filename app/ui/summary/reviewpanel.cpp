#include "ui/summary/reviewpanel.h"

#include "recording/audiofiletypes.h"
#include "ui/call/milestonerail.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

namespace {

const QStringList kSteps{ u"recording"_s, u"transcription"_s, u"analysis"_s };

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString evidenceHtml(const QList<client::Evidence> &evidence)
{
    QString out;
    for (const client::Evidence &quote : evidence)
        out += u"<p style='margin-left:16px; color:#5B6775'>%1 “%2”</p>"_s.arg(
            esc(formatDuration(quote.startMs)), esc(quote.quote));
    return out;
}

QString listHtml(const QStringList &items)
{
    QString out = u"<ul>"_s;
    for (const QString &item : items)
        out += u"<li>%1</li>"_s.arg(esc(item));
    return out + u"</ul>"_s;
}

} // namespace

ReviewPanel::ReviewPanel(client::CallReview &review, client::RecordingUpload &upload, QWidget *parent)
    : QWidget(parent), m_review(review), m_upload(upload)
{
    setObjectName(u"reviewPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("After the call"), this);
    title->setProperty("role", u"subtitle"_s);
    layout->addWidget(title);

    auto *steps = new QHBoxLayout;
    for (const QString &step : kSteps) {
        auto *label = new QLabel(this);
        label->setObjectName(u"step-"_s + step);
        label->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        steps->addWidget(label);
        m_steps.insert(step, label);
    }
    steps->addStretch();
    layout->addLayout(steps);

    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(u"reviewStatus"_s);
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    statusRow->addWidget(m_status, 1);
    m_retry = new QPushButton(tr("&Retry failed step"), this);
    m_retry->setObjectName(u"retryReview"_s);
    connect(m_retry, &QPushButton::clicked, &m_review, &client::CallReview::retry);
    statusRow->addWidget(m_retry, 0, Qt::AlignTop);
    m_attach = new QPushButton(tr("Attac&h recording…"), this);
    m_attach->setObjectName(u"attachRecording"_s);
    m_attach->setToolTip(tr("Recorded on another device or in another meeting tool? Send the audio file."));
    connect(m_attach, &QPushButton::clicked, this, &ReviewPanel::attachRecording);
    statusRow->addWidget(m_attach, 0, Qt::AlignTop);
    layout->addLayout(statusRow);

    m_uploadBox = new QWidget(this);
    m_uploadBox->setObjectName(u"recordingUpload"_s);
    auto *uploadLayout = new QVBoxLayout(m_uploadBox);
    uploadLayout->setContentsMargins(0, 0, 0, 0);
    m_uploadText = new QLabel(m_uploadBox);
    m_uploadText->setObjectName(u"uploadText"_s);
    m_uploadText->setWordWrap(true);
    uploadLayout->addWidget(m_uploadText);
    auto *progressRow = new QHBoxLayout;
    m_uploadProgress = new QProgressBar(m_uploadBox);
    m_uploadProgress->setObjectName(u"uploadProgress"_s);
    m_uploadProgress->setRange(0, 1000);
    m_uploadProgress->setTextVisible(false);
    progressRow->addWidget(m_uploadProgress, 1);
    m_cancelUpload = new QPushButton(tr("Stop sending"), m_uploadBox);
    m_cancelUpload->setObjectName(u"cancelUpload"_s);
    connect(m_cancelUpload, &QPushButton::clicked, &m_upload, &client::RecordingUpload::cancel);
    progressRow->addWidget(m_cancelUpload);
    uploadLayout->addLayout(progressRow);
    layout->addWidget(m_uploadBox);

    m_results = new QTextBrowser(this);
    m_results->setObjectName(u"reviewResults"_s);
    m_results->setOpenLinks(false);
    layout->addWidget(m_results, 3);

    m_emailBox = new QWidget(this);
    auto *emailLayout = new QVBoxLayout(m_emailBox);
    emailLayout->setContentsMargins(0, 0, 0, 0);
    auto *emailHeader = new QHBoxLayout;
    auto *emailTitle = new QLabel(tr("Follow-up e-mail"), m_emailBox);
    emailTitle->setProperty("role", u"section"_s);
    emailHeader->addWidget(emailTitle);
    emailHeader->addStretch();
    m_copyEmail = new QPushButton(tr("Copy &e-mail"), m_emailBox);
    m_copyEmail->setObjectName(u"copyEmail"_s);
    connect(m_copyEmail, &QPushButton::clicked, this, [this] {
        if (const auto &analysis = m_review.data().analysis)
            QApplication::clipboard()->setText(analysis->emailText());
        m_copyEmail->setText(tr("Copied"));
    });
    emailHeader->addWidget(m_copyEmail);
    emailLayout->addLayout(emailHeader);
    m_email = new QPlainTextEdit(m_emailBox);
    m_email->setObjectName(u"emailDraft"_s);
    m_email->setReadOnly(true);
    emailLayout->addWidget(m_email);
    layout->addWidget(m_emailBox, 2);
    // Takes the room while there are no results, so the steps stay at the top.
    layout->addStretch(0);

    connect(&m_review, &client::CallReview::changed, this, &ReviewPanel::refresh);
    connect(&m_upload, &client::RecordingUpload::changed, this, &ReviewPanel::refresh);
    refresh();
}

QString ReviewPanel::statusText() const
{
    QStringList parts;
    for (const QString &step : kSteps) {
        if (m_steps.value(step)->isVisible())
            parts.append(m_steps.value(step)->text());
    }
    parts.append(m_status->text());
    if (m_uploadBox->isVisible())
        parts.append(m_uploadText->text());
    return parts.join(u" | "_s);
}

void ReviewPanel::refresh()
{
    const client::CallReviewData &known = m_review.data();
    const bool ready = m_review.state() == client::CallReview::State::Ready;
    for (const QString &name : kSteps) {
        const client::PipelineStep *step = ready ? known.step(name) : nullptr;
        m_steps.value(name)->setVisible(step != nullptr);
        if (step)
            showStep(*step);
    }
    m_status->setText(statusLine());
    m_retry->setVisible(ready && known.anyFailed());
    m_retry->setEnabled(!m_review.isRetrying());
    refreshUpload();

    const bool results = ready && known.analysis && known.analysis->isCompleted();
    m_results->setVisible(results);
    m_emailBox->setVisible(results && !known.analysis->emailBody.isEmpty());
    if (!results)
        return;
    const QString html = resultsHtml(*known.analysis);
    if (m_results->toHtml() != html) // keeps the agent's scroll position while nothing changed
        m_results->setHtml(html);
    if (m_email->toPlainText() != known.analysis->emailText()) {
        m_email->setPlainText(known.analysis->emailText());
        m_copyEmail->setText(tr("Copy &e-mail"));
    }
}

void ReviewPanel::refreshUpload()
{
    const client::CallReviewData &known = m_review.data();
    const bool ready = m_review.state() == client::CallReview::State::Ready;
    const bool thisCall = !m_review.callId().isEmpty() && m_upload.callId() == m_review.callId();
    const client::RecordingUpload::State state = thisCall ? m_upload.state() : client::RecordingUpload::State::Idle;
    using Upload = client::RecordingUpload::State;

    // Offered while nothing has come from Zoom or a meeting bot; an upload
    // that stopped half-way is offered again, to go on.
    const client::PipelineStep *recording = known.step(u"recording"_s);
    const bool noRecordingYet = ready && recording && recording->state == u"waiting"_s
        && (known.recordingSource.isEmpty() || known.recordingSource == u"upload"_s);
    // A meeting bot at work will bring the recording itself.
    m_attach->setVisible(noRecordingYet && !recording->botAtWork() && !m_upload.isBusy() && state != Upload::Done);

    m_uploadBox->setVisible(state != Upload::Idle);
    if (state == Upload::Idle)
        return;
    const QLocale locale = this->locale();
    const QString sent = locale.formattedDataSize(m_upload.sentBytes(), 1);
    const QString total = locale.formattedDataSize(m_upload.totalBytes(), 1);
    m_uploadProgress->setValue(
        m_upload.totalBytes() > 0 ? int(m_upload.sentBytes() * 1000 / m_upload.totalBytes()) : 0);
    m_uploadProgress->setVisible(state != Upload::Failed);
    m_cancelUpload->setVisible(m_upload.isBusy());
    switch (state) {
    case Upload::Sending:
        m_uploadText->setText(tr("Sending %1: %2 of %3").arg(m_upload.fileName(), sent, total));
        break;
    case Upload::Waiting:
        m_uploadText->setText(tr("Sending %1 paused at %2 of %3 (%4). Trying again…")
                .arg(m_upload.fileName(), sent, total, m_upload.reason()));
        break;
    case Upload::Done:
        m_uploadText->setText(tr("%1 sent (%2). The server stores it, then transcribes it.").arg(m_upload.fileName(), total));
        break;
    case Upload::Failed:
        m_uploadText->setText(tr("%1 was not sent: %2").arg(m_upload.fileName(), m_upload.reason()));
        break;
    case Upload::Idle:
        break;
    }
}

void ReviewPanel::attachRecording()
{
    const QString path = m_chooseFile(this);
    if (path.isEmpty() || m_review.callId().isEmpty())
        return;
    m_upload.start(m_review.callId(), path);
}

QString ReviewPanel::askForAudioFile(QWidget *parent)
{
    QStringList patterns;
    for (const QString &extension : AudioFileTypes::extensions())
        patterns.append(u"*."_s + extension);
    return QFileDialog::getOpenFileName(parent, tr("Attach the call's recording"), QDir::homePath(),
        tr("Recordings (%1)").arg(patterns.join(u' ')));
}

void ReviewPanel::showStep(const client::PipelineStep &step)
{
    // A chip per step, its colour the state's (the theme's verdict colours).
    struct Look
    {
        QString mark;
        QString background;
        QString colour;
    };
    Look look{ u"●"_s, u"#E0F2FE"_s, u"#075985"_s }; // under way
    if (step.isDone())
        look = { u"✓"_s, u"#E7F5EC"_s, u"#15803D"_s };
    else if (step.isFailed())
        look = { u"✕"_s, u"#FEE2E2"_s, u"#B91C1C"_s };
    else if ((step.state == u"waiting"_s && !step.botAtWork()) || step.state == u"no_consent"_s)
        look = { u"○"_s, u"#EEF0F3"_s, u"#5B6775"_s };
    QLabel *label = m_steps.value(step.step);
    label->setText(u"%1 %2 · %3"_s.arg(look.mark, stepTitle(step.step), stateText(step)));
    label->setStyleSheet(u"QLabel { background: %1; color: %2; border-radius: 6px; padding: 6px 10px; "
                         "font-weight: 600; }"_s.arg(look.background, look.colour));
}

QString ReviewPanel::statusLine() const
{
    using State = client::CallReview::State;
    switch (m_review.state()) {
    case State::Off:
    case State::NotOnServer:
        return m_review.reason();
    case State::Loading:
        return tr("Asking the server where the recording and its analysis stand…");
    case State::Unavailable:
        return tr("The server cannot be asked now (%1). Trying again…").arg(m_review.reason());
    case State::Ready:
        break;
    }
    const client::CallReviewData &known = m_review.data();
    if (!m_review.reason().isEmpty())
        return m_review.reason();
    if (m_review.isRetrying())
        return tr("Starting the failed step again…");
    for (const client::PipelineStep &step : known.steps) {
        if (step.isFailed())
            return tr("%1 failed: %2").arg(stepTitle(step.step), step.lastError.isEmpty() ? tr("no reason given") : step.lastError);
    }
    const client::PipelineStep *recording = known.step(u"recording"_s);
    if (recording && recording->state == u"no_consent"_s)
        return tr("Nothing is recorded: the prospect's consent to record was not given.");
    if (recording && recording->state == u"waiting"_s) {
        if (m_upload.callId() == m_review.callId() && m_upload.state() != client::RecordingUpload::State::Idle)
            return tr("Waiting for the recording you attached.");
        if (recording->botState == u"failed"_s)
            return tr("The meeting bot could not record the call: %1. Attach a recording made elsewhere, if there is one.")
                .arg(recording->botError.isEmpty() ? tr("no reason given") : recording->botError);
        if (!recording->botState.isEmpty())
            return tr("The meeting bot: %1. The recording follows when the meeting has ended.")
                .arg(botStateText(recording->botState));
        return tr("Waiting for the recording. Zoom sends it a few minutes after the meeting ends.");
    }
    for (const client::PipelineStep &step : known.steps) {
        if (step.state == u"retrying"_s)
            return tr("%1 will be tried again: %2").arg(stepTitle(step.step), step.lastError);
        if (!step.isDone())
            return tr("Working on it. %1: %2.").arg(stepTitle(step.step), stateText(step));
    }
    QStringList engines;
    if (!known.transcriptEngine.isEmpty())
        engines.append(tr("Transcript: %1.").arg(engineLabel(known.transcriptEngine)));
    if (known.analysis)
        engines.append(tr("Analysis: %1.").arg(engineLabel(known.analysis->engine)));
    engines.prepend(tr("Done."));
    return engines.join(u' ');
}

QString ReviewPanel::resultsHtml(const client::CallAnalysis &analysis) const
{
    QString out;
    out += u"<p style='font-size:16pt'><b>%1</b> %2</p>"_s.arg(esc(tr("Decision readiness")),
        esc(tr("%1 / 100").arg(analysis.readiness)));
    out += listHtml(analysis.readinessReasons);
    out += u"<h3>%1</h3>"_s.arg(esc(tr("Risk flags")));
    if (analysis.riskFlags.isEmpty())
        out += u"<p>%1</p>"_s.arg(esc(tr("None found.")));
    for (const client::RiskFlag &flag : analysis.riskFlags) {
        const QString colour = flag.severity == u"high"_s ? u"#B91C1C"_s
            : flag.severity == u"medium"_s                 ? u"#B45309"_s
                                                           : u"#5B6775"_s;
        out += u"<p><b style='color:%1'>%2</b> %3</p>"_s.arg(colour, esc(severityLabel(flag.severity)),
            esc(flag.description));
        out += evidenceHtml(flag.evidence);
    }
    out += u"<h3>%1</h3><p>%2</p>"_s.arg(esc(tr("Summary")), esc(analysis.summary));
    if (!analysis.objections.isEmpty()) {
        out += u"<h3>%1</h3>"_s.arg(esc(tr("Objections")));
        for (const client::ObjectionFinding &objection : analysis.objections) {
            out += u"<p><b>%1</b> — %2. %3</p>"_s.arg(esc(objection.category), esc(handlingLabel(objection.handling)),
                esc(objection.summary));
            out += evidenceHtml(objection.evidence);
        }
    }
    out += u"<h3>%1</h3>"_s.arg(esc(tr("Feedback for you")));
    if (!analysis.strengths.isEmpty())
        out += u"<p><b>%1</b></p>"_s.arg(esc(tr("Went well"))) + listHtml(analysis.strengths);
    if (!analysis.improvements.isEmpty())
        out += u"<p><b>%1</b></p>"_s.arg(esc(tr("To work on"))) + listHtml(analysis.improvements);
    return out;
}

QString ReviewPanel::stepTitle(const QString &step)
{
    if (step == u"recording"_s)
        return tr("Recording");
    if (step == u"transcription"_s)
        return tr("Transcript");
    if (step == u"analysis"_s)
        return tr("Analysis");
    return step;
}

QString ReviewPanel::botStateText(const QString &state)
{
    if (state == u"requested"_s)
        return tr("asked to join");
    if (state == u"joining"_s)
        return tr("joining the meeting");
    if (state == u"in_meeting"_s)
        return tr("in the meeting");
    if (state == u"recording"_s)
        return tr("recording");
    if (state == u"leaving"_s)
        return tr("leaving the meeting");
    if (state == u"ended"_s)
        return tr("left the meeting");
    if (state == u"failed"_s)
        return tr("failed");
    return state;
}

QString ReviewPanel::stateText(const client::PipelineStep &step)
{
    // Until the recording is there, the meeting bot's state says the most.
    if (step.state == u"waiting"_s && !step.botState.isEmpty())
        return tr("bot %1").arg(botStateText(step.botState));
    QString text;
    if (step.state == u"no_consent"_s)
        text = tr("not recorded");
    else if (step.state == u"waiting"_s)
        text = tr("waiting");
    else if (step.state == u"queued"_s)
        text = tr("queued");
    else if (step.state == u"running"_s)
        text = tr("running");
    else if (step.state == u"retrying"_s)
        text = tr("retrying");
    else if (step.state == u"done"_s)
        text = tr("done");
    else if (step.state == u"failed"_s)
        text = tr("failed");
    else
        text = step.state;
    if (!step.engine.isEmpty())
        text += u" ("_s + engineLabel(step.engine) + u')';
    return text;
}

QString ReviewPanel::engineLabel(const QString &engine)
{
    if (engine == u"pocketsphinx"_s)
        return tr("offline, pocketsphinx");
    if (engine == u"assemblyai"_s)
        return tr("AssemblyAI");
    if (engine == u"claude"_s)
        return tr("Claude");
    if (engine == u"rule-based"_s)
        return tr("rule-based");
    if (engine == u"zoom"_s)
        return tr("Zoom");
    if (engine == u"bot"_s)
        return tr("meeting bot");
    if (engine == u"upload"_s)
        return tr("uploaded");
    return engine;
}

QString ReviewPanel::severityLabel(const QString &severity)
{
    if (severity == u"high"_s)
        return tr("High:");
    if (severity == u"medium"_s)
        return tr("Medium:");
    return tr("Low:");
}

QString ReviewPanel::handlingLabel(const QString &handling)
{
    if (handling == u"resolved"_s)
        return tr("resolved");
    if (handling == u"deferred"_s)
        return tr("deferred");
    if (handling == u"disqualified"_s)
        return tr("disqualified");
    return tr("not addressed");
}

} // namespace callos::ui
