#include "content/versionedjson.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace callos::server {

VersionedJson::VersionedJson(const QJsonObject &object)
    : m_bytes(QJsonDocument(object).toJson(QJsonDocument::Compact))
{
    // 128 bits of SHA-256: plenty to tell versions apart, short in a header.
    m_etag = '"' + QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha256).left(16).toHex() + '"';
}

bool VersionedJson::matches(const QByteArray &ifNoneMatch) const
{
    // A list of tags, each maybe weak (W/"..."); If-None-Match compares weakly.
    for (QByteArray tag : ifNoneMatch.split(',')) {
        tag = tag.trimmed();
        if (tag == "*")
            return true;
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == m_etag)
            return true;
    }
    return false;
}

} // namespace callos::server
