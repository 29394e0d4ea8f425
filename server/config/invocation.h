#pragma once

#include "accounts/neworganisation.h"
#include "config/serverconfig.h"

namespace callos::server {

// What one run of callos-server is asked to do, parsed from its command line
// and environment.
struct Invocation
{
    enum class Command { Serve, Help, Version, OrgCreate, DemoSeed };

    Command command = Command::Serve;
    ServerConfig config;
    NewOrganisation organisation; // for OrgCreate
};

} // namespace callos::server
