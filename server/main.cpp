// callos-server: wires the objects together and runs one command. All the
// behaviour lives in callos_server_lib, where the tests reach it.
#include "accounts/organisationbootstrap.h"
#include "app/serverapp.h"
#include "auth/passwordgenerator.h"
#include "auth/passwordhasher.h"
#include "auth/sodiumruntime.h"
#include "cli/demoseedcommand.h"
#include "cli/orgcreatecommand.h"
#include "cli/servecommand.h"
#include "common/clock.h"
#include "common/idgenerator.h"
#include "config/commandline.h"
#include "demo/demoaccountsfile.h"
#include "demo/demoorganisation.h"
#include "http/httpservice.h"
#include "pipeline/pipelineworkers.h"
#include "runtime/jsonlog.h"
#include "runtime/signalwatcher.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"callos-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CALLOS_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto exitWith = [](ExitCode code) { return static_cast<int>(code); };

    const Result<Invocation> parsed = CommandLine::parse(QCoreApplication::arguments(),
        QProcessEnvironment::systemEnvironment(),
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    if (!parsed) {
        err << u"callos-server: "_s << parsed.refusal().message << u"\nTry 'callos-server --help'.\n"_s;
        return exitWith(ExitCode::BadInput);
    }
    const Invocation &invocation = parsed.value();
    if (invocation.command == Invocation::Command::Help) {
        out << CommandLine::helpText();
        return exitWith(ExitCode::Ok);
    }
    if (invocation.command == Invocation::Command::Version) {
        out << u"callos-server "_s << QCoreApplication::applicationVersion() << u'\n';
        return exitWith(ExitCode::Ok);
    }

    const Result<SodiumRuntime> sodium = SodiumRuntime::initialise();
    if (!sodium) {
        err << u"callos-server: "_s << sodium.refusal().message << u'\n';
        return exitWith(ExitCode::Failed);
    }
    SystemClock clock;
    UuidGenerator ids;

    QFile logSink;
    logSink.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    JsonLog log(logSink, clock);

    Result<std::unique_ptr<Database>> opened = Database::open(invocation.config.database, clock);
    if (!opened) {
        if (invocation.command == Invocation::Command::OrgCreate || invocation.command == Invocation::Command::DemoSeed)
            err << u"callos-server: "_s << opened.refusal().message << u'\n';
        else
            log.write(u"error"_s, u"server.failed"_s,
                QJsonObject{ { u"code"_s, opened.refusal().code }, { u"message"_s, opened.refusal().message } });
        return exitWith(ExitCode::Failed);
    }
    Database &database = *opened.value();
    // Row-level security (PostgreSQL): the other commands act for nobody
    // signed in, across organisations; serving enters a scope per request.
    const TenantScope::Entered commandScope = invocation.command == Invocation::Command::Serve
        ? TenantScope::Entered()
        : database.tenantScope().enterSystem();

    if (invocation.command == Invocation::Command::OrgCreate) {
        const PasswordHasher hasher(sodium.value());
        const PasswordGenerator generator(sodium.value());
        OrganisationBootstrap bootstrap(database, hasher, clock, ids);
        OrgCreateCommand command(bootstrap, generator);
        QFile input;
        input.open(stdin, QIODevice::ReadOnly);
        return exitWith(command.run(invocation.organisation, input, ::isatty(STDIN_FILENO) == 1, out, err));
    }

    if (invocation.command == Invocation::Command::DemoSeed) {
        const PasswordHasher hasher(sodium.value());
        const PasswordGenerator generator(sodium.value());
        DemoOrganisation demo(database, hasher, generator, clock, ids);
        const DemoAccountsFile accounts(
            QDir(invocation.config.dataDir).filePath(QString::fromLatin1(DemoAccountsFile::kFileName)));
        DemoSeedCommand command(demo, accounts);
        return exitWith(command.run(out, err));
    }

    // Said once at start, where the operator looks: a bot that is half set
    // up sends nothing, and nobody would know why.
    for (const QString &warning : invocation.config.integrations.meetingBotWarnings())
        log.write(u"warning"_s, u"meetingbot.not_ready"_s, QJsonObject { { u"message"_s, warning } });
    if (invocation.config.integrations.hasMeetingBot())
        log.write(u"info"_s, u"meetingbot.enabled"_s,
            QJsonObject { { u"provider"_s, QString::fromLatin1(AttendeeSettings::kProvider) },
                { u"base_url"_s, invocation.config.integrations.attendee.baseUrl },
                { u"webhook_url"_s, invocation.config.integrations.meetingBotWebhookUrl() } });

    SignalWatcher signals;
    ServerApp::Settings settings;
    settings.sessions = invocation.config.sessions;
    settings.integrations = invocation.config.integrations;
    settings.recordingsDirectory = QDir(invocation.config.dataDir).filePath(u"recordings"_s);
    ServerApp server(database, sodium.value(), clock, ids, log, settings);
    PipelineSettings pipeline;
    pipeline.recordingsDirectory = settings.recordingsDirectory;
    pipeline.services = invocation.config.integrations;
    // Where the recordings go, once at start (never the keys).
    const S3Settings &s3 = invocation.config.integrations.s3;
    log.write(u"info"_s, u"recordings.store"_s,
        s3.enabled() ? QJsonObject { { u"store"_s, u"s3"_s }, { u"bucket"_s, s3.bucket }, { u"region"_s, s3.region },
            { u"endpoint"_s, s3.endpoint }, { u"url_lifetime_s"_s, s3.urlLifetimeSeconds } }
                     : QJsonObject { { u"store"_s, u"disk"_s }, { u"folder"_s, settings.recordingsDirectory } });
    PipelineWorkers workers(invocation.config.database, clock, log, pipeline);
    // SQLite has no notifications: enqueues in this process wake its workers.
    server.jobs().setLocalWakeUp([&workers] { workers.wake(); });
    // What a killed earlier process of this server was running runs again now.
    const Result<int> released = PipelineWorkers::releaseJobsOfDeadProcesses(server.jobs());
    if (!released)
        log.write(u"warning"_s, u"jobs.release_failed"_s, QJsonObject{ { u"message"_s, released.refusal().message } });
    else if (released.value() > 0)
        log.write(u"info"_s, u"jobs.released"_s, QJsonObject{ { u"jobs"_s, released.value() } });
    ServeCommand serve(database, server.http(), server.live(), workers, signals, log);
    return exitWith(serve.run(invocation.config.listen));
}
