#pragma once

#include "ui/app/desktopapp.h"

#include <QObject>

namespace callos::ui {

// For bench_startup: prints "first-paint" when the control panel first
// paints, then starts a call with the default deck on the presentation
// window, shows every slide once, prints "rss-kb <resident KiB>" and quits.
class StartupProbe : public QObject
{
    Q_OBJECT

public:
    explicit StartupProbe(DesktopApp &app);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runCall();

    DesktopApp &m_app;
    bool m_painted = false;
};

// Resident memory of this process in KiB (Linux), or -1.
qint64 residentKiB();

} // namespace callos::ui
