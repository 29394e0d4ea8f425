#include "ui/presentation/slideview.h"

#include "ui/slides/sliderenderer.h"

#include <QPainter>

#include <chrono>

using namespace Qt::StringLiterals;

namespace callos::ui {

SlideView::SlideView(const SlideRenderer &renderer, const client::CallController &call, QWidget *parent)
    : QWidget(parent), m_renderer(renderer), m_call(call)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void SlideView::setSlide(int index)
{
    m_index = index;
    update();
}

void SlideView::setFrozen(bool frozen)
{
    if (frozen == !m_frozenFrame.isNull())
        return;
    m_frozenFrame = frozen ? grab().toImage() : QImage();
    update();
}

void SlideView::setCaption(const QString &caption)
{
    m_caption = caption;
    update();
}

void SlideView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_paintedSlide = m_frozenFrame.isNull() ? m_index : m_paintedSlide;
    ++m_paintCount;
    if (!m_frozenFrame.isNull()) {
        painter.drawImage(rect(), m_frozenFrame);
    } else if (m_index < 0) {
        SlideRenderer::paintBlack(painter, rect());
    } else {
        const FieldValues fields = m_call.hasCall() ? m_call.state().fields : FieldValues();
        m_renderer.paint(painter, rect(), m_index, fields);
    }
    if (!m_caption.isEmpty()) {
        QFont font = painter.font();
        font.setPixelSize(qMax(12, height() / 12));
        font.setBold(true);
        painter.setFont(font);
        const QRect band(0, height() - height() / 6, width(), height() / 6);
        painter.fillRect(band, QColor(0, 0, 0, 160));
        painter.setPen(Qt::white);
        painter.drawText(band, Qt::AlignCenter, m_caption);
    }
    painter.end();
    m_lastPaintFinishedNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                std::chrono::steady_clock::now().time_since_epoch())
                                .count();
}

} // namespace callos::ui
