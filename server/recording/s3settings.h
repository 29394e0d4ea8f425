#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>

namespace callos::server {

// Where recordings go when they go to S3 (or a service that speaks its
// API), from the environment only: the secret key must not be on the
// command line, which every user of the machine can read. No bucket: the
// recordings stay on the local disk. A bucket without what it needs, or a
// value S3 cannot take, is refused at start, naming the variable, rather
// than found out at the first recording.
class S3Settings
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::S3Settings)

public:
    static constexpr auto kBucketVariable = "CALLOS_S3_BUCKET";
    static constexpr auto kRegionVariable = "CALLOS_S3_REGION";
    static constexpr auto kAccessKeyIdVariable = "CALLOS_S3_ACCESS_KEY_ID";
    static constexpr auto kSecretAccessKeyVariable = "CALLOS_S3_SECRET_ACCESS_KEY";
    static constexpr auto kEndpointVariable = "CALLOS_S3_ENDPOINT";
    static constexpr auto kUrlLifetimeVariable = "CALLOS_S3_URL_LIFETIME_SECONDS";
    // A playback link works for this long: long enough to start playing
    // (a player asks again with the same link while seeking), short enough
    // that a link passed on is soon worthless.
    static constexpr int kDefaultUrlLifetimeSeconds = 300;
    // SigV4's limit for a presigned link: seven days.
    static constexpr int kMaximumUrlLifetimeSeconds = 604800;

    QString bucket; // empty: recordings stay on disk
    QString region; // "eu-central-1"
    QByteArray accessKeyId;
    QByteArray secretAccessKey;
    // Empty: AWS, with virtual-hosted addresses (https://BUCKET.s3.REGION.
    // amazonaws.com/KEY). Set (an S3-compatible service): path-style
    // addresses under it (ENDPOINT/BUCKET/KEY). No trailing slash.
    QString endpoint;
    int urlLifetimeSeconds = kDefaultUrlLifetimeSeconds;

    bool enabled() const { return !bucket.isEmpty(); }

    static Result<S3Settings> fromEnvironment(const QProcessEnvironment &environment);
};

} // namespace callos::server
