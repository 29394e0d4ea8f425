#include "pipeline/pipelinehandlers.h"

#include "api/assemblyaiwebhookroutes.h"
#include "meetingbot/attendeebotservice.h"
#include "recording/makerecordingstore.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Where AssemblyAI calls back, when the server has a public address.
AssemblyAiTranscriptOptions assemblyAiOptions(const IntegrationSettings &services)
{
    AssemblyAiTranscriptOptions options;
    options.speakersExpected = 2; // the agent and the prospect
    if (!services.publicUrl.isEmpty()) {
        options.webhookUrl = services.publicUrl + QString::fromLatin1(AssemblyAiWebhookRoutes::kPath);
        options.webhookAuthHeaderName = QString::fromLatin1(AssemblyAiWebhookRoutes::kHeaderName);
        options.webhookAuthHeaderValue = QString::fromLatin1(services.assemblyAiWebhookSecret());
    }
    return options;
}

} // namespace

PipelineHandlers::PipelineHandlers(
    JobWorkerThread::Context &context, const Clock &clock, const PipelineSettings &settings)
    : m_store(makeRecordingStore(settings.services.s3, settings.recordingsDirectory, m_http, clock))
    , m_recordings(context.database, clock, context.ids)
    , m_transcripts(context.database, clock)
    , m_analyses(context.database, clock, context.ids)
    , m_calls(context.database, context.ids)
    , m_playbookStore(context.database, clock, PlaybookStore::readEmbeddedDefault().value())
    , m_playbooks(m_playbookStore)
    , m_prompts(context.database, clock)
    , m_completion(context.database, m_transcripts, context.queue)
    , m_offline(m_decoder, m_recognizer)
    , m_assemblyAi(settings.services.hasAssemblyAi()
              ? std::make_unique<AssemblyAiClient>(settings.services.assemblyAi, m_http, clock)
              : nullptr)
    , m_claude(settings.services.hasClaude() ? std::make_unique<ClaudeClient>(settings.services.claude, m_http, clock)
                                             : nullptr)
    , m_bots(context.database, clock, context.ids)
    , m_botService(settings.services.hasMeetingBot()
              ? std::make_unique<AttendeeBotService>(settings.services.attendee, m_http, clock)
              : nullptr)
    , m_download(m_recordings, *m_store, m_http, clock)
    , m_handoff(context.database, m_recordings, context.queue)
    , m_fetch(m_download, m_handoff)
    , m_uploadedParts(m_store->stagingDirectory())
    , m_upload(m_recordings, *m_store, m_uploadedParts, m_handoff)
    , m_transcribe(context.database, m_recordings, m_transcripts, context.queue, *m_store, m_completion, m_offline,
          m_assemblyAi.get(), assemblyAiOptions(settings.services), clock)
    , m_collect(m_assemblyAi
              ? std::make_unique<TranscriptCollectHandler>(context.database, m_transcripts, m_completion, *m_assemblyAi)
              : nullptr)
    , m_analyse(
          context.database, m_recordings, m_transcripts, m_analyses, m_calls, m_playbooks, m_prompts, m_claude.get())
{
    m_download.setStallTimeoutMs(settings.downloadStallTimeoutMs);
    if (m_botService) {
        m_botJoin = std::make_unique<BotJoinHandler>(
            context.database, m_bots, m_recordings, *m_botService, settings.services.meetingBotWebhookUrl());
        m_botLeave = std::make_unique<BotLeaveHandler>(context.database, m_bots, context.queue, *m_botService);
        m_botFetch = std::make_unique<BotRecordingFetchHandler>(m_download, m_handoff, *m_botService);
    }
}

QList<JobHandler *> PipelineHandlers::handlers()
{
    QList<JobHandler *> out{ &m_fetch, &m_upload, &m_transcribe, &m_analyse };
    if (m_collect)
        out.append(m_collect.get());
    if (m_botService)
        out << m_botJoin.get() << m_botLeave.get() << m_botFetch.get();
    return out;
}

} // namespace callos::server
