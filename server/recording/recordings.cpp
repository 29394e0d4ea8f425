#include "recording/recordings.h"

#include "common/clock.h"
#include "common/idgenerator.h"
#include "storage/sqlrows.h"
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
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, tr("finding the call of a Zoom meeting"),
        u"SELECT id, org_id, recording_consent, started_at FROM calls "
        "WHERE zoom_meeting_id = ? AND started_at BETWEEN ? AND ? "
        "ORDER BY abs(started_at - ?), id LIMIT 1"_s,
        { meetingNumber, recordingStartedAt - kRecordingAfterCallMs, recordingStartedAt + kRecordingBeforeCallMs,
            recordingStartedAt });
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
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (org_id, source, source_key) DO NOTHING"_s,
        { id, recording.orgId, recording.callId, recording.source, recording.sourceKey,
            timeOrNull(recording.startedAt), timeOrNull(recording.endedAt), recording.fileType, now, now });
    if (!added)
        return added.refusal();
    if (added.value() == 0)
        return std::optional<QString>();
    return std::optional<QString>(id);
}

} // namespace callos::server
