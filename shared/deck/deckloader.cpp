#include "deck/deckloader.h"

#include "common/result.h"

#include "json/jsonobjectreader.h"
#include "text/texttemplate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>

using namespace Qt::StringLiterals;

namespace callos {
namespace {

// The keys each layout reads besides id, milestone and layout.
QStringList keysOf(SlideLayout layout)
{
    switch (layout) {
    case SlideLayout::Title: return {u"title"_s, u"subtitle"_s};
    case SlideLayout::Bullets: return {u"title"_s, u"bullets"_s};
    case SlideLayout::Image: return {u"title"_s, u"image"_s, u"caption"_s};
    case SlideLayout::Metric: return {u"title"_s, u"value"_s, u"label"_s, u"caption"_s};
    case SlideLayout::TwoColumn: return {u"title"_s, u"left"_s, u"right"_s};
    case SlideLayout::Quote: return {u"quote"_s, u"attribution"_s};
    }
    return {};
}

const QStringList kAllLayoutKeys{u"title"_s, u"subtitle"_s, u"bullets"_s, u"image"_s, u"caption"_s, u"value"_s,
                                 u"label"_s, u"left"_s,     u"right"_s,   u"quote"_s, u"attribution"_s};

class Reader
{
public:
    Reader(ValidationErrors &errors, QString directory, const Playbook &playbook)
        : m_errors(errors), m_directory(std::move(directory)), m_playbook(playbook)
    {
    }

    std::optional<Deck> read(const QJsonObject &root)
    {
        JsonObjectReader in(JsonNode{root, QString()}, m_errors);
        const auto schema = in.integer(u"schemaVersion"_s, Presence::Required, 0, 1000000);
        if (schema && *schema != DeckLoader::kSchemaVersion) {
            in.addError(u"schemaVersion"_s, QCoreApplication::translate("callos::DeckLoader", "unsupported version %1; this CallOS reads version %2")
                                                .arg(*schema)
                                                .arg(DeckLoader::kSchemaVersion));
            in.ignoreRest(); // a different format: judging its other keys would only add noise
            return std::nullopt;
        }
        Deck deck;
        const auto id = in.identifier(u"id"_s);
        const auto title = in.string(u"title"_s);
        QHash<QString, QString> firstPath;
        for (const JsonNode &node : in.array(u"slides"_s, Presence::Required, 1, 500)) {
            auto slide = readSlide(node);
            if (!slide)
                continue;
            const QString path = node.path + u".id"_s;
            if (firstPath.contains(slide->id))
                m_errors.add(path, QCoreApplication::translate("callos::DeckLoader", "duplicate slide id '%1' (first at %2)").arg(slide->id, firstPath.value(slide->id)));
            else
                firstPath.insert(slide->id, path);
            deck.slides.append(*slide);
        }
        in.finish();
        if (!m_errors.isEmpty() || !schema || !id || !title)
            return std::nullopt;
        deck.schemaVersion = int(*schema);
        deck.id = *id;
        deck.title = *title;
        deck.directory = m_directory;
        return deck;
    }

private:
    // A text that may hold placeholders: each must name a playbook field.
    std::optional<QString> text(JsonObjectReader &in, const QString &key, Presence presence)
    {
        const auto value = in.string(key, presence);
        if (value)
            checkPlaceholders(*value, in.childPath(key));
        return value;
    }

    void checkPlaceholders(const QString &value, const QString &path)
    {
        QStringList problems;
        const QStringList names = TextTemplate::placeholders(value, &problems);
        for (const QString &problem : std::as_const(problems))
            m_errors.add(path, problem);
        for (const QString &name : names) {
            if (!m_playbook.field(name))
                m_errors.add(path, QCoreApplication::translate("callos::DeckLoader", "unknown placeholder {{%1}}").arg(name));
        }
    }

    QStringList bulletList(JsonObjectReader &in, const QString &key)
    {
        const QStringList bullets = in.stringArray(key, Presence::Required, 1, 8);
        for (qsizetype i = 0; i < bullets.size(); ++i)
            checkPlaceholders(bullets.at(i), jsonIndexPath(in.childPath(key), i));
        return bullets;
    }

    std::optional<SlideColumn> column(JsonObjectReader &owner, const QString &key)
    {
        const auto node = owner.node(key);
        if (!node)
            return std::nullopt;
        JsonObjectReader in(*node, m_errors);
        if (!in.isObject())
            return std::nullopt;
        SlideColumn out;
        out.heading = text(in, u"heading"_s, Presence::Required).value_or(QString());
        out.bullets = bulletList(in, u"bullets"_s);
        return out;
    }

    std::optional<Slide> readSlide(const JsonNode &node)
    {
        JsonObjectReader in(node, m_errors);
        if (!in.isObject())
            return std::nullopt;
        const qsizetype errorsBefore = m_errors.count();
        Slide slide;
        const auto id = in.identifier(u"id"_s);
        const auto milestone = in.string(u"milestone"_s);
        if (milestone && !m_playbook.milestone(*milestone))
            in.addError(u"milestone"_s, QCoreApplication::translate("callos::DeckLoader", "unknown milestone '%1'").arg(*milestone));
        const auto layoutName = in.string(u"layout"_s);
        const auto layout = layoutName ? slideLayoutFromName(*layoutName) : std::nullopt;
        if (layoutName && !layout) {
            in.addError(u"layout"_s, QCoreApplication::translate("callos::DeckLoader", "must be one of title, bullets, image, metric, two-column, quote (got '%1')")
                                         .arg(*layoutName));
        }
        if (!layout) {
            for (const QString &key : kAllLayoutKeys)
                in.node(key, Presence::Optional); // not knowing the layout, we cannot judge them
            return std::nullopt;
        }
        slide.layout = *layout;
        switch (*layout) {
        case SlideLayout::Title:
            slide.title = text(in, u"title"_s, Presence::Required).value_or(QString());
            slide.subtitle = text(in, u"subtitle"_s, Presence::Optional).value_or(QString());
            break;
        case SlideLayout::Bullets:
            slide.title = text(in, u"title"_s, Presence::Required).value_or(QString());
            slide.bullets = bulletList(in, u"bullets"_s);
            break;
        case SlideLayout::Image:
            slide.title = text(in, u"title"_s, Presence::Optional).value_or(QString());
            if (const auto image = in.string(u"image"_s)) {
                const auto resolved = resolveImage(*image);
                if (!resolved)
                    in.addError(u"image"_s, resolved.refusal().message);
                else
                    slide.imagePath = resolved.value();
            }
            slide.caption = text(in, u"caption"_s, Presence::Optional).value_or(QString());
            break;
        case SlideLayout::Metric:
            slide.title = text(in, u"title"_s, Presence::Required).value_or(QString());
            slide.value = text(in, u"value"_s, Presence::Required).value_or(QString());
            slide.label = text(in, u"label"_s, Presence::Required).value_or(QString());
            slide.caption = text(in, u"caption"_s, Presence::Optional).value_or(QString());
            break;
        case SlideLayout::TwoColumn:
            slide.title = text(in, u"title"_s, Presence::Required).value_or(QString());
            slide.left = column(in, u"left"_s).value_or(SlideColumn{});
            slide.right = column(in, u"right"_s).value_or(SlideColumn{});
            break;
        case SlideLayout::Quote:
            slide.quote = text(in, u"quote"_s, Presence::Required).value_or(QString());
            slide.attribution = text(in, u"attribution"_s, Presence::Optional).value_or(QString());
            break;
        }
        const QStringList used = keysOf(*layout);
        for (const QString &key : kAllLayoutKeys) {
            if (in.has(key) && !used.contains(key)) {
                in.node(key, Presence::Optional);
                in.addError(key, QCoreApplication::translate("callos::DeckLoader", "not used by the %1 layout").arg(*layoutName));
            }
        }
        in.finish();
        if (!id || !milestone || m_errors.count() != errorsBefore)
            return std::nullopt;
        slide.id = *id;
        slide.milestoneId = *milestone;
        return slide;
    }

    // The image's canonical path, which must lie inside the deck folder even
    // after following links: a deck must not be able to show arbitrary files.
    Result<QString> resolveImage(const QString &image) const
    {
        const QString outside = QCoreApplication::translate("callos::DeckLoader", "must be a path inside the deck folder");
        const QString folder = QDir::cleanPath(QDir(m_directory).absolutePath()) + u'/';
        if (QFileInfo(image).isAbsolute() || !QDir::cleanPath(folder + image).startsWith(folder))
            return Refusal{u"outside"_s, outside};
        const QFileInfo file(folder + image);
        if (!file.isFile())
            return Refusal{u"missing"_s, QCoreApplication::translate("callos::DeckLoader", "image file not found: %1").arg(image)};
        const QString canonical = file.canonicalFilePath();
        if (!canonical.startsWith(QDir(m_directory).canonicalPath() + u'/'))
            return Refusal{u"outside"_s, outside};
        return canonical;
    }

    ValidationErrors &m_errors;
    QString m_directory;
    const Playbook &m_playbook;
};

Validated<Deck> readDeck(const std::optional<QJsonDocument> &document, ValidationErrors &errors,
                         const QString &directory, const Playbook &playbook)
{
    Validated<Deck> result;
    if (document) {
        std::optional<Deck> deck = Reader(errors, directory, playbook).read(document->object());
        if (errors.isEmpty())
            result.value = std::move(deck);
    }
    result.errors = errors.errors();
    return result;
}

QString displayName(const QString &deckJsonPath)
{
    const QFileInfo info(deckJsonPath);
    return info.dir().dirName() + u'/' + info.fileName();
}

} // namespace

Validated<Deck> DeckLoader::loadFile(const QString &deckJsonPath, const Playbook &playbook, const JsonLimits &limits)
{
    ValidationErrors errors(displayName(deckJsonPath));
    const auto document = JsonFile::read(deckJsonPath, errors, limits);
    return readDeck(document, errors, QFileInfo(deckJsonPath).absolutePath(), playbook);
}

Validated<Deck> DeckLoader::parse(const QByteArray &bytes, const QString &fileName, const QString &directory,
                                  const Playbook &playbook, const JsonLimits &limits)
{
    ValidationErrors errors(fileName);
    const auto document = JsonFile::parse(bytes, errors, limits);
    return readDeck(document, errors, directory, playbook);
}

} // namespace callos
