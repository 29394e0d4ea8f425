#include "deck/deckloader.h"
#include "democall/democallwalkthrough.h"
#include "playbook/playbookloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"CallOS"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CALLOS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"CallOS: guided sales calls. This build runs a demo call on the call engine."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption playbookOption(u"playbook"_s, u"Playbook JSON file."_s, u"file"_s,
                                            QStringLiteral(CALLOS_SOURCE_RESOURCES "/playbooks/default.json"));
    const QCommandLineOption deckOption(u"deck"_s, u"Slide deck (deck.json)."_s, u"file"_s,
                                        QStringLiteral(CALLOS_SOURCE_SLIDES "/default/deck.json"));
    parser.addOption(playbookOption);
    parser.addOption(deckOption);
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto playbook = callos::PlaybookLoader::loadFile(parser.value(playbookOption));
    if (!playbook.ok()) {
        err << "The playbook cannot be used:\n  " << playbook.messages().join(u"\n  "_s) << '\n';
        return 2;
    }
    const auto deck = callos::DeckLoader::loadFile(parser.value(deckOption), *playbook.value);
    if (!deck.ok()) {
        err << "The slide deck cannot be used:\n  " << deck.messages().join(u"\n  "_s) << '\n';
        return 2;
    }
    // Machines without a configured locale report "C"; show money and dates as an American user would.
    const QLocale locale = QLocale::system().language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                                      : QLocale::system();
    return callos::DemoCallWalkthrough(*playbook.value, *deck.value, locale, out).run();
}
