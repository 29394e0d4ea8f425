// Prints how fast a call's events reach the people watching it live: the
// time from the server handing a committed batch to the live hub until the
// LAST of N WebSocket subscribers has it, on loopback, with the subscribers
// in a separate process (as browsers and desktops would be):
//   {"bench":"fanout","subscribers":100|1000,"p50_ms":...,"p99_ms":...,"kb_per_connection":...}
// Targets: p99 <= 5 ms at 100 subscribers, <= 50 ms at 1,000.
//
// The server is the real ServerApp on SQLite; the subscribers sign in as the
// organisation's manager and subscribe to one live call. Each round the
// server publishes one real engine event of that call (as the ingest does
// after a commit) and notes the time; the subscriber process notes when each
// socket got it. Both read CLOCK_MONOTONIC, which is one clock for every
// process on the machine. kb_per_connection is the server process's resident
// memory growth per subscribed connection.
//
//   bench_fanout [rounds]        (default 300 per subscriber count)
//   bench_fanout --subscribers N --url ws://... --token T --call ID --rounds R
//                                (the subscriber process; started by the above)
#include "apiharness.h"
#include "callevents.h"
#include "callharness.h"
#include "live/livehub.h"
#include "playbook/playbookloader.h"
#include "testdatabases.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <QWebSocket>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// 1,000 sockets on each side need more descriptors than the usual soft limit.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

qint64 residentKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qMin(values.size() - 1, qsizetype(p * double(values.size()))));
}

// ---- the subscriber process ----

// Opens N sockets, subscribes each to the call, prints "ready", then for each
// "events" message notes the latest arrival over all sockets per round (the
// round is the event's seq). Prints {"round":seq,"last_ns":...} lines when
// every socket has every round.
int runSubscribers(int count, const QUrl &url, const QString &token, const QString &callId, int rounds)
{
    raiseFileLimit();
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    int subscribed = 0;
    qint64 received = 0;
    QHash<qint64, qint64> lastArrival; // seq -> ns
    const qint64 expected = qint64(count) * rounds;
    for (int i = 0; i < count; ++i) {
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket *raw = socket.get();
        QObject::connect(raw, &QWebSocket::connected, raw, [raw, token] {
            raw->sendTextMessage(QString::fromUtf8(
                QJsonDocument(QJsonObject{ { u"type"_s, u"hello"_s }, { u"token"_s, token } }).toJson(QJsonDocument::Compact)));
        });
        QObject::connect(raw, &QWebSocket::textMessageReceived, raw, [&, raw](const QString &text) {
            const qint64 now = monotonicNs();
            // Keys come sorted, so "type" is last: a cheap look at the end.
            if (text.endsWith(u"\"type\":\"events\"}"_s)) {
                // The round is the event's seq; read it without a full parse,
                // so the subscriber process keeps up with 1,000 sockets.
                const qsizetype at = text.indexOf(u"\"seq\":"_s);
                qsizetype end = at + 6;
                while (end < text.size() && text.at(end).isDigit())
                    ++end;
                const qint64 seq = QStringView(text).mid(at + 6, end - at - 6).toLongLong();
                qint64 &last = lastArrival[seq];
                last = qMax(last, now);
                if (++received == expected)
                    QCoreApplication::quit();
                return;
            }
            const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
            const QString type = message[u"type"_s].toString();
            if (type == u"ready"_s)
                raw->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{ { u"type"_s, u"subscribe"_s },
                                                           { u"call"_s, callId } })
                                                           .toJson(QJsonDocument::Compact)));
            else if (type == u"subscribed"_s && ++subscribed == count) {
                std::printf("ready\n");
                std::fflush(stdout);
            } else if (type == u"error"_s) {
                std::fprintf(stderr, "subscriber error: %s\n", qPrintable(text));
            }
        });
        raw->open(url);
        sockets.push_back(std::move(socket));
    }
    QCoreApplication::exec();
    for (auto it = lastArrival.cbegin(); it != lastArrival.cend(); ++it)
        std::printf("{\"round\":%lld,\"last_ns\":%lld}\n", it.key(), it.value());
    std::fflush(stdout);
    return 0;
}

// ---- the server side ----

struct Figures
{
    double p50 = 0;
    double p99 = 0;
    double kbPerConnection = 0;
};

std::optional<Figures> measure(ApiHarness &api, const QString &orgId, const QString &token, const QString &callId,
    const QList<CallEvent> &events, int subscribers, int rounds)
{
    LiveHub &hub = api.app().live();
    const qint64 rssBefore = residentKb();
    QProcess clients;
    clients.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QUrl url = api.url(QString::fromLatin1(LiveHub::kPath));
    url.setScheme(u"ws"_s);
    clients.start(QCoreApplication::applicationFilePath(),
        { u"--subscribers"_s, QString::number(subscribers), u"--url"_s, url.toString(), u"--token"_s, token,
            u"--call"_s, callId, u"--rounds"_s, QString::number(rounds) });
    QElapsedTimer waiting;
    waiting.start();
    while (!clients.canReadLine()) {
        QTest::qWait(5);
        if (waiting.elapsed() > 120000 || clients.state() == QProcess::NotRunning) {
            std::fprintf(stderr, "the subscribers did not get ready (%d watching)\n", hub.watcherCount(orgId, callId));
            return std::nullopt;
        }
    }
    clients.readLine(); // "ready"
    QTest::qWait(200);  // let every socket settle
    const double kbPerConnection = double(residentKb() - rssBefore) / subscribers;

    QHash<qint64, qint64> published; // seq -> ns
    for (int round = 0; round < rounds; ++round) {
        CallEvent event = events.at(round % events.size());
        event.seq = round + 1; // the subscribers key rounds by seq
        const CallUpdate update{ orgId, callId, { event }, false };
        published.insert(event.seq, monotonicNs());
        hub.callUpdated(update);
        // Let the sockets drain between rounds, as events of one call come
        // seconds apart in real life; a round measures one delivery.
        QTest::qWait(subscribers >= 1000 ? 40 : 10);
    }
    if (!clients.waitForFinished(120000)) {
        std::fprintf(stderr, "the subscribers did not get every round\n");
        clients.kill();
        return std::nullopt;
    }
    QList<double> latencies;
    for (const QByteArray &line : clients.readAllStandardOutput().split('\n')) {
        const QJsonObject row = QJsonDocument::fromJson(line).object();
        if (row.isEmpty())
            continue;
        const qint64 seq = row[u"round"_s].toInteger();
        latencies.append(double(row[u"last_ns"_s].toInteger() - published.value(seq)) / 1e6);
    }
    if (latencies.size() != rounds) {
        std::fprintf(stderr, "got %lld of %d rounds\n", static_cast<long long>(latencies.size()), rounds);
        return std::nullopt;
    }
    return Figures{ percentile(latencies, 0.50), percentile(latencies, 0.99), kbPerConnection };
}

int runBench(int rounds)
{
    raiseFileLimit();
    Validated<Playbook> playbook = PlaybookLoader::loadFile(defaultPlaybookPath());
    if (!playbook.ok())
        qFatal("cannot load the default playbook");
    CallHarness call(*playbook.value);
    if (!call.begin() || !call.runToDecision())
        qFatal("the engine could not make a call");

    TestDatabases databases;
    const auto settings = databases.create(DatabaseSettings::Backend::Sqlite);
    if (!settings.ok())
        qFatal("no database: %s", TestDatabases::why(settings).constData());
    ServerApp::Settings app;
    app.live.heartbeat = std::chrono::minutes(5); // no pings inside a measurement
    ApiHarness api(settings.value(), app);
    if (!api.isReady())
        qFatal("no server: %s", qPrintable(api.why()));
    const auto acme = api.addOrganisation(u"Acme"_s);
    const SeededUser agent = api.addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const SeededUser manager = api.addUser(acme.orgId, Role::Manager, u"manager@acme.example"_s);
    const QString agentToken = api.signIn(agent);
    const QString callId = registerCall(api, agentToken, u"fanout-"_s, call.events());
    // The call is live: its first events are on the server.
    api.post(u"/api/v1/events"_s, { { u"events"_s, envelopes(call.events(), u"fanout-"_s, 0, 3) } }, agentToken);
    const QString managerToken = api.signIn(manager);

    for (const int subscribers : { 100, 1000 }) {
        const std::optional<Figures> figures
            = measure(api, acme.orgId, managerToken, callId, call.events(), subscribers, rounds);
        if (!figures)
            return 1;
        std::printf("{\"bench\":\"fanout\",\"subscribers\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f,"
                    "\"kb_per_connection\":%.1f,\"rounds\":%d}\n",
            subscribers, figures->p50, figures->p99, figures->kbPerConnection, rounds);
        std::fflush(stdout);
        // The subscriber process has gone; wait until the server saw it.
        QElapsedTimer closing;
        closing.start();
        while (api.app().live().connectionCount() > 0 && closing.elapsed() < 30000)
            QTest::qWait(20);
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    const qsizetype subscribersAt = arguments.indexOf(u"--subscribers"_s);
    if (subscribersAt > 0) {
        const auto value = [&](const QString &name) { return arguments.value(arguments.indexOf(name) + 1); };
        return runSubscribers(arguments.value(subscribersAt + 1).toInt(), QUrl(value(u"--url"_s)),
            value(u"--token"_s), value(u"--call"_s), value(u"--rounds"_s).toInt());
    }
    const int rounds = arguments.size() > 1 ? arguments.at(1).toInt() : 300;
    return runBench(rounds > 0 ? rounds : 300);
}
