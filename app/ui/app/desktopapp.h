#pragma once

#include "client/call/calllauncher.h"
#include "client/presentation/presentationcontroller.h"
#include "client/store/calleventstore.h"
#include "client/store/callrepository.h"
#include "client/store/localstore.h"
#include "client/store/prospectrepository.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/slides/sliderenderer.h"

#include <memory>

class QSettings;

namespace callos::ui {

// The desktop app's object graph on an open store: repositories, call
// controller, launcher, presentation, slide renderer and (on demand) the
// control panel window. main() builds one; tests and benchmarks build the
// same one on a temporary store, so they exercise exactly what users run.
class DesktopApp
{
public:
    struct Inputs
    {
        const Playbook &playbook;
        const Deck &deck;
        client::LocalStore &store;
        QSettings &settings;
        const Clock &clock;
        IdGenerator &ids;
        QString deviceId;
        QString actor;
    };

    explicit DesktopApp(const Inputs &inputs);
    ~DesktopApp();

    client::CallEventStore events;
    client::CallRepository calls;
    client::ProspectRepository prospects;
    client::CallController call;
    client::CallLauncher launcher;
    client::PresentationController presentation;
    const SlideRenderer renderer;
    const FieldFormatter formatter;

    ControlPanelServices services();
    // The control panel, created the first time it is asked for.
    MainWindow &window();

private:
    QSettings &m_settings;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace callos::ui
