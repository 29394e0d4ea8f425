#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace callos::client {

// One step of the work after a call, as the server reports it.
struct PipelineStep
{
    QString step; // recording, transcription, analysis
    // no_consent, waiting, queued, running, retrying, done, failed
    QString state;
    // e.g. pocketsphinx, assemblyai, claude, rule-based; for the recording
    // where it comes from: zoom, bot, upload
    QString engine;
    int attempts = 0;
    QString lastError;
    qint64 nextAttemptAtMs = 0;
    // The recording's meeting bot, when one was sent: requested, joining,
    // in_meeting, recording, leaving, ended, failed (botError says why).
    QString botState;
    QString botError;

    bool isFailed() const { return state == QLatin1String("failed"); }
    bool isDone() const { return state == QLatin1String("done"); }
    // A meeting bot is on its way to the recording (not failed, not gone).
    bool botAtWork() const
    {
        return !botState.isEmpty() && botState != QLatin1String("failed") && botState != QLatin1String("ended");
    }
};

// Where a finding shows in the recording.
struct Evidence
{
    QString quote;
    QString speaker;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

struct RiskFlag
{
    QString code;
    QString severity; // low, medium, high
    QString description;
    QList<Evidence> evidence;
};

struct ObjectionFinding
{
    QString category;
    QString summary;
    QString handling; // resolved, deferred, disqualified, unaddressed
    QList<Evidence> evidence;
};

// The analysis (resources/analysis/call-analysis.schema.json), stored
// completed or failed with its reason.
struct CallAnalysis
{
    QString engine; // claude, rule-based
    QString state; // completed, failed
    QString failureReason;
    QString summary;
    int readiness = 0;
    QStringList readinessReasons;
    QList<RiskFlag> riskFlags;
    QList<ObjectionFinding> objections;
    QStringList strengths;
    QStringList improvements;
    QString emailSubject;
    QString emailBody;

    bool isCompleted() const { return state == QLatin1String("completed"); }
    // The e-mail as it is pasted into a mail program.
    QString emailText() const;
};

// GET /calls/{id}/review, read into what the app shows. Unknown or missing
// fields take their defaults: an older or newer server still shows what it
// can.
struct CallReviewData
{
    QString callId;
    QString recordingId;
    QString recordingSource; // zoom, bot, upload
    QList<PipelineStep> steps;
    QString transcriptEngine;
    int utteranceCount = 0;
    std::optional<CallAnalysis> analysis;

    bool anyFailed() const;
    const PipelineStep *step(const QString &name) const;

    static CallReviewData fromJson(const QJsonObject &review);
    // The "pipeline" object (also what the live channel pushes).
    static QList<PipelineStep> stepsFromJson(const QJsonObject &pipeline);
};

} // namespace callos::client
