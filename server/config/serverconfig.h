#pragma once

#include "config/databasesettings.h"
#include "config/integrationsettings.h"
#include "config/listenaddress.h"
#include "sessions/sessionpolicy.h"

#include <QString>

namespace callos::server {

// Everything the server is told at start, from its command line and
// environment. Built once in main and passed to what needs a part of it.
struct ServerConfig
{
    ListenAddress listen;
    DatabaseSettings database;
    QString dataDir; // absolute
    // --session-idle-minutes, --session-max-hours.
    SessionPolicy sessions;
    // From the environment only: they hold secrets.
    IntegrationSettings integrations;
};

} // namespace callos::server
