// CommandLine: options, environment variables and defaults, and the exact
// messages for bad values (main exits 2 with them).
#include "config/commandline.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;

namespace {

const QString kDefaultDataDir = u"/var/lib/callos-test"_s;

Result<Invocation> parse(const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    return CommandLine::parse(QStringList{ u"callos-server"_s } + arguments, environment, kDefaultDataDir);
}

QProcessEnvironment env(const QList<std::pair<QString, QString>> &variables)
{
    QProcessEnvironment environment;
    for (const auto &[name, value] : variables)
        environment.insert(name, value);
    return environment;
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void optionsWinOverEnvironment();
    void environmentWhenNoOption();
    void postgresqlUrl();
    void orgCreate();
    void sessionLimits();
    void badValues_data();
    void badValues();
    void helpDocumentsEveryVariable();
    void servicesComeFromTheEnvironmentOnly();
    void s3FromTheEnvironment();
    void s3HalfSetIsRefused_data();
    void s3HalfSetIsRefused();
};

void TestCommandLine::defaults()
{
    const auto parsed = parse({});
    QVERIFY(parsed.ok());
    const Invocation &invocation = parsed.value();
    QCOMPARE(invocation.command, Invocation::Command::Serve);
    QCOMPARE(invocation.config.listen.toString(), u"127.0.0.1:8080"_s);
    QCOMPARE(invocation.config.dataDir, kDefaultDataDir);
    QCOMPARE(invocation.config.database.backend, DatabaseSettings::Backend::Sqlite);
    QCOMPARE(invocation.config.database.sqlitePath, kDefaultDataDir + u"/callos-server.sqlite"_s);
    // Two hours idle, twelve since sign-in.
    QCOMPARE(invocation.config.sessions.idleMs, 2LL * 60 * 60 * 1000);
    QCOMPARE(invocation.config.sessions.absoluteMs, 12LL * 60 * 60 * 1000);
}

void TestCommandLine::optionsWinOverEnvironment()
{
    const auto parsed = parse({ u"--listen"_s, u"[::1]:9000"_s, u"--db=/tmp/x.sqlite"_s, u"--data-dir"_s, u"/srv/c"_s },
        env({ { u"CALLOS_SERVER_LISTEN"_s, u"bad"_s }, { u"CALLOS_SERVER_DB"_s, u"mysql://x"_s },
            { u"CALLOS_SERVER_DATA_DIR"_s, u"/elsewhere"_s } }));
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.refusal().message));
    QCOMPARE(parsed.value().config.listen.toString(), u"[::1]:9000"_s);
    QCOMPARE(parsed.value().config.database.sqlitePath, u"/tmp/x.sqlite"_s);
    QCOMPARE(parsed.value().config.dataDir, u"/srv/c"_s);
}

void TestCommandLine::environmentWhenNoOption()
{
    const auto parsed = parse({}, env({ { u"CALLOS_SERVER_LISTEN"_s, u"0.0.0.0:0"_s },
                                      { u"CALLOS_SERVER_DATA_DIR"_s, u"/srv/data"_s } }));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().config.listen.toString(), u"0.0.0.0:0"_s);
    QCOMPARE(parsed.value().config.listen.port, quint16(0));
    // The default database follows the data dir.
    QCOMPARE(parsed.value().config.database.sqlitePath, u"/srv/data/callos-server.sqlite"_s);
    const auto localhost = parse({ u"--listen"_s, u"localhost:80"_s });
    QVERIFY(localhost.ok());
    QCOMPARE(localhost.value().config.listen.toString(), u"127.0.0.1:80"_s);
}

void TestCommandLine::postgresqlUrl()
{
    const auto parsed = parse({ u"--db"_s, u"postgresql://callos:s%40cret@db.internal:6543/callos_prod"_s });
    QVERIFY(parsed.ok());
    const DatabaseSettings &db = parsed.value().config.database;
    QCOMPARE(db.backend, DatabaseSettings::Backend::Postgresql);
    QCOMPARE(db.host, u"db.internal"_s);
    QCOMPARE(db.port, 6543);
    QCOMPARE(db.user, u"callos"_s);
    QCOMPARE(db.password, u"s@cret"_s);
    QCOMPARE(db.databaseName, u"callos_prod"_s);
    QCOMPARE(db.redacted(), u"postgresql://callos@db.internal:6543/callos_prod"_s);
    const auto defaultPort = parse({ u"--db"_s, u"postgres://u:p@h/d"_s });
    QVERIFY(defaultPort.ok());
    QCOMPARE(defaultPort.value().config.database.port, 5432);
}

void TestCommandLine::orgCreate()
{
    const auto parsed = parse({ u"org"_s, u"create"_s, u"--name"_s, u"Acme Ltd"_s, u"--admin-email"_s, u"a@b.co"_s });
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().command, Invocation::Command::OrgCreate);
    QCOMPARE(parsed.value().organisation.name, u"Acme Ltd"_s);
    QCOMPARE(parsed.value().organisation.adminEmail, u"a@b.co"_s);
}

void TestCommandLine::sessionLimits()
{
    const auto options = parse({ u"--session-idle-minutes"_s, u"15"_s, u"--session-max-hours=8"_s },
        env({ { u"CALLOS_SERVER_SESSION_IDLE_MINUTES"_s, u"bad"_s }, { u"CALLOS_SERVER_SESSION_MAX_HOURS"_s, u"0"_s } }));
    QVERIFY2(options.ok(), options.ok() ? "" : qPrintable(options.refusal().message));
    QCOMPARE(options.value().config.sessions.idleMs, 15LL * 60 * 1000);
    QCOMPARE(options.value().config.sessions.absoluteMs, 8LL * 60 * 60 * 1000);
    // The other numbers of the policy keep their defaults.
    QCOMPARE(options.value().config.sessions.touchEveryMs, SessionPolicy().touchEveryMs);

    const auto environment = parse({}, env({ { u"CALLOS_SERVER_SESSION_IDLE_MINUTES"_s, u"10080"_s },
                                           { u"CALLOS_SERVER_SESSION_MAX_HOURS"_s, u"720"_s } }));
    QVERIFY(environment.ok());
    QCOMPARE(environment.value().config.sessions.idleMs, 10080LL * 60 * 1000);
    QCOMPARE(environment.value().config.sessions.absoluteMs, 720LL * 60 * 60 * 1000);

    const auto lowest = parse({ u"--session-idle-minutes=1"_s, u"--session-max-hours=1"_s });
    QVERIFY(lowest.ok());
    QCOMPARE(lowest.value().config.sessions.idleMs, 60LL * 1000);
    QCOMPARE(lowest.value().config.sessions.absoluteMs, 60LL * 60 * 1000);
}

void TestCommandLine::badValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QProcessEnvironment>("environment");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const QString listenTail = u"is not an address to listen on (expected HOST:PORT with an IP address or localhost "
                               "and a port from 0 to 65535, e.g. 127.0.0.1:8080)"_s;
    const QProcessEnvironment none;
    QTest::newRow("listen no port") << QStringList{ u"--listen"_s, u"127.0.0.1"_s } << none
                                    << u"config.invalid_value"_s << u"--listen: \"127.0.0.1\" "_s + listenTail;
    QTest::newRow("listen port too big") << QStringList{ u"--listen=127.0.0.1:65536"_s } << none
                                         << u"config.invalid_value"_s
                                         << u"--listen: \"127.0.0.1:65536\" "_s + listenTail;
    QTest::newRow("listen host name") << QStringList{ u"--listen"_s, u"example.com:80"_s } << none
                                      << u"config.invalid_value"_s << u"--listen: \"example.com:80\" "_s + listenTail;
    QTest::newRow("listen ipv6 no brackets") << QStringList{ u"--listen"_s, u"::1:80"_s } << none
                                             << u"config.invalid_value"_s << u"--listen: \"::1:80\" "_s + listenTail;
    QTest::newRow("listen from env") << QStringList{} << env({ { u"CALLOS_SERVER_LISTEN"_s, u"nope"_s } })
                                     << u"config.invalid_value"_s
                                     << u"CALLOS_SERVER_LISTEN: \"nope\" "_s + listenTail;
    QTest::newRow("db scheme") << QStringList{ u"--db"_s, u"mysql://root:hunter2@h/d"_s } << none
                               << u"config.invalid_value"_s
                               << u"--db: unknown database scheme \"mysql\" (expected a SQLite file path or "
                                  "postgresql://user:password@host:port/database)"_s;
    QTest::newRow("db scheme from env") << QStringList{} << env({ { u"CALLOS_SERVER_DB"_s, u"redis://x"_s } })
                                        << u"config.invalid_value"_s
                                        << u"CALLOS_SERVER_DB: unknown database scheme \"redis\" (expected a SQLite "
                                           "file path or postgresql://user:password@host:port/database)"_s;
    QTest::newRow("postgresql no database") << QStringList{ u"--db"_s, u"postgresql://u:hunter2@host:5432/"_s }
                                            << none << u"config.invalid_value"_s
                                            << u"--db: not a valid PostgreSQL URL (expected "
                                               "postgresql://user:password@host:port/database)"_s;
    const QString idleTail = u"is not a number of minutes (expected a whole number from 1 to 10080)"_s;
    const QString maxTail = u"is not a number of hours (expected a whole number from 1 to 720)"_s;
    QTest::newRow("idle zero") << QStringList{ u"--session-idle-minutes"_s, u"0"_s } << none
                               << u"config.invalid_value"_s << u"--session-idle-minutes: \"0\" "_s + idleTail;
    QTest::newRow("idle too long") << QStringList{ u"--session-idle-minutes=10081"_s } << none
                                   << u"config.invalid_value"_s
                                   << u"--session-idle-minutes: \"10081\" "_s + idleTail;
    QTest::newRow("idle not a number") << QStringList{ u"--session-idle-minutes"_s, u"2h"_s } << none
                                       << u"config.invalid_value"_s
                                       << u"--session-idle-minutes: \"2h\" "_s + idleTail;
    QTest::newRow("idle negative") << QStringList{ u"--session-idle-minutes=-5"_s } << none
                                   << u"config.invalid_value"_s
                                   << u"--session-idle-minutes: \"-5\" "_s + idleTail;
    QTest::newRow("idle fraction") << QStringList{ u"--session-idle-minutes=1.5"_s } << none
                                   << u"config.invalid_value"_s
                                   << u"--session-idle-minutes: \"1.5\" "_s + idleTail;
    QTest::newRow("idle empty") << QStringList{ u"--session-idle-minutes="_s } << none << u"config.invalid_value"_s
                                << u"--session-idle-minutes: \"\" "_s + idleTail;
    QTest::newRow("idle from env") << QStringList{}
                                   << env({ { u"CALLOS_SERVER_SESSION_IDLE_MINUTES"_s, u" 30"_s } })
                                   << u"config.invalid_value"_s
                                   << u"CALLOS_SERVER_SESSION_IDLE_MINUTES: \" 30\" "_s + idleTail;
    QTest::newRow("max zero") << QStringList{ u"--session-max-hours"_s, u"0"_s } << none
                              << u"config.invalid_value"_s << u"--session-max-hours: \"0\" "_s + maxTail;
    QTest::newRow("max too long") << QStringList{ u"--session-max-hours=721"_s } << none
                                  << u"config.invalid_value"_s << u"--session-max-hours: \"721\" "_s + maxTail;
    QTest::newRow("max huge") << QStringList{ u"--session-max-hours=99999999999"_s } << none
                              << u"config.invalid_value"_s
                              << u"--session-max-hours: \"99999999999\" "_s + maxTail;
    QTest::newRow("max from env") << QStringList{} << env({ { u"CALLOS_SERVER_SESSION_MAX_HOURS"_s, u"twelve"_s } })
                                  << u"config.invalid_value"_s
                                  << u"CALLOS_SERVER_SESSION_MAX_HOURS: \"twelve\" "_s + maxTail;
    QTest::newRow("max missing value") << QStringList{ u"--session-max-hours"_s } << none
                                       << u"config.missing_value"_s << u"--session-max-hours needs a value"_s;
    QTest::newRow("missing value") << QStringList{ u"--listen"_s } << none << u"config.missing_value"_s
                                   << u"--listen needs a value"_s;
    QTest::newRow("unknown option") << QStringList{ u"--port"_s, u"80"_s } << none << u"config.unknown_option"_s
                                    << u"unknown option \"--port\""_s;
    QTest::newRow("unknown command") << QStringList{ u"org"_s, u"delete"_s } << none << u"config.unknown_command"_s
                                     << u"unknown command \"org delete\" (expected no command to run the server, "
                                        "\"org create\" or \"demo seed\")"_s;
    QTest::newRow("org create no name") << QStringList{ u"org"_s, u"create"_s, u"--admin-email"_s, u"a@b.co"_s }
                                        << none << u"config.missing_value"_s << u"org create needs --name"_s;
    QTest::newRow("org create no email") << QStringList{ u"org"_s, u"create"_s, u"--name"_s, u"A"_s } << none
                                         << u"config.missing_value"_s << u"org create needs --admin-email"_s;
    QTest::newRow("name without org create") << QStringList{ u"--name"_s, u"A"_s } << none
                                             << u"config.unknown_option"_s
                                             << u"--name is only for \"org create\""_s;
}

void TestCommandLine::badValues()
{
    QFETCH(QStringList, arguments);
    QFETCH(QProcessEnvironment, environment);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const auto parsed = parse(arguments, environment);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.refusal().code, code);
    QCOMPARE(parsed.refusal().message, message);
    QVERIFY(!parsed.refusal().message.contains(u"hunter2"_s));
}

void TestCommandLine::helpDocumentsEveryVariable()
{
    const QString help = CommandLine::helpText();
    for (const QString &needle :
        { u"--listen"_s, u"CALLOS_SERVER_LISTEN"_s, u"--db"_s, u"CALLOS_SERVER_DB"_s, u"--data-dir"_s,
            u"CALLOS_SERVER_DATA_DIR"_s, u"org create"_s, u"--admin-email"_s, u"--session-idle-minutes"_s,
            u"CALLOS_SERVER_SESSION_IDLE_MINUTES"_s, u"--session-max-hours"_s, u"CALLOS_SERVER_SESSION_MAX_HOURS"_s,
            u"CALLOS_ZOOM_WEBHOOK_SECRET"_s, u"CALLOS_ASSEMBLYAI_API_KEY"_s, u"CALLOS_ASSEMBLYAI_BASE_URL"_s,
            u"CALLOS_ANTHROPIC_API_KEY"_s, u"CALLOS_ANTHROPIC_BASE_URL"_s, u"CALLOS_CLAUDE_MODEL"_s,
            u"CALLOS_PUBLIC_URL"_s, u"CALLOS_S3_BUCKET"_s, u"CALLOS_S3_REGION"_s, u"CALLOS_S3_ACCESS_KEY_ID"_s,
            u"CALLOS_S3_SECRET_ACCESS_KEY"_s, u"CALLOS_S3_ENDPOINT"_s, u"CALLOS_S3_URL_LIFETIME_SECONDS"_s,
            u"CALLOS_ATTENDEE_API_KEY"_s, u"CALLOS_ATTENDEE_BASE_URL"_s, u"CALLOS_ATTENDEE_WEBHOOK_SECRET"_s })
        QVERIFY2(help.contains(needle), qPrintable(needle));
    QCOMPARE(parse({ u"--help"_s, u"--listen"_s, u"bad"_s }).value().command, Invocation::Command::Help);
}

void TestCommandLine::servicesComeFromTheEnvironmentOnly()
{
    // No keys: everything offline.
    const auto offline = parse({});
    QVERIFY(offline.ok());
    QVERIFY(!offline.value().config.integrations.hasAssemblyAi());
    QVERIFY(!offline.value().config.integrations.hasClaude());
    QVERIFY(offline.value().config.integrations.zoom.webhookSecret.isEmpty());
    QVERIFY(offline.value().config.integrations.assemblyAiWebhookSecret().isEmpty());
    QVERIFY(!offline.value().config.integrations.hasMeetingBot());
    QCOMPARE(offline.value().config.integrations.attendee.baseUrl, u"https://app.attendee.dev"_s);

    const auto online = parse({},
        env({ { u"CALLOS_ZOOM_WEBHOOK_SECRET"_s, u" zoom-secret \n"_s },
            { u"CALLOS_ASSEMBLYAI_API_KEY"_s, u"aai-key"_s },
            { u"CALLOS_ASSEMBLYAI_BASE_URL"_s, u"https://api.eu.assemblyai.com"_s },
            { u"CALLOS_ANTHROPIC_API_KEY"_s, u"sk-ant-key"_s }, { u"CALLOS_CLAUDE_MODEL"_s, u"claude-opus-4-1"_s },
            { u"CALLOS_PUBLIC_URL"_s, u"https://callos.example.com//"_s },
            { u"CALLOS_ATTENDEE_API_KEY"_s, u" attendee-key\n"_s },
            { u"CALLOS_ATTENDEE_BASE_URL"_s, u"https://attendee.internal.example"_s },
            { u"CALLOS_ATTENDEE_WEBHOOK_SECRET"_s, u"c2VjcmV0LWJ5dGVz\n"_s } }));
    QVERIFY(online.ok());
    const IntegrationSettings &services = online.value().config.integrations;
    QCOMPARE(services.zoom.webhookSecret, "zoom-secret"); // pasted with a line break
    QCOMPARE(services.assemblyAi.apiKey, "aai-key");
    QCOMPARE(services.assemblyAi.baseUrl, u"https://api.eu.assemblyai.com"_s);
    QCOMPARE(services.claude.apiKey, "sk-ant-key");
    QCOMPARE(services.claude.baseUrl, u"https://api.anthropic.com"_s);
    QCOMPARE(services.claude.model, u"claude-opus-4-1"_s);
    QCOMPARE(services.publicUrl, u"https://callos.example.com"_s);
    QCOMPARE(services.attendee.apiKey, "attendee-key");
    QCOMPARE(services.attendee.baseUrl, u"https://attendee.internal.example"_s);
    QCOMPARE(services.attendeeWebhookSecret().value_or(QByteArray()), "secret-bytes");
    QVERIFY(services.hasMeetingBot());
    QCOMPARE(services.meetingBotWebhookUrl(), u"https://callos.example.com/webhooks/attendee"_s);
    QVERIFY(services.meetingBotWarnings().isEmpty());
    // The webhook's token: stable for a key, different for another, never the key.
    const QByteArray token = services.assemblyAiWebhookSecret();
    QCOMPARE(token.size(), 64);
    QVERIFY(!token.contains("aai-key"));
    IntegrationSettings other = services;
    other.assemblyAi.apiKey = "another-key";
    QVERIFY(other.assemblyAiWebhookSecret() != token);
    QCOMPARE(parse({}, env({ { u"CALLOS_ASSEMBLYAI_API_KEY"_s, u"aai-key"_s } }))
                 .value()
                 .config.integrations.assemblyAiWebhookSecret(),
        token);
    // No option takes a secret.
    QCOMPARE(parse({ u"--assemblyai-api-key=x"_s }).refusal().code, u"config.unknown_option"_s);
    QCOMPARE(parse({ u"--attendee-api-key=x"_s }).refusal().code, u"config.unknown_option"_s);
}

namespace {

// A whole S3 set-up, as an admin writes it; the rows below spoil one part.
QProcessEnvironment s3Environment(const QList<std::pair<QString, QString>> &changes = {})
{
    QProcessEnvironment environment = env({ { u"CALLOS_S3_BUCKET"_s, u"acme-call-recordings"_s },
        { u"CALLOS_S3_REGION"_s, u"eu-central-1"_s }, { u"CALLOS_S3_ACCESS_KEY_ID"_s, u"AKIAACMEEXAMPLE00001"_s },
        { u"CALLOS_S3_SECRET_ACCESS_KEY"_s, u"hunter2/s3+secret"_s } });
    for (const auto &[name, value] : changes) {
        if (value.isNull())
            environment.remove(name);
        else
            environment.insert(name, value);
    }
    return environment;
}

} // namespace

void TestCommandLine::s3FromTheEnvironment()
{
    // No bucket: recordings stay on disk.
    QVERIFY(!parse({}).value().config.integrations.s3.enabled());

    const auto aws = parse({}, s3Environment({ { u"CALLOS_S3_SECRET_ACCESS_KEY"_s, u" hunter2/s3+secret\n"_s } }));
    QVERIFY2(aws.ok(), aws.ok() ? "" : qPrintable(aws.refusal().message));
    const S3Settings &s3 = aws.value().config.integrations.s3;
    QVERIFY(s3.enabled());
    QCOMPARE(s3.bucket, u"acme-call-recordings"_s);
    QCOMPARE(s3.region, u"eu-central-1"_s);
    QCOMPARE(s3.accessKeyId, "AKIAACMEEXAMPLE00001");
    QCOMPARE(s3.secretAccessKey, "hunter2/s3+secret"); // pasted with a line break
    QCOMPARE(s3.endpoint, QString()); // AWS itself
    QCOMPARE(s3.urlLifetimeSeconds, 300);

    const auto compatible = parse({},
        s3Environment({ { u"CALLOS_S3_ENDPOINT"_s, u"https://s3.example.com:9000/"_s },
            { u"CALLOS_S3_URL_LIFETIME_SECONDS"_s, u"604800"_s } }));
    QVERIFY(compatible.ok());
    QCOMPARE(compatible.value().config.integrations.s3.endpoint, u"https://s3.example.com:9000"_s);
    QCOMPARE(compatible.value().config.integrations.s3.urlLifetimeSeconds, 604800);
    QCOMPARE(parse({}, s3Environment({ { u"CALLOS_S3_URL_LIFETIME_SECONDS"_s, u"1"_s } }))
                 .value()
                 .config.integrations.s3.urlLifetimeSeconds,
        1);
    // No option takes the secret.
    QCOMPARE(parse({ u"--s3-secret-access-key=x"_s }).refusal().code, u"config.unknown_option"_s);
}

void TestCommandLine::s3HalfSetIsRefused_data()
{
    QTest::addColumn<QProcessEnvironment>("environment");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const QString lifetimeTail = u"is not a number of seconds (expected a whole number from 1 to 604800)"_s;
    const QString endpointTail = u" is not an http or https address without user, query or fragment "
                                 "(e.g. https://s3.eu-central-1.example.com)"_s;
    const QString noBucketTail = u" is set but CALLOS_S3_BUCKET is not: set the bucket to keep recordings in S3, "
                                 "or unset the CALLOS_S3_* variables to keep them on this disk"_s;
    QTest::newRow("no region") << s3Environment({ { u"CALLOS_S3_REGION"_s, QString() } }) << u"config.missing_value"_s
                               << u"CALLOS_S3_REGION is not set: the bucket's region is part of every S3 signature "
                                  "(e.g. eu-central-1)"_s;
    QTest::newRow("no key id") << s3Environment({ { u"CALLOS_S3_ACCESS_KEY_ID"_s, QString() } })
                               << u"config.missing_value"_s
                               << u"CALLOS_S3_ACCESS_KEY_ID is not set: S3 needs an access key to store recordings "
                                  "in the bucket \"acme-call-recordings\""_s;
    QTest::newRow("blank secret") << s3Environment({ { u"CALLOS_S3_SECRET_ACCESS_KEY"_s, u"  "_s } })
                                  << u"config.missing_value"_s
                                  << u"CALLOS_S3_SECRET_ACCESS_KEY is not set: S3 needs the access key's secret to "
                                     "store recordings in the bucket \"acme-call-recordings\""_s;
    QTest::newRow("keys without bucket") << s3Environment({ { u"CALLOS_S3_BUCKET"_s, QString() } })
                                         << u"config.missing_value"_s << u"CALLOS_S3_REGION"_s + noBucketTail;
    QTest::newRow("lifetime without bucket")
        << env({ { u"CALLOS_S3_URL_LIFETIME_SECONDS"_s, u"60"_s } }) << u"config.missing_value"_s
        << u"CALLOS_S3_URL_LIFETIME_SECONDS"_s + noBucketTail;
    QTest::newRow("bucket name") << s3Environment({ { u"CALLOS_S3_BUCKET"_s, u"Acme_Recordings"_s } })
                                 << u"config.invalid_value"_s
                                 << u"CALLOS_S3_BUCKET: \"Acme_Recordings\" is not an S3 bucket name (expected 3 to 63 "
                                    "lowercase letters, digits, dots and hyphens, beginning and ending with a letter "
                                    "or digit)"_s;
    QTest::newRow("region") << s3Environment({ { u"CALLOS_S3_REGION"_s, u"Frankfurt"_s } }) << u"config.invalid_value"_s
                            << u"CALLOS_S3_REGION: \"Frankfurt\" is not a region (expected lowercase letters, "
                               "digits and hyphens, e.g. eu-central-1)"_s;
    QTest::newRow("endpoint scheme") << s3Environment({ { u"CALLOS_S3_ENDPOINT"_s, u"ftp://s3.example.com"_s } })
                                     << u"config.invalid_value"_s << u"CALLOS_S3_ENDPOINT"_s + endpointTail;
    QTest::newRow("endpoint no host") << s3Environment({ { u"CALLOS_S3_ENDPOINT"_s, u"s3.example.com"_s } })
                                      << u"config.invalid_value"_s << u"CALLOS_S3_ENDPOINT"_s + endpointTail;
    QTest::newRow("endpoint with password")
        << s3Environment({ { u"CALLOS_S3_ENDPOINT"_s, u"https://admin:hunter2@s3.example.com"_s } })
        << u"config.invalid_value"_s << u"CALLOS_S3_ENDPOINT"_s + endpointTail;
    QTest::newRow("endpoint query") << s3Environment({ { u"CALLOS_S3_ENDPOINT"_s, u"https://s3.example.com/?x=1"_s } })
                                    << u"config.invalid_value"_s << u"CALLOS_S3_ENDPOINT"_s + endpointTail;
    QTest::newRow("lifetime zero") << s3Environment({ { u"CALLOS_S3_URL_LIFETIME_SECONDS"_s, u"0"_s } })
                                   << u"config.invalid_value"_s
                                   << u"CALLOS_S3_URL_LIFETIME_SECONDS: \"0\" "_s + lifetimeTail;
    QTest::newRow("lifetime past a week")
        << s3Environment({ { u"CALLOS_S3_URL_LIFETIME_SECONDS"_s, u"604801"_s } }) << u"config.invalid_value"_s
        << u"CALLOS_S3_URL_LIFETIME_SECONDS: \"604801\" "_s + lifetimeTail;
    QTest::newRow("lifetime in minutes") << s3Environment({ { u"CALLOS_S3_URL_LIFETIME_SECONDS"_s, u"5m"_s } })
                                         << u"config.invalid_value"_s
                                         << u"CALLOS_S3_URL_LIFETIME_SECONDS: \"5m\" "_s + lifetimeTail;
}

void TestCommandLine::s3HalfSetIsRefused()
{
    QFETCH(QProcessEnvironment, environment);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const auto parsed = parse({}, environment);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.refusal().code, code);
    QCOMPARE(parsed.refusal().message, message);
    // The secret (and a password in an endpoint) never in a message.
    QVERIFY(!parsed.refusal().message.contains(u"hunter2"_s));
    // Refused for every command, not only when serving.
    QCOMPARE(parse({ u"demo"_s, u"seed"_s }, environment).refusal().message, message);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
