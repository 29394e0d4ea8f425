#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace callos::server {

// Presigned S3 GET links (AWS Signature Version 4 in the query string, as
// "Authenticating Requests: Using Query Parameters" documents it): the
// link carries the access key id, the time it was made, its lifetime and a
// signature over the method, the object's path, those parameters and the
// Host header, made with the secret key. Anyone holding the link can GET
// that one object until it expires; S3 refuses it after, or if any part
// of it is changed. The payload is not signed (UNSIGNED-PAYLOAD): a GET
// has none. Computed here, not by libcurl, which signs only requests it
// sends itself.
class S3Presigner
{
public:
    S3Presigner(QByteArray accessKeyId, QByteArray secretAccessKey, QString region);

    // `objectUrl`: the object's address with its path already encoded the
    // way S3 encodes it (S3RecordingStore::objectUrl); `nowMs` when the
    // link starts to work; `lifetimeSeconds` 1..604800.
    QUrl presignGet(const QUrl &objectUrl, qint64 nowMs, int lifetimeSeconds) const;

    // S3's encoding of a path segment or query value: everything but
    // A-Z a-z 0-9 - _ . ~ as %XX (upper case).
    static QByteArray uriEncode(const QByteArray &value);

private:
    QByteArray m_accessKeyId;
    QByteArray m_secretAccessKey;
    QByteArray m_region;
};

} // namespace callos::server
