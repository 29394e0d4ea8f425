#include "ui/presentation/presentationwindow.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QScreen>
#include <QSettings>
#include <QWindow>

using namespace Qt::StringLiterals;

namespace callos::ui {
namespace {

const QString kScreenKey = u"presentation/screen"_s;

// The largest 16:9 rectangle centred in `area`.
QRect sixteenByNine(const QRect &area)
{
    QSize size(area.width(), area.width() * 9 / 16);
    if (size.height() > area.height())
        size = QSize(area.height() * 16 / 9, area.height());
    return QRect(area.center() - QPoint(size.width() / 2, size.height() / 2), size);
}

} // namespace

PresentationWindow::PresentationWindow(client::PresentationController &presentation, const client::CallController &call,
                                       const SlideRenderer &renderer, QSettings &settings, QWidget *parent)
    : SlideView(renderer, call, parent), m_presentation(presentation), m_settings(settings)
{
    setWindowFlags(Qt::Window | Qt::FramelessWindowHint);
    setObjectName(u"presentationWindow"_s);
    setWindowTitle(QString::fromLatin1(kTitle));
    setCursor(Qt::BlankCursor);
    connect(&m_presentation, &client::PresentationController::changed, this, &PresentationWindow::follow);
    connect(&call, &client::CallController::eventsCommitted, this, qOverload<>(&QWidget::update));
    connect(&call, &client::CallController::callReplaced, this, &PresentationWindow::follow);
    connect(qGuiApp, &QGuiApplication::screenRemoved, this, [this](QScreen *removed) {
        if (isVisible() && screen() == removed)
            placeOn(QGuiApplication::primaryScreen());
    });
    resize(960, 540);
    follow();
}

QScreen *PresentationWindow::rememberedScreen() const
{
    const QString name = m_settings.value(kScreenKey).toString();
    for (QScreen *screen : QGuiApplication::screens()) {
        if (screen->name() == name)
            return screen;
    }
    return QGuiApplication::primaryScreen();
}

void PresentationWindow::showOn(QScreen *screen)
{
    if (!screen)
        screen = rememberedScreen();
    m_settings.setValue(kScreenKey, screen->name());
    placeOn(screen);
    show();
    raise();
}

void PresentationWindow::placeOn(QScreen *screen)
{
    if (!screen)
        return;
    if (windowHandle())
        windowHandle()->setScreen(screen);
    const QRect area = screen->availableGeometry();
    const bool sharesScreenWithControlPanel = parentWidget() && parentWidget()->screen() == screen;
    // On a screen of its own it fills it; beside the control panel it takes a third, top right.
    const QRect target = sharesScreenWithControlPanel
                             ? QRect(area.right() - area.width() / 3, area.top(), area.width() / 3, area.width() * 3 / 16)
                             : sixteenByNine(area);
    setGeometry(target);
}

void PresentationWindow::follow()
{
    setFrozen(m_presentation.isFrozen());
    setSlide(m_presentation.visibleIndex());
    // Paint now, before the event is stored and the control panel catches up:
    // what the prospect sees must never wait for the agent's side.
    if (isVisible())
        repaint();
}

void PresentationWindow::keyPressEvent(QKeyEvent *event)
{
    // A clicker may be aimed at this window; it drives the slides the same way.
    switch (event->key()) {
    case Qt::Key_PageDown:
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space: m_presentation.next(); break;
    case Qt::Key_PageUp:
    case Qt::Key_Left:
    case Qt::Key_Up: m_presentation.previous(); break;
    case Qt::Key_B:
    case Qt::Key_Period: m_presentation.toggleBlack(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void PresentationWindow::mousePressEvent(QMouseEvent *event)
{
    // No frame to grab: dragging anywhere moves the window.
    if (event->button() == Qt::LeftButton && windowHandle())
        windowHandle()->startSystemMove();
}

} // namespace callos::ui
