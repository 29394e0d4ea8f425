#pragma once

#include "common/result.h"

#include <QString>

#include <memory>
#include <optional>

class QIODevice;

namespace callos::server {

// Where the recordings' bytes live: the local disk by default, S3 when set
// up. A key is "<organisation>/<recording>.<ext>"; the rows in `recordings`
// name it, the store keeps the bytes.
class RecordingStore
{
public:
    virtual ~RecordingStore() = default;

    // "disk", "s3": for the log and the admin.
    virtual QString name() const = 0;
    // A folder on the local disk for files on their way in (downloads,
    // uploads): store() takes them from there.
    virtual QString stagingDirectory() const = 0;
    // Keeps the finished file at `localPath` under `key` (replacing what
    // was there: storing again is harmless) and removes the local file.
    virtual std::optional<Refusal> store(const QString &key, const QString &localPath, const QString &contentType) = 0;
    // The bytes under `key`, to read from the start.
    virtual Result<std::unique_ptr<QIODevice>> open(const QString &key) = 0;
};

} // namespace callos::server
