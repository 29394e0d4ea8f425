// Starts the real callos binary (offscreen) and measures, over several runs,
// the time from process start to the control panel's first paint, and the
// resident memory with the default deck open and a call running.
// Prints {"bench":"startup","first_paint_ms":...,"rss_mb":...}; targets <= 500 ms and <= 120 MB.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 11;
    QList<double> paintMs;
    QList<double> rssMb;
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir dir; // each run is a first start on an empty data folder (store created, demo seeded)
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(environment);
        QElapsedTimer timer;
        timer.start();
        process.start(QStringLiteral(CALLOS_BINARY), {u"--data-dir"_s, dir.path(), u"--startup-probe"_s});
        double firstPaint = -1;
        while (process.waitForReadyRead(10000) || process.canReadLine()) {
            while (process.canReadLine()) {
                const QByteArray line = process.readLine().trimmed();
                if (line == "first-paint")
                    firstPaint = timer.nsecsElapsed() / 1e6;
                else if (line.startsWith("rss-kb "))
                    rssMb.append(line.mid(7).toDouble() / 1024.0);
            }
            if (process.state() == QProcess::NotRunning)
                break;
        }
        process.waitForFinished(10000);
        if (firstPaint < 0 || process.exitCode() != 0) {
            std::fprintf(stderr, "run %d failed: %s\n", run, process.readAllStandardError().constData());
            return 1;
        }
        paintMs.append(firstPaint);
    }
    std::sort(paintMs.begin(), paintMs.end());
    std::sort(rssMb.begin(), rssMb.end());
    std::printf("{\"bench\":\"startup\",\"runs\":%d,\"first_paint_ms\":%.1f,\"rss_mb\":%.1f}\n", runs,
                paintMs.at(paintMs.size() / 2), rssMb.at(rssMb.size() / 2));
    return 0;
}
