#include "api/zoomwebhookroutes.h"

#include "common/clock.h"
#include "config/integrationsettings.h"
#include "http/httprouter.h"
#include "jobs/jobqueue.h"
#include "json/validationerrors.h"
#include "recording/recordings.h"
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

ZoomWebhookRoutes::ZoomWebhookRoutes(Database &database, Recordings &recordings, JobQueue &jobs, JsonLog &log,
    const Clock &clock, const QByteArray &secretToken)
    : m_database(database)
    , m_recordings(recordings)
    , m_jobs(jobs)
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
    const QJsonObject meeting{ { u"meeting"_s, notice->meetingNumber } };

    const ZoomRecordingFile *audio = notice->audioFile();
    if (!audio)
        return ignored(exchange, u"no_audio"_s, meeting);
    const qint64 recordingStart = audio->startedAt > 0 ? audio->startedAt : notice->startedAt;
    const Result<std::optional<RecordedCall>> found = m_recordings.findZoomCall(
        notice->meetingNumber, recordingStart > 0 ? recordingStart : m_clock.nowMs());
    if (!found)
        return ApiFailure::internal(found.refusal());
    if (!found.value())
        return ignored(exchange, u"no_call"_s, meeting);
    const RecordedCall &call = *found.value();
    QJsonObject callFields = meeting;
    callFields.insert(u"call_id"_s, call.callId);
    // No consent, no recording: the media is never fetched.
    if (!call.consent)
        return ignored(exchange, u"no_consent"_s, callFields);

    const TenantScope::Entered scope = m_database.tenantScope().enterOrganisation(call.orgId);
    Transaction transaction(m_database, tr("Adding the Zoom recording of call %1").arg(call.callId));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<std::optional<QString>> added = m_recordings.add(transaction,
        NewRecording{ call.orgId, call.callId, u"zoom"_s, notice->dedupeKey(), recordingStart, audio->endedAt,
            audio->fileType });
    if (!added)
        return ApiFailure::internal(added.refusal());
    if (!added.value()) {
        transaction.abort(Refusal{});
        return QHttpServerResponse(QJsonObject{ { u"status"_s, u"duplicate"_s } });
    }
    const QString recordingId = *added.value();
    // The download token is a secret for 24 h: it lives in the job (which
    // no API shows) and nowhere else.
    QJsonObject payload{ { u"recording_id"_s, recordingId }, { u"call_id"_s, call.callId },
        { u"url"_s, audio->downloadUrl }, { u"file_type"_s, audio->fileType } };
    if (!notice->downloadToken.isEmpty())
        payload.insert(u"download_token"_s, notice->downloadToken);
    const Result<QString> job = m_jobs.enqueue(transaction,
        NewJob{ call.orgId, QString::fromLatin1(kFetchJobKind), payload, recordingId, 8, 0 });
    if (!job)
        return ApiFailure::internal(job.refusal());
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    return QHttpServerResponse(QJsonObject{ { u"status"_s, u"accepted"_s }, { u"recording_id"_s, recordingId } });
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
