#include "api/zoomwebhookroutes.h"

#include "common/clock.h"
#include "config/integrationsettings.h"
#include "http/httprouter.h"
#include "jobs/jobqueue.h"
#include "json/validationerrors.h"
#include "recording/waitingzoomrecordings.h"
#include "recording/zoomrecordingintake.h"
#include "recording/zoomrecordingnotice.h"
#include "runtime/jsonlog.h"
#include "storage/database.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

ApiFailure unauthorized(const QString &code, const QString &message)
{
    return ApiFailure{ Refusal{ code, message }, ApiFailure::Status::Unauthorized, {}, {} };
}

// Seconds since the epoch in plain digits, as Zoom sends them.
std::optional<qint64> timestampSeconds(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 12)
        return std::nullopt;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return text.toLongLong();
}

} // namespace

ZoomWebhookRoutes::ZoomWebhookRoutes(ZoomRecordingIntake &intake, WaitingZoomRecordings &waiting, JsonLog &log,
    const Clock &clock, const QByteArray &secretToken)
    : m_intake(intake)
    , m_waiting(waiting)
    , m_log(log)
    , m_clock(clock)
{
    if (!secretToken.isEmpty())
        m_signature.emplace(secretToken);
}

void ZoomWebhookRoutes::addTo(HttpRouter &router)
{
    router.addSync(HttpExchange::Method::Post, u"/webhooks/zoom"_s, { Access::Public, kMaxBodyBytes },
        [this](HttpExchange &exchange) { return receive(exchange); });
}

ApiAnswer ZoomWebhookRoutes::receive(HttpExchange &exchange)
{
    if (std::optional<ApiFailure> failure = checkSignature(exchange))
        return std::move(*failure);
    // Only now, with the bytes known to be Zoom's, is the body read.
    ApiResult<QJsonObject> body = exchange.jsonObject();
    if (!body)
        return body.failure();
    const QString event = body.value().value(u"event"_s).toString();
    if (event == u"endpoint.url_validation"_s)
        return validateUrl(body.value());
    if (event == u"recording.completed"_s)
        return recordingCompleted(exchange, body.value());
    if (event.isEmpty())
        return ApiFailure::invalidField(u"event"_s, tr("must name the event"));
    return ignored(exchange, u"event_not_handled"_s, { { u"event"_s, event.left(100) } });
}

std::optional<ApiFailure> ZoomWebhookRoutes::checkSignature(const HttpExchange &exchange) const
{
    if (!m_signature)
        return ApiFailure{ Refusal{ u"zoom.not_configured"_s,
                               tr("This server takes no Zoom webhooks: it has no Zoom secret token (%1).")
                                   .arg(QString::fromLatin1(ZoomSettings::kWebhookSecretVariable)) },
            ApiFailure::Status::ServiceUnavailable, {}, {} };
    const QByteArray signature = exchange.header("x-zm-signature").trimmed();
    const QByteArray timestamp = exchange.header("x-zm-request-timestamp").trimmed();
    if (signature.isEmpty() || timestamp.isEmpty())
        return unauthorized(u"webhook.unsigned"_s,
            tr("A Zoom webhook needs the x-zm-signature and x-zm-request-timestamp headers."));
    const std::optional<qint64> seconds = timestampSeconds(timestamp);
    const qint64 nowSeconds = m_clock.nowMs() / 1000;
    if (!seconds || qAbs(nowSeconds - *seconds) > kTimestampWindowSeconds)
        return unauthorized(u"webhook.stale"_s,
            tr("The x-zm-request-timestamp is not within %1 seconds of the server's time.")
                .arg(kTimestampWindowSeconds));
    if (!m_signature->verify(signature, timestamp, exchange.body()))
        return unauthorized(u"webhook.bad_signature"_s, tr("The x-zm-signature does not match the body."));
    return std::nullopt;
}

ApiAnswer ZoomWebhookRoutes::validateUrl(const QJsonObject &body)
{
    const QJsonValue plainToken = body.value(u"payload"_s).toObject().value(u"plainToken"_s);
    if (!plainToken.isString() || plainToken.toString().isEmpty() || plainToken.toString().size() > 1024)
        return ApiFailure::invalidField(u"payload.plainToken"_s, tr("must be the token to encrypt"));
    const QByteArray plain = plainToken.toString().toUtf8();
    return QHttpServerResponse(QJsonObject{ { u"plainToken"_s, plainToken },
        { u"encryptedToken"_s, QString::fromLatin1(m_signature->encryptedToken(plain)) } });
}

ApiAnswer ZoomWebhookRoutes::recordingCompleted(HttpExchange &exchange, const QJsonObject &body)
{
    ValidationErrors errors{ QString() };
    const std::optional<ZoomRecordingNotice> notice = ZoomRecordingNotice::read(body, errors);
    if (!notice)
        return ApiFailure::invalid(errors);
    const Result<ZoomIntakeOutcome> taken = m_intake.take(*notice);
    if (!taken)
        return ApiFailure::internal(taken.refusal());
    QJsonObject fields{ { u"meeting"_s, notice->meetingNumber } };
    if (!taken.value().callId.isEmpty())
        fields.insert(u"call_id"_s, taken.value().callId);
    switch (taken.value().kind) {
    case ZoomIntakeOutcome::Kind::Accepted:
        return QHttpServerResponse(
            QJsonObject{ { u"status"_s, u"accepted"_s }, { u"recording_id"_s, taken.value().recordingId } });
    case ZoomIntakeOutcome::Kind::Duplicate:
        return QHttpServerResponse(QJsonObject{ { u"status"_s, u"duplicate"_s } });
    case ZoomIntakeOutcome::Kind::NoCall:
        // Its desktop may not have sent the call yet: it waits for it.
        if (auto refusal = m_waiting.keep(*notice, exchange.body()))
            return ApiFailure::internal(*refusal);
        fields.insert(u"request_id"_s, exchange.requestId());
        m_log.write(u"info"_s, u"zoom.recording_waiting"_s, fields);
        return QHttpServerResponse(QJsonObject{ { u"status"_s, u"waiting"_s }, { u"reason"_s, u"no_call"_s } });
    case ZoomIntakeOutcome::Kind::NoAudio:
    case ZoomIntakeOutcome::Kind::NoConsent:
        break;
    }
    return ignored(exchange, taken.value().code(), fields);
}

ApiAnswer ZoomWebhookRoutes::ignored(const HttpExchange &exchange, const QString &reason, const QJsonObject &fields)
{
    QJsonObject logged = fields;
    logged.insert(u"reason"_s, reason);
    logged.insert(u"request_id"_s, exchange.requestId());
    m_log.write(u"info"_s, u"zoom.webhook_ignored"_s, logged);
    return QHttpServerResponse(QJsonObject{ { u"status"_s, u"ignored"_s }, { u"reason"_s, reason } });
}

} // namespace callos::server
