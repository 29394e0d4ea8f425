#pragma once

#include <QColor>
#include <QHash>
#include <QImage>
#include <QPointF>
#include <QRawFont>

#include <vector>

class QPainter;
class QTextLayout;

namespace callos::ui {

// One glyph of a laid-out text, at its baseline in slide coordinates.
struct PlacedGlyph
{
    QRawFont font;
    quint32 index = 0;
    QPointF baseline; // slide coordinates
};

// The glyphs of a laid-out text, placed at `pos`.
std::vector<PlacedGlyph> placedGlyphs(const QTextLayout &layout, const QPointF &pos);

// Large glyphs rendered once from their outlines at the exact device scale and
// sub-pixel offset they are drawn at, then blended into place: the same thing
// Qt's own glyph cache does for text up to 64 pixels. Nothing is ever scaled.
class GlyphCache
{
public:
    void draw(QPainter &painter, const std::vector<PlacedGlyph> &glyphs, int pixelSize, const QColor &color);

private:
    static constexpr int kSubPixel = 4;

    struct Key
    {
        QRawFont font;
        quint32 index;
        int scale; // device scale * 1024
        int ratio; // device pixel ratio * 1024
        int quarter;
        QRgb color;
        bool operator==(const Key &other) const
        {
            return index == other.index && scale == other.scale && ratio == other.ratio && quarter == other.quarter
                && color == other.color && font == other.font;
        }
    };
    friend size_t qHash(const Key &key, size_t seed = 0)
    {
        return qHashMulti(seed, key.font, key.index, key.scale, key.ratio, key.quarter, key.color);
    }
    struct Entry
    {
        QImage image;
        QPoint offset; // of the image's top left from the glyph's origin, device pixels
    };

    const Entry &find(const Key &key);

    static constexpr qsizetype kBudgetBytes = 64 * 1024 * 1024;
    QHash<Key, Entry> m_entries;
    qsizetype m_bytes = 0;
};

} // namespace callos::ui
