#pragma once

#include "client/presentation/presentationcontroller.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace callos::ui {

class PresentationWindow;
class SlideRenderer;
class SlideView;

// The agent's side of the presentation, in the control panel: what the
// client sees now, what comes next, and the controls (previous, next,
// black, freeze, follow milestones, which screen the window opens on).
class PresenterPanel : public QWidget
{
    Q_OBJECT

public:
    PresenterPanel(client::PresentationController &presentation, const client::CallController &call,
                   const SlideRenderer &renderer, PresentationWindow &window, QWidget *parent = nullptr);

    void refresh();
    void togglePresentationWindow();
    SlideView *nowView() const { return m_now; }
    SlideView *nextView() const { return m_next; }

private:
    void fillScreens();

    client::PresentationController &m_presentation;
    PresentationWindow &m_window;
    SlideView *m_now;
    SlideView *m_next;
    QLabel *m_position;
    QPushButton *m_black;
    QPushButton *m_freeze;
    QPushButton *m_windowButton;
    QCheckBox *m_follow;
    QComboBox *m_screens;
};

} // namespace callos::ui
