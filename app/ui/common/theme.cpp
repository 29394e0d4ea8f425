#include "ui/common/theme.h"

using namespace Qt::StringLiterals;

namespace callos::ui::Theme {

QString styleSheet()
{
    return uR"(
QWidget { font-size: 12pt; color: #1B2430; }
QMainWindow, QStackedWidget > QWidget { background: #F6F7F9; }
QLabel[role="title"] { font-size: 20pt; font-weight: 600; }
QLabel[role="subtitle"] { font-size: 13pt; color: #5B6775; }
QLabel[role="section"] { font-size: 11pt; font-weight: 600; color: #5B6775; text-transform: uppercase; }
QLabel[role="refusal"] { color: #B91C1C; font-weight: 600; }
QLabel[role="verdict-pass"] { background: #E7F5EC; color: #15803D; border-radius: 6px; padding: 10px; font-weight: 600; }
QLabel[role="verdict-fail"] { background: #FEF3C7; color: #92400E; border-radius: 6px; padding: 10px; font-weight: 600; }
QFrame[role="card"] { background: #FFFFFF; border: 1px solid #D7DCE2; border-radius: 8px; }
QPushButton { padding: 8px 16px; border: 1px solid #D7DCE2; border-radius: 6px; background: #FFFFFF; }
QPushButton:hover { border-color: #0F766E; }
QPushButton:focus { border: 2px solid #0F766E; }
QPushButton[role="primary"] { background: #0F766E; color: white; border: none; font-weight: 600; }
QPushButton[role="primary"]:disabled { background: #9CA3AF; }
QPushButton[role="danger"] { color: #B91C1C; }
QLineEdit, QPlainTextEdit, QSpinBox, QDoubleSpinBox, QComboBox, QDateEdit, QDateTimeEdit {
  padding: 6px; border: 1px solid #D7DCE2; border-radius: 6px; background: #FFFFFF; }
QLineEdit[invalid="true"], QSpinBox[invalid="true"], QDoubleSpinBox[invalid="true"] { border: 2px solid #B91C1C; }
QListWidget { background: #FFFFFF; border: 1px solid #D7DCE2; border-radius: 6px; }
QListWidget::item { padding: 8px 6px; border-bottom: 1px solid #EEF0F3; }
QListWidget::item:selected { background: #0F766E; color: white; }
QScrollArea, QScrollArea > QWidget > QWidget { background: #F6F7F9; }
QStatusBar { background: #FFFFFF; border-top: 1px solid #D7DCE2; }
)"_s;
}

} // namespace callos::ui::Theme
