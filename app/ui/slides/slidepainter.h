#pragma once

#include "ui/slides/glyphcache.h"
#include "ui/slides/preparedslide.h"
#include "ui/slides/slideimages.h"

class QPainter;

namespace callos::ui::slides {

// Draws a laid-out slide with the painter's current transform: large text
// through the renderer's GlyphCache, images scaled once per drawn size.
class SlidePainter
{
public:
    SlidePainter(SlideImages &images, GlyphCache &glyphs) : m_images(images), m_glyphs(glyphs) { }

    // The slide at the painter's origin, its background first.
    void draw(QPainter &painter, const PreparedSlide &slide);

private:
    void drawText(QPainter &painter, const DrawOp &op);
    void drawImage(QPainter &painter, const DrawOp &op);

    SlideImages &m_images;
    GlyphCache &m_glyphs;
};

} // namespace callos::ui::slides
