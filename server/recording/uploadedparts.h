#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace callos::server {

// The bytes of recordings being uploaded from the desktop, one part file
// per recording in the recording store's staging folder, grown chunk by
// chunk in order. The file is the upload's state: its size is what has
// arrived, so an upload cut off (a dropped connection, a restarted server)
// goes on from there. Not thread-safe: the HTTP thread writes, and a job
// reads a file only once it is complete.
class UploadedParts
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::UploadedParts)

public:
    explicit UploadedParts(QString stagingDirectory);

    QString pathOf(const QString &recordingId) const;
    // How many bytes of the recording have arrived (0: none yet).
    qint64 received(const QString &recordingId) const;

    struct Appended
    {
        qint64 received = 0;
        // The chunk was had already (a resend after a lost answer).
        bool duplicate = false;
    };
    // Adds `chunk` at `offset`. A chunk that ends within what arrived
    // already changes nothing; any other offset than the end is refused
    // with upload.offset_mismatch (the client asks where to go on).
    Result<Appended> append(const QString &recordingId, qint64 offset, const QByteArray &chunk);
    void remove(const QString &recordingId);

private:
    QString m_directory;
};

} // namespace callos::server
