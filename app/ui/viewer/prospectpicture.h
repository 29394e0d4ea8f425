#pragma once

#include "client/call/callcontroller.h"
#include "client/presentation/presentationcontroller.h"

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QSize>

namespace callos::ui {

class SlideRenderer;

// The picture the prospect sees now, as an image of a fixed size: the
// presentation window's content without the window. It decides what to
// draw exactly as the window does (PresentationWindow::follow and
// SlideView): the presentation's visible slide with the call's fields, black
// when black, and, while frozen, the picture of the moment it froze, even if
// a field on that slide changes meanwhile.
class ProspectPicture : public QObject
{
    Q_OBJECT

public:
    ProspectPicture(const SlideRenderer &renderer, const client::PresentationController &presentation,
        const client::CallController &call, QSize size, QObject *parent = nullptr);

    QImage current() const;
    // current() as PNG (opaque RGB, so the browser shows exactly these
    // pixels); encoded again only when the picture changed.
    QByteArray png();

private:
    void follow();
    QImage render() const;

    const SlideRenderer &m_renderer;
    const client::PresentationController &m_presentation;
    const client::CallController &m_call;
    const QSize m_size;
    QImage m_frozen;
    QImage m_encodedPicture;
    QByteArray m_encoded;
};

} // namespace callos::ui
