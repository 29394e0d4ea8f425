#pragma once

#include "recording/recordingstore.h"

#include <QCoreApplication>

namespace callos::server {

// Recordings as files under one folder (<data dir>/recordings by default),
// readable by the server's user only. Files arrive in its ".incoming"
// folder, on the same file system, so storing one is a rename: a file is
// either whole under its key or not there.
class DiskRecordingStore final : public RecordingStore
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::DiskRecordingStore)

public:
    explicit DiskRecordingStore(QString root);

    QString name() const override { return QStringLiteral("disk"); }
    QString stagingDirectory() const override;
    std::optional<Refusal> store(const QString &key, const QString &localPath, const QString &contentType) override;
    Result<std::unique_ptr<QIODevice>> open(const QString &key) override;
    Result<std::unique_ptr<LocalRecording>> local(const QString &key) override;
    // None: the server sends the bytes itself.
    std::optional<QUrl> playbackUrl(const QString &) const override { return std::nullopt; }

private:
    // The file of `key`; empty for a key that would leave the folder.
    QString pathOf(const QString &key) const;

    QString m_root;
};

} // namespace callos::server
