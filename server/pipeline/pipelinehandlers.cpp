#include "pipeline/pipelinehandlers.h"

namespace callos::server {

PipelineHandlers::PipelineHandlers(
    JobWorkerThread::Context &context, const Clock &clock, const PipelineSettings &settings)
    : m_store(settings.recordingsDirectory)
    , m_recordings(context.database, clock, context.ids)
    , m_fetch(context.database, m_recordings, context.queue, m_store, m_http, clock)
{
    m_fetch.setStallTimeoutMs(settings.downloadStallTimeoutMs);
}

QList<JobHandler *> PipelineHandlers::handlers()
{
    return { &m_fetch };
}

} // namespace callos::server
