#pragma once

#include "ui/mainwindow/mainwindow.h"

#include <QDir>

namespace callos::ui {

// Walks the real control panel through a call and saves a PNG of each
// screen an agent sees (start, the sign-in dialog, pre-call, a milestone,
// the objection subflow, the decision, the summary) and of the presentation
// window, all at 1920x1080: for the README and for looking at what we built.
class ScreenshotTour
{
public:
    ScreenshotTour(MainWindow &window, const ControlPanelServices &services, QDir output);

    // Returns the files written, or an empty list if a step failed (see stderr).
    QStringList run();

private:
    bool save(QWidget &widget, const QString &name);

    MainWindow &m_window;
    ControlPanelServices m_services;
    QDir m_output;
    QStringList m_written;
};

} // namespace callos::ui
