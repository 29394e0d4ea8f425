#pragma once

#include "deck/deck.h"
#include "playbook/fieldvalues.h"
#include "playbook/playbook.h"

#include <QImage>
#include <QLocale>
#include <QRectF>
#include <QSize>
#include <QStringList>

#include <memory>

class QPainter;

namespace callos::ui {

// The one slide painter: the presentation window, the control panel's "now"
// and "next" thumbnails, test PNGs and the web viewer all draw slides here.
//
// Slides are drawn with QPainter vector primitives and text, every length and
// font size proportional to the slide height, so a 320-pixel thumbnail and a
// 4K share are the same design at different resolutions. Placeholders are
// filled through FieldFormatter (a missing value shows as "—"); text wraps and
// shrinks to fit its box and is never painted outside the slide. Only slide
// content is drawn: no ids, milestone names or notes.
//
// The renderer keeps its own copies of the playbook and deck. Layouts are
// cached per slide, size and filled-in texts, and the deck's images once per
// file and once per drawn size, so repainting an unchanged slide is cheap.
// Not thread-safe: use one renderer per thread.
class SlideRenderer
{
public:
    SlideRenderer(const Playbook &playbook, const Deck &deck, QLocale locale);
    ~SlideRenderer();
    SlideRenderer(const SlideRenderer &) = delete;
    SlideRenderer &operator=(const SlideRenderer &) = delete;

    static constexpr double kAspect = 16.0 / 9.0;

    int count() const;

    // The largest 16:9 rectangle centred in `target`: where paint() puts the slide.
    static QRectF slideRect(const QRectF &target);

    // Paints slide `index` letterboxed inside `target` (bars black). An index
    // out of range paints black. The painter's state is left as it was.
    void paint(QPainter &painter, const QRectF &target, int index, const FieldValues &fields) const;
    // A black screen: what the prospect sees when nothing is presented.
    static void paintBlack(QPainter &painter, const QRectF &target);

    // The slide alone as an image of `size` (letterboxed when not 16:9).
    QImage render(int index, const FieldValues &fields, const QSize &size) const;

    // The texts the slide shows once placeholders are filled, in reading
    // order, without empty ones (for tests, accessibility and the web viewer).
    QStringList texts(int index, const FieldValues &fields) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace callos::ui
