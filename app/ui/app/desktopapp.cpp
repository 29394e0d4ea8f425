#include "ui/app/desktopapp.h"

#include <QLocale>

namespace callos::ui {

DesktopApp::DesktopApp(const Inputs &inputs)
    : events(inputs.store)
    , calls(inputs.store)
    , prospects(inputs.store, inputs.clock, inputs.ids)
    , call(inputs.playbook, inputs.deck, inputs.clock, inputs.ids, events, inputs.deviceId, inputs.actor)
    , launcher(call, prospects, calls, events, inputs.ids, inputs.clock)
    , presentation(call)
    , renderer(inputs.playbook, inputs.deck, QLocale())
    , formatter(inputs.playbook, QLocale())
    , m_settings(inputs.settings)
{
}

DesktopApp::~DesktopApp() = default;

ControlPanelServices DesktopApp::services()
{
    return ControlPanelServices{call, launcher, presentation, prospects, calls, renderer, formatter, m_settings};
}

MainWindow &DesktopApp::window()
{
    if (!m_window)
        m_window = std::make_unique<MainWindow>(services());
    return *m_window;
}

} // namespace callos::ui
