#pragma once

#include "analysis/rulebasedanalyzer.h"
#include "jobs/jobhandler.h"

#include <QCoreApplication>

namespace callos::server {

class Analyses;
class CallPlaybooks;
class CallRepository;
class Database;
class Recordings;
class Transcripts;

// The job "call.analyse" {recording_id, call_id}: reads the call's events
// (folded by the same reducer as everywhere), its recording's transcript
// and where the recording sits on the call's clock, computes the call's
// metrics, analyses it and stores the analysis.
//
// Idempotent: a call and recording that have their analysis are left as
// they are (one analysis however often the job runs).
class AnalyseHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::AnalyseHandler)

public:
    static constexpr auto kKind = "call.analyse";

    AnalyseHandler(Database &database, Recordings &recordings, Transcripts &transcripts, Analyses &analyses,
        CallRepository &calls, CallPlaybooks &playbooks);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

private:
    // The input, or why there is none (permanent unless the database failed).
    std::variant<CallAnalysisInput, JobFailure> gather(const Job &job, const QString &recordingId);

    Database &m_database;
    Recordings &m_recordings;
    Transcripts &m_transcripts;
    Analyses &m_analyses;
    CallRepository &m_calls;
    CallPlaybooks &m_playbooks;
    RuleBasedAnalyzer m_ruleBased;
    // Keeps the playbook alive while its input points at it.
    std::shared_ptr<const Playbook> m_playbook;
};

} // namespace callos::server
