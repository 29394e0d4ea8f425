#include "ui/slides/slidelayouts.h"

#include "playbook/fieldvalues.h"

#include <QPainterPath>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace callos::ui::slides {

namespace {

void buildTitle(SlideBuilder &b, const Slide &slide, PreparedSlide &out)
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
    const TextStyle titleStyle { 108, 48, true, 1.04 };
    const TextStyle subtitleStyle { 44, 24, false, 1.3 };
    const qreal titleMax = b.linesHeight(titleStyle, 3);
    const qreal subtitleMax = b.linesHeight(subtitleStyle, 3);
    const Paragraph title = b.fit(slide.title, titleStyle, b.u(1600), titleMax);
    Paragraph subtitle;
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

void buildBullets(SlideBuilder &b, const Slide &slide)
{
    const qreal top = b.header(slide.title);
    const qreal bottom = b.u(kBodyBottom);
    const TextStyle style { 50, 22, false, 1.25 };
    const qreal width = b.u(kContentWidth);
    const int size = b.fitSize(style, [&](int candidate) {
        const auto list = b.bulletList(slide.bullets, style, candidate, width);
        return list.height <= bottom - top && !list.brokeWord;
    });
    const auto list = b.bulletList(slide.bullets, style, size, width, bottom - top);
    const QRectF box(b.u(kMarginX), top, width, bottom - top);
    b.placeBullets(list, size, box.topLeft(), Palette::Accent, Palette::Body, box);
}

void buildImage(SlideBuilder &b, const Slide &slide)
{
    const qreal top = b.header(slide.title) - b.u(12);
    const qreal bottom = b.u(kBodyBottom);
    const qreal x = b.u(kMarginX);
    const qreal width = b.u(kContentWidth);
    const TextStyle captionStyle { 38, 22, false, 1.25, Qt::AlignHCenter };
    const qreal captionMax = b.linesHeight(captionStyle, 2);
    const qreal captionGap = b.u(36);
    Paragraph caption;
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

void buildMetric(SlideBuilder &b, const Slide &slide)
{
    const qreal top = b.header(slide.title);
    const qreal bottom = b.u(kBodyBottom);
    const qreal width = b.u(kContentWidth);
    const TextStyle valueStyle { 240, 56, true, 1.0 };
    const TextStyle labelStyle { 52, 26, false, 1.2 };
    const TextStyle captionStyle { 38, 22, false, 1.25 };
    const qreal valueMax = b.linesHeight(valueStyle, 1);
    const qreal labelMax = b.linesHeight(labelStyle, 2);
    const qreal captionMax = b.linesHeight(captionStyle, 2);
    const Paragraph value = b.fit(slide.value, valueStyle, width, valueMax);
    const Paragraph label = b.fit(slide.label, labelStyle, width, labelMax);
    Paragraph caption;
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

void buildTwoColumn(SlideBuilder &b, const Slide &slide)
{
    const qreal top = b.header(slide.title);
    const qreal bottom = b.u(kBodyBottom);
    const qreal gap = b.u(48);
    const qreal cardWidth = (b.u(kContentWidth) - gap) / 2;
    const qreal padX = b.u(56);
    const qreal padY = b.u(48);
    const qreal inner = cardWidth - 2 * padX;
    const TextStyle headingStyle { 44, 26, true, 1.1 };
    const TextStyle bulletStyle { 38, 20, false, 1.25 };
    const SlideColumn *columns[] = { &slide.left, &slide.right };

    const qreal headingMax = b.linesHeight(headingStyle, 2);
    Paragraph headings[2];
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
    SlideBuilder::BulletList lists[2] = { b.bulletList(slide.left.bullets, bulletStyle, size, inner, listMax),
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

void buildQuote(SlideBuilder &b, const Slide &slide)
{
    const qreal x = b.u(kMarginX);
    const qreal width = b.u(1560);
    const TextStyle quoteStyle { 64, 26, false, 1.28 };
    const TextStyle attributionStyle { 36, 22, false, 1.2 };
    const TextStyle markStyle { 250, 250, true, 1.0, Qt::AlignLeft, true };
    const qreal top = b.u(kMarginTop);
    const qreal bottom = b.u(kBodyBottom);
    const qreal markGap = b.u(44);
    const qreal gap = b.u(48);
    const qreal ruleWidth = b.u(56);
    const qreal attributionIndent = b.u(88);

    // The opening quotation mark, placed by the ink of its glyph rather than its line box.
    const Paragraph mark = b.layout(u"\u201C"_s, markStyle, b.px(markStyle.size), b.u(600));
    const QRectF ink = b.inkBounds(mark);

    const qreal attributionMax = b.linesHeight(attributionStyle, 2);
    Paragraph attribution;
    if (!slide.attribution.isEmpty())
        attribution = b.fit(slide.attribution, attributionStyle, width - attributionIndent, attributionMax);
    const qreal attributionHeight = attribution.lines > 0 ? std::min(attribution.height, attributionMax) : 0;
    const qreal attributionBlock = attribution.lines > 0 ? gap + attributionHeight : 0;
    const qreal quoteMax = bottom - top - ink.height() - markGap - attributionBlock;
    const Paragraph quote = b.fit(slide.quote, quoteStyle, width, quoteMax);
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

} // namespace

void buildSlide(SlideBuilder &builder, const Slide &slide, PreparedSlide &out)
{
    switch (slide.layout) {
    case SlideLayout::Title:
        buildTitle(builder, slide, out);
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
}

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

} // namespace callos::ui::slides
