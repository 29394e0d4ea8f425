#include "ui/slides/slideimages.h"

#include "ui/slides/slidestyle.h"

#include <QPainter>
#include <QPainterPath>
#include <QPen>

#include <algorithm>

namespace callos::ui::slides {

const QImage &SlideImages::source(const QString &path)
{
    auto it = m_sources.find(path);
    if (it == m_sources.end()) {
        QImage image(path);
        if (!image.isNull())
            image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        it = m_sources.insert(path, image);
    }
    return *it;
}

QImage SlideImages::scaledTo(const QString &path, const QSize &size, qreal radius, qreal frame)
{
    for (auto it = m_scaled.begin(); it != m_scaled.end(); ++it) {
        if (it->path == path && it->size == size && it->radius == radius && it->frame == frame) {
            if (std::next(it) != m_scaled.end())
                std::rotate(it, std::next(it), m_scaled.end());
            return m_scaled.back().image;
        }
    }
    const QImage &original = source(path);
    if (original.isNull() || size.isEmpty())
        return {};
    QImage image(size, QImage::Format_RGB32);
    image.fill(Palette::Background);
    {
        QPainter painter(&image);
        painter.drawImage(0, 0,
            original.size() == size ? original
                                    : original.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        painter.setRenderHint(QPainter::Antialiasing);
        if (radius > 0) {
            QPainterPath corners;
            corners.setFillRule(Qt::OddEvenFill);
            corners.addRect(QRectF(image.rect()));
            corners.addRoundedRect(QRectF(image.rect()), radius, radius);
            painter.fillPath(corners, Palette::Background);
        }
        if (frame > 0) {
            const qreal inset = frame / 2;
            painter.setPen(QPen(Palette::Frame, frame));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(QRectF(image.rect()).adjusted(inset, inset, -inset, -inset),
                std::max<qreal>(0, radius - inset), std::max<qreal>(0, radius - inset));
        }
    }
    if (m_scaled.size() >= 8)
        m_scaled.erase(m_scaled.begin());
    m_scaled.push_back({ path, size, radius, frame, image });
    return image;
}

} // namespace callos::ui::slides
