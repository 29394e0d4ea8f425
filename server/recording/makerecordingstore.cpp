#include "recording/makerecordingstore.h"

#include "recording/diskrecordingstore.h"
#include "recording/s3recordingstore.h"

using namespace Qt::StringLiterals;

namespace callos::server {

std::unique_ptr<RecordingStore> makeRecordingStore(
    const S3Settings &s3, const QString &recordingsDirectory, HttpClient &http, const Clock &clock)
{
    if (!s3.enabled())
        return std::make_unique<DiskRecordingStore>(recordingsDirectory);
    // The disk store's own staging folder, so a switch to S3 leaves no
    // second place for half-done files.
    const QString staging = recordingsDirectory.isEmpty() ? QString() : recordingsDirectory + u"/.incoming"_s;
    return std::make_unique<S3RecordingStore>(s3, staging, http, clock);
}

} // namespace callos::server
