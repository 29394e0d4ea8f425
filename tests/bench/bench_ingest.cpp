// Prints how many call events per second POST /api/v1/events takes, through
// the real HTTP endpoint on loopback, in batches of 100, once per backend:
//   {"bench":"ingest","backend":"sqlite"|"postgresql","events_per_s":...,"events":...,"p50_batch_ms":...}
// Targets: >= 20,000/s on SQLite, >= 10,000/s on PostgreSQL.
//
// The server is the real ServerApp (what main builds) on the main thread; the
// client posts from its own thread, as a desktop would from another machine.
// The events are whole calls made by the real engine (the default playbook),
// so every one is checked by the reducer and lands in the read models.
// PostgreSQL: a throwaway cluster is started with scripts/test-postgres.
//
//   bench_ingest [events [sqlite|postgresql]]   (default 20,000, both)
#include "apiharness.h"
#include "benchbackends.h"
#include "sequentialposter.h"
#include "call/calleventcodec.h"
#include "callharness.h"
#include "common/idgenerator.h"
#include "playbook/playbookloader.h"
#include "testdatabases.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

constexpr int kBatch = 100;

struct Workload
{
    QStringList callIds;
    QList<QByteArray> batches; // request bodies
    int events = 0;
};

// Enough finished calls for `events` events, each id a fresh one, cut into
// batches of 100 in each call's order.
Workload makeWorkload(const Playbook &playbook, int events)
{
    // The ids a desktop makes (time-ordered UUIDs), not the harness's own.
    UuidGenerator ids;
    Workload workload;
    QJsonArray pending;
    while (workload.events < events) {
        CallHarness call(playbook);
        if (!call.begin() || !call.runToDecision() || !call.session().recordDecision(DecisionOption::Proceed)
            || !call.fillMilestone(call.state().current) || !call.session().completeCall())
            qFatal("the engine could not make a call");
        const QString callId = ids.nextId();
        // Each harness numbers its events from 1: one device per call keeps
        // (device, seq) unique, as one real device numbering all its calls does.
        const QString deviceId = ids.nextId();
        workload.callIds.append(callId);
        for (const CallEvent &event : call.events()) {
            QJsonObject json = CallEventCodec::toJson(event);
            json[u"id"_s] = ids.nextId();
            json[u"callId"_s] = callId;
            json[u"deviceId"_s] = deviceId;
            pending.append(json);
            ++workload.events;
            if (pending.size() == kBatch) {
                workload.batches.append(QJsonDocument(QJsonObject{ { u"events"_s, pending } }).toJson(QJsonDocument::Compact));
                pending = QJsonArray();
            }
        }
    }
    if (!pending.isEmpty())
        workload.batches.append(QJsonDocument(QJsonObject{ { u"events"_s, pending } }).toJson(QJsonDocument::Compact));
    return workload;
}

bool measure(const QString &backendName, const DatabaseSettings &settings, const Playbook &playbook, int events)
{
    ApiHarness api(settings);
    if (!api.isReady()) {
        std::fprintf(stderr, "bench_ingest: %s: %s\n", qPrintable(backendName), qPrintable(api.why()));
        return false;
    }
    const auto acme = api.addOrganisation(u"Acme"_s);
    const SeededUser agent = api.addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = api.signIn(agent);
    const Workload workload = makeWorkload(playbook, events);
    const QString prospectId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    api.put(u"/api/v1/prospects/"_s + prospectId, QJsonObject{ { u"name"_s, u"Dana Reyes"_s } }, token);
    for (const QString &callId : workload.callIds) {
        const ApiReply reply = api.put(u"/api/v1/calls/"_s + callId, QJsonObject{ { u"prospect_id"_s, prospectId } }, token);
        if (reply.status != 200 && reply.status != 201) {
            std::fprintf(stderr, "bench_ingest: cannot create a call: %s\n", reply.body.constData());
            return false;
        }
    }

    QList<SequentialPoster::Request> requests;
    for (const QByteArray &body : workload.batches)
        requests.append({ body, { { "Authorization", "Bearer " + token.toLatin1() } } });
    SequentialPoster pusher(api.url(u"/api/v1/events"_s), requests);
    postWhileServing(pusher);
    int failed = 0;
    int refused = 0;
    for (const SequentialPoster::Answer &answer : std::as_const(pusher.answers)) {
        const QJsonArray refusals = QJsonDocument::fromJson(answer.body).object().value(u"refused"_s).toArray();
        if ((answer.status != 200 || !refusals.isEmpty()) && failed + refused == 0)
            std::fprintf(stderr, "bench_ingest: first failure: %d %s\n", answer.status, answer.body.constData());
        failed += answer.status != 200 ? 1 : 0;
        refused += int(refusals.size());
    }
    if (failed > 0 || refused > 0) {
        std::fprintf(stderr, "bench_ingest: %d batches failed, %d events refused\n", failed, refused);
        return false;
    }
    // The server's own time per batch, from its request log.
    QList<qint64> serverMs;
    for (const QByteArray &line : api.logText().split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (entry.value(u"path"_s).toString() == u"/api/v1/events"_s)
            serverMs.append(entry.value(u"duration_ms"_s).toInteger());
    }
    std::sort(serverMs.begin(), serverMs.end());
    const double seconds = double(pusher.totalNs) / 1e9;
    std::printf("{\"bench\":\"ingest\",\"backend\":\"%s\",\"events_per_s\":%.0f,\"events\":%d,\"batch\":%d,"
                "\"p50_batch_ms\":%.2f,\"p99_batch_ms\":%.2f,\"server_p50_batch_ms\":%lld}\n",
        qPrintable(backendName), double(workload.events) / seconds, workload.events, kBatch,
        percentileMs(pusher.nanoseconds, 0.5), percentileMs(pusher.nanoseconds, 0.99),
        serverMs.isEmpty() ? -1LL : static_cast<long long>(serverMs.at(serverMs.size() / 2)));
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int events = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20000;
    const QString only = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    if (!loaded.ok()) {
        std::fprintf(stderr, "bench_ingest: %s\n", qPrintable(loaded.messages().join(u'\n')));
        return 1;
    }
    const bool ok = measureOnBackends("bench_ingest", only, [&](const QString &backend, const DatabaseSettings &settings) {
        return measure(backend, settings, *loaded.value, events);
    });
    return ok ? 0 : 1;
}
