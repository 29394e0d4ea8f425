#pragma once

#include "common/result.h"
#include "content/versionedjson.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>

namespace callos::server {

// The slide deck the desktop shows, as the server hands it out: deck.json
// and the images its slides name, read once from a folder (the server's
// embedded copy of slides/default, see kEmbeddedDirectory).
//
// Only the images the deck names are served, so a request can never reach
// another file, whatever its name holds ("../", "%2F").
class DeckContent
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::DeckContent)

public:
    // slides/default, embedded into the server by server/CMakeLists.txt.
    static inline const QString kEmbeddedDirectory = QStringLiteral(":/content/deck");

    struct File
    {
        QByteArray bytes;
        QByteArray contentType;
    };

    static Result<DeckContent> load(const QString &directory);

    const VersionedJson &deck() const { return m_deck; }
    // The image a slide names, by the path in deck.json ("images/a.png") or
    // by its file name alone ("a.png"); std::nullopt for anything else.
    std::optional<File> file(const QString &name) const;

    // The Content-Type of an image file by its suffix; empty when not an image.
    static QByteArray imageContentType(const QString &fileName);

private:
    DeckContent(VersionedJson deck, QHash<QString, File> files);

    VersionedJson m_deck;
    QHash<QString, File> m_files; // by the path in deck.json and by file name
};

} // namespace callos::server
