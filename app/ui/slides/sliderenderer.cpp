#include "ui/slides/sliderenderer.h"

#include "ui/slides/glyphcache.h"

#include <QFont>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QHash>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QRawFont>
#include <QTextBoundaryFinder>
#include <QTextLayout>
#include <QTextOption>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace callos::ui {
namespace {

// Geometry is designed on a 1920 x 1080 grid of "units"; one unit is the slide
// height / 1080, so every length and font size scales with the slide.
constexpr qreal kUnitsHigh = 1080.0;
constexpr qreal kMarginX = 128.0;
constexpr qreal kContentWidth = 1920.0 - 2 * kMarginX;
constexpr qreal kMarginTop = 96.0;
constexpr qreal kMarginBottom = 96.0;
constexpr qreal kBodyBottom = kUnitsHigh - kMarginBottom;
// Qt caches rendered glyphs up to 64 device pixels; larger text it fills from
// outlines on every paint, which costs milliseconds per title. Text larger than
// this goes through the renderer's own glyph cache instead (see GlyphCache).
constexpr qreal kQtGlyphCacheLimit = 64;

// Calm and high contrast on a video call: white slides, near-black ink, one teal accent.
namespace Palette {
const QColor Background { 0xFF, 0xFF, 0xFF };
const QColor Ink { 0x14, 0x1E, 0x2B };
const QColor Body { 0x26, 0x32, 0x41 };
const QColor Muted { 0x5A, 0x66, 0x74 };
const QColor Rule { 0xD5, 0xDB, 0xE1 };
const QColor Gap { 0xC2, 0xC9, 0xD1 };
const QColor Frame { 0xDD, 0xE2, 0xE7 };
const QColor Accent { 0x0F, 0x76, 0x6E };
const QColor AccentSoft { 0xE7, 0xF3, 0xF1 };
const QColor NeutralSoft { 0xF2, 0xF4, 0xF6 };
const QColor OnAccent { 0xFF, 0xFF, 0xFF };
const QColor OnAccentMuted { 0xD2, 0xEE, 0xEA };
const QColor AccentTint { 0x1D, 0x7F, 0x78 }; // white at 6% over the accent
const QColor AccentTint2 { 0x2A, 0x88, 0x81 }; // white at 11% over the accent
} // namespace Palette

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

struct Style
{
    qreal size = 40; // preferred font size, units
    qreal minSize = 22; // the smallest it may shrink to, units
    bool bold = false;
    qreal spacing = 1.2; // line pitch as a multiple of the font's height
    Qt::Alignment align = Qt::AlignLeft;
    bool serif = false;
};

// One laid-out paragraph, positioned later.
struct Para
{
    std::shared_ptr<QTextLayout> layout;
    qreal height = 0;
    qreal firstAscent = 0;
    qreal xHeight = 0;
    int pixelSize = 0;
    int lines = 0;
    bool brokeWord = false; // a word did not fit on a line and was split
};

// A drawing operation in slide coordinates (origin at the slide's top left).
struct Op
{
    enum Kind { Rect, Path, Text, Image };
    Kind kind = Rect;
    QRectF rect; // shape, image, or the clip of a text that could not fit
    QColor color;
    qreal radius = 0;
    std::shared_ptr<QTextLayout> text;
    int pixelSize = 0;
    std::vector<PlacedGlyph> glyphs; // the text's glyphs, for drawing it through GlyphCache
    QPainterPath path; // a shape
    QPointF pos;
    bool clip = false;
    QString imagePath;
};

struct Prepared
{
    int index = -1;
    QSizeF size;
    QStringList key;
    QColor background;
    std::vector<Op> ops;
};

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

// Image sizes are needed at layout time, pixels only at paint time; both come from here.
struct ImageCache
{
    QHash<QString, QImage> sources; // a null image when the file could not be read
    struct Scaled
    {
        QString path;
        QSize size;
        qreal radius;
        qreal frame;
        QImage image;
    };
    std::vector<Scaled> scaled; // most recently used last

    const QImage &source(const QString &path)
    {
        auto it = sources.find(path);
        if (it == sources.end()) {
            QImage image(path);
            if (!image.isNull())
                image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
            it = sources.insert(path, image);
        }
        return *it;
    }

    // The image smooth-scaled to `size` device pixels and flattened onto the slide's
    // background, its corners rounded by `radius` and framed by a `frame`-wide hairline
    // (device pixels): opaque, so drawing it is a plain copy.
    QImage scaledTo(const QString &path, const QSize &size, qreal radius, qreal frame)
    {
        for (auto it = scaled.begin(); it != scaled.end(); ++it) {
            if (it->path == path && it->size == size && it->radius == radius && it->frame == frame) {
                if (std::next(it) != scaled.end())
                    std::rotate(it, std::next(it), scaled.end());
                return scaled.back().image;
            }
        }
        const QImage &original = source(path);
        if (original.isNull() || size.isEmpty())
            return {};
        QImage image(size, QImage::Format_RGB32);
        image.fill(Palette::Background);
        {
            QPainter painter(&image);
            painter.drawImage(0, 0,
                original.size() == size ? original
                                        : original.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
            painter.setRenderHint(QPainter::Antialiasing);
            if (radius > 0) {
                QPainterPath corners;
                corners.setFillRule(Qt::OddEvenFill);
                corners.addRect(QRectF(image.rect()));
                corners.addRoundedRect(QRectF(image.rect()), radius, radius);
                painter.fillPath(corners, Palette::Background);
            }
            if (frame > 0) {
                const qreal inset = frame / 2;
                painter.setPen(QPen(Palette::Frame, frame));
                painter.setBrush(Qt::NoBrush);
                painter.drawRoundedRect(QRectF(image.rect()).adjusted(inset, inset, -inset, -inset),
                    std::max<qreal>(0, radius - inset), std::max<qreal>(0, radius - inset));
            }
        }
        if (scaled.size() >= 8)
            scaled.erase(scaled.begin());
        scaled.push_back({ path, size, radius, frame, image });
        return image;
    }
};

// Lays out one slide at one size.
class Builder
{
public:
    Builder(const QSizeF &size, Prepared &out, ImageCache &images)
        : m_u(size.height() / kUnitsHigh), m_out(out), m_images(images)
    { }

    qreal u(qreal units) const { return units * m_u; }
    QRectF rect(qreal x, qreal y, qreal w, qreal h) const { return { u(x), u(y), u(w), u(h) }; }
    int px(qreal units) const { return std::max(1, qRound(units * m_u)); }

    QFont font(const Style &style, int pixelSize) const
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

    Para layout(const QString &source, const Style &style, int pixelSize, qreal width) const
    {
        QString text = source;
        text.replace(u'\n', QChar::LineSeparator);
        const QFont f = font(style, pixelSize);
        const QFontMetricsF metrics(f);
        Para para;
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

    // The height of `lines` lines at the style's preferred size.
    qreal linesHeight(const Style &style, int lines) const
    {
        const qreal height = QFontMetricsF(font(style, px(style.size))).height();
        return height + (lines - 1) * height * style.spacing;
    }

    int fitSize(const Style &style, const std::function<bool(int)> &fits) const
    {
        return largestFitting(px(style.minSize), px(style.size), fits);
    }

    // The largest size at which `text` fits `width` x `maxHeight` without splitting words.
    Para fit(const QString &text, const Style &style, qreal width, qreal maxHeight) const
    {
        const int size = fitSize(style, [&](int candidate) {
            const Para para = layout(text, style, candidate, width);
            return para.height <= maxHeight && !para.brokeWord;
        });
        Para para = layout(text, style, size, width);
        if (para.height > maxHeight + 0.5)
            para = elided(text, style, size, width, maxHeight);
        return para;
    }

    // As much of `text` as fits `maxHeight` at the smallest size, ending in an ellipsis;
    // nothing when not even one line fits.
    Para elided(const QString &text, const Style &style, int size, qreal width, qreal maxHeight) const
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
            Para dots = layout(ellipsis, style, size, width);
            return dots.height <= maxHeight + 0.5 ? dots : Para {};
        }
        // End on a whole word when one ends close by.
        const qsizetype space = text.lastIndexOf(u' ', good);
        return attempt(space > 0 && space > good - 24 ? space : good);
    }

    void fill(const QRectF &r, const QColor &color, qreal radius = 0)
    {
        Op op;
        op.kind = Op::Rect;
        op.rect = r;
        op.color = color;
        op.radius = radius;
        m_out.ops.push_back(std::move(op));
    }

    void path(const QPainterPath &shape, const QColor &color)
    {
        Op op;
        op.kind = Op::Path;
        op.path = shape;
        op.color = color;
        m_out.ops.push_back(std::move(op));
    }

    void ellipse(const QPointF &centre, qreal radius, const QColor &color)
    {
        QPainterPath shape;
        shape.addEllipse(centre, radius, radius);
        path(shape, color);
    }

    // Places a paragraph with its top left at `pos`; what does not fit `box` is clipped.
    void text(const Para &para, const QPointF &pos, const QColor &color, const QRectF &box)
    {
        if (!para.layout || para.lines == 0)
            return;
        Op op;
        op.kind = Op::Text;
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

    QSizeF imageSize(const QString &path) const
    {
        return path.isEmpty() ? QSizeF() : QSizeF(m_images.source(path).size());
    }

    // Where the glyphs of a laid-out paragraph actually put ink, relative to its top left.
    QRectF inkBounds(const Para &para) const
    {
        QRectF bounds;
        for (const PlacedGlyph &glyph : placedGlyphs(*para.layout, QPointF()))
            bounds |= glyph.font.pathForGlyph(glyph.index).boundingRect().translated(glyph.baseline);
        return bounds;
    }

    // An image with rounded corners and a hairline frame, so white space inside it reads as a figure.
    void image(const QRectF &r, const QString &path)
    {
        Op op;
        op.kind = Op::Image;
        op.rect = r;
        op.radius = u(14);
        op.imagePath = path;
        m_out.ops.push_back(std::move(op));
    }

    // The accent rule and title of a content slide; returns where the body starts.
    qreal header(const QString &title)
    {
        if (title.isEmpty())
            return u(kMarginTop);
        fill(rect(kMarginX, kMarginTop, 88, 10), Palette::Accent, u(5));
        const Style style { 70, 40, true, 1.08 };
        const qreal top = u(kMarginTop + 36);
        const qreal maxHeight = linesHeight(style, 2);
        const Para para = fit(title, style, u(kContentWidth), maxHeight);
        text(para, QPointF(u(kMarginX), top), Palette::Ink, QRectF(u(kMarginX), top, u(kContentWidth), maxHeight));
        return top + std::min(para.height, maxHeight) + u(60);
    }

    struct BulletList
    {
        std::vector<Para> items;
        qreal height = 0;
        bool brokeWord = false;
    };

    // The bullets at one size; with a `limit`, those that fit it, the last one elided.
    BulletList bulletList(const QStringList &bullets, const Style &style, int size, qreal width, qreal limit = -1) const
    {
        BulletList list;
        const qreal indent = size * 1.15;
        for (const QString &bullet : bullets) {
            Para para = layout(bullet, style, size, width - indent);
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

    static qreal bulletGap(int size) { return size * 0.72; }

    void placeBullets(const BulletList &list, int size, const QPointF &topLeft, const QColor &marker,
        const QColor &color, const QRectF &box)
    {
        const qreal indent = size * 1.15;
        const qreal dot = size * 0.30;
        qreal y = topLeft.y();
        for (const Para &para : list.items) {
            const qreal centre = y + para.firstAscent - para.xHeight / 2;
            if (centre < box.bottom())
                ellipse(QPointF(topLeft.x() + dot / 2 + size * 0.06, centre), dot / 2, marker);
            text(para, QPointF(topLeft.x() + indent, y), color, box);
            y += para.height + bulletGap(size);
        }
    }

private:
    qreal m_u;
    Prepared &m_out;
    ImageCache &m_images;
};

void buildTitle(Builder &b, const Slide &slide, Prepared &out)
{
    out.background = Palette::Accent;
    // Two soft discs in the corner: a quiet, modern touch that stays out of the text's way.
    // Opaque tints, clipped to the slide here, so painting them is a plain fill.
    QPainterPath slideArea;
    slideArea.addRect(b.rect(0, 0, 1920, kUnitsHigh));
    QPainterPath big;
    big.addEllipse(QPointF(b.u(1790), b.u(1060)), b.u(420), b.u(420));
    QPainterPath small;
    small.addEllipse(QPointF(b.u(1940), b.u(840)), b.u(230), b.u(230));
    b.path(big.intersected(slideArea), Palette::AccentTint);
    b.path(small.intersected(slideArea), Palette::AccentTint2);

    const qreal left = 160;
    const Style titleStyle { 108, 48, true, 1.04 };
    const Style subtitleStyle { 44, 24, false, 1.3 };
    const qreal titleMax = b.linesHeight(titleStyle, 3);
    const qreal subtitleMax = b.linesHeight(subtitleStyle, 3);
    const Para title = b.fit(slide.title, titleStyle, b.u(1600), titleMax);
    Para subtitle;
    if (!slide.subtitle.isEmpty())
        subtitle = b.fit(slide.subtitle, subtitleStyle, b.u(1280), subtitleMax);

    const qreal barToTitle = b.u(44);
    const qreal titleToSubtitle = b.u(40);
    const qreal titleHeight = std::min(title.height, titleMax);
    const qreal subtitleHeight = std::min(subtitle.height, subtitleMax);
    qreal height = b.u(10) + barToTitle + titleHeight;
    if (subtitle.lines > 0)
        height += titleToSubtitle + subtitleHeight;
    qreal y = std::max(b.u(kMarginTop), b.u(520) - height / 2);

    b.fill(b.rect(left, 0, 96, 10).translated(0, y), Palette::OnAccent, b.u(5));
    y += b.u(10) + barToTitle;
    b.text(title, QPointF(b.u(left), y), Palette::OnAccent, QRectF(b.u(left), y, b.u(1600), titleMax));
    y += titleHeight + titleToSubtitle;
    b.text(subtitle, QPointF(b.u(left), y), Palette::OnAccentMuted, QRectF(b.u(left), y, b.u(1280), subtitleMax));
}

void buildBullets(Builder &b, const Slide &slide)
{
    const qreal top = b.header(slide.title);
    const qreal bottom = b.u(kBodyBottom);
    const Style style { 50, 22, false, 1.25 };
    const qreal width = b.u(kContentWidth);
    const int size = b.fitSize(style, [&](int candidate) {
        const auto list = b.bulletList(slide.bullets, style, candidate, width);
        return list.height <= bottom - top && !list.brokeWord;
    });
    const auto list = b.bulletList(slide.bullets, style, size, width, bottom - top);
    const QRectF box(b.u(kMarginX), top, width, bottom - top);
    b.placeBullets(list, size, box.topLeft(), Palette::Accent, Palette::Body, box);
}

void buildImage(Builder &b, const Slide &slide)
{
    const qreal top = b.header(slide.title) - b.u(12);
    const qreal bottom = b.u(kBodyBottom);
    const qreal x = b.u(kMarginX);
    const qreal width = b.u(kContentWidth);
    const Style captionStyle { 38, 22, false, 1.25, Qt::AlignHCenter };
    const qreal captionMax = b.linesHeight(captionStyle, 2);
    const qreal captionGap = b.u(36);
    Para caption;
    if (!slide.caption.isEmpty())
        caption = b.fit(slide.caption, captionStyle, width, captionMax);
    const qreal captionBlock = caption.lines > 0 ? captionGap + std::min(caption.height, captionMax) : 0;

    // As large as the body allows, keeping the image's proportions; the caption sits right under it.
    QSizeF natural = b.imageSize(slide.imagePath);
    if (natural.isEmpty())
        natural = QSizeF(16, 9);
    const QSizeF fitted
        = natural.scaled(QSizeF(width, std::max<qreal>(1, bottom - top - captionBlock)), Qt::KeepAspectRatio);
    const qreal y = top + (bottom - top - fitted.height() - captionBlock) / 2;
    // Whole pixels, so the cached scaled image is blitted one to one.
    const QRectF placed(
        qRound(x + (width - fitted.width()) / 2), qRound(y), qRound(fitted.width()), qRound(fitted.height()));
    b.image(placed, slide.imagePath);
    if (caption.lines > 0) {
        const qreal captionY = placed.bottom() + captionGap;
        b.text(caption, QPointF(x, captionY), Palette::Muted, QRectF(x, captionY, width, bottom - captionY));
    }
}

void buildMetric(Builder &b, const Slide &slide)
{
    const qreal top = b.header(slide.title);
    const qreal bottom = b.u(kBodyBottom);
    const qreal width = b.u(kContentWidth);
    const Style valueStyle { 240, 56, true, 1.0 };
    const Style labelStyle { 52, 26, false, 1.2 };
    const Style captionStyle { 38, 22, false, 1.25 };
    const qreal valueMax = b.linesHeight(valueStyle, 1);
    const qreal labelMax = b.linesHeight(labelStyle, 2);
    const qreal captionMax = b.linesHeight(captionStyle, 2);
    const Para value = b.fit(slide.value, valueStyle, width, valueMax);
    const Para label = b.fit(slide.label, labelStyle, width, labelMax);
    Para caption;
    if (!slide.caption.isEmpty())
        caption = b.fit(slide.caption, captionStyle, b.u(1400), captionMax);

    const qreal valueHeight = std::min(value.height, valueMax);
    const qreal labelHeight = label.lines > 0 ? std::min(label.height, labelMax) : 0;
    const qreal captionHeight = caption.lines > 0 ? std::min(caption.height, captionMax) : 0;
    const qreal ruleGap = b.u(44);
    qreal height = valueHeight + b.u(4) + labelHeight;
    if (caption.lines > 0)
        height += 2 * ruleGap + b.u(4) + captionHeight;
    // Centred in the body, nudged up a little so it reads as balanced.
    qreal y = std::max(top, top + (bottom - top - height) / 2 - b.u(12));
    const qreal x = b.u(kMarginX);
    // A value not known yet is a quiet grey dash, not a bold accent bar.
    const QColor valueColor = slide.value == FieldFormatter::gap() ? Palette::Gap : Palette::Accent;
    b.text(value, QPointF(x, y), valueColor, QRectF(x, y, width, valueMax));
    y += valueHeight + b.u(4);
    b.text(label, QPointF(x, y), Palette::Ink, QRectF(x, y, width, labelMax));
    y += labelHeight;
    if (caption.lines > 0) {
        y += ruleGap;
        b.fill(QRectF(x, y, b.u(120), b.u(4)), Palette::Rule, b.u(2));
        y += b.u(4) + ruleGap;
        b.text(caption, QPointF(x, y), Palette::Muted, QRectF(x, y, b.u(1400), std::min(captionMax, bottom - y)));
    }
}

void buildTwoColumn(Builder &b, const Slide &slide)
{
    const qreal top = b.header(slide.title);
    const qreal bottom = b.u(kBodyBottom);
    const qreal gap = b.u(48);
    const qreal cardWidth = (b.u(kContentWidth) - gap) / 2;
    const qreal padX = b.u(56);
    const qreal padY = b.u(48);
    const qreal inner = cardWidth - 2 * padX;
    const Style headingStyle { 44, 26, true, 1.1 };
    const Style bulletStyle { 38, 20, false, 1.25 };
    const SlideColumn *columns[] = { &slide.left, &slide.right };

    const qreal headingMax = b.linesHeight(headingStyle, 2);
    Para headings[2];
    qreal headingHeight = 0;
    for (int i = 0; i < 2; ++i) {
        headings[i] = b.fit(columns[i]->heading, headingStyle, inner, headingMax);
        headingHeight = std::max(headingHeight, std::min(headings[i].height, headingMax));
    }
    const qreal ruleTop = headingHeight + b.u(24);
    const qreal listTop = ruleTop + b.u(4) + b.u(32);
    const qreal cardMax = bottom - top;
    const qreal listMax = cardMax - 2 * padY - listTop;
    // Both columns share one size, so they read as a pair.
    const int size = b.fitSize(bulletStyle, [&](int candidate) {
        for (const SlideColumn *column : columns) {
            const auto list = b.bulletList(column->bullets, bulletStyle, candidate, inner);
            if (list.height > listMax || list.brokeWord)
                return false;
        }
        return true;
    });
    Builder::BulletList lists[2] = { b.bulletList(slide.left.bullets, bulletStyle, size, inner, listMax),
        b.bulletList(slide.right.bullets, bulletStyle, size, inner, listMax) };
    const qreal content = std::max(lists[0].height, lists[1].height);
    const qreal cardHeight = std::min(cardMax, std::max(b.u(480), 2 * padY + listTop + content));

    const QColor fills[2] = { Palette::NeutralSoft, Palette::AccentSoft };
    const QColor headingColors[2] = { Palette::Ink, Palette::Accent };
    const QColor rules[2] = { Palette::Rule, Palette::Accent };
    for (int i = 0; i < 2; ++i) {
        const qreal x = b.u(kMarginX) + i * (cardWidth + gap);
        const QRectF card(x, top, cardWidth, cardHeight);
        b.fill(card, fills[i], b.u(24));
        const qreal left = x + padX;
        const qreal y = top + padY;
        b.text(headings[i], QPointF(left, y), headingColors[i], QRectF(left, y, inner, headingMax));
        b.fill(QRectF(left, y + ruleTop, b.u(64), b.u(5)), rules[i], b.u(2.5));
        const QRectF box(left, y + listTop, inner, card.bottom() - padY / 2 - (y + listTop));
        b.placeBullets(lists[i], size, box.topLeft(), Palette::Accent, Palette::Body, box);
    }
}

void buildQuote(Builder &b, const Slide &slide)
{
    const qreal x = b.u(kMarginX);
    const qreal width = b.u(1560);
    const Style quoteStyle { 64, 26, false, 1.28 };
    const Style attributionStyle { 36, 22, false, 1.2 };
    const Style markStyle { 250, 250, true, 1.0, Qt::AlignLeft, true };
    const qreal top = b.u(kMarginTop);
    const qreal bottom = b.u(kBodyBottom);
    const qreal markGap = b.u(44);
    const qreal gap = b.u(48);
    const qreal ruleWidth = b.u(56);
    const qreal attributionIndent = b.u(88);

    // The opening quotation mark, placed by the ink of its glyph rather than its line box.
    const Para mark = b.layout(u"\u201C"_s, markStyle, b.px(markStyle.size), b.u(600));
    const QRectF ink = b.inkBounds(mark);

    const qreal attributionMax = b.linesHeight(attributionStyle, 2);
    Para attribution;
    if (!slide.attribution.isEmpty())
        attribution = b.fit(slide.attribution, attributionStyle, width - attributionIndent, attributionMax);
    const qreal attributionHeight = attribution.lines > 0 ? std::min(attribution.height, attributionMax) : 0;
    const qreal attributionBlock = attribution.lines > 0 ? gap + attributionHeight : 0;
    const qreal quoteMax = bottom - top - ink.height() - markGap - attributionBlock;
    const Para quote = b.fit(slide.quote, quoteStyle, width, quoteMax);
    const qreal quoteHeight = std::min(quote.height, quoteMax);

    // Mark, quote and attribution as one block, centred on the slide.
    const qreal height = ink.height() + markGap + quoteHeight + attributionBlock;
    qreal y = std::max(top, (b.u(kUnitsHigh) - height) / 2);
    b.text(mark, QPointF(x - ink.left(), y - ink.top()), Palette::Accent, QRectF(x, y, width, ink.height()));
    y += ink.height() + markGap;
    b.text(quote, QPointF(x, y), Palette::Ink, QRectF(x, y, width, quoteMax));
    y += quoteHeight;
    if (attribution.lines > 0) {
        y += gap;
        const qreal ruleY = y + attribution.firstAscent - attribution.xHeight / 2 - b.u(2.5);
        b.fill(QRectF(x, ruleY, ruleWidth, b.u(5)), Palette::Accent, b.u(2.5));
        b.text(attribution, QPointF(x + attributionIndent, y), Palette::Muted,
            QRectF(x + attributionIndent, y, width - attributionIndent, attributionMax));
    }
}

// Every text of a slide in reading order, empty ones included; also the cache key.
QStringList slideTexts(const Slide &slide)
{
    switch (slide.layout) {
    case SlideLayout::Title:
        return { slide.title, slide.subtitle };
    case SlideLayout::Bullets:
        return QStringList { slide.title } + slide.bullets;
    case SlideLayout::Image:
        return { slide.title, slide.caption };
    case SlideLayout::Metric:
        return { slide.title, slide.value, slide.label, slide.caption };
    case SlideLayout::TwoColumn:
        return QStringList { slide.title, slide.left.heading } + slide.left.bullets
            + QStringList { slide.right.heading } + slide.right.bullets;
    case SlideLayout::Quote:
        return { slide.quote, slide.attribution };
    }
    return {};
}

} // namespace

struct SlideRenderer::Private
{
    Private(const Playbook &playbook_, const Deck &deck_, QLocale locale)
        : playbook(playbook_), deck(deck_), formatter(playbook, std::move(locale))
    { }

    Playbook playbook;
    Deck deck;
    FieldFormatter formatter; // refers to `playbook` above
    mutable ImageCache images;
    mutable GlyphCache glyphs;
    mutable std::vector<std::shared_ptr<const Prepared>> prepared; // most recently used last

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

    std::shared_ptr<const Prepared> layout(int index, const FieldValues &fields, const QSizeF &size) const
    {
        const Slide slide = filled(index, fields);
        const QStringList key = slideTexts(slide);
        for (auto it = prepared.begin(); it != prepared.end(); ++it) {
            const Prepared &entry = **it;
            if (entry.index == index && entry.size == size && entry.key == key) {
                if (std::next(it) != prepared.end())
                    std::rotate(it, std::next(it), prepared.end());
                return prepared.back();
            }
        }

        auto entry = std::make_shared<Prepared>();
        entry->index = index;
        entry->size = size;
        entry->key = key;
        entry->background = Palette::Background;
        Builder builder(size, *entry, images);
        switch (slide.layout) {
        case SlideLayout::Title:
            buildTitle(builder, slide, *entry);
            break;
        case SlideLayout::Bullets:
            buildBullets(builder, slide);
            break;
        case SlideLayout::Image:
            buildImage(builder, slide);
            break;
        case SlideLayout::Metric:
            buildMetric(builder, slide);
            break;
        case SlideLayout::TwoColumn:
            buildTwoColumn(builder, slide);
            break;
        case SlideLayout::Quote:
            buildQuote(builder, slide);
            break;
        }

        // Enough for the presentation window, both thumbnails and a few value changes.
        if (prepared.size() >= 32)
            prepared.erase(prepared.begin());
        prepared.push_back(std::move(entry));
        return prepared.back();
    }

    void draw(QPainter &painter, const Prepared &slide) const
    {
        painter.fillRect(QRectF(QPointF(0, 0), slide.size), slide.background);
        for (const Op &op : slide.ops) {
            switch (op.kind) {
            case Op::Rect:
                if (op.radius > 0) {
                    painter.setPen(Qt::NoPen);
                    painter.setBrush(op.color);
                    painter.drawRoundedRect(op.rect, op.radius, op.radius);
                } else {
                    painter.fillRect(op.rect, op.color);
                }
                break;
            case Op::Path:
                painter.fillPath(op.path, op.color);
                break;
            case Op::Text:
                if (op.clip) {
                    painter.save();
                    painter.setClipRect(op.rect, Qt::IntersectClip);
                    drawText(painter, op);
                    painter.restore();
                } else {
                    drawText(painter, op);
                }
                break;
            case Op::Image:
                drawImage(painter, op);
                break;
            }
        }
    }

    void drawText(QPainter &painter, const Op &op) const
    {
        const QTransform &device = painter.deviceTransform();
        const bool scaleOnly = device.type() <= QTransform::TxScale && device.m11() > 0 && device.m11() == device.m22();
        if (!op.glyphs.empty() && scaleOnly && op.pixelSize * device.m11() > kQtGlyphCacheLimit) {
            glyphs.draw(painter, op.glyphs, op.pixelSize, op.color);
        } else {
            painter.setPen(op.color);
            op.text->draw(&painter, op.pos);
        }
    }

    void drawImage(QPainter &painter, const Op &op) const
    {
        // Scaled once per drawn size in device pixels, then blitted: sharp and fast.
        const QRectF device = painter.deviceTransform().mapRect(op.rect);
        const QSize pixels = device.size().toSize();
        const qreal ratio = op.rect.width() > 0 ? pixels.width() / op.rect.width() : 1.0;
        const qreal radius = op.radius * ratio;
        QImage image = images.scaledTo(op.imagePath, pixels, radius, std::max<qreal>(1, radius / 7));
        if (image.isNull()) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(Palette::NeutralSoft);
            painter.drawRoundedRect(op.rect, op.radius, op.radius);
            return;
        }
        image.setDevicePixelRatio(ratio);
        painter.drawImage(op.rect.topLeft(), image);
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
    d->draw(painter, *prepared);
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
