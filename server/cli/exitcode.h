#pragma once

namespace callos::server {

// What callos-server tells the shell; scripts and the systemd unit rely on
// these staying the same.
enum class ExitCode : int {
    Ok = 0,
    Failed = 1, // the database, the network or the system let us down
    BadInput = 2, // the command line, the environment or the input was wrong
};

} // namespace callos::server
