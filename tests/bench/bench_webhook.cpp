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
#include "callevents.h"
#include "callharness.h"
#include "playbook/playbookloader.h"
#include "recording/zoomwebhooksignature.h"
#include "sequentialposter.h"
#include "testdatabases.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

const QByteArray kSecret = "bench-zoom-secret";
constexpr qint64 kMeeting = 87565330005;

// A call in meeting kMeeting, started an hour ago with consent to record.
bool pushCall(ApiHarness &api, const Playbook &playbook, qint64 startMs)
{
    const auto acme = api.addOrganisation(u"Acme"_s);
    const QString token = api.signIn(api.addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s));
    CallHarness call(playbook);
    call.clock().advance(startMs - call.clock().nowMs());
    if (!call.session().start({ { u"prospectName"_s, u"Dana Whitfield"_s }, { u"clientCount"_s, 620 },
            { u"zoomLink"_s, u"https://us02web.zoom.us/j/%1"_s.arg(kMeeting) } })
        || !call.session().recordConsent(true, u"May I record this call?"_s))
        return false;
    registerCall(api, token, u"bench-"_s, call.events());
    const ApiReply pushed = api.post(
        u"/api/v1/events"_s, QJsonObject{ { u"events"_s, envelopes(call.events(), u"bench-"_s) } }, token);
    return pushed.status == 200 && pushed.json[u"refused"_s].toArray().isEmpty();
}

QByteArray delivery(int index, qint64 recordingStartMs)
{
    const QString start = QDateTime::fromMSecsSinceEpoch(recordingStartMs, Qt::UTC).toString(Qt::ISODate);
    const QString uuid = u"instance-%1=="_s.arg(index);
    QJsonArray files;
    for (const QString &type : { u"M4A"_s, u"MP4"_s }) {
        files.append(QJsonObject{ { u"id"_s, QString(uuid + type) }, { u"meeting_id"_s, uuid },
            { u"recording_start"_s, start }, { u"recording_end"_s, start }, { u"file_type"_s, type },
            { u"file_extension"_s, type }, { u"file_size"_s, 24993120 }, { u"status"_s, u"completed"_s },
            { u"download_url"_s, QString(u"https://example.zoom.us/rec/download/"_s + uuid + type) } });
    }
    return QJsonDocument(
        QJsonObject{ { u"event"_s, u"recording.completed"_s }, { u"download_token"_s, u"token"_s },
            { u"payload"_s,
                QJsonObject{ { u"account_id"_s, u"AcCt1234"_s },
                    { u"object"_s,
                        QJsonObject{ { u"uuid"_s, uuid }, { u"id"_s, kMeeting }, { u"topic"_s, u"Discovery call"_s },
                            { u"start_time"_s, start }, { u"recording_files"_s, files } } } } } })
        .toJson(QJsonDocument::Compact);
}

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
    if (!pushCall(api, playbook, callStart)) {
        std::fprintf(stderr, "bench_webhook: the call could not be stored\n");
        return false;
    }
    const ZoomWebhookSignature signature(kSecret);
    const QByteArray timestamp = QByteArray::number(api.clock().nowMs() / 1000);
    QList<SequentialPoster::Request> requests;
    for (int i = 0; i < deliveries; ++i) {
        const QByteArray body = delivery(i, callStart + 5000);
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
