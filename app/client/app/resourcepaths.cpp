#include "client/app/resourcepaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace callos::client {

ResourcePaths::ResourcePaths(QString sourceDir) : m_sourceDir(std::move(sourceDir)) {}

QString ResourcePaths::find(const QString &relative) const
{
    const QStringList roots{qEnvironmentVariable("CALLOS_CONTENT_DIR"),
                            QCoreApplication::applicationDirPath() + u"/../share/callos"_s, m_sourceDir};
    for (const QString &root : roots) {
        if (!root.isEmpty() && QFileInfo::exists(QDir(root).filePath(relative)))
            return QDir::cleanPath(QDir(root).filePath(relative));
    }
    return QDir(m_sourceDir).filePath(relative); // the loader then says what is missing
}

QString ResourcePaths::defaultPlaybook() const
{
    return find(u"resources/playbooks/default.json"_s);
}

QString ResourcePaths::defaultDeck() const
{
    return find(u"slides/default/deck.json"_s);
}

} // namespace callos::client
