// Prints, as JSON lines, how long the local store takes to make one call
// event durable: 2,000 single-event appends (each its own transaction, as the
// engine does for one action) of realistic FieldSet and NoteEdited events, to
// a store on disk, once per synchronous level. Target: p99 <= 5 ms.
// Then the time to open (and integrity-check) the file the run left behind.
//
//   bench_event_commit [folder]   (default: a temporary folder under /tmp)
#include "client/store/calleventstore.h"
#include "client/store/localstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;

namespace {

constexpr int kEvents = 2000;

double percentileMs(QList<qint64> nanoseconds, double percentile)
{
    std::sort(nanoseconds.begin(), nanoseconds.end());
    const auto index = qsizetype(percentile * double(nanoseconds.size() - 1) + 0.5);
    return double(nanoseconds.at(index)) / 1e6;
}

// What an agent's typing and form filling produce: every other event a note
// save (debounced, so the whole note so far), the others field values.
CallEvent realisticEvent(int i)
{
    static const QString sentence
        = u"Prospect runs two launches a year; revenue swings about 18% between quarters and the coaches "
          "are fully booked on 1:1 delivery. "_s;
    CallEvent event;
    event.id = u"0b6f3c1e-%1-4000-8000-%2"_s.arg(i, 4, 16, QChar(u'0')).arg(qint64(i) * 7919, 12, 16, QChar(u'0'));
    event.callId = u"c3a7e0f4-5d1b-4e8a-9c2f-7b6d5e4a3f21"_s;
    event.deviceId = u"laptop-7f3a"_s;
    event.seq = i + 1;
    event.at = 1795000000000 + qint64(i) * 850;
    event.actor = u"agent-3"_s;
    if (i % 2 == 0) {
        event.type = EventType::NoteEdited;
        event.payload = QJsonObject { { u"milestoneId"_s, u"current-state"_s },
            { u"text"_s, sentence.repeated(1 + (i / 2) % 12) } };
    } else {
        static const QStringList fields { u"clientCount"_s, u"revenueVolatility"_s, u"monthlyRevenue"_s,
            u"averagePrice"_s };
        event.type = EventType::FieldSet;
        event.payload
            = QJsonObject { { u"fieldId"_s, fields.at((i / 2) % fields.size()) }, { u"value"_s, 480 + i % 400 } };
    }
    return event;
}

void measure(const QString &folder, LocalStore::Synchronous level, const char *levelName)
{
    LocalStore::Options options;
    options.path = folder + u"/event_commit_"_s + QString::fromLatin1(levelName) + u".sqlite"_s;
    options.synchronous = level;
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        QFile::remove(options.path + suffix); // a previous run's file in a given folder
    auto opened = LocalStore::open(options);
    if (!opened)
        qFatal("cannot open the store: %s", qPrintable(opened.refusal().message));
    CallEventStore store(*opened.value());

    QList<qint64> times;
    times.reserve(kEvents);
    for (int i = 0; i < kEvents; ++i) {
        const CallEvent event = realisticEvent(i);
        QElapsedTimer timer;
        timer.start();
        const auto refusal = store.append({ event });
        times.append(timer.nsecsElapsed());
        if (refusal)
            qFatal("append failed: %s", qPrintable(refusal->message));
    }
    std::printf("{\"bench\":\"event_commit\",\"n\":%d,\"synchronous\":\"%s\",\"p50_ms\":%.3f,\"p99_ms\":%.3f}\n",
        kEvents, levelName, percentileMs(times, 0.50), percentileMs(times, 0.99));
    std::fflush(stdout);
}

void measureOpen(const QString &folder)
{
    // The file of the FULL run: 2,000 events. Opening it runs the read-only
    // check (quick_check) and the migrations' version check.
    const QString path = folder + u"/event_commit_FULL.sqlite"_s;
    QList<qint64> times;
    for (int i = 0; i < 21; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto opened = LocalStore::open(path);
        times.append(timer.nsecsElapsed());
        if (!opened)
            qFatal("cannot reopen the store: %s", qPrintable(opened.refusal().message));
    }
    std::printf("{\"bench\":\"store_open\",\"events\":%d,\"runs\":%lld,\"p50_ms\":%.3f}\n", kEvents,
        qlonglong(times.size()), percentileMs(times, 0.50));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString folder = app.arguments().size() > 1 ? app.arguments().at(1) : temporary.path();
    measure(folder, LocalStore::Synchronous::Full, "FULL");
    measure(folder, LocalStore::Synchronous::Normal, "NORMAL");
    measureOpen(folder);
    return 0;
}
