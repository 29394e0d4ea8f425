#pragma once

#include "jobs/jobhandler.h"

#include <QCoreApplication>

namespace callos::server {

class AssemblyAiClient;
class Database;
class TranscriptCompletion;
class Transcripts;

// The job "transcript.collect" {recording_id}: asks AssemblyAI for the
// transcript it was asked for. Done: stored, and the analysis queued; an
// error (no speech, an unreadable file): the transcript is marked failed
// and the job ends; still queued or processing: the job comes back later
// (a webhook brings it forward: JobQueue::runNow).
class TranscriptCollectHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::TranscriptCollectHandler)

public:
    static constexpr auto kKind = "transcript.collect";
    static constexpr qint64 kPollAgainMs = 60 * 1000;

    TranscriptCollectHandler(Database &database, Transcripts &transcripts, TranscriptCompletion &completion,
        AssemblyAiClient &assemblyAi);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

private:
    Database &m_database;
    Transcripts &m_transcripts;
    TranscriptCompletion &m_completion;
    AssemblyAiClient &m_assemblyAi;
};

} // namespace callos::server
