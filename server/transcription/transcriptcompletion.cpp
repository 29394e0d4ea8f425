#include "transcription/transcriptcompletion.h"

#include "jobs/jobqueue.h"
#include "storage/transaction.h"
#include "transcription/transcripts.h"

using namespace Qt::StringLiterals;

namespace callos::server {

TranscriptCompletion::TranscriptCompletion(Database &database, Transcripts &transcripts, JobQueue &queue)
    : m_database(database)
    , m_transcripts(transcripts)
    , m_queue(queue)
{
}

std::optional<JobFailure> TranscriptCompletion::complete(
    const QString &orgId, const QString &recordingId, const QString &callId, const Transcript *transcript)
{
    Transaction transaction(m_database, tr("Storing the transcript of recording %1").arg(recordingId));
    if (auto refusal = transaction.begin())
        return JobFailure::retryLater(refusal->message);
    if (transcript) {
        if (auto refusal = m_transcripts.saveCompleted(transaction, recordingId, orgId, callId, *transcript))
            return JobFailure::retryLater(refusal->message);
    }
    const Result<QString> next = m_queue.enqueue(transaction,
        NewJob{ orgId, QString::fromLatin1(kAnalyseKind),
            QJsonObject{ { u"recording_id"_s, recordingId }, { u"call_id"_s, callId } }, recordingId, 8, 0 });
    if (!next)
        return JobFailure::retryLater(next.refusal().message);
    if (auto refusal = transaction.commit())
        return JobFailure::retryLater(refusal->message);
    return std::nullopt;
}

} // namespace callos::server
