#pragma once

#include <QByteArray>
#include <QProcessEnvironment>

namespace callos::server {

// The external services' settings. Secrets come only from the environment
// (never from the command line, which every user of the machine can read
// in the process list, and never from a settings file); an unset secret
// turns its service off.
struct ZoomSettings
{
    static constexpr auto kWebhookSecretVariable = "CALLOS_ZOOM_WEBHOOK_SECRET";

    // The Zoom app's "secret token", which signs its webhooks. Empty: the
    // webhook answers 503 and stores nothing.
    QByteArray webhookSecret;
};

struct IntegrationSettings
{
    ZoomSettings zoom;

    static IntegrationSettings fromEnvironment(const QProcessEnvironment &environment);
};

} // namespace callos::server
