#pragma once

#include <QColor>
#include <QString>

namespace callos::ui {

// The control panel's look in one place: calm colours, large type, clear
// states (done / current / locked / skipped / blocked, amber, red), so an
// agent mid-call reads it at a glance.
namespace Theme {
inline const QColor Background{0xF6, 0xF7, 0xF9};
inline const QColor Surface{0xFF, 0xFF, 0xFF};
inline const QColor Text{0x1B, 0x24, 0x30};
inline const QColor Muted{0x5B, 0x67, 0x75};
inline const QColor Border{0xD7, 0xDC, 0xE2};
inline const QColor Accent{0x0F, 0x76, 0x6E};  // teal: current, primary actions
inline const QColor Done{0x15, 0x80, 0x3D};    // green
inline const QColor Amber{0xB4, 0x53, 0x09};
inline const QColor Danger{0xB9, 0x1C, 0x1C};  // red: overrun, refusals
inline const QColor Blocked{0x9C, 0xA3, 0xAF};

// The application-wide style sheet.
QString styleSheet();
} // namespace Theme

} // namespace callos::ui
