#pragma once

#include "deck/deck.h"
#include "ui/slides/slidebuilder.h"

#include <QStringList>

namespace callos::ui::slides {

// Where each layout of the deck format (title, bullets, image, metric,
// two-column, quote) puts its texts, shapes and image on the slide, through
// `builder` into `out` (which also takes the slide's background).
void buildSlide(SlideBuilder &builder, const Slide &slide, PreparedSlide &out);

// Every text of a slide in reading order, empty ones included; also the cache key.
QStringList slideTexts(const Slide &slide);

} // namespace callos::ui::slides
