#include "api/uploadroutes.h"

#include "api/visiblecall.h"
#include "audit/auditlog.h"
#include "calls/callrepository.h"
#include "http/httprouter.h"
#include "http/jsonrequest.h"
#include "jobs/jobqueue.h"
#include "recording/audiofiletypes.h"
#include "recording/recordings.h"
#include "recording/uploadedparts.h"
#include "recording/uploadedrecordinghandler.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

struct UploadRequest
{
    QString uploadKey;
    QString fileName;
    QString fileType;
    qint64 sizeBytes = 0;
    qint64 startedAt = 0;
};

constexpr auto kSource = "upload";

} // namespace

UploadRoutes::UploadRoutes(Parts parts)
    : m_parts(parts)
{
}

void UploadRoutes::addTo(HttpRouter &router)
{
    using Method = HttpExchange::Method;
    router.addSync(Method::Post, u"/api/v1/calls/{id}/recording-uploads"_s, { Access::Agent, 4096 },
        [this](HttpExchange &exchange) { return begin(exchange); });
    router.addSync(Method::Put, u"/api/v1/recordings/{id}/upload"_s, { Access::Agent, kChunkBytes },
        [this](HttpExchange &exchange) { return putChunk(exchange); });
    router.addSync(Method::Get, u"/api/v1/recordings/{id}/upload"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return status(exchange); });
}

ApiAnswer UploadRoutes::begin(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const ApiResult<CallRow> call = findVisibleCall(m_parts.calls, who, exchange.param(0));
    if (!call)
        return call.failure();
    const ApiResult<UploadRequest> request = readJsonBody<UploadRequest>(exchange, [](JsonObjectReader &reader) {
        UploadRequest out;
        out.uploadKey = reader.string(u"upload_key"_s).value_or(QString());
        if (reader.has(u"upload_key"_s) && (out.uploadKey.isEmpty() || out.uploadKey.size() > 100))
            reader.addError(u"upload_key"_s, tr("must be 1 to 100 characters"));
        out.fileName = reader.string(u"file_name"_s).value_or(QString());
        out.fileType = AudioFileTypes::extensionOf(out.fileName);
        if (reader.has(u"file_name"_s) && out.fileType.isEmpty())
            reader.addError(u"file_name"_s,
                tr("must be an audio or video file: %1").arg(AudioFileTypes::extensions().join(u", "_s)));
        out.sizeBytes = reader.integer(u"size_bytes"_s, Presence::Required, 1, kMaxFileBytes).value_or(0);
        out.startedAt = reader.integer(u"started_at"_s, Presence::Optional, 1, 4102444800000).value_or(0);
        return out;
    });
    if (!request)
        return request.failure();
    const Result<bool> consent = m_parts.recordings.hasConsent(call.value().id);
    if (!consent)
        return ApiFailure::internal(consent.refusal());
    if (!consent.value())
        return ApiFailure::conflict(u"recording.no_consent"_s,
            tr("The prospect did not agree to be recorded in call %1, so no recording of it is kept.")
                .arg(call.value().id));

    // The key is the client's: a POST resent after a lost answer finds the
    // upload it began.
    const UploadRequest &upload = request.value();
    const Result<std::optional<RecordingRow>> earlier = m_parts.recordings.findBySource(
        QString::fromLatin1(kSource), call.value().id + u'/' + upload.uploadKey);
    if (!earlier)
        return ApiFailure::internal(earlier.refusal());
    if (earlier.value())
        return QHttpServerResponse(progressOf(*earlier.value()));

    Transaction transaction(m_parts.database, tr("Starting an upload of call %1").arg(call.value().id));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    // Recorded elsewhere: unless told, it began with the call.
    const qint64 startedAt = upload.startedAt > 0 ? upload.startedAt : call.value().startedAt.value_or(0);
    const Result<std::optional<QString>> added = m_parts.recordings.add(transaction,
        NewRecording{ who.orgId, call.value().id, QString::fromLatin1(kSource),
            call.value().id + u'/' + upload.uploadKey, startedAt, 0, upload.fileType, upload.sizeBytes });
    if (!added)
        return ApiFailure::internal(added.refusal());
    if (!added.value())
        return ApiFailure::conflict(u"upload.in_progress"_s, tr("This upload was started a moment ago; ask again."));
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    return QHttpServerResponse(progressOf(*added.value(), upload.sizeBytes, 0), QHttpServerResponse::StatusCode::Created);
}

ApiAnswer UploadRoutes::putChunk(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const ApiResult<RecordingRow> recording =
        findVisibleRecording(m_parts.calls, m_parts.recordings, who, exchange.param(0));
    if (!recording)
        return recording.failure();
    const RecordingRow &row = recording.value();
    if (row.source != QLatin1StringView(kSource))
        return ApiFailure::conflict(u"upload.not_an_upload"_s, tr("This recording did not come from an upload."));
    if (row.state != u"pending"_s)
        return ApiFailure::conflict(u"upload.finished"_s, tr("This recording is uploaded completely already."));
    if (exchange.header("Content-Type") != "application/octet-stream")
        return ApiFailure{ Refusal{ u"request.unsupported_media_type"_s,
                               tr("Send the part as it is, with Content-Type: application/octet-stream.") },
            ApiFailure::Status::UnsupportedMediaType, {}, {} };
    bool numeric = false;
    const qint64 offset = exchange.query().queryItemValue(u"offset"_s).toLongLong(&numeric);
    if (!numeric || offset < 0)
        return ApiFailure::invalidField(u"offset"_s, tr("must be the byte the part starts at (0 or more)"));
    if (exchange.body().isEmpty())
        return ApiFailure::invalidField(u"body"_s, tr("must not be empty"));
    if (offset + exchange.body().size() > row.sizeBytes)
        return ApiFailure::invalidField(u"body"_s,
            tr("ends at byte %1, after the %2 bytes the upload was begun with")
                .arg(offset + exchange.body().size())
                .arg(row.sizeBytes));

    const Result<UploadedParts::Appended> appended = m_parts.parts.append(row.id, offset, exchange.body());
    if (!appended) {
        if (appended.refusal().code == u"upload.offset_mismatch"_s)
            return ApiFailure{ appended.refusal(), ApiFailure::Status::Conflict,
                QJsonObject{ { u"received_bytes"_s, m_parts.parts.received(row.id) } }, {} };
        return ApiFailure::internal(appended.refusal());
    }
    if (appended.value().received == row.sizeBytes) {
        // The whole file: store and transcribe it as any recording. Queued
        // again after a resent last part (the job is one per recording);
        // audited once.
        Transaction transaction(m_parts.database, tr("Finishing the upload of recording %1").arg(row.id));
        if (auto refusal = transaction.begin())
            return ApiFailure::internal(*refusal);
        const Result<QString> job = m_parts.jobs.enqueue(transaction,
            NewJob{ row.orgId, QString::fromLatin1(UploadedRecordingHandler::kKind), QJsonObject{ { u"recording_id"_s, row.id } }, row.id, 8, 0 });
        if (!job)
            return ApiFailure::internal(job.refusal());
        if (!appended.value().duplicate) {
            if (auto refusal = m_parts.audit.record(transaction,
                    AuditEntry{ who.orgId, who.userId, u"recording.uploaded"_s, row.callId,
                        QJsonObject{ { u"recording_id"_s, row.id }, { u"size_bytes"_s, row.sizeBytes } }, 0, 0 }))
                return ApiFailure::internal(*refusal);
        }
        if (auto refusal = transaction.commit())
            return ApiFailure::internal(*refusal);
    }
    return QHttpServerResponse(progressOf(row.id, row.sizeBytes, appended.value().received));
}

ApiAnswer UploadRoutes::status(HttpExchange &exchange)
{
    const ApiResult<RecordingRow> recording =
        findVisibleRecording(m_parts.calls, m_parts.recordings, exchange.principal(), exchange.param(0));
    if (!recording)
        return recording.failure();
    if (recording.value().source != QLatin1StringView(kSource))
        return ApiFailure::conflict(u"upload.not_an_upload"_s, tr("This recording did not come from an upload."));
    return QHttpServerResponse(progressOf(recording.value()));
}

QJsonObject UploadRoutes::progressOf(const RecordingRow &recording) const
{
    // Once stored, the part file has gone into the recording store.
    if (recording.state != u"pending"_s)
        return progressOf(recording.id, recording.sizeBytes, recording.sizeBytes);
    return progressOf(recording.id, recording.sizeBytes, m_parts.parts.received(recording.id));
}

QJsonObject UploadRoutes::progressOf(const QString &recordingId, qint64 sizeBytes, qint64 received) const
{
    return { { u"recording_id"_s, recordingId }, { u"received_bytes"_s, received }, { u"size_bytes"_s, sizeBytes },
        { u"chunk_bytes"_s, kChunkBytes }, { u"complete"_s, received == sizeBytes } };
}

} // namespace callos::server
