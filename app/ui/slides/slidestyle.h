#pragma once

// The slide design's measures and colours, shared by the layouts that place
// things and the painter that draws them.
#include <QColor>
#include <QtGlobal>

namespace callos::ui::slides {

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
inline const QColor Background { 0xFF, 0xFF, 0xFF };
inline const QColor Ink { 0x14, 0x1E, 0x2B };
inline const QColor Body { 0x26, 0x32, 0x41 };
inline const QColor Muted { 0x5A, 0x66, 0x74 };
inline const QColor Rule { 0xD5, 0xDB, 0xE1 };
inline const QColor Gap { 0xC2, 0xC9, 0xD1 };
inline const QColor Frame { 0xDD, 0xE2, 0xE7 };
inline const QColor Accent { 0x0F, 0x76, 0x6E };
inline const QColor AccentSoft { 0xE7, 0xF3, 0xF1 };
inline const QColor NeutralSoft { 0xF2, 0xF4, 0xF6 };
inline const QColor OnAccent { 0xFF, 0xFF, 0xFF };
inline const QColor OnAccentMuted { 0xD2, 0xEE, 0xEA };
inline const QColor AccentTint { 0x1D, 0x7F, 0x78 }; // white at 6% over the accent
inline const QColor AccentTint2 { 0x2A, 0x88, 0x81 }; // white at 11% over the accent
} // namespace Palette

// How one kind of text on a slide looks, in units (see kUnitsHigh).
struct TextStyle
{
    qreal size = 40; // preferred font size, units
    qreal minSize = 22; // the smallest it may shrink to, units
    bool bold = false;
    qreal spacing = 1.2; // line pitch as a multiple of the font's height
    Qt::Alignment align = Qt::AlignLeft;
    bool serif = false;
};

} // namespace callos::ui::slides
