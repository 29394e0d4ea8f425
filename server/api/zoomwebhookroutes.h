#pragma once

#include "http/httpexchange.h"
#include "recording/zoomwebhooksignature.h"

#include <QCoreApplication>

#include <optional>

namespace callos {
class Clock;
}

namespace callos::server {

class HttpRouter;
class JsonLog;
class WaitingZoomRecordings;
class ZoomRecordingIntake;

// Zoom's webhooks: POST /webhooks/zoom (public; Zoom signs every delivery
// with the app's secret token).
//
// Refused with nothing stored, before the body is read as JSON:
//   503 zoom.not_configured   no CALLOS_ZOOM_WEBHOOK_SECRET on this server
//   401 webhook.unsigned      no x-zm-signature or x-zm-request-timestamp
//   401 webhook.stale         the timestamp is more than 300 s from now
//   401 webhook.bad_signature the signature does not cover these bytes
// then 400 for a body that is no JSON object or lacks what the event needs.
//
// endpoint.url_validation is answered {plainToken, encryptedToken}.
// recording.completed for a call that is found and has the prospect's
// consent adds a recording and a job that fetches its audio
// (ZoomRecordingIntake):
//   200 {"status":"accepted","recording_id"}
// No call for the meeting yet (its desktop has not sent it): the notice
// waits for the call (WaitingZoomRecordings):
//   200 {"status":"waiting","reason":"no_call"}
// Every other case also answers 200, so Zoom does not deliver it again,
// with what happened ("duplicate", or "ignored" and a reason, also logged):
// a delivery seen before, no consent, no audio, another event.
class ZoomWebhookRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ZoomWebhookRoutes)

public:
    // Zoom's own window is not documented; 300 s is our policy.
    static constexpr qint64 kTimestampWindowSeconds = 300;
    // A recording with a hundred files is far below this.
    static constexpr qint64 kMaxBodyBytes = 256 * 1024;
    ZoomWebhookRoutes(ZoomRecordingIntake &intake, WaitingZoomRecordings &waiting, JsonLog &log, const Clock &clock,
        const QByteArray &secretToken);

    void addTo(HttpRouter &router);

private:
    ApiAnswer receive(HttpExchange &exchange);
    std::optional<ApiFailure> checkSignature(const HttpExchange &exchange) const;
    ApiAnswer validateUrl(const QJsonObject &body);
    ApiAnswer recordingCompleted(HttpExchange &exchange, const QJsonObject &body);
    ApiAnswer ignored(const HttpExchange &exchange, const QString &reason, const QJsonObject &fields);

    ZoomRecordingIntake &m_intake;
    WaitingZoomRecordings &m_waiting;
    JsonLog &m_log;
    const Clock &m_clock;
    std::optional<ZoomWebhookSignature> m_signature; // none: not configured
};

} // namespace callos::server
