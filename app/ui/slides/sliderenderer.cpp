#include "ui/slides/sliderenderer.h"

#include "ui/slides/glyphcache.h"
#include "ui/slides/preparedslide.h"
#include "ui/slides/slidebuilder.h"
#include "ui/slides/slideimages.h"
#include "ui/slides/slidelayouts.h"
#include "ui/slides/slidepainter.h"
#include "ui/slides/slidestyle.h"

#include <QPainter>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace callos::ui {

using namespace slides;

// The playbook, deck and caches behind the public class. The work itself is
// done by the pieces in this folder: SlideBuilder and the layouts
// (slidelayouts.cpp) lay a slide out, SlidePainter draws it.
struct SlideRenderer::Private
{
    Private(const Playbook &playbook_, const Deck &deck_, QLocale locale)
        : playbook(playbook_), deck(deck_), formatter(playbook, std::move(locale))
    { }

    Playbook playbook;
    Deck deck;
    FieldFormatter formatter; // refers to `playbook` above
    mutable SlideImages images;
    mutable GlyphCache glyphs;
    mutable std::vector<std::shared_ptr<const PreparedSlide>> prepared; // most recently used last

    QString fill(const QString &text, const FieldValues &fields) const
    {
        if (text.isEmpty())
            return text;
        return formatter.render(text, fields).trimmed();
    }

    Slide filled(int index, const FieldValues &fields) const
    {
        Slide slide = deck.slides.at(index);
        slide.title = fill(slide.title, fields);
        slide.subtitle = fill(slide.subtitle, fields);
        for (QString &bullet : slide.bullets)
            bullet = fill(bullet, fields);
        slide.caption = fill(slide.caption, fields);
        slide.value = fill(slide.value, fields);
        slide.label = fill(slide.label, fields);
        for (SlideColumn *column : { &slide.left, &slide.right }) {
            column->heading = fill(column->heading, fields);
            for (QString &bullet : column->bullets)
                bullet = fill(bullet, fields);
        }
        slide.quote = fill(slide.quote, fields);
        slide.attribution = fill(slide.attribution, fields);
        return slide;
    }

    std::shared_ptr<const PreparedSlide> layout(int index, const FieldValues &fields, const QSizeF &size) const
    {
        const Slide slide = filled(index, fields);
        const QStringList key = slideTexts(slide);
        for (auto it = prepared.begin(); it != prepared.end(); ++it) {
            const PreparedSlide &entry = **it;
            if (entry.index == index && entry.size == size && entry.key == key) {
                if (std::next(it) != prepared.end())
                    std::rotate(it, std::next(it), prepared.end());
                return prepared.back();
            }
        }

        auto entry = std::make_shared<PreparedSlide>();
        entry->index = index;
        entry->size = size;
        entry->key = key;
        entry->background = Palette::Background;
        SlideBuilder builder(size, *entry, images);
        buildSlide(builder, slide, *entry);

        // Enough for the presentation window, both thumbnails and a few value changes.
        if (prepared.size() >= 32)
            prepared.erase(prepared.begin());
        prepared.push_back(std::move(entry));
        return prepared.back();
    }
};

SlideRenderer::SlideRenderer(const Playbook &playbook, const Deck &deck, QLocale locale)
    : d(std::make_unique<Private>(playbook, deck, std::move(locale)))
{ }

SlideRenderer::~SlideRenderer() = default;

int SlideRenderer::count() const
{
    return int(d->deck.slides.size());
}

QRectF SlideRenderer::slideRect(const QRectF &target)
{
    if (target.isEmpty())
        return {};
    QSizeF size(target.width(), target.width() / kAspect);
    if (size.height() > target.height())
        size = QSizeF(target.height() * kAspect, target.height());
    return { target.center().x() - size.width() / 2, target.center().y() - size.height() / 2, size.width(),
        size.height() };
}

void SlideRenderer::paint(QPainter &painter, const QRectF &target, int index, const FieldValues &fields) const
{
    const QRectF slide = slideRect(target);
    if (index < 0 || index >= count() || slide.width() < 1 || slide.height() < 1) {
        paintBlack(painter, target);
        return;
    }
    const auto prepared = d->layout(index, fields, slide.size());

    painter.save();
    // Letterbox bars: only the parts of the target the slide does not cover.
    const QColor black(Qt::black);
    if (slide.top() > target.top())
        painter.fillRect(QRectF(target.left(), target.top(), target.width(), slide.top() - target.top()), black);
    if (slide.bottom() < target.bottom())
        painter.fillRect(
            QRectF(target.left(), slide.bottom(), target.width(), target.bottom() - slide.bottom()), black);
    if (slide.left() > target.left())
        painter.fillRect(QRectF(target.left(), slide.top(), slide.left() - target.left(), slide.height()), black);
    if (slide.right() < target.right())
        painter.fillRect(QRectF(slide.right(), slide.top(), target.right() - slide.right(), slide.height()), black);

    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    // Nothing is laid out beyond the slide (text that cannot fit is clipped to its own box), so no clip here.
    painter.translate(slide.topLeft());
    slides::SlidePainter(d->images, d->glyphs).draw(painter, *prepared);
    painter.restore();
}

void SlideRenderer::paintBlack(QPainter &painter, const QRectF &target)
{
    painter.fillRect(target, Qt::black);
}

QImage SlideRenderer::render(int index, const FieldValues &fields, const QSize &size) const
{
    if (size.isEmpty())
        return {};
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), index, fields);
    painter.end();
    return image;
}

QStringList SlideRenderer::texts(int index, const FieldValues &fields) const
{
    if (index < 0 || index >= count())
        return {};
    QStringList result = slideTexts(d->filled(index, fields));
    result.removeIf([](const QString &text) { return text.isEmpty(); });
    return result;
}

} // namespace callos::ui
