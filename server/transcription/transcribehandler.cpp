#include "transcription/transcribehandler.h"

#include "jobs/jobqueue.h"
#include "recording/recordings.h"
#include "recording/recordingstore.h"
#include "storage/transaction.h"
#include "transcription/localtranscriber.h"
#include "transcription/transcripts.h"

using namespace Qt::StringLiterals;

namespace callos::server {

TranscribeHandler::TranscribeHandler(Database &database, Recordings &recordings, Transcripts &transcripts,
    JobQueue &queue, RecordingStore &store, LocalTranscriber &transcriber)
    : m_database(database)
    , m_recordings(recordings)
    , m_transcripts(transcripts)
    , m_queue(queue)
    , m_store(store)
    , m_transcriber(transcriber)
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
    if (existing.value() && existing.value()->state == u"completed"_s)
        return queueAnalysis(job, recordingId, recording.callId, nullptr); // an earlier run got this far

    const Result<std::unique_ptr<LocalRecording>> local = m_store.local(recording.storageKey);
    if (!local)
        return JobFailure::retryLater(local.refusal().message);
    const Result<Transcript> transcript = m_transcriber.transcribe(local.value()->path());
    if (!transcript) {
        if (transcript.refusal().code == u"transcription.cancelled"_s)
            return JobFailure::retryLater(transcript.refusal().message);
        return JobFailure::givingUp(transcript.refusal().message);
    }

    return queueAnalysis(job, recordingId, recording.callId, &transcript.value());
}

std::optional<JobFailure> TranscribeHandler::queueAnalysis(
    const Job &job, const QString &recordingId, const QString &callId, const Transcript *transcript)
{
    Transaction transaction(m_database, tr("Storing the transcript of recording %1").arg(recordingId));
    if (auto refusal = transaction.begin())
        return JobFailure::retryLater(refusal->message);
    if (transcript) {
        if (auto refusal = m_transcripts.saveCompleted(transaction, recordingId, job.orgId, callId, *transcript))
            return JobFailure::retryLater(refusal->message);
    }
    const Result<QString> next = m_queue.enqueue(transaction,
        NewJob{ job.orgId, QString::fromLatin1(kAnalyseKind),
            QJsonObject{ { u"recording_id"_s, recordingId }, { u"call_id"_s, callId } }, recordingId, 8, 0 });
    if (!next)
        return JobFailure::retryLater(next.refusal().message);
    if (auto refusal = transaction.commit())
        return JobFailure::retryLater(refusal->message);
    return std::nullopt;
}

} // namespace callos::server
