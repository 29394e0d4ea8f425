#pragma once

#include "recording/recordingstore.h"

#include <memory>

namespace callos {
class Clock;
}

namespace callos::server {

class HttpClient;
class S3Settings;

// The one place that picks where recordings live, so the job workers that
// write them and the routes that hand them out always agree: S3 when a
// bucket is set, else the local disk under `recordingsDirectory`. Both
// stage files in its ".incoming" folder. The store uses `http` and
// `clock` for as long as it lives, on the thread that uses the store.
std::unique_ptr<RecordingStore> makeRecordingStore(
    const S3Settings &s3, const QString &recordingsDirectory, HttpClient &http, const Clock &clock);

} // namespace callos::server
