#include "ui/slides/glyphcache.h"

#include <QGlyphRun>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <cmath>

namespace callos::ui {

std::vector<PlacedGlyph> placedGlyphs(const QTextLayout &layout, const QPointF &pos)
{
    std::vector<PlacedGlyph> placed;
    const QList<QGlyphRun> runs = layout.glyphRuns();
    for (const QGlyphRun &run : runs) {
        const QRawFont font = run.rawFont();
        const QList<quint32> glyphs = run.glyphIndexes();
        const QList<QPointF> positions = run.positions();
        for (qsizetype i = 0; i < glyphs.size() && i < positions.size(); ++i)
            placed.push_back({ font, glyphs.at(i), pos + positions.at(i) });
    }
    return placed;
}

void GlyphCache::draw(QPainter &painter, const std::vector<PlacedGlyph> &glyphs, int pixelSize, const QColor &color)
{
    const QTransform device = painter.deviceTransform();
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const qreal scale = device.m11();
    // A quarter pixel is invisible on huge glyphs: one rendering per glyph saves memory there.
    const int steps = pixelSize * scale > 128 ? 1 : kSubPixel;
    painter.save();
    painter.resetTransform(); // logical = device pixels / ratio from here on
    for (const PlacedGlyph &glyph : glyphs) {
        const QPointF at = device.map(glyph.baseline);
        qreal x = std::floor(at.x());
        int quarter = qRound((at.x() - x) * steps) * (kSubPixel / steps);
        if (quarter == kSubPixel) {
            x += 1;
            quarter = 0;
        }
        const Entry &entry
            = find({ glyph.font, glyph.index, qRound(scale * 1024), qRound(ratio * 1024), quarter, color.rgba() });
        if (entry.image.isNull())
            continue;
        const QPointF topLeft(x + entry.offset.x(), std::round(at.y()) + entry.offset.y());
        painter.drawImage(topLeft / ratio, entry.image);
    }
    painter.restore();
}

const GlyphCache::Entry &GlyphCache::find(const Key &key)
{
    auto it = m_entries.constFind(key);
    if (it != m_entries.constEnd())
        return *it;
    if (m_bytes > kBudgetBytes) { // a few decks' worth of large glyphs, even at 4K
        m_entries.clear();
        m_bytes = 0;
    }
    Entry entry;
    QPainterPath outline = key.font.pathForGlyph(key.index);
    if (!outline.isEmpty()) {
        const qreal scale = key.scale / 1024.0;
        outline = QTransform::fromScale(scale, scale).map(outline);
        outline.translate(qreal(key.quarter) / kSubPixel, 0);
        const QRect bounds = outline.boundingRect().toAlignedRect().adjusted(-1, -1, 1, 1);
        QImage image(bounds.size(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.translate(-bounds.topLeft());
        painter.fillPath(outline, QColor::fromRgba(key.color));
        painter.end();
        image.setDevicePixelRatio(key.ratio / 1024.0);
        m_bytes += image.sizeInBytes();
        entry = { image, bounds.topLeft() };
    }
    return *m_entries.insert(key, entry);
}

} // namespace callos::ui
