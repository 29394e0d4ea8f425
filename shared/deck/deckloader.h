#pragma once

#include "deck/deck.h"
#include "json/jsonfile.h"
#include "json/validationerrors.h"
#include "playbook/playbook.h"

namespace callos {

// Reads `slides/<deck>/deck.json` and checks it against the playbook it will
// be shown with: known milestones, known placeholders, existing images,
// the keys each layout needs. Reports every error at once.
class DeckLoader
{
public:
    static constexpr int kSchemaVersion = 1;

    static Validated<Deck> loadFile(const QString &deckJsonPath, const Playbook &playbook, const JsonLimits &limits = {});
    // `fileName` names the source in messages; image paths resolve against `directory`.
    static Validated<Deck> parse(const QByteArray &bytes, const QString &fileName, const QString &directory,
                                 const Playbook &playbook, const JsonLimits &limits = {});
};

} // namespace callos
