#pragma once

#include "jobs/jobhandler.h"

#include <QCoreApplication>

namespace callos::server {

class Database;
class JobQueue;
class LocalTranscriber;
class RecordingStore;
class Recordings;
class Transcripts;
struct Transcript;

// The job "recording.transcribe" {recording_id}: the stored recording's
// transcript, then the call's analysis is queued ("call.analyse"), both in
// one transaction. Offline (no AssemblyAI key) the LocalTranscriber makes
// it on this machine.
//
// Idempotent: a recording that has its transcript only makes sure the
// analysis is queued (the queue's dedupe key keeps it one job).
class TranscribeHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::TranscribeHandler)

public:
    static constexpr auto kKind = "recording.transcribe";
    static constexpr auto kAnalyseKind = "call.analyse";

    TranscribeHandler(Database &database, Recordings &recordings, Transcripts &transcripts, JobQueue &queue,
        RecordingStore &store, LocalTranscriber &transcriber);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

private:
    // Stores `transcript` (unless null: stored before) and queues the
    // call's analysis, in one transaction.
    std::optional<JobFailure> queueAnalysis(
        const Job &job, const QString &recordingId, const QString &callId, const Transcript *transcript);

    Database &m_database;
    Recordings &m_recordings;
    Transcripts &m_transcripts;
    JobQueue &m_queue;
    RecordingStore &m_store;
    LocalTranscriber &m_transcriber;
};

} // namespace callos::server
