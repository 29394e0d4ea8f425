#include "config/commandline.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <optional>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

Refusal invalid(const QString &code, const QString &message)
{
    return Refusal{ code, message };
}

// A whole number from `minimum` to `maximum`, written in plain ASCII digits.
std::optional<int> wholeNumber(const QString &text, int minimum, int maximum)
{
    if (text.isEmpty() || text.size() > 9)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const int value = text.toInt();
    if (value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

} // namespace

Result<Invocation> CommandLine::parse(
    const QStringList &arguments, const QProcessEnvironment &environment, const QString &defaultDataDir)
{
    // Options that take a value; the value is either the next argument or
    // follows "=" ("--listen=127.0.0.1:9000").
    static const QStringList valueOptions
        = { u"--listen"_s, u"--db"_s, u"--data-dir"_s, u"--name"_s, u"--admin-email"_s,
              u"--session-idle-minutes"_s, u"--session-max-hours"_s };
    QHash<QString, QString> values;
    QStringList positional;
    bool help = false;
    bool version = false;

    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--help"_s || argument == u"-h"_s) {
            help = true;
            continue;
        }
        if (argument == u"--version"_s) {
            version = true;
            continue;
        }
        if (!argument.startsWith(u'-')) {
            positional.append(argument);
            continue;
        }
        const qsizetype equals = argument.indexOf(u'=');
        const QString option = equals < 0 ? argument : argument.left(equals);
        if (!valueOptions.contains(option))
            return invalid(u"config.unknown_option"_s, tr("unknown option \"%1\"").arg(option));
        QString value;
        if (equals >= 0) {
            value = argument.mid(equals + 1);
        } else {
            if (i + 1 >= arguments.size())
                return invalid(u"config.missing_value"_s, tr("%1 needs a value").arg(option));
            value = arguments.at(++i);
        }
        values.insert(option, value);
    }

    Invocation invocation;
    if (help) {
        invocation.command = Invocation::Command::Help;
        return invocation;
    }
    if (version) {
        invocation.command = Invocation::Command::Version;
        return invocation;
    }

    if (positional.isEmpty()) {
        invocation.command = Invocation::Command::Serve;
    } else if (positional == QStringList{ u"org"_s, u"create"_s }) {
        invocation.command = Invocation::Command::OrgCreate;
    } else if (positional == QStringList{ u"demo"_s, u"seed"_s }) {
        invocation.command = Invocation::Command::DemoSeed;
    } else {
        return invalid(u"config.unknown_command"_s,
            tr("unknown command \"%1\" (expected no command to run the server, \"org create\" or \"demo seed\")")
                .arg(positional.join(u' ')));
    }

    if (invocation.command == Invocation::Command::OrgCreate) {
        if (!values.contains(u"--name"_s))
            return invalid(u"config.missing_value"_s, tr("org create needs --name"));
        if (!values.contains(u"--admin-email"_s))
            return invalid(u"config.missing_value"_s, tr("org create needs --admin-email"));
        invocation.organisation.name = values.value(u"--name"_s);
        invocation.organisation.adminEmail = values.value(u"--admin-email"_s);
    } else {
        for (const QString &option : { u"--name"_s, u"--admin-email"_s }) {
            if (values.contains(option))
                return invalid(u"config.unknown_option"_s, tr("%1 is only for \"org create\"").arg(option));
        }
    }

    // The option wins over the variable, the variable over the default; the
    // message names whichever of the two the bad value came from.
    struct Setting
    {
        QString value;
        QString source;
    };
    const auto lookup = [&](const QString &option, const char *variable, const QString &fallback) {
        const QString name = QString::fromLatin1(variable);
        if (values.contains(option))
            return Setting{ values.value(option), option };
        if (environment.contains(name))
            return Setting{ environment.value(name), name };
        return Setting{ fallback, option };
    };

    const Setting dataDir = lookup(u"--data-dir"_s, kDataDirVariable, defaultDataDir);
    if (dataDir.value.trimmed().isEmpty())
        return invalid(u"config.invalid_value"_s, tr("%1: the data folder is empty").arg(dataDir.source));
    invocation.config.dataDir = QFileInfo(dataDir.value).absoluteFilePath();

    const Setting listen = lookup(u"--listen"_s, kListenVariable, QString::fromLatin1(kDefaultListen));
    Result<ListenAddress> address = ListenAddress::parse(listen.value, listen.source);
    if (!address)
        return address.refusal();
    invocation.config.listen = address.value();

    const QString defaultDatabase
        = QDir(invocation.config.dataDir).filePath(QString::fromLatin1(kDefaultDatabaseFile));
    const Setting database = lookup(u"--db"_s, kDatabaseVariable, defaultDatabase);
    Result<DatabaseSettings> settings = DatabaseSettings::parse(database.value, database.source);
    if (!settings)
        return settings.refusal();
    invocation.config.database = settings.value();

    SessionPolicy &sessions = invocation.config.sessions;
    const Setting idle = lookup(u"--session-idle-minutes"_s, kSessionIdleVariable,
        QString::number(sessions.idleMs / (60 * 1000)));
    const std::optional<int> idleMinutes = wholeNumber(idle.value, 1, kMaximumSessionIdleMinutes);
    if (!idleMinutes)
        return invalid(u"config.invalid_value"_s,
            tr("%1: \"%2\" is not a number of minutes (expected a whole number from 1 to %3)")
                .arg(idle.source, idle.value)
                .arg(kMaximumSessionIdleMinutes));
    const Setting max = lookup(
        u"--session-max-hours"_s, kSessionMaxVariable, QString::number(sessions.absoluteMs / (60 * 60 * 1000)));
    const std::optional<int> maxHours = wholeNumber(max.value, 1, kMaximumSessionHours);
    if (!maxHours)
        return invalid(u"config.invalid_value"_s,
            tr("%1: \"%2\" is not a number of hours (expected a whole number from 1 to %3)")
                .arg(max.source, max.value)
                .arg(kMaximumSessionHours));
    sessions.idleMs = qint64(*idleMinutes) * 60 * 1000;
    sessions.absoluteMs = qint64(*maxHours) * 60 * 60 * 1000;
    invocation.config.integrations = IntegrationSettings::fromEnvironment(environment);
    Result<S3Settings> s3 = S3Settings::fromEnvironment(environment);
    if (!s3)
        return s3.refusal();
    invocation.config.integrations.s3 = std::move(s3).value();
    return invocation;
}

QString CommandLine::helpText()
{
    return tr("Usage: callos-server [options]\n"
              "       callos-server org create --name NAME --admin-email EMAIL [options]\n"
              "       callos-server demo seed [options]\n"
              "\n"
              "Runs the CallOS server, sets up an organisation and its first admin, or fills\n"
              "a database of its own with a demo organisation.\n"
              "Every option can also be given as an environment variable; the option wins.\n"
              "\n"
              "Options:\n"
              "  --listen HOST:PORT   Address to serve HTTP on (env CALLOS_SERVER_LISTEN,\n"
              "                       default 127.0.0.1:8080). Port 0 picks a free port.\n"
              "  --db DATABASE        A SQLite file path, or\n"
              "                       postgresql://user:password@host:port/database\n"
              "                       (env CALLOS_SERVER_DB, default callos-server.sqlite in\n"
              "                       the data folder). The password is never logged.\n"
              "  --data-dir DIR       Folder for the server's data (env CALLOS_SERVER_DATA_DIR,\n"
              "                       default the system's application data folder).\n"
              "  --session-idle-minutes MINUTES\n"
              "                       A session ends after this long without a request\n"
              "                       (env CALLOS_SERVER_SESSION_IDLE_MINUTES, default 120,\n"
              "                       1 to 10080).\n"
              "  --session-max-hours HOURS\n"
              "                       A session ends this long after sign-in, however busy\n"
              "                       (env CALLOS_SERVER_SESSION_MAX_HOURS, default 12,\n"
              "                       1 to 720).\n"
              "  --help, -h           Show this help.\n"
              "  --version            Show the version.\n"
              "\n"
              "org create:\n"
              "  --name NAME          Name of the new organisation (unique).\n"
              "  --admin-email EMAIL  Email of its first admin. The admin's password is read\n"
              "                       from standard input when that is not a terminal and not\n"
              "                       empty; otherwise one is generated and printed once.\n"
              "\n"
              "demo seed:\n"
              "  LOCAL DEMO ONLY - never on a server other people can reach. Creates the\n"
              "  organisation \"Demo Company\" with an admin, a manager and two agents\n"
              "  (admin@, manager@, agent1@, agent2@demo.callos.test), a dozen prospects and\n"
              "  four finished calls, in a database that holds no other organisation. The\n"
              "  accounts get generated passwords, written to demo-accounts.txt in the data\n"
              "  folder, readable by you only: whoever can read it can sign in as them.\n"
              "  Running it again changes nothing. ./scripts/run uses it.\n"
              "\n"
              "External services (environment only: secrets never go on the command line).\n"
              "Without a key the work after a call runs offline: pocketsphinx transcribes\n"
              "and a rule-based analyzer analyses.\n"
              "  CALLOS_ZOOM_WEBHOOK_SECRET   Zoom app's secret token (POST /webhooks/zoom).\n"
              "  CALLOS_ASSEMBLYAI_API_KEY    Transcribe with AssemblyAI.\n"
              "  CALLOS_ASSEMBLYAI_BASE_URL   Default https://api.assemblyai.com.\n"
              "  CALLOS_ANTHROPIC_API_KEY     Analyse with Claude.\n"
              "  CALLOS_ANTHROPIC_BASE_URL    Default https://api.anthropic.com.\n"
              "  CALLOS_CLAUDE_MODEL          Default claude-sonnet-4-5.\n"
              "  CALLOS_ATTENDEE_API_KEY      Send a meeting bot (Attendee) to record calls\n"
              "                               held in Zoom, when the prospect consents.\n"
              "  CALLOS_ATTENDEE_BASE_URL     Default https://app.attendee.dev.\n"
              "  CALLOS_ATTENDEE_WEBHOOK_SECRET  Attendee's webhook secret (base64, as Attendee\n"
              "                               shows it), for POST /webhooks/attendee.\n"
              "  CALLOS_PUBLIC_URL            This server as AssemblyAI and Attendee reach it,\n"
              "                               for their webhooks; without it transcripts are\n"
              "                               polled and no bots are sent.\n"
              "\n"
              "Recordings are kept in <data dir>/recordings, or in S3 when a bucket is set\n"
              "(environment only; a bucket without region and keys is refused at start):\n"
              "  CALLOS_S3_BUCKET             The bucket; unset: recordings stay on this disk.\n"
              "  CALLOS_S3_REGION             Its region, e.g. eu-central-1.\n"
              "  CALLOS_S3_ACCESS_KEY_ID      An access key that may put and get its objects.\n"
              "  CALLOS_S3_SECRET_ACCESS_KEY  Its secret (never logged).\n"
              "  CALLOS_S3_ENDPOINT           An S3-compatible service instead of AWS, e.g.\n"
              "                               https://s3.example.com (path-style addresses).\n"
              "  CALLOS_S3_URL_LIFETIME_SECONDS\n"
              "                               How long a playback link works (default 300,\n"
              "                               1 to 604800).\n"
              "\n"
              "Exit codes: 0 done, 1 failed (database, network), 2 bad input.\n");
}

} // namespace callos::server
