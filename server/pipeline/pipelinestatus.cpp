#include "pipeline/pipelinestatus.h"

#include "analysis/analysehandler.h"
#include "analysis/analyses.h"
#include "jobs/jobqueue.h"
#include "recording/recordingfetchhandler.h"
#include "recording/recordings.h"
#include "recording/uploadedrecordinghandler.h"
#include "transcription/transcribehandler.h"
#include "transcription/transcripts.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QJsonObject step(const QString &name, const QString &state)
{
    return QJsonObject{ { u"step"_s, name }, { u"state"_s, state } };
}

// A step whose outcome is not stored yet: as far as its job got.
QJsonObject stepOfJob(const QString &name, const std::optional<JobInfo> &job)
{
    if (!job)
        return step(name, u"waiting"_s);
    static const QHash<QString, QString> states{ { u"queued"_s, u"queued"_s }, { u"running"_s, u"running"_s },
        { u"failed"_s, u"retrying"_s }, { u"dead"_s, u"failed"_s }, { u"done"_s, u"done"_s } };
    QJsonObject out = step(name, states.value(job->state, job->state));
    out.insert(u"job_id"_s, job->id);
    out.insert(u"attempts"_s, job->attempts);
    if (!job->lastError.isEmpty())
        out.insert(u"last_error"_s, job->lastError);
    if (job->state == u"failed"_s)
        out.insert(u"next_attempt_at"_s, job->runAt);
    return out;
}

} // namespace

PipelineStatus::PipelineStatus(JobQueue &jobs, Recordings &recordings, Transcripts &transcripts, Analyses &analyses)
    : m_jobs(jobs)
    , m_recordings(recordings)
    , m_transcripts(transcripts)
    , m_analyses(analyses)
{
}

Result<QJsonObject> PipelineStatus::ofCall(const QString &orgId, const QString &callId)
{
    const Result<bool> consent = m_recordings.hasConsent(callId);
    if (!consent)
        return consent.refusal();
    return of(orgId, callId, consent.value());
}

Result<QJsonObject> PipelineStatus::of(const QString &orgId, const QString &callId, bool consent)
{
    const Result<std::optional<RecordingRow>> recording = m_recordings.latestForCall(callId);
    if (!recording)
        return recording.refusal();
    if (!recording.value()) {
        const QString waiting = consent ? u"waiting"_s : u"no_consent"_s;
        return QJsonObject{ { u"recording_id"_s, QJsonValue() },
            { u"steps"_s,
                QJsonArray{ step(u"recording"_s, waiting), step(u"transcription"_s, u"waiting"_s),
                    step(u"analysis"_s, u"waiting"_s) } } };
    }
    const QString recordingId = recording.value()->id;
    const auto job = [&](const char *kind) { return m_jobs.findByKey(orgId, QString::fromLatin1(kind), recordingId); };

    QJsonArray steps;
    if (recording.value()->state == u"stored"_s) {
        steps.append(step(u"recording"_s, u"done"_s));
    } else {
        // Uploaded from the desktop: stored by its own job once all of it arrived.
        const Result<std::optional<JobInfo>> fetch = job(recording.value()->source == u"upload"_s
                ? UploadedRecordingHandler::kKind
                : RecordingFetchHandler::kKind);
        if (!fetch)
            return fetch.refusal();
        steps.append(stepOfJob(u"recording"_s, fetch.value()));
    }

    const Result<std::optional<TranscriptRow>> transcript = m_transcripts.find(recordingId);
    if (!transcript)
        return transcript.refusal();
    if (transcript.value()) {
        // Stored, at AssemblyAI (its collection job waits on purpose), or
        // refused by it.
        static const QHash<QString, QString> states{ { u"completed"_s, u"done"_s }, { u"requested"_s, u"running"_s },
            { u"failed"_s, u"failed"_s } };
        QJsonObject known = step(u"transcription"_s, states.value(transcript.value()->state));
        known.insert(u"engine"_s, transcript.value()->transcript.engine);
        if (!transcript.value()->error.isEmpty())
            known.insert(u"last_error"_s, transcript.value()->error);
        steps.append(known);
    } else {
        const Result<std::optional<JobInfo>> transcribe = job(TranscribeHandler::kKind);
        if (!transcribe)
            return transcribe.refusal();
        steps.append(stepOfJob(u"transcription"_s, transcribe.value()));
    }

    const Result<std::optional<AnalysisRow>> analysis = m_analyses.find(callId, recordingId);
    if (!analysis)
        return analysis.refusal();
    if (analysis.value()) {
        QJsonObject done = step(u"analysis"_s, analysis.value()->state == u"completed"_s ? u"done"_s : u"failed"_s);
        done.insert(u"engine"_s, analysis.value()->engine);
        if (!analysis.value()->failureReason.isEmpty())
            done.insert(u"last_error"_s, analysis.value()->failureReason);
        steps.append(done);
    } else {
        const Result<std::optional<JobInfo>> analyse = job(AnalyseHandler::kKind);
        if (!analyse)
            return analyse.refusal();
        steps.append(stepOfJob(u"analysis"_s, analyse.value()));
    }
    return QJsonObject{ { u"recording_id"_s, recordingId }, { u"steps"_s, steps } };
}

} // namespace callos::server
