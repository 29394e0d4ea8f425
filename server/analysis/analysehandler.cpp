#include "analysis/analysehandler.h"

#include "analysis/analyses.h"
#include "analysis/analysisprompt.h"
#include "analysis/claudeclient.h"
#include "analysis/promptregistry.h"
#include "call/calleventcodec.h"
#include "call/callreducer.h"
#include "calls/callplaybooks.h"
#include "calls/callrepository.h"
#include "recording/recordings.h"
#include "storage/transaction.h"
#include "transcription/transcripts.h"

using namespace Qt::StringLiterals;

namespace callos::server {

AnalyseHandler::AnalyseHandler(Database &database, Recordings &recordings, Transcripts &transcripts,
    Analyses &analyses, CallRepository &calls, CallPlaybooks &playbooks, PromptRegistry &prompts, ClaudeClient *claude)
    : m_database(database)
    , m_recordings(recordings)
    , m_transcripts(transcripts)
    , m_analyses(analyses)
    , m_calls(calls)
    , m_playbooks(playbooks)
    , m_prompts(prompts)
    , m_claude(claude)
    , m_schema(AnalysisPrompt::schema())
{
}

std::optional<JobFailure> AnalyseHandler::run(const Job &job)
{
    const QString recordingId = job.payload.value(u"recording_id"_s).toString();
    const QString callId = job.payload.value(u"call_id"_s).toString();
    const Result<std::optional<AnalysisRow>> existing = m_analyses.find(callId, recordingId);
    if (!existing)
        return JobFailure::retryLater(existing.refusal().message);
    if (existing.value())
        return std::nullopt; // an earlier run stored it

    std::variant<CallAnalysisInput, JobFailure> gathered = gather(job, recordingId);
    if (const JobFailure *failure = std::get_if<JobFailure>(&gathered))
        return *failure;
    const CallAnalysisInput &input = std::get<CallAnalysisInput>(gathered);
    const CallMetrics metrics = CallMetrics::compute(input.transcript);

    AnalysisRow analysis;
    if (m_claude) {
        std::variant<AnalysisRow, JobFailure> asked = askClaude(job, input, metrics);
        if (const JobFailure *failure = std::get_if<JobFailure>(&asked))
            return *failure;
        analysis = std::get<AnalysisRow>(std::move(asked));
    } else {
        analysis.engine = u"rule-based"_s;
        analysis.state = u"completed"_s;
        analysis.result = m_ruleBased.analyse(input, metrics);
    }
    analysis.callId = callId;
    analysis.recordingId = recordingId;
    // The figures need no judgement: the same whoever analysed.
    analysis.result.insert(u"metrics"_s, metrics.toJson());

    Transaction transaction(m_database, tr("Storing the analysis of call %1").arg(callId));
    if (auto refusal = transaction.begin())
        return JobFailure::retryLater(refusal->message);
    const Result<bool> added = m_analyses.add(transaction, job.orgId, analysis);
    if (!added)
        return JobFailure::retryLater(added.refusal().message);
    if (auto refusal = transaction.commit())
        return JobFailure::retryLater(refusal->message);
    return std::nullopt;
}

std::variant<AnalysisRow, JobFailure> AnalyseHandler::askClaude(
    const Job &job, const CallAnalysisInput &input, const CallMetrics &metrics)
{
    const Result<QList<PromptLayer>> layers = m_prompts.current(job.orgId);
    if (!layers)
        return JobFailure::retryLater(layers.refusal().message);
    const ClaudeResult answer = m_claude->send(AnalysisPrompt::build(layers.value(), input, metrics, m_schema));
    if (answer.outcome == ClaudeResult::Outcome::Failed)
        return answer.failure;
    AnalysisRow analysis;
    analysis.engine = u"claude"_s;
    analysis.promptVersions = PromptRegistry::versionsOf(layers.value());
    analysis.model = answer.model;
    analysis.usage = QJsonObject{ { u"input_tokens"_s, answer.usage.inputTokens },
        { u"output_tokens"_s, answer.usage.outputTokens },
        { u"cache_creation_input_tokens"_s, answer.usage.cacheCreationInputTokens },
        { u"cache_read_input_tokens"_s, answer.usage.cacheReadInputTokens } };
    if (answer.answered()) {
        analysis.state = u"completed"_s;
        analysis.result = answer.answer;
    } else {
        // Refused, or an answer outside the schema: kept, with why, so a
        // person sees it; asking again would spend money on the same.
        analysis.state = u"failed"_s;
        analysis.failureReason = answer.outcome == ClaudeResult::Outcome::Refused
            ? tr("Claude declined to analyse the call: %1").arg(answer.problem)
            : tr("Claude's answer did not fit the analysis schema: %1").arg(answer.problem);
    }
    return analysis;
}

std::variant<CallAnalysisInput, JobFailure> AnalyseHandler::gather(const Job &job, const QString &recordingId)
{
    const Result<std::optional<RecordingRow>> recording = m_recordings.find(recordingId);
    if (!recording)
        return JobFailure::retryLater(recording.refusal().message);
    if (!recording.value())
        return JobFailure::givingUp(tr("Recording %1 does not exist.").arg(recordingId));
    const Result<std::optional<TranscriptRow>> transcript = m_transcripts.find(recordingId);
    if (!transcript)
        return JobFailure::retryLater(transcript.refusal().message);
    if (!transcript.value() || transcript.value()->state != u"completed"_s)
        return JobFailure::givingUp(tr("Recording %1 has no transcript.").arg(recordingId));

    const QString &callId = recording.value()->callId;
    const Result<QJsonArray> stored = m_calls.events(job.orgId, callId);
    if (!stored)
        return JobFailure::retryLater(stored.refusal().message);
    CallAnalysisInput input;
    for (const QJsonValue &json : stored.value()) {
        Result<CallEvent> event = CallEventCodec::fromJson(json.toObject());
        if (!event)
            return JobFailure::givingUp(tr("A stored event of call %1 is not readable: %2")
                                            .arg(callId, event.refusal().message));
        input.events.append(std::move(event).value());
    }
    if (input.events.isEmpty() || input.events.first().type != EventType::CallStarted)
        return JobFailure::givingUp(tr("Call %1 has no events to analyse.").arg(callId));
    const QJsonObject started = input.events.first().payload;
    m_playbook = m_playbooks.find(job.orgId, started.value(u"playbookId"_s).toString(),
        started.value(u"playbookVersion"_s).toInt());
    if (!m_playbook)
        return JobFailure::givingUp(tr("The playbook call %1 ran is no longer the organisation's.").arg(callId));
    Result<CallState> state = CallReducer(*m_playbook).replay(input.events);
    if (!state)
        return JobFailure::givingUp(tr("The events of call %1 do not replay: %2").arg(callId, state.refusal().message));

    input.playbook = m_playbook.get();
    input.state = std::move(state).value();
    input.transcript = transcript.value()->transcript;
    // Without the recording's own start, take the call's: the offset is
    // then unknown and treated as none.
    input.recordingStartedAt
        = recording.value()->startedAt > 0 ? recording.value()->startedAt : input.state.startedAt;
    return input;
}

} // namespace callos::server
