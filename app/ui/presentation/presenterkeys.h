#pragma once

#include "client/presentation/presentationcontroller.h"

#include <QObject>

namespace callos::ui {

// Lets a presenter clicker (Page Up/Down, arrows, space, B for black) drive
// the slides while the control panel has focus, without stealing those keys
// from the field the agent is typing in.
class PresenterKeys : public QObject
{
    Q_OBJECT

public:
    PresenterKeys(client::PresentationController &presentation, QWidget *controlPanel);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    client::PresentationController &m_presentation;
    QWidget *m_controlPanel;
};

} // namespace callos::ui
