// Prints how long Zoom waits for POST /webhooks/zoom, from request to 200,
// through the real HTTP endpoint on loopback, once per backend:
//   {"bench":"webhook","backend":"sqlite"|"postgresql","p99_ms":...,"p50_ms":...,"deliveries":...}
// Target: p99 <= 5 ms.
//
// Each delivery is a signed recording.completed of its own meeting instance
// for a call with the prospect's consent: the full path (signature, JSON,
// finding the call, adding the recording and its fetch job in one
// transaction). The server is the real ServerApp on the main thread; the
// deliveries come one after another from another thread, as from Zoom.
//
//   bench_webhook [deliveries [sqlite|postgresql]]   (default 2,000, both)
#include "apiharness.h"
#include "benchbackends.h"
#include "playbook/playbookloader.h"
#include "recording/zoomwebhooksignature.h"
#include "sequentialposter.h"
#include "testdatabases.h"
#include "testpaths.h"
#include "zoomcalls.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

const QByteArray kSecret = "bench-zoom-secret";
constexpr qint64 kMeeting = 87565330005;

bool measure(const QString &backendName, const DatabaseSettings &settings, const Playbook &playbook, int deliveries)
{
    ServerApp::Settings appSettings;
    appSettings.integrations.zoom.webhookSecret = kSecret;
    ApiHarness api(settings, appSettings);
    if (!api.isReady()) {
        std::fprintf(stderr, "bench_webhook: %s: %s\n", qPrintable(backendName), qPrintable(api.why()));
        return false;
    }
    const qint64 callStart = api.clock().nowMs() - 60 * 60000;
    const auto acme = api.addOrganisation(u"Acme"_s);
    const QString token = api.signIn(api.addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s));
    if (zoomcalls::pushCall(api, playbook, token, u"bench-"_s, u"https://us02web.zoom.us/j/%1"_s.arg(kMeeting), true,
            callStart).isEmpty()) {
        std::fprintf(stderr, "bench_webhook: the call could not be stored\n");
        return false;
    }
    const ZoomWebhookSignature signature(kSecret);
    const QByteArray timestamp = QByteArray::number(api.clock().nowMs() / 1000);
    QList<SequentialPoster::Request> requests;
    for (int i = 0; i < deliveries; ++i) {
        const QString uuid = u"instance-%1=="_s.arg(i);
        const QByteArray body = QJsonDocument(zoomcalls::recordingCompleted(QString::number(kMeeting), uuid,
                                                  callStart + 5000,
                                                  zoomcalls::recordingFiles(uuid, callStart + 5000,
                                                      u"https://example.zoom.us/rec/download/"_s),
                                                  u"token"_s))
                                    .toJson(QJsonDocument::Compact);
        requests.append({ body,
            { { "x-zm-signature", signature.sign(timestamp, body) }, { "x-zm-request-timestamp", timestamp } } });
    }
    SequentialPoster zoom(api.url(u"/webhooks/zoom"_s), requests);
    postWhileServing(zoom);
    for (const SequentialPoster::Answer &answer : std::as_const(zoom.answers)) {
        if (answer.status != 200 || !answer.body.contains("\"accepted\"")) {
            std::fprintf(stderr, "bench_webhook: a delivery was not accepted: %d %s\n", answer.status,
                answer.body.constData());
            return false;
        }
    }
    std::printf("{\"bench\":\"webhook\",\"backend\":\"%s\",\"p99_ms\":%.2f,\"p50_ms\":%.2f,\"deliveries\":%d}\n",
        qPrintable(backendName), percentileMs(zoom.nanoseconds, 0.99), percentileMs(zoom.nanoseconds, 0.5),
        deliveries);
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int deliveries = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 2000;
    const QString only = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    if (!loaded.ok()) {
        std::fprintf(stderr, "bench_webhook: %s\n", qPrintable(loaded.messages().join(u'\n')));
        return 1;
    }
    const bool ok = measureOnBackends("bench_webhook", only, [&](const QString &backend, const DatabaseSettings &settings) {
        return measure(backend, settings, *loaded.value, deliveries);
    });
    return ok ? 0 : 1;
}
