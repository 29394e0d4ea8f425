#include "postgrescluster.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace callos::test {

namespace {

QString howToRun()
{
    return u"Run the server tests through CTest, which starts the cluster first (the fixture test "
           "server_postgres_start): ./scripts/test, or ctest --test-dir <build dir> -R <test>. "
           "To run a test binary by hand: scripts/test-postgres start /tmp/callos-pg, then "
           "CALLOS_TEST_POSTGRES_DIR=/tmp/callos-pg <test binary>, and scripts/test-postgres stop /tmp/callos-pg."_s;
}

} // namespace

Result<PostgresCluster> PostgresCluster::fromEnvironment()
{
    const QString dir = qEnvironmentVariable(kDirVariable);
    if (dir.isEmpty())
        return Refusal{ u"test.no_postgres"_s,
            u"The PostgreSQL rows need the test run's throwaway PostgreSQL, and %1 is not set. %2"_s.arg(
                QString::fromLatin1(kDirVariable), howToRun()) };
    QFile portFile(QDir(dir).filePath(u"port"_s));
    if (!portFile.open(QIODevice::ReadOnly))
        return Refusal{ u"test.no_postgres"_s,
            u"No PostgreSQL runs in %1 (%2 cannot be read: %3); did the test server_postgres_start fail? %4"_s.arg(
                dir, portFile.fileName(), portFile.errorString(), howToRun()) };
    bool ok = false;
    const int port = QString::fromLatin1(portFile.readAll()).trimmed().toInt(&ok);
    if (!ok || port <= 0 || port > 65535)
        return Refusal{ u"test.no_postgres"_s, u"%1 does not hold a port number."_s.arg(portFile.fileName()) };
    return PostgresCluster{ u"127.0.0.1"_s, port, u"callos"_s, u"callos_server"_s };
}

server::DatabaseSettings PostgresCluster::database(const QString &name) const
{
    server::DatabaseSettings settings = databaseAsSuperuser(name);
    settings.user = serverRole;
    return settings;
}

server::DatabaseSettings PostgresCluster::databaseAsSuperuser(const QString &name) const
{
    server::DatabaseSettings settings;
    settings.backend = server::DatabaseSettings::Backend::Postgresql;
    settings.host = host;
    settings.port = port;
    settings.user = superuser;
    settings.databaseName = name;
    return settings;
}

} // namespace callos::test
