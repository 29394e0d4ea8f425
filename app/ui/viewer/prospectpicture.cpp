#include "ui/viewer/prospectpicture.h"

#include "ui/slides/sliderenderer.h"

#include <QBuffer>

namespace callos::ui {

ProspectPicture::ProspectPicture(const SlideRenderer &renderer, const client::PresentationController &presentation,
    const client::CallController &call, QSize size, QObject *parent)
    : QObject(parent), m_renderer(renderer), m_presentation(presentation), m_call(call), m_size(size)
{
    connect(&m_presentation, &client::PresentationController::changed, this, &ProspectPicture::follow);
    follow();
}

QImage ProspectPicture::current() const
{
    return m_frozen.isNull() ? render() : m_frozen;
}

QByteArray ProspectPicture::png()
{
    const QImage picture = current().convertToFormat(QImage::Format_RGB32);
    if (picture.isNull())
        return {};
    if (picture == m_encodedPicture)
        return m_encoded;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!picture.save(&buffer, "PNG"))
        return {};
    m_encodedPicture = picture;
    m_encoded = bytes;
    return m_encoded;
}

void ProspectPicture::follow()
{
    // As SlideView::setFrozen: the picture is taken when the freeze begins.
    if (!m_presentation.isFrozen())
        m_frozen = QImage();
    else if (m_frozen.isNull())
        m_frozen = render();
}

QImage ProspectPicture::render() const
{
    // An index of -1 (black) renders black, as SlideView paints it.
    const FieldValues fields = m_call.hasCall() ? m_call.state().fields : FieldValues();
    return m_renderer.render(m_presentation.visibleIndex(), fields, m_size);
}

} // namespace callos::ui
