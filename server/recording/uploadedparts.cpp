#include "recording/uploadedparts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace callos::server {

UploadedParts::UploadedParts(QString stagingDirectory)
    : m_directory(std::move(stagingDirectory))
{
}

QString UploadedParts::pathOf(const QString &recordingId) const
{
    return QDir(m_directory).filePath(u"upload-"_s + recordingId + u".part"_s);
}

qint64 UploadedParts::received(const QString &recordingId) const
{
    const QFileInfo part(pathOf(recordingId));
    return part.exists() ? part.size() : 0;
}

Result<UploadedParts::Appended> UploadedParts::append(const QString &recordingId, qint64 offset, const QByteArray &chunk)
{
    const qint64 have = received(recordingId);
    if (offset < have && offset + chunk.size() <= have)
        return Appended{ have, true };
    if (offset != have)
        return Refusal{ u"upload.offset_mismatch"_s,
            tr("The server has %1 bytes of this recording; send the part from byte %1 on.").arg(have) };
    if (!QDir().mkpath(m_directory))
        return Refusal{ u"upload.storage_failed"_s, tr("Cannot make the folder %1.").arg(m_directory) };
    QFile part(pathOf(recordingId));
    if (!part.open(QIODevice::WriteOnly | QIODevice::Append))
        return Refusal{ u"upload.storage_failed"_s, tr("Cannot write the upload: %1").arg(part.errorString()) };
    part.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // All or nothing: a chunk written in part is cut back, so the size
    // stays a chunk boundary the client knows.
    if (part.write(chunk) != chunk.size() || !part.flush()) {
        const QString why = part.errorString();
        part.resize(have);
        return Refusal{ u"upload.storage_failed"_s, tr("Cannot write the upload: %1").arg(why) };
    }
    return Appended{ have + chunk.size(), false };
}

void UploadedParts::remove(const QString &recordingId)
{
    QFile::remove(pathOf(recordingId));
}

} // namespace callos::server
