#include "ui/slides/slidepainter.h"

#include "ui/slides/slidestyle.h"

#include <QPainter>
#include <QTransform>

#include <algorithm>

namespace callos::ui::slides {

void SlidePainter::draw(QPainter &painter, const PreparedSlide &slide)
{
    painter.fillRect(QRectF(QPointF(0, 0), slide.size), slide.background);
    for (const DrawOp &op : slide.ops) {
        switch (op.kind) {
        case DrawOp::Rect:
            if (op.radius > 0) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(op.color);
                painter.drawRoundedRect(op.rect, op.radius, op.radius);
            } else {
                painter.fillRect(op.rect, op.color);
            }
            break;
        case DrawOp::Path:
            painter.fillPath(op.path, op.color);
            break;
        case DrawOp::Text:
            if (op.clip) {
                painter.save();
                painter.setClipRect(op.rect, Qt::IntersectClip);
                drawText(painter, op);
                painter.restore();
            } else {
                drawText(painter, op);
            }
            break;
        case DrawOp::Image:
            drawImage(painter, op);
            break;
        }
    }
}

void SlidePainter::drawText(QPainter &painter, const DrawOp &op)
{
    const QTransform &device = painter.deviceTransform();
    const bool scaleOnly = device.type() <= QTransform::TxScale && device.m11() > 0 && device.m11() == device.m22();
    if (!op.glyphs.empty() && scaleOnly && op.pixelSize * device.m11() > kQtGlyphCacheLimit) {
        m_glyphs.draw(painter, op.glyphs, op.pixelSize, op.color);
    } else {
        painter.setPen(op.color);
        op.text->draw(&painter, op.pos);
    }
}

void SlidePainter::drawImage(QPainter &painter, const DrawOp &op)
{
    // Scaled once per drawn size in device pixels, then blitted: sharp and fast.
    const QRectF device = painter.deviceTransform().mapRect(op.rect);
    const QSize pixels = device.size().toSize();
    const qreal ratio = op.rect.width() > 0 ? pixels.width() / op.rect.width() : 1.0;
    const qreal radius = op.radius * ratio;
    QImage image = m_images.scaledTo(op.imagePath, pixels, radius, std::max<qreal>(1, radius / 7));
    if (image.isNull()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Palette::NeutralSoft);
        painter.drawRoundedRect(op.rect, op.radius, op.radius);
        return;
    }
    image.setDevicePixelRatio(ratio);
    painter.drawImage(op.rect.topLeft(), image);
}

} // namespace callos::ui::slides
