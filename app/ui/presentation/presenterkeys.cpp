#include "ui/presentation/presenterkeys.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTextEdit>

namespace callos::ui {
namespace {

bool isTextInput(const QWidget *widget)
{
    return qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QPlainTextEdit *>(widget)
           || qobject_cast<const QTextEdit *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget)
           || qobject_cast<const QComboBox *>(widget);
}

} // namespace

PresenterKeys::PresenterKeys(client::PresentationController &presentation, QWidget *controlPanel)
    : QObject(controlPanel), m_presentation(presentation), m_controlPanel(controlPanel)
{
    qApp->installEventFilter(this);
}

bool PresenterKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || QApplication::activeWindow() != m_controlPanel)
        return QObject::eventFilter(watched, event);
    // The filter sees a key once per widget it travels through; act only on its first stop.
    if (watched != QApplication::focusWidget() && QApplication::focusWidget())
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const QWidget *focus = QApplication::focusWidget();
    const bool typing = isTextInput(focus);
    switch (key->key()) {
    case Qt::Key_PageDown: m_presentation.next(); return true;
    case Qt::Key_PageUp: m_presentation.previous(); return true;
    case Qt::Key_Right:
        if (typing || qobject_cast<const QRadioButton *>(focus))
            return false;
        m_presentation.next();
        return true;
    case Qt::Key_Left:
        if (typing || qobject_cast<const QRadioButton *>(focus))
            return false;
        m_presentation.previous();
        return true;
    case Qt::Key_Space:
        if (typing || qobject_cast<const QAbstractButton *>(focus))
            return false;
        m_presentation.next();
        return true;
    case Qt::Key_B:
    case Qt::Key_Period:
        if (typing)
            return false;
        m_presentation.toggleBlack();
        return true;
    case Qt::Key_F:
        if (typing)
            return false;
        m_presentation.toggleFreeze();
        return true;
    default: return false;
    }
}

} // namespace callos::ui
