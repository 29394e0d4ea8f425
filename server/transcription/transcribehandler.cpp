#include "transcription/transcribehandler.h"

#include "common/clock.h"
#include "jobs/jobqueue.h"
#include "recording/recordings.h"
#include "recording/recordingstore.h"
#include "storage/transaction.h"
#include "transcription/localtranscriber.h"
#include "transcription/transcriptcompletion.h"
#include "transcription/transcripts.h"

using namespace Qt::StringLiterals;

namespace callos::server {

TranscribeHandler::TranscribeHandler(Database &database, Recordings &recordings, Transcripts &transcripts,
    JobQueue &queue, RecordingStore &store, TranscriptCompletion &completion, LocalTranscriber &transcriber,
    AssemblyAiClient *assemblyAi, AssemblyAiTranscriptOptions assemblyAiOptions, const Clock &clock)
    : m_database(database)
    , m_recordings(recordings)
    , m_transcripts(transcripts)
    , m_queue(queue)
    , m_store(store)
    , m_completion(completion)
    , m_transcriber(transcriber)
    , m_assemblyAi(assemblyAi)
    , m_assemblyAiOptions(std::move(assemblyAiOptions))
    , m_clock(clock)
{
}

std::optional<JobFailure> TranscribeHandler::run(const Job &job)
{
    const QString recordingId = job.payload.value(u"recording_id"_s).toString();
    const Result<std::optional<RecordingRow>> found = m_recordings.find(recordingId);
    if (!found)
        return JobFailure::retryLater(found.refusal().message);
    if (!found.value())
        return JobFailure::givingUp(tr("Recording %1 does not exist.").arg(recordingId));
    const RecordingRow &recording = *found.value();
    if (recording.state != u"stored"_s || recording.storageKey.isEmpty())
        return JobFailure::givingUp(tr("Recording %1 is not stored yet.").arg(recordingId));

    const Result<std::optional<TranscriptRow>> existing = m_transcripts.find(recordingId);
    if (!existing)
        return JobFailure::retryLater(existing.refusal().message);
    if (existing.value() && existing.value()->state == u"completed"_s) // an earlier run got this far
        return m_completion.complete(recording.orgId, recordingId, recording.callId, nullptr);
    if (m_assemblyAi && existing.value() && existing.value()->state == u"requested"_s)
        return queueCollection(recording, QString());

    const Result<std::unique_ptr<LocalRecording>> local = m_store.local(recording.storageKey);
    if (!local)
        return RecordingStore::isPermanent(local.refusal()) ? JobFailure::givingUp(local.refusal().message)
                                                            : JobFailure::retryLater(local.refusal().message);
    if (m_assemblyAi)
        return askAssemblyAi(recording, local.value()->path());
    const Result<Transcript> transcript = m_transcriber.transcribe(local.value()->path());
    if (!transcript) {
        if (transcript.refusal().code == u"transcription.cancelled"_s)
            return JobFailure::retryLater(transcript.refusal().message);
        return JobFailure::givingUp(transcript.refusal().message);
    }
    return m_completion.complete(recording.orgId, recordingId, recording.callId, &transcript.value());
}

std::optional<JobFailure> TranscribeHandler::askAssemblyAi(const RecordingRow &recording, const QString &localPath)
{
    const JobResult<QString> uploaded = m_assemblyAi->upload(localPath);
    if (!uploaded)
        return uploaded.failure();
    const JobResult<QString> created = m_assemblyAi->createTranscript(uploaded.value(), m_assemblyAiOptions);
    if (!created)
        return created.failure();
    return queueCollection(recording, created.value());
}

std::optional<JobFailure> TranscribeHandler::queueCollection(const RecordingRow &recording, const QString &externalId)
{
    Transaction transaction(m_database, tr("Recording the transcription request of %1").arg(recording.id));
    if (auto refusal = transaction.begin())
        return JobFailure::retryLater(refusal->message);
    if (!externalId.isEmpty()) {
        if (auto refusal = m_transcripts.saveRequested(
                transaction, recording.id, recording.orgId, recording.callId, u"assemblyai"_s, externalId))
            return JobFailure::retryLater(refusal->message);
    }
    const qint64 poll = m_assemblyAiOptions.webhookUrl.isEmpty() ? kPollWithoutWebhookMs : kPollWithWebhookMs;
    // Polls come back for hours: AssemblyAI takes a fraction of the audio's
    // length, and its queue can be long.
    // Again after a retried transcription: its first collection is done.
    const Result<QString> next = m_queue.enqueueAgain(transaction,
        NewJob{ recording.orgId, QString::fromLatin1(kCollectKind), QJsonObject{ { u"recording_id"_s, recording.id } },
            recording.id, 40, m_clock.nowMs() + poll });
    if (!next)
        return JobFailure::retryLater(next.refusal().message);
    if (auto refusal = transaction.commit())
        return JobFailure::retryLater(refusal->message);
    return std::nullopt;
}

} // namespace callos::server
