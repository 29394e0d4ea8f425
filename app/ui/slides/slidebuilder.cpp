#include "ui/slides/slidebuilder.h"

#include <QFontMetricsF>
#include <QPainterPath>
#include <QTextBoundaryFinder>
#include <QTextOption>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace callos::ui::slides {

namespace {

const QStringList &sansFamilies()
{
    static const QStringList families { u"Inter"_s, u"Segoe UI"_s, u"Helvetica Neue"_s, u"Arial"_s, u"DejaVu Sans"_s,
        u"Liberation Sans"_s };
    return families;
}

const QStringList &serifFamilies()
{
    static const QStringList families { u"Georgia"_s, u"DejaVu Serif"_s, u"Times New Roman"_s, u"Liberation Serif"_s };
    return families;
}

// Largest integer in [lo, hi] for which `fits` holds, assuming it is monotone; lo if none.
int largestFitting(int lo, int hi, const std::function<bool(int)> &fits)
{
    if (hi <= lo)
        return lo;
    if (fits(hi))
        return hi;
    int good = lo;
    int bad = hi;
    while (bad - good > 1) {
        const int mid = (good + bad) / 2;
        if (fits(mid))
            good = mid;
        else
            bad = mid;
    }
    return good;
}

} // namespace

QFont SlideBuilder::font(const TextStyle &style, int pixelSize) const
{
    QFont font;
    font.setFamilies(style.serif ? serifFamilies() : sansFamilies());
    font.setStyleHint(style.serif ? QFont::Serif : QFont::SansSerif, QFont::PreferAntialias);
    font.setHintingPreference(QFont::PreferNoHinting); // same shapes and proportions at every size
    font.setKerning(true);
    font.setWeight(style.bold ? QFont::Bold : QFont::Normal);
    font.setPixelSize(pixelSize);
    return font;
}

Paragraph SlideBuilder::layout(const QString &source, const TextStyle &style, int pixelSize, qreal width) const
{
    QString text = source;
    text.replace(u'\n', QChar::LineSeparator);
    const QFont f = font(style, pixelSize);
    const QFontMetricsF metrics(f);
    Paragraph para;
    para.layout = std::make_shared<QTextLayout>(text, f);
    QTextOption option(style.align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setUseDesignMetrics(true);
    para.layout->setTextOption(option);
    para.layout->setCacheEnabled(true);
    para.xHeight = metrics.xHeight();
    para.pixelSize = pixelSize;
    QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, text);
    const qreal pitch = metrics.height() * style.spacing;
    qreal y = 0;
    para.layout->beginLayout();
    for (QTextLine line = para.layout->createLine(); line.isValid(); line = para.layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        if (para.lines == 0)
            para.firstAscent = line.ascent();
        const int end = line.textStart() + line.textLength();
        if (end > 0 && end < text.size()) {
            breaks.setPosition(end);
            if (!breaks.isAtBoundary())
                para.brokeWord = true;
        }
        para.height = y + line.height();
        y += pitch;
        ++para.lines;
    }
    para.layout->endLayout();
    return para;
}

qreal SlideBuilder::linesHeight(const TextStyle &style, int lines) const
{
    const qreal height = QFontMetricsF(font(style, px(style.size))).height();
    return height + (lines - 1) * height * style.spacing;
}

int SlideBuilder::fitSize(const TextStyle &style, const std::function<bool(int)> &fits) const
{
    return largestFitting(px(style.minSize), px(style.size), fits);
}

Paragraph SlideBuilder::fit(const QString &text, const TextStyle &style, qreal width, qreal maxHeight) const
{
    const int size = fitSize(style, [&](int candidate) {
        const Paragraph para = layout(text, style, candidate, width);
        return para.height <= maxHeight && !para.brokeWord;
    });
    Paragraph para = layout(text, style, size, width);
    if (para.height > maxHeight + 0.5)
        para = elided(text, style, size, width, maxHeight);
    return para;
}

Paragraph SlideBuilder::elided(
    const QString &text, const TextStyle &style, int size, qreal width, qreal maxHeight) const
{
    const QString ellipsis(QChar(0x2026));
    const auto attempt
        = [&](qsizetype keep) { return layout(text.left(keep).trimmed() + ellipsis, style, size, width); };
    qsizetype good = 0;
    qsizetype bad = text.size();
    while (bad - good > 1) {
        const qsizetype mid = (good + bad) / 2;
        if (attempt(mid).height <= maxHeight + 0.5)
            good = mid;
        else
            bad = mid;
    }
    if (good == 0) {
        Paragraph dots = layout(ellipsis, style, size, width);
        return dots.height <= maxHeight + 0.5 ? dots : Paragraph {};
    }
    // End on a whole word when one ends close by.
    const qsizetype space = text.lastIndexOf(u' ', good);
    return attempt(space > 0 && space > good - 24 ? space : good);
}

void SlideBuilder::fill(const QRectF &r, const QColor &color, qreal radius)
{
    DrawOp op;
    op.kind = DrawOp::Rect;
    op.rect = r;
    op.color = color;
    op.radius = radius;
    m_out.ops.push_back(std::move(op));
}

void SlideBuilder::path(const QPainterPath &shape, const QColor &color)
{
    DrawOp op;
    op.kind = DrawOp::Path;
    op.path = shape;
    op.color = color;
    m_out.ops.push_back(std::move(op));
}

void SlideBuilder::ellipse(const QPointF &centre, qreal radius, const QColor &color)
{
    QPainterPath shape;
    shape.addEllipse(centre, radius, radius);
    path(shape, color);
}

void SlideBuilder::text(const Paragraph &para, const QPointF &pos, const QColor &color, const QRectF &box)
{
    if (!para.layout || para.lines == 0)
        return;
    DrawOp op;
    op.kind = DrawOp::Text;
    op.text = para.layout;
    op.pos = pos;
    op.color = color;
    op.rect = box;
    op.clip = pos.y() + para.height > box.bottom() + 0.5 || pos.y() < box.top() - 0.5;
    op.pixelSize = para.pixelSize;
    if (para.pixelSize > kQtGlyphCacheLimit / 2) // large at least on a high-DPI screen
        op.glyphs = placedGlyphs(*para.layout, pos);
    m_out.ops.push_back(std::move(op));
}

QSizeF SlideBuilder::imageSize(const QString &path) const
{
    return path.isEmpty() ? QSizeF() : QSizeF(m_images.source(path).size());
}

QRectF SlideBuilder::inkBounds(const Paragraph &para) const
{
    QRectF bounds;
    for (const PlacedGlyph &glyph : placedGlyphs(*para.layout, QPointF()))
        bounds |= glyph.font.pathForGlyph(glyph.index).boundingRect().translated(glyph.baseline);
    return bounds;
}

void SlideBuilder::image(const QRectF &r, const QString &path)
{
    DrawOp op;
    op.kind = DrawOp::Image;
    op.rect = r;
    op.radius = u(14);
    op.imagePath = path;
    m_out.ops.push_back(std::move(op));
}

qreal SlideBuilder::header(const QString &title)
{
    if (title.isEmpty())
        return u(kMarginTop);
    fill(rect(kMarginX, kMarginTop, 88, 10), Palette::Accent, u(5));
    const TextStyle style { 70, 40, true, 1.08 };
    const qreal top = u(kMarginTop + 36);
    const qreal maxHeight = linesHeight(style, 2);
    const Paragraph para = fit(title, style, u(kContentWidth), maxHeight);
    text(para, QPointF(u(kMarginX), top), Palette::Ink, QRectF(u(kMarginX), top, u(kContentWidth), maxHeight));
    return top + std::min(para.height, maxHeight) + u(60);
}

SlideBuilder::BulletList SlideBuilder::bulletList(
    const QStringList &bullets, const TextStyle &style, int size, qreal width, qreal limit) const
{
    BulletList list;
    const qreal indent = size * 1.15;
    for (const QString &bullet : bullets) {
        Paragraph para = layout(bullet, style, size, width - indent);
        const qreal y = list.items.empty() ? 0 : list.height + bulletGap(size);
        if (limit > 0 && y + para.height > limit + 0.5) {
            para = elided(bullet, style, size, width - indent, limit - y);
            if (para.lines > 0) {
                list.height = y + para.height;
                list.items.push_back(std::move(para));
            }
            break;
        }
        list.brokeWord = list.brokeWord || para.brokeWord;
        list.height = y + para.height;
        list.items.push_back(std::move(para));
    }
    return list;
}

void SlideBuilder::placeBullets(const BulletList &list, int size, const QPointF &topLeft, const QColor &marker,
    const QColor &color, const QRectF &box)
{
    const qreal indent = size * 1.15;
    const qreal dot = size * 0.30;
    qreal y = topLeft.y();
    for (const Paragraph &para : list.items) {
        const qreal centre = y + para.firstAscent - para.xHeight / 2;
        if (centre < box.bottom())
            ellipse(QPointF(topLeft.x() + dot / 2 + size * 0.06, centre), dot / 2, marker);
        text(para, QPointF(topLeft.x() + indent, y), color, box);
        y += para.height + bulletGap(size);
    }
}

} // namespace callos::ui::slides
