#pragma once

#include "cli/exitcode.h"
#include "config/listenaddress.h"

namespace callos::server {

class Database;
class HttpService;
class JsonLog;
class LiveHub;
class PipelineWorkers;
class SignalWatcher;

// Runs the server and its job workers until SIGTERM or SIGINT, then shuts
// down in order: stop accepting connections, close the live WebSockets
// ("going away", so clients reconnect elsewhere), let responses already
// written go out, stop the workers (a transfer under way is cut short and
// runs again later), close the database, exit 0.
class ServeCommand
{
public:
    // How long shutdown waits for responses to drain before it closes anyway.
    static constexpr int kDrainTimeoutMs = 3000;

    ServeCommand(Database &database, HttpService &http, LiveHub &live, PipelineWorkers &workers,
        SignalWatcher &signals, JsonLog &log);

    ExitCode run(const ListenAddress &address);

private:
    Database &m_database;
    HttpService &m_http;
    LiveHub &m_live;
    PipelineWorkers &m_workers;
    SignalWatcher &m_signals;
    JsonLog &m_log;
};

} // namespace callos::server
