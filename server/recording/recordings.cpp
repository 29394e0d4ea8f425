#include "recording/recordings.h"

#include "jobs/job.h"

#include "common/clock.h"
#include "common/idgenerator.h"
#include "storage/sqlrows.h"
#include "storage/sqltext.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QVariant timeOrNull(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : QVariant();
}

} // namespace

Recordings::Recordings(Database &database, const Clock &clock, IdGenerator &ids)
    : m_database(database)
    , m_clock(clock)
    , m_ids(ids)
{
}

Result<std::optional<RecordedCall>> Recordings::findZoomCall(const QString &meetingNumber, qint64 recordingStartedAt)
{
    return firstCall(tr("finding the call of a Zoom meeting"),
        u"zoom_meeting_id = ? AND started_at BETWEEN ? AND ? ORDER BY abs(started_at - ?), id"_s,
        { meetingNumber, recordingStartedAt - kRecordingAfterCallMs, recordingStartedAt + kRecordingBeforeCallMs,
            recordingStartedAt });
}

Result<std::optional<RecordedCall>> Recordings::findCall(const QString &callId)
{
    return firstCall(tr("finding call %1").arg(callId), u"id = ?"_s, { callId });
}

Result<std::optional<RecordedCall>> Recordings::firstCall(
    const QString &what, const QString &where, const QVariantList &values)
{
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, what,
        u"SELECT id, org_id, recording_consent, started_at FROM calls WHERE "_s + where + u" LIMIT 1"_s, values);
    if (!row)
        return row.refusal();
    if (!row.value())
        return std::optional<RecordedCall>();
    const SqlRows::Row &found = *row.value();
    return std::optional<RecordedCall>(
        RecordedCall{ found.at(0).toString(), found.at(1).toString(), found.at(2).toBool(), found.at(3).toLongLong() });
}

Result<std::optional<QString>> Recordings::add(Transaction &transaction, const NewRecording &recording)
{
    const QString id = m_ids.nextId();
    const qint64 now = m_clock.nowMs();
    const Result<int> added = transaction.execCounting(
        u"INSERT INTO recordings (id, org_id, call_id, source, source_key, started_at, ended_at, file_type, "
        "size_bytes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (org_id, source, source_key) DO NOTHING"_s,
        { id, recording.orgId, recording.callId, recording.source, recording.sourceKey,
            timeOrNull(recording.startedAt), timeOrNull(recording.endedAt), orEmpty(recording.fileType),
            recording.sizeBytes >= 0 ? QVariant(recording.sizeBytes) : QVariant(), now, now });
    if (!added)
        return added.refusal();
    if (added.value() == 0)
        return std::optional<QString>();
    return std::optional<QString>(id);
}

JobResult<RecordingRow> Recordings::ofJob(const Job &job)
{
    const QString recordingId = job.payload.value(u"recording_id"_s).toString();
    if (recordingId.isEmpty())
        return JobFailure::givingUp(tr("The job names no recording."));
    const Result<std::optional<RecordingRow>> found = find(recordingId);
    if (!found)
        return JobFailure::retryLater(found.refusal().message);
    if (!found.value())
        return JobFailure::givingUp(tr("Recording %1 does not exist.").arg(recordingId));
    return *found.value();
}

Result<std::optional<RecordingRow>> Recordings::find(const QString &recordingId)
{
    return first(tr("reading recording %1").arg(recordingId), u"id = ?"_s, { recordingId });
}

Result<std::optional<RecordingRow>> Recordings::findBySource(const QString &source, const QString &sourceKey)
{
    return first(tr("reading the %1 recording %2").arg(source, sourceKey), u"source = ? AND source_key = ?"_s,
        { source, sourceKey });
}

Result<bool> Recordings::hasConsent(const QString &callId)
{
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database,
        tr("reading the consent of call %1").arg(callId), u"SELECT recording_consent FROM calls WHERE id = ?"_s,
        { callId });
    if (!row)
        return row.refusal();
    return row.value() && row.value()->at(0).toBool();
}

Result<std::optional<RecordingRow>> Recordings::latestForCall(const QString &callId)
{
    return first(tr("reading the recordings of call %1").arg(callId), u"call_id = ?"_s, { callId });
}

Result<std::optional<RecordingRow>> Recordings::first(const QString &what, const QString &where, const QVariantList &values)
{
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, what,
        u"SELECT id, org_id, call_id, source, state, file_type, storage_key, started_at, size_bytes "
        "FROM recordings WHERE "_s
            + where + u" ORDER BY created_at DESC, id DESC LIMIT 1"_s,
        values);
    if (!row)
        return row.refusal();
    if (!row.value())
        return std::optional<RecordingRow>();
    const SqlRows::Row &r = *row.value();
    return std::optional<RecordingRow>(RecordingRow{ r.at(0).toString(), r.at(1).toString(), r.at(2).toString(),
        r.at(3).toString(), r.at(4).toString(), r.at(5).toString(), r.at(6).toString(),
        r.at(7).isNull() ? 0 : r.at(7).toLongLong(), r.at(8).isNull() ? -1 : r.at(8).toLongLong() });
}

std::optional<Refusal> Recordings::markStored(
    Transaction &transaction, const QString &recordingId, const QString &storageKey, qint64 sizeBytes, qint64 startedAt)
{
    return transaction.exec(u"UPDATE recordings SET state = 'stored', storage_key = ?, size_bytes = ?, error = '', "
                            "started_at = COALESCE(?, started_at), updated_at = ? WHERE id = ?"_s,
        { storageKey, sizeBytes, timeOrNull(startedAt), m_clock.nowMs(), recordingId });
}

} // namespace callos::server
