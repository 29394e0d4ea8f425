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

    // What the last paint showed, and how many paints there were: lets tests
    // and benchmarks wait for the screen itself rather than for a signal.
    int paintedSlide() const { return m_paintedSlide; }
    quint64 paintCount() const { return m_paintCount; }
    // When the last paint finished (std::chrono::steady_clock, nanoseconds).
    qint64 lastPaintFinishedNs() const { return m_lastPaintFinishedNs; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const SlideRenderer &m_renderer;
    const client::CallController &m_call;
    int m_index = -1;
    QImage m_frozenFrame;
    QString m_caption;
    int m_paintedSlide = -1;
    quint64 m_paintCount = 0;
    qint64 m_lastPaintFinishedNs = 0;
};

} // namespace callos::ui
