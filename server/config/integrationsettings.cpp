#include "config/integrationsettings.h"

#include <QMessageAuthenticationCode>

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
    return settings;
}

} // namespace callos::server
