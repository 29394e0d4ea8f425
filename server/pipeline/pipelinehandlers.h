#pragma once

#include "jobs/jobhandler.h"
#include "jobs/jobworkerthread.h"
#include "net/httpclient.h"
#include "pipeline/pipelinesettings.h"
#include "recording/diskrecordingstore.h"
#include "recording/recordingfetchhandler.h"
#include "recording/recordings.h"

namespace callos::server {

// The jobs after a call, as one worker thread runs them: fetching the
// recording (then transcription and analysis), with the clients and the
// recording store they share on that thread.
class PipelineHandlers final : public JobHandlerSet
{
public:
    PipelineHandlers(JobWorkerThread::Context &context, const Clock &clock, const PipelineSettings &settings);

    QList<JobHandler *> handlers() override;

private:
    HttpClient m_http;
    DiskRecordingStore m_store;
    Recordings m_recordings;
    RecordingFetchHandler m_fetch;
};

} // namespace callos::server
