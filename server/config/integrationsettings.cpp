#include "config/integrationsettings.h"

namespace callos::server {

IntegrationSettings IntegrationSettings::fromEnvironment(const QProcessEnvironment &environment)
{
    IntegrationSettings settings;
    settings.zoom.webhookSecret
        = environment.value(QString::fromLatin1(ZoomSettings::kWebhookSecretVariable)).trimmed().toUtf8();
    return settings;
}

} // namespace callos::server
