#pragma once

#include "fakehttpserver.h"

#include <QHash>

#include <functional>
#include <optional>

namespace callos::test {

// One S3 bucket with path-style addresses (<endpoint>/<bucket>/<key>),
// following S3's documented contract (../shared/docs/integrations.md and
// AWS's "Authenticating Requests (AWS Signature Version 4)"), with its own
// SigV4 verification written from that documentation, not shared with the
// server's code, so the two cannot be wrong the same way:
//   - every request is signed, by the Authorization header (canonical
//     request from the request as received: method, raw path, query, the
//     signed headers, x-amz-content-sha256) or by the query (a presigned
//     link: X-Amz-Algorithm/Credential/Date/Expires/SignedHeaders/Signature,
//     UNSIGNED-PAYLOAD); a wrong signature -> 403 SignatureDoesNotMatch, an
//     unknown key id -> 403 InvalidAccessKeyId, a header-signed request more
//     than 15 minutes off S3's clock -> 403 RequestTimeTooSkewed, a link
//     past X-Amz-Date + X-Amz-Expires -> 403 AccessDenied "Request has
//     expired", an x-amz-* header left out of the signature -> 403
//     AccessDenied, a signed header that did not arrive -> 403
//     SignatureDoesNotMatch;
//   - PUT needs x-amz-server-side-encryption: AES256 (400 InvalidArgument
//     otherwise: this bucket takes only objects encrypted at rest) and
//     x-amz-content-sha256 (400 InvalidRequest when missing, 400
//     XAmzContentSHA256Mismatch when it is not the body's hash); it stores
//     the object only once its whole body arrived;
//   - GET answers the object, 404 NoSuchKey or, for another bucket,
//     404 NoSuchBucket.
// Errors are S3's XML documents (<Error><Code/><Message/>...</Error>).
// Misbehaviours come from FakeHttpServer::misbehaveNext, e.g.
// misbehaveNext(FakeS3::error(503, "SlowDown", "Please reduce your request rate.")).
class FakeS3 : public FakeHttpServer
{
public:
    FakeS3(QString bucket, QString region, QByteArray accessKeyId, QByteArray secretAccessKey);

    // What to give the store as its endpoint.
    QString endpoint() const { return url(QString()); }
    // S3's clock (UTC ms), which decides when a link expires and how far a
    // request's time may be off; the machine's clock unless set. Any thread.
    void setClock(std::function<qint64()> nowMs);

    struct Object
    {
        QByteArray bytes;
        QByteArray contentType;
        QByteArray encryption; // x-amz-server-side-encryption it was stored with
    };
    std::optional<Object> object(const QString &key) const;
    QStringList keys() const;
    void putObject(const QString &key, const QByteArray &bytes, const QByteArray &contentType);

    // S3's error document with `status`, `code` and `message`.
    static FakeResponse error(int status, const QByteArray &code, const QByteArray &message);

protected:
    FakeResponse respond(const FakeRequest &request) override;

private:
    // std::nullopt when the request's Authorization header is S3's and right.
    std::optional<FakeResponse> checkHeaderSignature(const FakeRequest &request, qint64 nowMs) const;
    // std::nullopt when the request's query is a right, unexpired presigned link.
    std::optional<FakeResponse> checkPresigned(const FakeRequest &request, qint64 nowMs) const;
    // The credential scope "KEY/DAY/REGION/s3/aws4_request" against the key
    // id, the request's day and the bucket's region.
    std::optional<FakeResponse> checkCredential(const QByteArray &credential, const QByteArray &amzDate) const;
    // SigV4 over `canonicalRequest` at `amzDate`, hex.
    QByteArray signatureOf(const QByteArray &canonicalRequest, const QByteArray &amzDate) const;

    const QString m_bucket;
    const QByteArray m_region;
    const QByteArray m_accessKeyId;
    const QByteArray m_secretAccessKey;
    mutable QMutex m_stateMutex;
    std::function<qint64()> m_now;
    QHash<QString, Object> m_objects;
};

} // namespace callos::test
