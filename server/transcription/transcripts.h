#pragma once

#include "common/result.h"
#include "transcription/transcript.h"

#include <QCoreApplication>

#include <optional>

namespace callos {
class Clock;
}

namespace callos::server {

class Database;
class Transaction;

// A recording's transcript row.
struct TranscriptRow
{
    QString recordingId;
    QString orgId;
    QString callId;
    QString state; // requested, completed, failed
    QString externalId; // AssemblyAI's transcript id
    QString error;
    Transcript transcript; // utterances when completed
};

// The transcripts table (migration 007): one per recording.
class Transcripts
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::Transcripts)

public:
    Transcripts(Database &database, const Clock &clock);

    // In the caller's tenant scope.
    Result<std::optional<TranscriptRow>> find(const QString &recordingId);
    // The transcript an external service knows as `externalId`, in any
    // organisation (run in the system's scope: its webhook names no
    // organisation).
    Result<std::optional<TranscriptRow>> findByExternalId(const QString &engine, const QString &externalId);
    // The whole transcript (an offline one, or AssemblyAI's when done);
    // replaces what the row held.
    std::optional<Refusal> saveCompleted(Transaction &transaction, const QString &recordingId, const QString &orgId,
        const QString &callId, const Transcript &transcript);
    // Asked of an external service, which answers later under `externalId`.
    std::optional<Refusal> saveRequested(Transaction &transaction, const QString &recordingId, const QString &orgId,
        const QString &callId, const QString &engine, const QString &externalId);
    std::optional<Refusal> saveFailed(Transaction &transaction, const QString &recordingId, const QString &error);
    // A failed transcript goes, so its recording is transcribed again.
    std::optional<Refusal> removeFailed(Transaction &transaction, const QString &recordingId);

private:
    Result<std::optional<TranscriptRow>> first(const QString &what, const QString &where, const QVariantList &values);

    Database &m_database;
    const Clock &m_clock;
};

} // namespace callos::server
