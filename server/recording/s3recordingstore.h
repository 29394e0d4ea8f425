#pragma once

#include "recording/recordingstore.h"
#include "recording/s3presigner.h"
#include "recording/s3settings.h"

#include <QCoreApplication>

namespace callos {
class Clock;
}

namespace callos::server {

class HttpClient;
struct HttpResponse;

// Recordings as objects in an S3 bucket, through libcurl's own SigV4
// signing (CURLOPT_AWS_SIGV4). Uploads are streamed from the staged file,
// encrypted at rest by S3 (x-amz-server-side-encryption: AES256) and
// carry the file's SHA-256 in the signature, so S3 refuses a body that
// arrives cut or changed: an object is either whole under its key or not
// there. Reading downloads the object into the staging folder (the
// transcriber reads files); playback goes straight from S3 through a
// short-lived presigned link.
//
// Refusals: recording.store_refused when S3 said no to the request itself
// (a 4xx such as SignatureDoesNotMatch: asking again cannot help),
// recording.store_unavailable when it may pass later (no answer, a cut
// transfer, 408, 429, 5xx), recording.missing for no such object. Blocking:
// job worker threads only, one store per thread (it shares the thread's
// HttpClient).
class S3RecordingStore final : public RecordingStore
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::S3RecordingStore)

public:
    // Zoom's longest meetings make files of a few GiB.
    static constexpr qint64 kMaxBytes = 8LL * 1024 * 1024 * 1024;

    // `stagingDirectory`: a local folder for files on their way in and out.
    S3RecordingStore(S3Settings settings, QString stagingDirectory, HttpClient &http, const Clock &clock);

    QString name() const override { return QStringLiteral("s3"); }
    QString stagingDirectory() const override;
    std::optional<Refusal> store(const QString &key, const QString &localPath, const QString &contentType) override;
    Result<std::unique_ptr<QIODevice>> open(const QString &key) override;
    Result<std::unique_ptr<LocalRecording>> local(const QString &key) override;
    std::optional<QUrl> playbackUrl(const QString &key) const override;

    // The object's address: virtual-hosted on AWS, path-style under a set
    // endpoint; the key's segments encoded as S3 expects.
    QString objectUrl(const QString &key) const;
    // Tests shorten it; a transfer that stalls this long is tried again later.
    void setStallTimeoutMs(int ms) { m_stallTimeoutMs = ms; }

private:
    // The object into a new file in the staging folder; its path.
    Result<QString> download(const QString &key);
    // Why `response` is no success, with S3's own error code and message
    // from `errorBody` when it sent them.
    Refusal refusalOf(const HttpResponse &response, const QByteArray &errorBody, const QString &key) const;

    S3Settings m_settings;
    S3Presigner m_presigner;
    QString m_staging;
    HttpClient &m_http;
    const Clock &m_clock;
    int m_stallTimeoutMs = 60000;
};

} // namespace callos::server
