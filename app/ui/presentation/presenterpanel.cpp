#include "ui/presentation/presenterpanel.h"

#include "ui/presentation/presentationwindow.h"
#include "ui/presentation/slideview.h"
#include "ui/common/shortcuts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

PresenterPanel::PresenterPanel(client::PresentationController &presentation, const client::CallController &call,
                               const SlideRenderer &renderer, PresentationWindow &window, QWidget *parent)
    : QWidget(parent), m_presentation(presentation), m_window(window)
{
    setObjectName(u"presenterPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *nowLabel = new QLabel(tr("Client sees now"), this);
    nowLabel->setProperty("role", u"section"_s);
    layout->addWidget(nowLabel);
    m_now = new SlideView(renderer, call, this);
    m_now->setObjectName(u"nowThumbnail"_s);
    layout->addWidget(m_now);
    m_position = new QLabel(this);
    m_position->setProperty("role", u"subtitle"_s);
    layout->addWidget(m_position);

    auto *controls = new QGridLayout;
    auto *previous = new QPushButton(tr("◀ Previous"), this);
    previous->setObjectName(u"previousSlide"_s);
    previous->setToolTip(tr("Page Up, Left"));
    auto *next = new QPushButton(tr("Next ▶"), this);
    next->setObjectName(u"nextSlide"_s);
    next->setToolTip(tr("Page Down, Right, Space"));
    m_black = new QPushButton(tr("Black (B)"), this);
    m_black->setObjectName(u"blackScreen"_s);
    m_black->setCheckable(true);
    m_freeze = new QPushButton(tr("Freeze (F)"), this);
    m_freeze->setObjectName(u"freezeScreen"_s);
    m_freeze->setCheckable(true);
    for (QPushButton *button : {previous, next, m_black, m_freeze})
        button->setFocusPolicy(Qt::NoFocus); // keys drive them; focus stays where the agent types
    controls->addWidget(previous, 0, 0);
    controls->addWidget(next, 0, 1);
    controls->addWidget(m_black, 1, 0);
    controls->addWidget(m_freeze, 1, 1);
    layout->addLayout(controls);
    connect(previous, &QPushButton::clicked, &m_presentation, &client::PresentationController::previous);
    connect(next, &QPushButton::clicked, &m_presentation, &client::PresentationController::next);
    connect(m_black, &QPushButton::clicked, &m_presentation, &client::PresentationController::toggleBlack);
    connect(m_freeze, &QPushButton::clicked, &m_presentation, &client::PresentationController::toggleFreeze);

    auto *nextLabel = new QLabel(tr("Next"), this);
    nextLabel->setProperty("role", u"section"_s);
    layout->addSpacing(8);
    layout->addWidget(nextLabel);
    m_next = new SlideView(renderer, call, this);
    m_next->setObjectName(u"nextThumbnail"_s);
    m_next->setMaximumWidth(260);
    layout->addWidget(m_next);

    m_follow = new QCheckBox(tr("Jump to each milestone's first slide"), this);
    m_follow->setObjectName(u"followMilestones"_s);
    m_follow->setChecked(m_presentation.followsMilestones());
    connect(m_follow, &QCheckBox::toggled, &m_presentation, &client::PresentationController::setFollowsMilestones);
    layout->addSpacing(8);
    layout->addWidget(m_follow);

    auto *windowLabel = new QLabel(tr("Presentation window (share this in Zoom)"), this);
    windowLabel->setProperty("role", u"section"_s);
    windowLabel->setWordWrap(true);
    layout->addSpacing(8);
    layout->addWidget(windowLabel);
    m_screens = new QComboBox(this);
    m_screens->setObjectName(u"presentationScreen"_s);
    layout->addWidget(m_screens);
    m_windowButton = new QPushButton(this);
    m_windowButton->setObjectName(u"togglePresentationWindow"_s);
    connect(m_windowButton, &QPushButton::clicked, this, &PresenterPanel::togglePresentationWindow);
    bindKeys(this, {QKeySequence(Qt::CTRL | Qt::Key_P)}, [this] { togglePresentationWindow(); });
    layout->addWidget(m_windowButton);
    layout->addStretch();

    fillScreens();
    connect(qGuiApp, &QGuiApplication::screenAdded, this, &PresenterPanel::fillScreens);
    connect(qGuiApp, &QGuiApplication::screenRemoved, this, &PresenterPanel::fillScreens);
    connect(&m_presentation, &client::PresentationController::changed, this, &PresenterPanel::refresh);
    connect(&call, &client::CallController::eventsCommitted, this, &PresenterPanel::refresh);
    refresh();
}

void PresenterPanel::fillScreens()
{
    const QSignalBlocker blocker(m_screens);
    m_screens->clear();
    const QScreen *remembered = m_window.rememberedScreen();
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (int i = 0; i < screens.size(); ++i) {
        const QScreen *screen = screens.at(i);
        m_screens->addItem(tr("Screen %1: %2 (%3×%4)").arg(i + 1).arg(screen->name()).arg(screen->size().width()).arg(screen->size().height()),
                           screen->name());
        if (screen == remembered)
            m_screens->setCurrentIndex(i);
    }
}

void PresenterPanel::togglePresentationWindow()
{
    if (m_window.isVisible()) {
        m_window.hide();
    } else {
        QScreen *chosen = nullptr;
        for (QScreen *screen : QGuiApplication::screens()) {
            if (screen->name() == m_screens->currentData().toString())
                chosen = screen;
        }
        m_window.showOn(chosen);
    }
    refresh();
}

void PresenterPanel::refresh()
{
    m_now->setFrozen(m_presentation.isFrozen());
    m_now->setSlide(m_presentation.visibleIndex());
    QString caption;
    if (m_presentation.isBlack())
        caption = tr("Black screen");
    else if (m_presentation.isFrozen())
        caption = tr("Frozen");
    m_now->setCaption(caption);
    m_now->update(); // fields may have changed
    m_next->setSlide(m_presentation.nextIndex());
    m_next->setCaption(m_presentation.nextIndex() < 0 ? tr("End of deck") : QString());
    m_next->update();
    m_position->setText(tr("Slide %1 of %2").arg(m_presentation.currentIndex() + 1).arg(m_presentation.slideCount()));
    m_black->setChecked(m_presentation.isBlack());
    m_freeze->setChecked(m_presentation.isFrozen());
    m_windowButton->setText(m_window.isVisible() ? tr("Hide presentation window (Ctrl+P)") : tr("Show presentation window (Ctrl+P)"));
}

} // namespace callos::ui
