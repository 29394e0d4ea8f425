#pragma once

#include "deck/deck.h"
#include "playbook/playbook.h"

#include <QLocale>
#include <QTextStream>

namespace callos {

// A scripted demo call on the real engine, printed step by step: what the
// agent sees, what the engine refuses and why, and the summaries it renders.
// It shows the call engine working end to end before the desktop app exists.
class DemoCallWalkthrough
{
public:
    DemoCallWalkthrough(const Playbook &playbook, const Deck &deck, QLocale locale, QTextStream &out);

    // Returns 0 when the call ran to its decision as scripted.
    int run();

private:
    const Playbook &m_playbook;
    const Deck &m_deck;
    QLocale m_locale;
    QTextStream &m_out;
};

} // namespace callos
