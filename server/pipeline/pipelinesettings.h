#pragma once

#include "config/integrationsettings.h"

#include <QString>

namespace callos::server {

// How the work after a call runs (server/pipeline/).
struct PipelineSettings
{
    // The recording store on disk (<data dir>/recordings).
    QString recordingsDirectory;
    // Worker threads; each runs one job at a time.
    int workers = 1;
    // A download that receives nothing for this long is tried again later.
    int downloadStallTimeoutMs = 60000;
    // How often idle workers look for retries come due (PostgreSQL's
    // notification and this process's enqueues wake them at once).
    int pollMs = 1000;
    // Which services do the work; without keys it runs offline.
    IntegrationSettings services;
};

} // namespace callos::server
