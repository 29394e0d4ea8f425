#include "testpaths.h"

#include "deck/deckloader.h"
#include "playbook/playbookloader.h"

#include <QDebug>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace callos::test {

QString sourcePath(const QString &relative)
{
    return QStringLiteral(CALLOS_SOURCE_DIR) + u'/' + relative;
}

QString defaultPlaybookPath()
{
    return sourcePath(u"resources/playbooks/default.json"_s);
}

QString defaultDeckPath()
{
    return sourcePath(u"slides/default/deck.json"_s);
}

Playbook loadDefaultPlaybook()
{
    auto loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    if (!loaded.ok()) {
        qCritical().noquote() << "default playbook does not validate:\n" << loaded.messages().join(u'\n');
        std::abort();
    }
    return *loaded.value;
}

Deck loadDefaultDeck(const Playbook &playbook)
{
    auto loaded = DeckLoader::loadFile(defaultDeckPath(), playbook);
    if (!loaded.ok()) {
        qCritical().noquote() << "default deck does not validate:\n" << loaded.messages().join(u'\n');
        std::abort();
    }
    return *loaded.value;
}

} // namespace callos::test
