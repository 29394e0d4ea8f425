#pragma once

#include <QHash>
#include <QImage>
#include <QSize>
#include <QString>

#include <vector>

namespace callos::ui::slides {

// The deck's images: their sizes are needed at layout time, their pixels only
// at paint time; both come from here. Each file is read once, and each drawn
// size is scaled once (the last few are kept).
class SlideImages
{
public:
    // The file as read; a null image when it could not be read.
    const QImage &source(const QString &path);

    // The image smooth-scaled to `size` device pixels and flattened onto the slide's
    // background, its corners rounded by `radius` and framed by a `frame`-wide hairline
    // (device pixels): opaque, so drawing it is a plain copy.
    QImage scaledTo(const QString &path, const QSize &size, qreal radius, qreal frame);

private:
    struct Scaled
    {
        QString path;
        QSize size;
        qreal radius;
        qreal frame;
        QImage image;
    };

    QHash<QString, QImage> m_sources; // a null image when the file could not be read
    std::vector<Scaled> m_scaled; // most recently used last
};

} // namespace callos::ui::slides
