#include "client/sync/playbookcache.h"

#include "playbook/playbookloader.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

PlaybookCache::PlaybookCache(QString folder) : m_folder(std::move(folder)) { }

QString PlaybookCache::path() const
{
    return QDir(m_folder).filePath(u"playbook-cache.json"_s);
}

QString PlaybookCache::etagPath() const
{
    return QDir(m_folder).filePath(u"playbook-cache.etag"_s);
}

bool PlaybookCache::hasPlaybook() const
{
    return QFile::exists(path());
}

QByteArray PlaybookCache::etag() const
{
    if (!hasPlaybook())
        return {};
    QFile file(etagPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().trimmed();
}

std::optional<Refusal> PlaybookCache::store(const QByteArray &json, const QByteArray &etag)
{
    const Validated<Playbook> checked = PlaybookLoader::parse(json, tr("the server's playbook"));
    if (!checked.ok())
        return Refusal { u"sync.bad_playbook"_s,
            tr("The playbook from the server cannot be used, so the current one stays: %1")
                .arg(checked.messages().join(u"; "_s)) };
    QString error;
    if (!QDir().mkpath(m_folder) || !writeAtomically(path(), json, &error)
        || !writeAtomically(etagPath(), etag, &error))
        return Refusal {
            u"sync.cache_write_failed"_s,
            tr("The playbook from the server cannot be kept in %1: %2").arg(QDir::toNativeSeparators(m_folder), error)
        };
    return std::nullopt;
}

Validated<Playbook> PlaybookCache::load() const
{
    return PlaybookLoader::loadFile(path());
}

} // namespace callos::client
