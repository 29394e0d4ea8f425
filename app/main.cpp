// callos: the agent's desktop app. This file only wires the objects together.
#include "client/account/keychaintokenstore.h"
#include "client/app/resourcepaths.h"
#include "client/call/scriptedcallrunner.h"
#include "client/store/localstore.h"
#include "client/sync/playbookcache.h"
#include "deck/deckloader.h"
#include "playbook/playbookloader.h"
#include "ui/app/desktopapp.h"
#include "ui/automation/screenshottour.h"
#include "ui/automation/startupprobe.h"
#include "ui/common/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTextStream>
#include <QTranslator>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace callos;

namespace {

// Problems before the window exists: a dialog for a person, stderr for scripts.
int fail(int code, const QString &title, const QString &message, bool interactive)
{
    std::fputs(qPrintable(title + u": "_s + message + u'\n'), stderr);
    if (interactive)
        QMessageBox::critical(nullptr, title, message);
    return code;
}

// The language --lang names (the last one given), read before the command-
// line parser exists: the parser's option descriptions, and so --help, are
// made in the language installed by then. Empty when not given.
QString requestedLanguage(const QStringList &arguments)
{
    QString language;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--"_s)
            break;
        if (argument == u"--lang"_s && i + 1 < arguments.size())
            language = arguments.at(++i);
        else if (argument.startsWith(u"--lang="_s))
            language = argument.mid(7);
    }
    return language;
}

QString deviceId(QSettings &settings)
{
    QString id = settings.value(u"device/id"_s).toString();
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        settings.setValue(u"device/id"_s, id);
    }
    return id;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"CallOS"_s);
    QApplication::setOrganizationName(u"CallOS"_s);
    QApplication::setApplicationVersion(QStringLiteral(CALLOS_VERSION));

    const QString language = requestedLanguage(QApplication::arguments());
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : locale);
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), u"callos"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "CallOS: guided sales calls."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(u"data-dir"_s, QApplication::translate("main", "Folder for the local store and settings."), u"dir"_s,
                                           QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const client::ResourcePaths resources(QStringLiteral(CALLOS_SOURCE_DIR));
    const QCommandLineOption playbookOption(u"playbook"_s, QApplication::translate("main", "Playbook JSON file."), u"file"_s, resources.defaultPlaybook());
    const QCommandLineOption deckOption(u"deck"_s, QApplication::translate("main", "Slide deck (deck.json)."), u"file"_s, resources.defaultDeck());
    const QCommandLineOption languageOption(u"lang"_s, QApplication::translate("main", "Language (en, de); default: the system's."), u"code"_s);
    const QCommandLineOption screenshotsOption(u"screenshots"_s, QApplication::translate("main", "Write PNGs of every screen to <dir> and quit."), u"dir"_s);
    const QCommandLineOption scriptedOption(u"scripted-call"_s, QApplication::translate("main", "Play a scripted call (resuming an unfinished one), print committed events, quit."));
    const QCommandLineOption probeOption(u"startup-probe"_s, QApplication::translate("main", "Report first paint and memory with a call running, then quit (bench_startup)."));
    const QCommandLineOption stepOption(u"step-ms"_s, QApplication::translate("main", "Milliseconds between scripted steps."), u"ms"_s, u"20"_s);
    const QCommandLineOption serverOption(u"server"_s, QApplication::translate("main", "CallOS server address for signing in (e.g. http://127.0.0.1:8080)."), u"url"_s);
    const QCommandLineOption emailOption(u"email"_s, QApplication::translate("main", "E-mail address for signing in."), u"address"_s);
    const QCommandLineOption passwordStdinOption(u"password-stdin"_s, QApplication::translate("main", "Sign in at start with the password read from stdin (scripts)."));
    for (const auto &option : {dataDirOption, playbookOption, deckOption, languageOption, screenshotsOption, scriptedOption, probeOption, stepOption, serverOption, emailOption, passwordStdinOption})
        parser.addOption(option);
    // --help and --version answer here and quit, in the language chosen above.
    parser.process(app);
    const bool interactive = !parser.isSet(scriptedOption) && !parser.isSet(screenshotsOption) && !parser.isSet(probeOption);
    app.setStyleSheet(ui::Theme::styleSheet());

    const QDir dataDir(parser.value(dataDirOption));
    // The organisation's playbook, pulled by the sync at an earlier run, wins
    // over the built-in one unless a playbook was named on the command line;
    // one that does not fit the deck is passed over, not fatal.
    Validated<Playbook> playbook = PlaybookLoader::loadFile(parser.value(playbookOption));
    Validated<Deck> deck = playbook.ok() ? DeckLoader::loadFile(parser.value(deckOption), *playbook.value) : Validated<Deck>{};
    const client::PlaybookCache playbookCache(dataDir.absolutePath());
    if (!parser.isSet(playbookOption) && playbookCache.hasPlaybook()) {
        Validated<Playbook> cached = playbookCache.load();
        Validated<Deck> cachedDeck = cached.ok() ? DeckLoader::loadFile(parser.value(deckOption), *cached.value) : Validated<Deck>{};
        if (cached.ok() && cachedDeck.ok()) {
            playbook = std::move(cached);
            deck = std::move(cachedDeck);
        } else {
            const QStringList why = cached.ok() ? cachedDeck.messages() : cached.messages();
            std::fputs(qPrintable(QApplication::translate("main", "The playbook from the server is not used: %1").arg(why.join(u"; "_s)) + u'\n'), stderr);
        }
    }
    if (!playbook.ok())
        return fail(2, QApplication::translate("main", "The playbook cannot be used"), playbook.messages().join(u'\n'), interactive);
    if (!deck.ok())
        return fail(2, QApplication::translate("main", "The slide deck cannot be used"), deck.messages().join(u'\n'), interactive);

    auto store = client::LocalStore::open(dataDir.filePath(u"callos.sqlite"_s));
    if (!store)
        return fail(3, QApplication::translate("main", "CallOS cannot open its data"), store.refusal().message, interactive);
    QSettings settings(dataDir.filePath(u"settings.ini"_s), QSettings::IniFormat);

    SystemClock clock;
    UuidGenerator ids;
    // The session token lives in the OS keychain only (never in settings.ini).
    client::KeychainTokenStore keychain(u"CallOS"_s);
    // Events name who made them: the account last signed in on this computer.
    const QString lastUser = client::AccountSettings(settings).load().userId;
    ui::DesktopApp desktop({*playbook.value, *deck.value, *store.value(), settings, clock, ids, deviceId(settings),
                            lastUser.isEmpty() ? u"local-agent"_s : lastUser, &keychain});
    if (parser.isSet(passwordStdinOption)) {
        // Scripts sign in without a dialog; the password never goes on the command line.
        const QString password = QTextStream(stdin).readLine();
        const client::AccountProfile last = desktop.account.profile();
        const auto signInWhenReady = [&desktop, &parser, &serverOption, &emailOption, password, last] {
            desktop.account.signIn({parser.isSet(serverOption) ? parser.value(serverOption) : last.server,
                                    parser.isSet(emailOption) ? parser.value(emailOption) : last.email, password, {}});
        };
        QObject::connect(&desktop.account, &client::Account::signInFailed, &app, [](const Refusal &refusal) {
            std::fputs(qPrintable(QApplication::translate("main", "Signing in failed: %1").arg(refusal.message) + u'\n'), stderr);
        });
        if (desktop.account.state() == client::Account::State::Restoring) {
            // Wait for the keychain's answer; signed in already is fine too.
            QObject::connect(&desktop.account, &client::Account::stateChanged, &app, [&desktop, signInWhenReady](client::Account::State state) {
                if (state == client::Account::State::SignedOut)
                    signInWhenReady();
            }, Qt::SingleShotConnection);
        } else if (!desktop.account.isSignedIn()) {
            signInWhenReady();
        }
    } else if (parser.isSet(serverOption) || parser.isSet(emailOption)) {
        // Fills in the sign-in dialog; a stored session stays as it is.
        client::AccountProfile profile = desktop.account.profile();
        if (!desktop.account.isSignedIn() && desktop.account.state() != client::Account::State::Restoring) {
            if (parser.isSet(serverOption))
                profile.server = parser.value(serverOption);
            if (parser.isSet(emailOption))
                profile.email = parser.value(emailOption);
            client::AccountSettings(settings).save(profile);
            desktop.account.restore();
        }
    }
    if (const auto seeded = desktop.prospects.seedDemoIfEmpty(); !seeded)
        std::fputs(qPrintable(seeded.refusal().message + u'\n'), stderr);

    if (parser.isSet(scriptedOption)) {
        client::ScriptedCallRunner runner(desktop.call, desktop.launcher, desktop.calls, desktop.prospects,
                                          parser.value(stepOption).toInt());
        QTimer::singleShot(0, &runner, &client::ScriptedCallRunner::start);
        return app.exec();
    }

    ui::MainWindow &window = desktop.window();
    if (parser.isSet(screenshotsOption)) {
        const QStringList written = ui::ScreenshotTour(window, desktop.services(), QDir(parser.value(screenshotsOption))).run();
        for (const QString &path : written)
            std::fputs(qPrintable(path + u'\n'), stdout);
        return written.isEmpty() ? 1 : 0;
    }
    if (parser.isSet(probeOption))
        new ui::StartupProbe(desktop);
    window.showMaximized();
    return app.exec();
}
