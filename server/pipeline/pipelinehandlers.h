#pragma once

#include "analysis/analysehandler.h"
#include "analysis/analyses.h"
#include "analysis/claudeclient.h"
#include "analysis/promptregistry.h"
#include "calls/callplaybooks.h"
#include "calls/callrepository.h"
#include "content/playbookstore.h"
#include "jobs/jobhandler.h"
#include "jobs/jobworkerthread.h"
#include "meetingbot/botjoinhandler.h"
#include "meetingbot/botleavehandler.h"
#include "meetingbot/botrecordingfetchhandler.h"
#include "meetingbot/meetingbots.h"
#include "meetingbot/meetingbotservice.h"
#include "net/httpclient.h"
#include "pipeline/pipelinesettings.h"
#include "recording/recordingfetchhandler.h"
#include "recording/recordingdownload.h"
#include "recording/recordinghandoff.h"
#include "recording/recordings.h"
#include "recording/recordingstore.h"
#include "recording/uploadedparts.h"
#include "recording/uploadedrecordinghandler.h"
#include "transcription/assemblyaiclient.h"
#include "transcription/audiodecoder.h"
#include "transcription/offlinetranscriber.h"
#include "transcription/pocketsphinxrecognizer.h"
#include "transcription/transcribehandler.h"
#include "transcription/transcriptcollecthandler.h"
#include "transcription/transcriptcompletion.h"
#include "transcription/transcripts.h"

#include <memory>

namespace callos::server {

// The jobs after a call, as one worker thread runs them: sending a meeting
// bot and asking it to leave (with a bot service), fetching the recording
// (Zoom's, or the bot's), transcribing it (AssemblyAI with a key, else
// pocketsphinx here), analysing the call (Claude with a key, else the
// rule-based analyzer), with the clients, stores and repositories they
// share, all living on that thread.
class PipelineHandlers final : public JobHandlerSet
{
public:
    PipelineHandlers(JobWorkerThread::Context &context, const Clock &clock, const PipelineSettings &settings);

    QList<JobHandler *> handlers() override;

private:
    HttpClient m_http;
    std::unique_ptr<RecordingStore> m_store; // disk or S3 (makeRecordingStore)
    Recordings m_recordings;
    Transcripts m_transcripts;
    Analyses m_analyses;
    CallRepository m_calls;
    PlaybookStore m_playbookStore;
    CallPlaybooks m_playbooks;
    PromptRegistry m_prompts;
    TranscriptCompletion m_completion;
    AudioDecoder m_decoder;
    PocketSphinxRecognizer m_recognizer;
    OfflineTranscriber m_offline;
    std::unique_ptr<AssemblyAiClient> m_assemblyAi; // null: offline
    std::unique_ptr<ClaudeClient> m_claude; // null: rule-based
    MeetingBots m_bots;
    std::unique_ptr<MeetingBotService> m_botService; // null: no bots
    RecordingDownload m_download;
    // The one end of every recording source.
    RecordingHandoff m_handoff;
    RecordingFetchHandler m_fetch;
    UploadedParts m_uploadedParts;
    UploadedRecordingHandler m_upload;
    TranscribeHandler m_transcribe;
    std::unique_ptr<TranscriptCollectHandler> m_collect; // with AssemblyAI only
    AnalyseHandler m_analyse;
    // With a bot service only.
    std::unique_ptr<BotJoinHandler> m_botJoin;
    std::unique_ptr<BotLeaveHandler> m_botLeave;
    std::unique_ptr<BotRecordingFetchHandler> m_botFetch;
};

} // namespace callos::server
