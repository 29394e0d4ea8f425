#pragma once

#include "client/call/callcontroller.h"

#include <QImage>
#include <QWidget>

namespace callos::ui {

class SlideRenderer;

// Paints one slide of the deck, filled with the call's fields, at whatever
// size the widget has: the presentation window's content and the control
// panel's thumbnails are both this.
class SlideView : public QWidget
{
    Q_OBJECT

public:
    SlideView(const SlideRenderer &renderer, const client::CallController &call, QWidget *parent = nullptr);

    // -1 paints black.
    void setSlide(int index);
    int slide() const { return m_index; }
    // Keeps showing exactly what is on screen now (the frozen picture), until unfrozen.
    void setFrozen(bool frozen);
    // A caption over the slide (thumbnails say "Black screen", "Frozen", ...).
    void setCaption(const QString &caption);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width * 9 / 16; }
    QSize sizeHint() const override { return {384, 216}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const SlideRenderer &m_renderer;
    const client::CallController &m_call;
    int m_index = -1;
    QImage m_frozenFrame;
    QString m_caption;
};

} // namespace callos::ui
