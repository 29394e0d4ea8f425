#include "content/deckcontent.h"

#include "json/jsonfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Refusal{ u"deck.unreadable"_s, DeckContent::tr("Cannot read %1: %2").arg(path, file.errorString()) };
    return file.readAll();
}

} // namespace

DeckContent::DeckContent(VersionedJson deck, QHash<QString, File> files)
    : m_deck(std::move(deck)), m_files(std::move(files))
{
}

QByteArray DeckContent::imageContentType(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"png")
        return "image/png";
    if (suffix == u"jpg" || suffix == u"jpeg")
        return "image/jpeg";
    if (suffix == u"webp")
        return "image/webp";
    if (suffix == u"gif")
        return "image/gif";
    if (suffix == u"svg")
        return "image/svg+xml";
    return {};
}

Result<DeckContent> DeckContent::load(const QString &directory)
{
    const QString deckPath = directory + u"/deck.json"_s;
    const Result<QByteArray> bytes = readFile(deckPath);
    if (!bytes)
        return bytes.refusal();
    ValidationErrors errors{ deckPath };
    const std::optional<QJsonDocument> document = JsonFile::parse(bytes.value(), errors);
    if (!document || !document->isObject())
        return Refusal{ u"deck.invalid"_s, tr("%1 is not a JSON object: %2").arg(deckPath, errors.messages().join(u"; "_s)) };

    // The images the slides name; the desktop's DeckLoader checks the rest.
    QHash<QString, File> files;
    const QJsonArray slides = document->object().value(u"slides"_s).toArray();
    for (const QJsonValue &slide : slides) {
        const QString image = slide.toObject().value(u"image"_s).toString();
        if (image.isEmpty() || files.contains(image))
            continue;
        const QString cleaned = QDir::cleanPath(image);
        if (QFileInfo(image).isAbsolute() || cleaned.startsWith(u"../"_s) || cleaned == u".."_s)
            return Refusal{ u"deck.invalid"_s, tr("%1 names an image outside its folder: %2").arg(deckPath, image) };
        const QByteArray contentType = imageContentType(image);
        if (contentType.isEmpty())
            return Refusal{ u"deck.invalid"_s, tr("%1 names a file that is not an image: %2").arg(deckPath, image) };
        const Result<QByteArray> data = readFile(directory + u'/' + cleaned);
        if (!data)
            return data.refusal();
        const File file{ data.value(), contentType };
        files.insert(image, file);
        // By file name too, for clients that keep the images in one folder;
        // should two folders hold the same name, the first slide's wins.
        if (!files.contains(QFileInfo(image).fileName()))
            files.insert(QFileInfo(image).fileName(), file);
    }
    return DeckContent(VersionedJson(document->object()), std::move(files));
}

std::optional<DeckContent::File> DeckContent::file(const QString &name) const
{
    const auto it = m_files.constFind(name);
    if (it == m_files.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace callos::server
