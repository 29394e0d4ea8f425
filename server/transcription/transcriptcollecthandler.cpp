#include "transcription/transcriptcollecthandler.h"

#include "storage/transaction.h"
#include "transcription/assemblyaiclient.h"
#include "transcription/transcriptcompletion.h"
#include "transcription/transcripts.h"

using namespace Qt::StringLiterals;

namespace callos::server {

TranscriptCollectHandler::TranscriptCollectHandler(
    Database &database, Transcripts &transcripts, TranscriptCompletion &completion, AssemblyAiClient &assemblyAi)
    : m_database(database)
    , m_transcripts(transcripts)
    , m_completion(completion)
    , m_assemblyAi(assemblyAi)
{
}

std::optional<JobFailure> TranscriptCollectHandler::run(const Job &job)
{
    const QString recordingId = job.payload.value(u"recording_id"_s).toString();
    const Result<std::optional<TranscriptRow>> found = m_transcripts.find(recordingId);
    if (!found)
        return JobFailure::retryLater(found.refusal().message);
    if (!found.value())
        return JobFailure::givingUp(tr("Recording %1 has no transcription request.").arg(recordingId));
    const TranscriptRow &row = *found.value();
    if (row.state == u"completed"_s) // an earlier run stored it
        return m_completion.complete(row.orgId, recordingId, row.callId, nullptr);
    if (row.state != u"requested"_s)
        return JobFailure::givingUp(tr("The transcription of recording %1 failed: %2").arg(recordingId, row.error));

    const JobResult<AssemblyAiTranscriptStatus> status = m_assemblyAi.fetchTranscript(row.externalId);
    if (!status)
        return status.failure();
    switch (status.value().state) {
    case AssemblyAiTranscriptStatus::State::Completed:
        return m_completion.complete(row.orgId, recordingId, row.callId, &*status.value().transcript);
    case AssemblyAiTranscriptStatus::State::Error: {
        const QString why = tr("AssemblyAI could not transcribe the recording: %1").arg(status.value().error);
        Transaction transaction(m_database, tr("Marking the transcript of %1 failed").arg(recordingId));
        if (auto refusal = transaction.begin())
            return JobFailure::retryLater(refusal->message);
        if (auto refusal = m_transcripts.saveFailed(transaction, recordingId, why))
            return JobFailure::retryLater(refusal->message);
        if (auto refusal = transaction.commit())
            return JobFailure::retryLater(refusal->message);
        return JobFailure::givingUp(why);
    }
    case AssemblyAiTranscriptStatus::State::Queued:
    case AssemblyAiTranscriptStatus::State::Processing:
        break;
    }
    return JobFailure{ tr("AssemblyAI is still transcribing."), kPollAgainMs, false };
}

} // namespace callos::server
