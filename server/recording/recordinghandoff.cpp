#include "recording/recordinghandoff.h"

#include "jobs/jobqueue.h"
#include "recording/recordings.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

RecordingHandoff::RecordingHandoff(Database &database, Recordings &recordings, JobQueue &queue)
    : m_database(database)
    , m_recordings(recordings)
    , m_queue(queue)
{
}

std::optional<JobFailure> RecordingHandoff::toTranscription(const QString &orgId, const QString &recordingId,
    const std::optional<std::pair<QString, qint64>> &stored)
{
    Transaction transaction(m_database, tr("Storing recording %1").arg(recordingId));
    if (auto refusal = transaction.begin())
        return JobFailure::retryLater(refusal->message);
    if (stored) {
        if (auto refusal = m_recordings.markStored(transaction, recordingId, stored->first, stored->second))
            return JobFailure::retryLater(refusal->message);
    }
    const Result<QString> next = m_queue.enqueue(transaction,
        NewJob{ orgId, QString::fromLatin1(kTranscribeKind), QJsonObject{ { u"recording_id"_s, recordingId } },
            recordingId, 8, 0 });
    if (!next)
        return JobFailure::retryLater(next.refusal().message);
    if (auto refusal = transaction.commit())
        return JobFailure::retryLater(refusal->message);
    return std::nullopt;
}

} // namespace callos::server
