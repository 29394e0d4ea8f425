#pragma once

#include "common/result.h"
#include "config/invocation.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>

namespace callos::server {

// Reads what callos-server is asked to do. Every setting comes from an
// option or, when the option is absent, from its CALLOS_SERVER_* variable,
// else from a default. A bad value is refused with a message that names the
// option or variable; main turns that into exit code 2.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::CommandLine)

public:
    static constexpr auto kListenVariable = "CALLOS_SERVER_LISTEN";
    static constexpr auto kDatabaseVariable = "CALLOS_SERVER_DB";
    static constexpr auto kDataDirVariable = "CALLOS_SERVER_DATA_DIR";
    static constexpr auto kSessionIdleVariable = "CALLOS_SERVER_SESSION_IDLE_MINUTES";
    static constexpr auto kSessionMaxVariable = "CALLOS_SERVER_SESSION_MAX_HOURS";
    // The ranges the session options take: a minute up to a week of idling,
    // an hour up to 30 days since sign-in.
    static constexpr int kMaximumSessionIdleMinutes = 7 * 24 * 60;
    static constexpr int kMaximumSessionHours = 30 * 24;
    static constexpr auto kDefaultListen = "127.0.0.1:8080";
    static constexpr auto kDefaultDatabaseFile = "callos-server.sqlite";

    // `arguments` includes the program name first, as QCoreApplication gives
    // it. `defaultDataDir` is where data goes when neither --data-dir nor
    // CALLOS_SERVER_DATA_DIR says (main passes AppDataLocation).
    static Result<Invocation> parse(
        const QStringList &arguments, const QProcessEnvironment &environment, const QString &defaultDataDir);

    static QString helpText();
};

} // namespace callos::server
