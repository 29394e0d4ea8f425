#pragma once

#include "http/httpexchange.h"

#include <QCoreApplication>

namespace callos::server {

class Analyses;
class AuditLog;
class CallPlaybooks;
class CallRepository;
class Database;
class HttpRouter;
class JobQueue;
class PipelineStatus;
class RecordingStore;
class Recordings;
class Transcripts;

// A recorded call after the fact, for its agent and their managers:
//   GET /api/v1/calls/{id}/review -> {call_id, pipeline: PipelineStatus,
//     recording: {id, source, state, started_at, file_type, size_bytes} | null,
//     transcript: {engine, language, duration_ms, utterances} | null,
//     timeline: [{at_ms, kind, id, label}] (the call's events on the
//       recording's time line; [] without a recording),
//     analysis: {id, engine, state, result, failure_reason, prompt_versions,
//       model, created_at} | null}
//   POST /api/v1/calls/{id}/review/retry {} -> 200 the review; every failed
//     step of the call's recording runs again (audited call.pipeline_retried);
//     409 pipeline.nothing_to_retry when no step has failed.
//   GET /api/v1/recordings/{id}/media -> the recording's bytes (disk
//     store), or 302 Found to a short-lived presigned link (S3); every
//     access is audited (recording.accessed: who, which, when).
// A call one may not see is 404 call.not_found, as elsewhere.
class ReviewRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ReviewRoutes)

public:
    struct Parts
    {
        Database &database;
        CallRepository &calls;
        CallPlaybooks &playbooks;
        Recordings &recordings;
        Transcripts &transcripts;
        Analyses &analyses;
        PipelineStatus &status;
        JobQueue &jobs;
        RecordingStore &store;
        AuditLog &audit;
    };

    explicit ReviewRoutes(Parts parts);

    void addTo(HttpRouter &router);

private:
    ApiAnswer review(HttpExchange &exchange);
    ApiAnswer retry(HttpExchange &exchange);
    ApiAnswer media(HttpExchange &exchange);
    ApiResult<QJsonObject> reviewOf(const Principal &who, const QString &callId);

    Parts m_parts;
};

} // namespace callos::server
