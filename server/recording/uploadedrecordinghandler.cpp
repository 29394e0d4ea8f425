#include "recording/uploadedrecordinghandler.h"

#include "recording/audiofiletypes.h"
#include "recording/recordinghandoff.h"
#include "recording/recordings.h"
#include "recording/recordingstore.h"
#include "recording/uploadedparts.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace callos::server {

UploadedRecordingHandler::UploadedRecordingHandler(Recordings &recordings, RecordingStore &store,
    UploadedParts &parts, RecordingHandoff &handoff)
    : m_recordings(recordings)
    , m_store(store)
    , m_parts(parts)
    , m_handoff(handoff)
{
}

std::optional<JobFailure> UploadedRecordingHandler::run(const Job &job)
{
    const JobResult<RecordingRow> found = m_recordings.ofJob(job);
    if (!found)
        return found.failure();
    const RecordingRow &recording = found.value();
    const QString &recordingId = recording.id;
    if (recording.state == u"stored"_s)
        return m_handoff.toTranscription(recording.orgId, recordingId, std::nullopt);

    const QString path = m_parts.pathOf(recordingId);
    if (!QFile::exists(path) || m_parts.received(recordingId) != recording.sizeBytes)
        return JobFailure::givingUp(tr("The uploaded file is not complete on this server (%1 of %2 bytes); "
                                       "upload it again.")
                                        .arg(m_parts.received(recordingId))
                                        .arg(recording.sizeBytes));
    const QString key = recording.orgId + u'/' + recordingId + u'.' + recording.fileType;
    // A store that said no to the request itself (S3: wrong credentials, no
    // such bucket) says so again: the job ends, keeping the file, and an
    // admin retries it once the settings are right.
    if (auto refusal = m_store.store(key, path, QString::fromLatin1(AudioFileTypes::mediaType(recording.fileType))))
        return RecordingStore::isPermanent(*refusal) ? JobFailure::givingUp(refusal->message)
                                                     : JobFailure::retryLater(refusal->message);
    return m_handoff.toTranscription(recording.orgId, recordingId, std::pair<QString, qint64>(key, recording.sizeBytes));
}

} // namespace callos::server
