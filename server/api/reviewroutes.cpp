#include "api/reviewroutes.h"

#include "analysis/analysehandler.h"
#include "analysis/analyses.h"
#include "analysis/calltimeline.h"
#include "api/visiblecall.h"
#include "api/visibility.h"
#include "audit/auditlog.h"
#include "call/calleventcodec.h"
#include "calls/callplaybooks.h"
#include "calls/callrepository.h"
#include "http/httprouter.h"
#include "http/jsonrequest.h"
#include "jobs/jobqueue.h"
#include "meetingbot/botrecordingfetchhandler.h"
#include "pipeline/pipelinestatus.h"
#include "recording/audiofiletypes.h"
#include "recording/recordingfetchhandler.h"
#include "recording/recordings.h"
#include "recording/recordingstore.h"
#include "recording/uploadedrecordinghandler.h"
#include "storage/transaction.h"
#include "transcription/transcribehandler.h"
#include "transcription/transcriptcollecthandler.h"
#include "transcription/transcriptjson.h"
#include "transcription/transcripts.h"

#include <QIODevice>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(ms) : QJsonValue();
}

QJsonObject recordingJson(const RecordingRow &recording)
{
    return QJsonObject{ { u"id"_s, recording.id }, { u"source"_s, recording.source }, { u"state"_s, recording.state },
        { u"started_at"_s, timeOrNull(recording.startedAt) }, { u"file_type"_s, recording.fileType },
        { u"size_bytes"_s, recording.sizeBytes >= 0 ? QJsonValue(recording.sizeBytes) : QJsonValue() } };
}

QJsonObject analysisJson(const AnalysisRow &analysis)
{
    return QJsonObject{ { u"id"_s, analysis.id }, { u"engine"_s, analysis.engine }, { u"state"_s, analysis.state },
        { u"result"_s, analysis.result.isEmpty() ? QJsonValue() : QJsonValue(analysis.result) },
        { u"failure_reason"_s, analysis.failureReason }, { u"prompt_versions"_s, analysis.promptVersions },
        { u"model"_s, analysis.model }, { u"created_at"_s, analysis.createdAt } };
}

// The job kinds of a recording's steps, each keyed by the recording's id
// (a recording has one of the fetch jobs, by its source).
const QStringList kStepKinds{ QString::fromLatin1(RecordingFetchHandler::kKind),
    QString::fromLatin1(BotRecordingFetchHandler::kKind), QString::fromLatin1(UploadedRecordingHandler::kKind),
    QString::fromLatin1(TranscribeHandler::kKind), QString::fromLatin1(TranscriptCollectHandler::kKind),
    QString::fromLatin1(AnalyseHandler::kKind) };

} // namespace

ReviewRoutes::ReviewRoutes(Parts parts)
    : m_parts(parts)
{
}

void ReviewRoutes::addTo(HttpRouter &router)
{
    router.addSync(HttpExchange::Method::Get, u"/api/v1/calls/{id}/review"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return review(exchange); });
    router.addSync(HttpExchange::Method::Post, u"/api/v1/calls/{id}/review/retry"_s, { Access::Agent, 1024 },
        [this](HttpExchange &exchange) { return retry(exchange); });
    router.addSync(HttpExchange::Method::Get, u"/api/v1/recordings/{id}/media"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return media(exchange); });
}

ApiAnswer ReviewRoutes::review(HttpExchange &exchange)
{
    ApiResult<QJsonObject> out = reviewOf(exchange.principal(), exchange.param(0));
    if (!out)
        return out.failure();
    return QHttpServerResponse(out.value());
}

ApiResult<QJsonObject> ReviewRoutes::reviewOf(const Principal &who, const QString &callId)
{
    const ApiResult<CallRow> call = findVisibleCall(m_parts.calls, who, callId);
    if (!call)
        return call.failure();
    const Result<QJsonObject> pipeline = m_parts.status.ofCall(who.orgId, callId);
    if (!pipeline)
        return ApiFailure::internal(pipeline.refusal());
    QJsonObject out{ { u"call_id"_s, callId }, { u"pipeline"_s, pipeline.value() }, { u"recording"_s, QJsonValue() },
        { u"transcript"_s, QJsonValue() }, { u"timeline"_s, QJsonArray() }, { u"analysis"_s, QJsonValue() } };

    const Result<std::optional<RecordingRow>> recording = m_parts.recordings.latestForCall(callId);
    if (!recording)
        return ApiFailure::internal(recording.refusal());
    if (!recording.value())
        return out;
    out.insert(u"recording"_s, recordingJson(*recording.value()));

    const Result<std::optional<TranscriptRow>> transcript = m_parts.transcripts.find(recording.value()->id);
    if (!transcript)
        return ApiFailure::internal(transcript.refusal());
    if (transcript.value() && transcript.value()->state == u"completed"_s) {
        const Transcript &text = transcript.value()->transcript;
        out.insert(u"transcript"_s,
            QJsonObject{ { u"engine"_s, text.engine }, { u"language"_s, text.language },
                { u"duration_ms"_s, text.durationMs },
                { u"utterances"_s, TranscriptJson::utterancesToJson(text.utterances) } });
    }

    // The call's events on the recording's time line.
    const Result<QJsonArray> stored = m_parts.calls.events(who.orgId, callId);
    if (!stored)
        return ApiFailure::internal(stored.refusal());
    QList<CallEvent> events;
    for (const QJsonValue &json : stored.value()) {
        if (Result<CallEvent> event = CallEventCodec::fromJson(json.toObject()))
            events.append(std::move(event).value());
    }
    if (!events.isEmpty()) {
        const QJsonObject started = events.first().payload;
        if (const std::shared_ptr<const Playbook> playbook = m_parts.playbooks.find(who.orgId,
                started.value(u"playbookId"_s).toString(), started.value(u"playbookVersion"_s).toInt())) {
            const qint64 origin = recording.value()->startedAt > 0 ? recording.value()->startedAt : events.first().at;
            out.insert(u"timeline"_s, CallTimeline::toJson(CallTimeline::align(events, *playbook, origin)));
        }
    }

    const Result<std::optional<AnalysisRow>> analysis = m_parts.analyses.find(callId, recording.value()->id);
    if (!analysis)
        return ApiFailure::internal(analysis.refusal());
    if (analysis.value())
        out.insert(u"analysis"_s, analysisJson(*analysis.value()));
    return out;
}

ApiAnswer ReviewRoutes::retry(HttpExchange &exchange)
{
    if (!exchange.body().isEmpty()) {
        const ApiResult<bool> empty = readJsonBody<bool>(exchange, [](JsonObjectReader &) { return true; });
        if (!empty)
            return empty.failure();
    }
    const Principal &who = exchange.principal();
    const QString callId = exchange.param(0);
    const ApiResult<CallRow> call = findVisibleCall(m_parts.calls, who, callId);
    if (!call)
        return call.failure();
    const Result<std::optional<RecordingRow>> recording = m_parts.recordings.latestForCall(callId);
    if (!recording)
        return ApiFailure::internal(recording.refusal());
    QStringList retried;
    QStringList failures; // what the thrown-away results said, for the audit log
    if (recording.value()) {
        const QString recordingId = recording.value()->id;
        Transaction transaction(m_parts.database, tr("Retrying the work after call %1").arg(callId));
        if (auto refusal = transaction.begin())
            return ApiFailure::internal(*refusal);
        // A step whose job failed or gave up.
        for (const QString &kind : kStepKinds) {
            const Result<std::optional<JobInfo>> job = m_parts.jobs.findByKey(who.orgId, kind, recordingId);
            if (!job)
                return ApiFailure::internal(job.refusal());
            if (!job.value() || (job.value()->state != u"failed"_s && job.value()->state != u"dead"_s))
                continue;
            const Result<bool> again = m_parts.jobs.retry(transaction, who.orgId, job.value()->id);
            if (!again)
                return ApiFailure::internal(again.refusal());
            if (again.value())
                retried.append(kind);
        }
        // A step whose job ran to its end and stored a failure (AssemblyAI's
        // error, Claude's refusal): the failure goes and the job runs again.
        const auto runAgain = [&](const char *kind) -> std::optional<Refusal> {
            const Result<std::optional<JobInfo>> job =
                m_parts.jobs.findByKey(who.orgId, QString::fromLatin1(kind), recordingId);
            if (!job)
                return job.refusal();
            if (!job.value())
                return std::nullopt;
            const Result<bool> again = m_parts.jobs.runAgain(transaction, who.orgId, job.value()->id);
            if (!again)
                return again.refusal();
            if (again.value())
                retried.append(QString::fromLatin1(kind));
            return std::nullopt;
        };
        const Result<std::optional<TranscriptRow>> transcript = m_parts.transcripts.find(recordingId);
        if (!transcript)
            return ApiFailure::internal(transcript.refusal());
        if (transcript.value() && transcript.value()->state == u"failed"_s) {
            failures.append(transcript.value()->error);
            if (auto refusal = m_parts.transcripts.removeFailed(transaction, recordingId))
                return ApiFailure::internal(*refusal);
            if (auto refusal = runAgain(TranscribeHandler::kKind))
                return ApiFailure::internal(*refusal);
        }
        const Result<std::optional<AnalysisRow>> analysis = m_parts.analyses.find(callId, recordingId);
        if (!analysis)
            return ApiFailure::internal(analysis.refusal());
        if (analysis.value() && analysis.value()->state == u"failed"_s) {
            failures.append(analysis.value()->failureReason);
            if (auto refusal = m_parts.analyses.removeFailed(transaction, callId, recordingId))
                return ApiFailure::internal(*refusal);
            if (auto refusal = runAgain(AnalyseHandler::kKind))
                return ApiFailure::internal(*refusal);
        }
        if (!retried.isEmpty()) {
            if (auto refusal = m_parts.audit.record(transaction,
                    AuditEntry{ who.orgId, who.userId, u"call.pipeline_retried"_s, callId,
                        QJsonObject{ { u"steps"_s, QJsonArray::fromStringList(retried) },
                            { u"failures"_s, QJsonArray::fromStringList(failures) } },
                        0, 0 }))
                return ApiFailure::internal(*refusal);
            if (auto refusal = transaction.commit())
                return ApiFailure::internal(*refusal);
        }
    }
    if (retried.isEmpty())
        return ApiFailure::conflict(u"pipeline.nothing_to_retry"_s,
            tr("Nothing has failed in the work after call %1.").arg(callId));
    ApiResult<QJsonObject> out = reviewOf(who, callId);
    if (!out)
        return out.failure();
    return QHttpServerResponse(out.value());
}

ApiAnswer ReviewRoutes::media(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const QString recordingId = exchange.param(0);
    const ApiResult<RecordingRow> recording = findVisibleRecording(m_parts.calls, m_parts.recordings, who, recordingId);
    if (!recording)
        return recording.failure();
    if (recording.value().state != u"stored"_s)
        return ApiFailure::conflict(u"recording.not_stored"_s, tr("The recording is not stored yet."));
    // A store with links of its own (S3) serves the bytes itself: the
    // player follows a redirect to a link that works for a few minutes,
    // and no recording passes through this server or its memory.
    const std::optional<QUrl> link = m_parts.store.playbackUrl(recording.value().storageKey);
    std::unique_ptr<QIODevice> bytes;
    if (!link) {
        Result<std::unique_ptr<QIODevice>> opened = m_parts.store.open(recording.value().storageKey);
        if (!opened)
            return ApiFailure::internal(opened.refusal());
        bytes = std::move(opened).value();
    }
    // Logged before a byte or a link goes out: an access that fails
    // half-way was still an access, and so is every link handed out.
    if (auto refusal = m_parts.audit.record(AuditEntry{ who.orgId, who.userId, u"recording.accessed"_s,
            recording.value().callId, QJsonObject{ { u"recording_id"_s, recordingId } }, 0, 0 }))
        return ApiFailure::internal(*refusal);
    if (link) {
        QHttpServerResponse redirect(QHttpServerResponder::StatusCode::Found);
        redirect.setHeader("Location", link->toEncoded());
        // The link is the recording for its lifetime: no cache keeps it.
        redirect.setHeader("Cache-Control", "no-store");
        return redirect;
    }
    return QHttpServerResponse(AudioFileTypes::mediaType(recording.value().fileType), bytes->readAll());
}

} // namespace callos::server
