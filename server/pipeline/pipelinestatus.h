#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace callos::server {

class Analyses;
class JobQueue;
class Recordings;
class Transcripts;

// Where the work after one call stands, as the app shows it:
//   {"recording_id", "steps": [{"step": "recording" | "transcription" | "analysis",
//     "state": "no_consent" | "waiting" | "queued" | "running" | "retrying" | "done" | "failed",
//     "engine"?, "job_id"?, "attempts"?, "last_error"?, "next_attempt_at"?}]}
// "retrying": an attempt failed and the next comes at next_attempt_at;
// "failed": no attempt is left (a person may retry it).
class PipelineStatus
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::PipelineStatus)

public:
    PipelineStatus(JobQueue &jobs, Recordings &recordings, Transcripts &transcripts, Analyses &analyses);

    // In the caller's tenant scope. `consent`: the prospect agreed to be
    // recorded (without it nothing is recorded at all).
    Result<QJsonObject> of(const QString &orgId, const QString &callId, bool consent);
    // The same, with the consent as the call's events recorded it.
    Result<QJsonObject> ofCall(const QString &orgId, const QString &callId);

private:
    JobQueue &m_jobs;
    Recordings &m_recordings;
    Transcripts &m_transcripts;
    Analyses &m_analyses;
};

} // namespace callos::server
