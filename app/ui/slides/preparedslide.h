#pragma once

// A slide laid out at one size: what the layouts produce and the painter
// draws, kept by SlideRenderer so repainting an unchanged slide is cheap.
#include "ui/slides/glyphcache.h"

#include <QColor>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QTextLayout>

#include <memory>
#include <vector>

namespace callos::ui::slides {

// One laid-out paragraph, positioned later.
struct Paragraph
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
struct DrawOp
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

// Everything a slide draws, in order, for one slide, size and set of texts.
struct PreparedSlide
{
    int index = -1;
    QSizeF size;
    QStringList key;
    QColor background;
    std::vector<DrawOp> ops;
};

} // namespace callos::ui::slides
