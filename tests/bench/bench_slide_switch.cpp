// From the key event in the control panel to the presentation window having
// painted the new slide, at 1920x1080, with a call running (so each switch
// also commits its SlideShown event to the SQLite store).
// Prints {"bench":"slide_switch","n":1000,"p50_ms":...,"p99_ms":...}; target p99 <= 16 ms.
#include "client/store/localstore.h"
#include "testpaths.h"
#include "ui/app/desktopapp.h"
#include "ui/presentation/presentationwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace callos;

namespace {

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication qapp(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 1000;

    QTemporaryDir dir;
    const Playbook playbook = test::loadDefaultPlaybook();
    const Deck deck = test::loadDefaultDeck(playbook);
    auto store = client::LocalStore::open(dir.filePath(u"callos.sqlite"_s));
    if (!store)
        qFatal("%s", qPrintable(store.refusal().message));
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    SystemClock clock;
    UuidGenerator ids;
    ui::DesktopApp app({playbook, deck, *store.value(), settings, clock, ids, u"bench"_s, u"bench"_s});
    app.prospects.seedDemoIfEmpty();
    ui::MainWindow &panel = app.window();
    panel.resize(1920, 1080);
    panel.show();
    QApplication::setActiveWindow(&panel);
    const auto prospects = app.prospects.list(u"Whitfield"_s, 1);
    if (!prospects || prospects.value().isEmpty() || !app.launcher.start(prospects.value().constFirst()))
        qFatal("cannot start a call");
    ui::PresentationWindow *window = panel.presentationWindow();
    window->setGeometry(0, 0, 1920, 1080);
    window->show();
    QApplication::processEvents();
    QApplication::setActiveWindow(&panel); // the agent's keys go to the control panel, as during a call
    QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : &panel;

    QList<double> ms;
    ms.reserve(n);
    const int last = app.presentation.slideCount() - 1;
    bool forward = true;
    for (int i = 0; i < n; ++i) {
        if (app.presentation.currentIndex() == last)
            forward = false;
        else if (app.presentation.currentIndex() == 0)
            forward = true;
        const int expected = app.presentation.currentIndex() + (forward ? 1 : -1);
        const quint64 paintsBefore = window->paintCount();
        QKeyEvent press(QEvent::KeyPress, forward ? Qt::Key_PageDown : Qt::Key_PageUp, Qt::NoModifier);
        QElapsedTimer timer;
        timer.start();
        const qint64 pressedNs = steadyNowNs();
        QApplication::sendEvent(focus, &press);
        // Whatever else the key sets off (storing the event, the control panel
        // catching up), the figure is when the prospect's window had painted.
        while (window->paintCount() == paintsBefore || window->paintedSlide() != expected) {
            QApplication::processEvents();
            if (timer.elapsed() > 5000)
                qFatal("the presentation window never painted slide %d", expected);
        }
        ms.append((window->lastPaintFinishedNs() - pressedNs) / 1e6);
        QApplication::processEvents(); // let the control panel settle before the next key
    }
    std::sort(ms.begin(), ms.end());
    const auto percentile = [&](double p) { return ms.at(qMin<qsizetype>(ms.size() - 1, qsizetype(p * ms.size()))); };
    std::printf("{\"bench\":\"slide_switch\",\"n\":%d,\"width\":1920,\"height\":1080,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f}\n",
                n, percentile(0.50), percentile(0.99), ms.constLast());
    return 0;
}
