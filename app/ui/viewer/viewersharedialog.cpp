#include "ui/viewer/viewersharedialog.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {
namespace {

void setRole(QWidget *widget, const QString &role)
{
    if (widget->property("role").toString() == role)
        return;
    widget->setProperty("role", role);
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    // A label keeps the frame width (the role's padding) it had until told
    // that its style changed.
    QEvent changed(QEvent::StyleChange);
    QCoreApplication::sendEvent(widget, &changed);
}

} // namespace

ViewerShareDialog::ViewerShareDialog(client::ViewerShare &share, QWidget *parent) : QDialog(parent), m_share(share)
{
    setObjectName(u"viewerShareDialog"_s);
    setWindowTitle(tr("Share slides in a browser"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    auto *title = new QLabel(tr("Share slides in a browser"), this);
    title->setProperty("role", u"title"_s);
    layout->addWidget(title);
    auto *purpose = new QLabel(
        tr("The prospect sees only the slides, the same as your presentation window, until the call ends."), this);
    purpose->setProperty("role", u"subtitle"_s);
    purpose->setWordWrap(true);
    layout->addWidget(purpose);

    auto *linkLabel = new QLabel(tr("Link for the prospect"), this);
    linkLabel->setProperty("role", u"section"_s);
    layout->addSpacing(4);
    layout->addWidget(linkLabel);
    auto *linkRow = new QHBoxLayout;
    linkRow->setSpacing(8);
    m_link = new QLineEdit(this);
    m_link->setObjectName(u"viewerLink"_s);
    m_link->setReadOnly(true);
    m_link->setMinimumWidth(520);
    m_link->setAccessibleName(tr("Link for the prospect"));
    linkLabel->setBuddy(m_link);
    m_copy = new QPushButton(tr("&Copy link"), this);
    m_copy->setObjectName(u"copyViewerLink"_s);
    m_copy->setProperty("role", u"primary"_s);
    m_copy->setDefault(true);
    // "Copied" and "Copy link" take the same room: the link field does not jump.
    m_copy->setText(tr("Copied"));
    const int copiedWidth = m_copy->sizeHint().width();
    m_copy->setText(tr("&Copy link"));
    m_copy->setMinimumWidth(qMax(copiedWidth, m_copy->sizeHint().width()));
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(m_copy);
    layout->addLayout(linkRow);

    m_state = new QLabel(this);
    m_state->setObjectName(u"viewerShareState"_s);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_state);

    auto *buttons = new QDialogButtonBox(this);
    m_stop = buttons->addButton(tr("&Stop sharing"), QDialogButtonBox::ActionRole);
    m_stop->setObjectName(u"stopSharing"_s);
    m_stop->setProperty("role", u"danger"_s);
    m_shareAgain = buttons->addButton(tr("Share &again"), QDialogButtonBox::ActionRole);
    m_shareAgain->setObjectName(u"shareAgain"_s);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(u"closeViewerShare"_s);
    // A focused button takes Enter for itself; otherwise Enter copies.
    for (QPushButton *button : { m_stop, m_shareAgain, m_close })
        button->setAutoDefault(false);
    layout->addSpacing(4);
    layout->addWidget(buttons);

    connect(m_copy, &QPushButton::clicked, this, &ViewerShareDialog::copyLink);
    connect(m_stop, &QPushButton::clicked, &m_share, &client::ViewerShare::stop);
    connect(m_shareAgain, &QPushButton::clicked, &m_share, &client::ViewerShare::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_share, &client::ViewerShare::stateChanged, this, &ViewerShareDialog::showState);
    connect(&m_share, &client::ViewerShare::availabilityChanged, this, &ViewerShareDialog::showState);

    // Opening it is asking to share: the link is being made while it shows.
    m_share.start();
    showState();
}

QString ViewerShareDialog::link() const
{
    return m_link->text();
}

QString ViewerShareDialog::stateText() const
{
    return m_state->text();
}

void ViewerShareDialog::copyLink()
{
    if (m_link->text().isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_link->text());
    m_copy->setText(tr("Copied"));
    QTimer::singleShot(2000, this, [this] { m_copy->setText(tr("&Copy link")); });
}

void ViewerShareDialog::showState()
{
    using State = client::ViewerShare::State;
    const State state = m_share.state();
    const QString url = m_share.viewerUrl().toString();
    m_link->setText(url);
    m_link->setCursorPosition(0); // the server's name first, as the prospect will read it
    m_link->setPlaceholderText(state == State::Starting ? tr("Making the link…") : tr("No link"));
    m_link->setEnabled(!url.isEmpty());
    m_copy->setEnabled(!url.isEmpty());
    m_stop->setVisible(state != State::Off);
    m_shareAgain->setVisible(state == State::Off);
    m_shareAgain->setEnabled(m_share.isAvailable());

    QString text;
    QString role = u"subtitle"_s;
    switch (state) {
    case State::Starting:
        text = m_share.reason().isEmpty() ? tr("Making the link…") : m_share.reason();
        break;
    case State::Live:
        text = tr("Live: the browser shows the slide your presentation window shows.");
        role = u"verdict-pass"_s;
        break;
    case State::Behind:
        text = m_share.reason();
        role = u"verdict-fail"_s;
        break;
    case State::Off:
        text = m_share.reason().isEmpty() ? tr("Not sharing. The link no longer opens the slides.") : m_share.reason();
        role = m_share.reason().isEmpty() ? u"subtitle"_s : u"verdict-fail"_s;
        break;
    }
    m_state->setText(text);
    setRole(m_state, role);
    // A longer reason gets the lines it needs instead of being cut off.
    adjustSize();

    // The cursor goes where the next step is when the stage changes (not
    // between live and behind, which may flip while the agent tabs around):
    // copy the link, share again, or stop while it is being made.
    const bool sharing = state == State::Live || state == State::Behind;
    const bool wasSharing = m_shownState == State::Live || m_shownState == State::Behind;
    if (m_shownState != state && !(sharing && wasSharing)) {
        if (sharing)
            m_copy->setFocus();
        else if (state == State::Starting)
            m_stop->setFocus();
        else
            (m_shareAgain->isEnabled() ? m_shareAgain : m_close)->setFocus();
    }
    m_shownState = state;
}

} // namespace callos::ui
