#pragma once

#include "deck/deck.h"
#include "playbook/playbook.h"

#include <QString>

namespace callos::test {

QString sourcePath(const QString &relative);
QString defaultPlaybookPath();
QString defaultDeckPath();
// The shipped default content; a test fails loudly if it does not validate.
Playbook loadDefaultPlaybook();
Deck loadDefaultDeck(const Playbook &playbook);

} // namespace callos::test
