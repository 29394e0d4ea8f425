#include "recording/s3settings.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QString variable(const QProcessEnvironment &environment, const char *name)
{
    return environment.value(QString::fromLatin1(name)).trimmed();
}

Refusal invalid(const QString &message)
{
    return Refusal { u"config.invalid_value"_s, message };
}

Refusal missing(const QString &message)
{
    return Refusal { u"config.missing_value"_s, message };
}

// S3's naming rules for buckets made today: 3 to 63 characters, lowercase
// letters, digits, dots and hyphens, a letter or digit at both ends.
bool isBucketName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"_s);
    return pattern.match(name).hasMatch() && !name.contains(u".."_s);
}

// AWS's ("eu-central-1") and what S3-compatible services take ("auto").
bool isRegionName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9-]{0,39}$"_s);
    return pattern.match(name).hasMatch();
}

} // namespace

Result<S3Settings> S3Settings::fromEnvironment(const QProcessEnvironment &environment)
{
    S3Settings settings;
    settings.bucket = variable(environment, kBucketVariable);
    settings.region = variable(environment, kRegionVariable);
    settings.accessKeyId = variable(environment, kAccessKeyIdVariable).toUtf8();
    settings.secretAccessKey = variable(environment, kSecretAccessKeyVariable).toUtf8();
    QString endpoint = variable(environment, kEndpointVariable);
    const QString lifetime = variable(environment, kUrlLifetimeVariable);
    const QString bucketVariable = QString::fromLatin1(kBucketVariable);

    if (settings.bucket.isEmpty()) {
        // Half a configuration is a mistake, not a choice: recordings that
        // an admin meant for S3 must not quietly pile up on this disk.
        for (const char *name : { kRegionVariable, kAccessKeyIdVariable, kSecretAccessKeyVariable, kEndpointVariable,
                 kUrlLifetimeVariable }) {
            if (!variable(environment, name).isEmpty())
                return missing(tr("%1 is set but %2 is not: set the bucket to keep recordings in S3, or unset the "
                                  "CALLOS_S3_* variables to keep them on this disk")
                                   .arg(QString::fromLatin1(name), bucketVariable));
        }
        return settings;
    }

    if (!isBucketName(settings.bucket))
        return invalid(tr("%1: \"%2\" is not an S3 bucket name (expected 3 to 63 lowercase letters, digits, dots "
                          "and hyphens, beginning and ending with a letter or digit)")
                           .arg(bucketVariable, settings.bucket));
    if (settings.region.isEmpty())
        return missing(tr("%1 is not set: the bucket's region is part of every S3 signature (e.g. eu-central-1)")
                           .arg(QString::fromLatin1(kRegionVariable)));
    if (!isRegionName(settings.region))
        return invalid(tr("%1: \"%2\" is not a region (expected lowercase letters, digits and hyphens, "
                          "e.g. eu-central-1)")
                           .arg(QString::fromLatin1(kRegionVariable), settings.region));
    // The keys are never repeated in a message: they are secrets, or half of one.
    if (settings.accessKeyId.isEmpty())
        return missing(tr("%1 is not set: S3 needs an access key to store recordings in the bucket \"%2\"")
                           .arg(QString::fromLatin1(kAccessKeyIdVariable), settings.bucket));
    if (settings.secretAccessKey.isEmpty())
        return missing(tr("%1 is not set: S3 needs the access key's secret to store recordings in the bucket \"%2\"")
                           .arg(QString::fromLatin1(kSecretAccessKeyVariable), settings.bucket));

    if (!endpoint.isEmpty()) {
        while (endpoint.endsWith(u'/'))
            endpoint.chop(1);
        const QUrl url(endpoint, QUrl::StrictMode);
        const bool web = url.scheme() == u"https"_s || url.scheme() == u"http"_s;
        // Not repeated either: an address with a user in it may hold a password.
        if (!url.isValid() || !web || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery()
            || url.hasFragment())
            return invalid(tr("%1 is not an http or https address without user, query or fragment "
                              "(e.g. https://s3.eu-central-1.example.com)")
                               .arg(QString::fromLatin1(kEndpointVariable)));
        settings.endpoint = endpoint;
    }

    if (!lifetime.isEmpty()) {
        static const QRegularExpression digits(u"^[0-9]{1,7}$"_s);
        const int seconds = digits.match(lifetime).hasMatch() ? lifetime.toInt() : 0;
        if (seconds < 1 || seconds > kMaximumUrlLifetimeSeconds)
            return invalid(tr("%1: \"%2\" is not a number of seconds (expected a whole number from 1 to %3)")
                               .arg(QString::fromLatin1(kUrlLifetimeVariable), lifetime)
                               .arg(kMaximumUrlLifetimeSeconds));
        settings.urlLifetimeSeconds = seconds;
    }
    return settings;
}

} // namespace callos::server
