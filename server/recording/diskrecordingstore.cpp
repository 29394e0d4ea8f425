#include "recording/diskrecordingstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

const QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

DiskRecordingStore::DiskRecordingStore(QString root)
    : m_root(QDir::cleanPath(std::move(root)))
{
}

QString DiskRecordingStore::stagingDirectory() const
{
    if (m_root.isEmpty())
        return {}; // no store set up: nothing can be staged
    const QString staging = m_root + u"/.incoming"_s;
    QDir().mkpath(staging);
    QFile::setPermissions(m_root, kOwnerOnly | QFileDevice::ExeOwner);
    return staging;
}

QString DiskRecordingStore::pathOf(const QString &key) const
{
    if (m_root.isEmpty() || !isValidKey(key))
        return {};
    return m_root + u'/' + key;
}

std::optional<Refusal> DiskRecordingStore::store(const QString &key, const QString &localPath, const QString &)
{
    const QString path = pathOf(key);
    if (path.isEmpty())
        return Refusal{ u"recording.bad_key"_s, tr("'%1' is no recording key.").arg(key) };
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Refusal{ u"recording.store_failed"_s, tr("Cannot make the folder of %1.").arg(path) };
    QFile::setPermissions(localPath, kOwnerOnly);
    // rename() does not replace; storing again replaces the earlier copy.
    if (QFile::exists(path))
        QFile::remove(path);
    if (!QFile::rename(localPath, path))
        return Refusal{ u"recording.store_failed"_s, tr("Cannot move the recording to %1.").arg(path) };
    return std::nullopt;
}

Result<std::unique_ptr<QIODevice>> DiskRecordingStore::open(const QString &key)
{
    const QString path = pathOf(key);
    auto file = std::make_unique<QFile>(path);
    if (path.isEmpty() || !file->open(QIODevice::ReadOnly))
        return Refusal{ u"recording.missing"_s, tr("The recording %1 is not in the store.").arg(key) };
    return std::unique_ptr<QIODevice>(std::move(file));
}

Result<std::unique_ptr<LocalRecording>> DiskRecordingStore::local(const QString &key)
{
    const QString path = pathOf(key);
    if (path.isEmpty() || !QFile::exists(path))
        return Refusal{ u"recording.missing"_s, tr("The recording %1 is not in the store.").arg(key) };
    return std::make_unique<LocalRecording>(path, false);
}

LocalRecording::~LocalRecording()
{
    if (m_temporary)
        QFile::remove(m_path);
}

} // namespace callos::server
