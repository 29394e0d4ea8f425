#pragma once

#include "jobs/jobhandler.h"
#include "transcription/assemblyaiclient.h"

#include <QCoreApplication>

namespace callos::server {

class Database;
class JobQueue;
class LocalTranscriber;
class RecordingStore;
class Recordings;
class TranscriptCompletion;
class Transcripts;
struct RecordingRow;

// The job "recording.transcribe" {recording_id}, for a stored recording:
// - with AssemblyAI (a key is set): uploads the audio, asks for a
//   transcript with two speakers (and the webhook, when the server has a
//   public address), records the request and queues "transcript.collect",
//   which fetches the result when AssemblyAI's webhook says it is done -
//   or, as a fallback, when its poll comes due;
// - offline: the LocalTranscriber (pocketsphinx) makes the transcript here,
//   and the call's analysis is queued (TranscriptCompletion).
//
// Idempotent: a recording whose transcript is stored or requested only
// makes sure the next job is queued. (A crash between AssemblyAI's answer
// and the commit asks AssemblyAI a second time: one transcript is stored.)
class TranscribeHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::TranscribeHandler)

public:
    static constexpr auto kKind = "recording.transcribe";
    static constexpr auto kCollectKind = "transcript.collect";
    // The fallback poll when no webhook can come (no public address), and
    // when one should have come already.
    static constexpr qint64 kPollWithoutWebhookMs = 30 * 1000;
    static constexpr qint64 kPollWithWebhookMs = 10 * 60 * 1000;

    // `assemblyAi` null: offline with `transcriber`.
    TranscribeHandler(Database &database, Recordings &recordings, Transcripts &transcripts, JobQueue &queue,
        RecordingStore &store, TranscriptCompletion &completion, LocalTranscriber &transcriber,
        AssemblyAiClient *assemblyAi, AssemblyAiTranscriptOptions assemblyAiOptions, const Clock &clock);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

private:
    std::optional<JobFailure> askAssemblyAi(const RecordingRow &recording, const QString &localPath);
    // Records the request (unless `externalId` is empty: recorded before)
    // and queues the collection.
    std::optional<JobFailure> queueCollection(const RecordingRow &recording, const QString &externalId);

    Database &m_database;
    Recordings &m_recordings;
    Transcripts &m_transcripts;
    JobQueue &m_queue;
    RecordingStore &m_store;
    TranscriptCompletion &m_completion;
    LocalTranscriber &m_transcriber;
    AssemblyAiClient *m_assemblyAi;
    AssemblyAiTranscriptOptions m_assemblyAiOptions;
    const Clock &m_clock;
};

} // namespace callos::server
