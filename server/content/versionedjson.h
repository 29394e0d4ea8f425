#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace callos::server {

// A JSON document as the API serves it: compact bytes and an ETag made from
// them. QJsonObject orders its keys, so the same content gives the same tag
// whichever backend stored it (PostgreSQL's JSONB rewrites the text).
class VersionedJson
{
public:
    explicit VersionedJson(const QJsonObject &object);

    const QByteArray &bytes() const { return m_bytes; }
    // A strong entity tag, quoted: "\"3f2a...\"".
    const QByteArray &etag() const { return m_etag; }
    // Whether an If-None-Match header names this version ("*" names any),
    // so the answer can be 304 Not Modified.
    bool matches(const QByteArray &ifNoneMatch) const;

private:
    QByteArray m_bytes;
    QByteArray m_etag;
};

} // namespace callos::server
