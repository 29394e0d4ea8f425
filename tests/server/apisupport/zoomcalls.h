#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace callos {
struct Playbook;
}

namespace callos::test {

class ApiHarness;
struct ApiReply;

// Calls held in Zoom and Zoom's recording webhooks, for the tests and
// benchmarks of the recording pipeline.
namespace zoomcalls {

// The meeting the tests' calls are held in, Zoom's secret token that signs
// their webhooks, and the download token a recording comes with.
inline const QString kMeeting = QStringLiteral("87565330005");
inline const QString kZoomLink = QStringLiteral("https://us02web.zoom.us/j/87565330005?pwd=Zk9xQ2");
inline const QByteArray kSecret = "acme-zoom-secret";
inline const QByteArray kDownloadToken = "download-token-of-the-day";

// The files of a recording that began at `startMs`, each downloadable at
// `downloadBase` + file id: an audio file (<uuid>-m4a), a video
// (<uuid>-mp4) and a timeline, as Zoom lists them.
QJsonArray recordingFiles(const QString &uuid, qint64 startMs, const QString &downloadBase);

// recording.completed as Zoom sends it (../shared/reference/zoom) for
// meeting `meeting`, instance `uuid`, with the download token at the top.
QJsonObject recordingCompleted(const QString &meeting, const QString &uuid, qint64 startMs,
    const QJsonArray &files, const QString &downloadToken);

// POST /webhooks/zoom signed with `secret`, as Zoom signs: at the server's
// time unless `timestampSeconds` says otherwise.
ApiReply deliver(ApiHarness &api, const QByteArray &body, const QByteArray &secret,
    std::optional<qint64> timestampSeconds = std::nullopt);

// A call the agent signed in with `token` started at `startMs` for a
// prospect with `zoomLink`, with consent to record when `consent`, pushed
// through the API from a desktop of its own; the call's id on the server
// (empty on failure, with a warning).
QString pushCall(ApiHarness &api, const Playbook &playbook, const QString &token, const QString &prefix,
    const QString &zoomLink, bool consent, qint64 startMs);

// What the agent asks in pushCall's consent.
QString consentWording();

} // namespace zoomcalls
} // namespace callos::test
