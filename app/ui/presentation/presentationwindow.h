#pragma once

#include "client/presentation/presentationcontroller.h"
#include "ui/presentation/slideview.h"

class QScreen;
class QSettings;

namespace callos::ui {


// The frameless 16:9 window the agent shares in Zoom. It shows the slide and
// nothing else: no controls, no notes, no data that is not on the slide. It
// follows the presentation controller at once and opens on the screen the
// agent picked (remembered), or the primary screen when that one is gone.
// It is a SlideView in a window of its own: it has no child widgets at all.
class PresentationWindow : public SlideView
{
    Q_OBJECT

public:
    static constexpr const char *kTitle = "CallOS Presentation";

    PresentationWindow(client::PresentationController &presentation, const client::CallController &call,
                       const SlideRenderer &renderer, QSettings &settings, QWidget *parent = nullptr);

    // Shows the window on `screen` (nullptr: the remembered one) and remembers it.
    void showOn(QScreen *screen = nullptr);
    QScreen *rememberedScreen() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void follow();
    void placeOn(QScreen *screen);

    client::PresentationController &m_presentation;
    QSettings &m_settings;
};

} // namespace callos::ui
