#pragma once

#include "jobs/job.h"

#include <QCoreApplication>

namespace callos::server {

class Database;
class JobQueue;
class Transcripts;
struct Transcript;

// The end of every way a transcript is made (offline at once, AssemblyAI
// later): the transcript stored and the call's analysis queued, in one
// transaction, so neither exists without the other.
class TranscriptCompletion
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::TranscriptCompletion)

public:
    static constexpr auto kAnalyseKind = "call.analyse";

    TranscriptCompletion(Database &database, Transcripts &transcripts, JobQueue &queue);

    // `transcript` null: it is stored already; only make sure the analysis
    // is queued (the queue's dedupe key keeps it one job).
    std::optional<JobFailure> complete(
        const QString &orgId, const QString &recordingId, const QString &callId, const Transcript *transcript);

private:
    Database &m_database;
    Transcripts &m_transcripts;
    JobQueue &m_queue;
};

} // namespace callos::server
