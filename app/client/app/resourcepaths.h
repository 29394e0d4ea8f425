#pragma once

#include <QString>

namespace callos::client {

// Where the app finds its shipped content (default playbook, slide decks):
// $CALLOS_CONTENT_DIR, then the installed share/callos beside the binary,
// then the source tree it was built from (for running from a build folder).
class ResourcePaths
{
public:
    explicit ResourcePaths(QString sourceDir);

    QString defaultPlaybook() const;
    QString defaultDeck() const;

private:
    QString find(const QString &relative) const;

    QString m_sourceDir;
};

} // namespace callos::client
