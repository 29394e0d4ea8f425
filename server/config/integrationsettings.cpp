#include "config/integrationsettings.h"

#include "meetingbot/attendeewebhooksignature.h"

#include <QMessageAuthenticationCode>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QString variable(const QProcessEnvironment &environment, const char *name)
{
    return environment.value(QString::fromLatin1(name)).trimmed();
}

} // namespace

QByteArray IntegrationSettings::assemblyAiWebhookSecret() const
{
    if (assemblyAi.apiKey.isEmpty())
        return {};
    return QMessageAuthenticationCode::hash("callos assemblyai webhook", assemblyAi.apiKey, QCryptographicHash::Sha256)
        .toHex();
}

std::optional<QByteArray> IntegrationSettings::attendeeWebhookSecret() const
{
    if (attendee.webhookSecret.isEmpty())
        return std::nullopt;
    return AttendeeWebhookSignature::decodeSecret(attendee.webhookSecret);
}

bool IntegrationSettings::hasMeetingBot() const
{
    return !attendee.apiKey.isEmpty() && attendeeWebhookSecret() && !publicUrl.isEmpty();
}

QString IntegrationSettings::meetingBotWebhookUrl() const
{
    return publicUrl + u"/webhooks/"_s + QString::fromLatin1(AttendeeSettings::kProvider);
}

QStringList IntegrationSettings::meetingBotWarnings() const
{
    const auto name = [](const char *variable) { return QString::fromLatin1(variable); };
    QStringList warnings;
    if (!attendee.webhookSecret.isEmpty() && !attendeeWebhookSecret())
        warnings.append(u"%1 is not base64 (copy it as Attendee shows it): POST /webhooks/attendee refuses every "
                        "delivery and no bots are sent."_s.arg(name(kAttendeeSecretVariable)));
    if (attendee.apiKey.isEmpty())
        return warnings;
    if (attendee.webhookSecret.isEmpty())
        warnings.append(u"%1 is set but %2 is not: the bot's webhooks could not be checked, so no bots are sent."_s.arg(
            name(kAttendeeKeyVariable), name(kAttendeeSecretVariable)));
    if (publicUrl.isEmpty())
        warnings.append(u"%1 is set but %2 is not: the bot reports to this server's public address, so no bots are "
                        "sent."_s.arg(name(kAttendeeKeyVariable), name(kPublicUrlVariable)));
    else if (QUrl(publicUrl).scheme() != u"https"_s)
        warnings.append(u"%1 is not https: Attendee takes only https webhook addresses and will refuse the bots."_s.arg(
            name(kPublicUrlVariable)));
    return warnings;
}

IntegrationSettings IntegrationSettings::fromEnvironment(const QProcessEnvironment &environment)
{
    IntegrationSettings settings;
    settings.zoom.webhookSecret = variable(environment, ZoomSettings::kWebhookSecretVariable).toUtf8();
    settings.publicUrl = variable(environment, kPublicUrlVariable);
    while (settings.publicUrl.endsWith(u'/'))
        settings.publicUrl.chop(1);
    settings.assemblyAi.apiKey = variable(environment, kAssemblyAiKeyVariable).toUtf8();
    if (const QString url = variable(environment, kAssemblyAiUrlVariable); !url.isEmpty())
        settings.assemblyAi.baseUrl = url;
    settings.claude.apiKey = variable(environment, kClaudeKeyVariable).toUtf8();
    if (const QString url = variable(environment, kClaudeUrlVariable); !url.isEmpty())
        settings.claude.baseUrl = url;
    if (const QString model = variable(environment, kClaudeModelVariable); !model.isEmpty())
        settings.claude.model = model;
    settings.attendee.apiKey = variable(environment, kAttendeeKeyVariable).toUtf8();
    if (const QString url = variable(environment, kAttendeeUrlVariable); !url.isEmpty())
        settings.attendee.baseUrl = url;
    settings.attendee.webhookSecret = variable(environment, kAttendeeSecretVariable).toUtf8();
    return settings;
}

} // namespace callos::server
