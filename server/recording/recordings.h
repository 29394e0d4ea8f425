#pragma once

#include "common/result.h"
#include "jobs/jobresult.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class Transaction;

// The call a recording belongs to, as the webhook finds it.
struct RecordedCall
{
    QString callId;
    QString orgId;
    bool consent = false; // the prospect agreed to be recorded
    qint64 startedAt = 0;
};

// A recording the server has been told of; its media comes later.
struct NewRecording
{
    QString orgId;
    QString callId;
    QString source; // zoom, bot, upload
    QString sourceKey;
    qint64 startedAt = 0; // 0: unknown
    qint64 endedAt = 0;
    QString fileType;
    qint64 sizeBytes = -1; // -1: not known yet (an upload says it first)
};

// A recording as stored.
struct RecordingRow
{
    QString id;
    QString orgId;
    QString callId;
    QString source;
    QString state; // pending, stored, failed
    QString fileType;
    QString storageKey; // empty until stored
    qint64 startedAt = 0;
    qint64 sizeBytes = -1;
};

// The recordings table (migration 006): one row per recording of a call,
// from the moment a source announces it.
class Recordings
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::Recordings)

public:
    // A call is matched to a recording whose start lies up to this long
    // before the call's start (the agent started recording first) ...
    static constexpr qint64 kRecordingBeforeCallMs = 60LL * 60 * 1000;
    // ... or up to this long after it (the usual case; long calls).
    static constexpr qint64 kRecordingAfterCallMs = 6LL * 60 * 60 * 1000;

    Recordings(Database &database, const Clock &clock, IdGenerator &ids);

    // The recording a job names (payload recording_id), or why the job
    // cannot go on (the fetch and upload jobs).
    JobResult<RecordingRow> ofJob(const Job &job);

    // Of all calls, in any organisation (run in the system's scope), the one
    // held in the Zoom meeting `meetingNumber` that started nearest to
    // `recordingStartedAt`. A personal meeting room's number comes back
    // call after call; the nearest start tells them apart.
    Result<std::optional<RecordedCall>> findZoomCall(const QString &meetingNumber, qint64 recordingStartedAt);

    // The new recording's id; std::nullopt when the source told of it
    // before (same organisation, source and key), and nothing changed.
    Result<std::optional<QString>> add(Transaction &transaction, const NewRecording &recording);

    // In the caller's tenant scope: another organisation's reads as none.
    Result<std::optional<RecordingRow>> find(const QString &recordingId);
    // The recording a source told of under `sourceKey`, if any.
    Result<std::optional<RecordingRow>> findBySource(const QString &source, const QString &sourceKey);
    // Whether the call's prospect agreed to be recorded (ConsentRecorded).
    Result<bool> hasConsent(const QString &callId);
    // The call's newest recording, if it has one.
    Result<std::optional<RecordingRow>> latestForCall(const QString &callId);
    // Of all calls, in any organisation (run in the system's scope): the
    // call with this id, for a source that names it (a meeting bot's
    // metadata).
    Result<std::optional<RecordedCall>> findCall(const QString &callId);
    // The media is in the recording store under `storageKey`. `startedAt`
    // > 0: when the recording began, for a source that says so only now.
    std::optional<Refusal> markStored(Transaction &transaction, const QString &recordingId, const QString &storageKey,
        qint64 sizeBytes, qint64 startedAt = 0);

private:
    Result<std::optional<RecordedCall>> firstCall(
        const QString &what, const QString &where, const QVariantList &values);
    Result<std::optional<RecordingRow>> first(const QString &what, const QString &where, const QVariantList &values);

    Database &m_database;
    const Clock &m_clock;
    IdGenerator &m_ids;
};

} // namespace callos::server
