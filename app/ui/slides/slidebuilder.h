#pragma once

#include "ui/slides/preparedslide.h"
#include "ui/slides/slideimages.h"
#include "ui/slides/slidestyle.h"

#include <QFont>
#include <QRectF>
#include <QSizeF>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <vector>

namespace callos::ui::slides {

// Lays out one slide at one size: fits text to its box (wrapping, shrinking
// down to the style's smallest size, then eliding) and records what to draw
// into a PreparedSlide. The layouts (slidelayouts.cpp) say where things go.
class SlideBuilder
{
public:
    SlideBuilder(const QSizeF &size, PreparedSlide &out, SlideImages &images)
        : m_u(size.height() / kUnitsHigh), m_out(out), m_images(images)
    { }

    // Units of the 1920 x 1080 design grid, in the slide's pixels.
    qreal u(qreal units) const { return units * m_u; }
    QRectF rect(qreal x, qreal y, qreal w, qreal h) const { return { u(x), u(y), u(w), u(h) }; }
    int px(qreal units) const { return std::max(1, qRound(units * m_u)); }

    // The style's font at `pixelSize`: the same shapes and proportions at every size.
    QFont font(const TextStyle &style, int pixelSize) const;

    // `source` wrapped to `width` at `pixelSize` ("\n" breaks a line), not yet placed.
    Paragraph layout(const QString &source, const TextStyle &style, int pixelSize, qreal width) const;

    // The height of `lines` lines at the style's preferred size.
    qreal linesHeight(const TextStyle &style, int lines) const;

    // The largest pixel size from the style's smallest to its preferred at which `fits` holds.
    int fitSize(const TextStyle &style, const std::function<bool(int)> &fits) const;

    // The largest size at which `text` fits `width` x `maxHeight` without splitting words.
    Paragraph fit(const QString &text, const TextStyle &style, qreal width, qreal maxHeight) const;

    // As much of `text` as fits `maxHeight` at the smallest size, ending in an ellipsis;
    // nothing when not even one line fits.
    Paragraph elided(const QString &text, const TextStyle &style, int size, qreal width, qreal maxHeight) const;

    // Shapes, drawn in the order they are added.
    void fill(const QRectF &r, const QColor &color, qreal radius = 0);
    void path(const QPainterPath &shape, const QColor &color);
    void ellipse(const QPointF &centre, qreal radius, const QColor &color);

    // Places a paragraph with its top left at `pos`; what does not fit `box` is clipped.
    void text(const Paragraph &para, const QPointF &pos, const QColor &color, const QRectF &box);

    // The image file's size in pixels; empty when there is none or it cannot be read.
    QSizeF imageSize(const QString &path) const;

    // Where the glyphs of a laid-out paragraph actually put ink, relative to its top left.
    QRectF inkBounds(const Paragraph &para) const;

    // An image with rounded corners and a hairline frame, so white space inside it reads as a figure.
    void image(const QRectF &r, const QString &path);

    // The accent rule and title of a content slide; returns where the body starts.
    qreal header(const QString &title);

    // Bullet items laid out at one size, not yet placed.
    struct BulletList
    {
        std::vector<Paragraph> items;
        qreal height = 0;
        bool brokeWord = false;
    };

    // The bullets at one size; with a `limit`, those that fit it, the last one elided.
    BulletList bulletList(
        const QStringList &bullets, const TextStyle &style, int size, qreal width, qreal limit = -1) const;

    static qreal bulletGap(int size) { return size * 0.72; }

    // Places a bullet list with its top left at `topLeft`: a `marker` dot before each item.
    void placeBullets(const BulletList &list, int size, const QPointF &topLeft, const QColor &marker,
        const QColor &color, const QRectF &box);

private:
    qreal m_u;
    PreparedSlide &m_out;
    SlideImages &m_images;
};

} // namespace callos::ui::slides
