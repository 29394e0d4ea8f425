#pragma once

#include "common/result.h"

#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

class QIODevice;

namespace callos::server {

// A recording's bytes as a file on the local disk, for tools that read
// files (the offline transcriber, an upload to a transcription service).
// A copy made for it goes when this does.
class LocalRecording
{
public:
    LocalRecording(QString path, bool temporary) : m_path(std::move(path)), m_temporary(temporary) { }
    ~LocalRecording();
    LocalRecording(const LocalRecording &) = delete;
    LocalRecording &operator=(const LocalRecording &) = delete;

    const QString &path() const { return m_path; }

private:
    QString m_path;
    bool m_temporary;
};

// Where the recordings' bytes live: the local disk by default, S3 when set
// up. A key is "<organisation>/<recording>.<ext>"; the rows in `recordings`
// name it, the store keeps the bytes.
class RecordingStore
{
public:
    // The code of a refusal that asking again cannot change (the store said
    // no: wrong credentials, no such bucket); the job ends then. Any other
    // refusal may pass on a later try (the store was busy or out of reach).
    static constexpr auto kRefusedCode = "recording.store_refused";

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
    // The bytes under `key` as a local file: the stored file itself on
    // disk, a copy in the staging folder for a remote store.
    virtual Result<std::unique_ptr<LocalRecording>> local(const QString &key) = 0;
    // A link a player fetches the bytes under `key` from, straight from the
    // store, for the store's short while; std::nullopt when the store has
    // none (the disk: the server sends the bytes itself). Whoever holds the
    // link can play the recording until it expires: audit before handing
    // it out.
    virtual std::optional<QUrl> playbackUrl(const QString &key) const = 0;

    static bool isPermanent(const Refusal &refusal) { return refusal.code == QLatin1String(kRefusedCode); }
    // A key as the server makes them; a key is never trusted to stay inside
    // the store's folder or bucket.
    static bool isValidKey(const QString &key)
    {
        return !key.isEmpty() && !key.startsWith(u'/') && !key.contains(QLatin1String("..")) && !key.contains(u'\\');
    }
};

} // namespace callos::server
