#pragma once

#include "analysis/analyses.h"
#include "analysis/rulebasedanalyzer.h"
#include "jobs/jobhandler.h"

#include <QCoreApplication>

#include <variant>

namespace callos::server {

class Analyses;
class ClaudeClient;
class PromptRegistry;
class CallPlaybooks;
class CallRepository;
class Database;
class Recordings;
class Transcripts;

// The job "call.analyse" {recording_id, call_id}: reads the call's events
// (folded by the same reducer as everywhere), its recording's transcript
// and where the recording sits on the call's clock, computes the call's
// metrics, analyses it and stores the analysis: with Claude when a key is
// set (the prompt registry's layers, a masked transcript, the answer held
// to the schema; a refusal or an answer that does not fit is stored as a
// failed analysis with the reason), else with the rule-based analyzer.
//
// Idempotent: a call and recording that have their analysis are left as
// they are (one analysis however often the job runs).
class AnalyseHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::AnalyseHandler)

public:
    static constexpr auto kKind = "call.analyse";

    // `claude` null: the rule-based analyzer.
    AnalyseHandler(Database &database, Recordings &recordings, Transcripts &transcripts, Analyses &analyses,
        CallRepository &calls, CallPlaybooks &playbooks, PromptRegistry &prompts, ClaudeClient *claude);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

private:
    // The input, or why there is none (permanent unless the database failed).
    std::variant<CallAnalysisInput, JobFailure> gather(const Job &job, const QString &recordingId);
    // Claude's analysis, or the failure that ends this attempt.
    std::variant<AnalysisRow, JobFailure> askClaude(
        const Job &job, const CallAnalysisInput &input, const CallMetrics &metrics);

    Database &m_database;
    Recordings &m_recordings;
    Transcripts &m_transcripts;
    Analyses &m_analyses;
    CallRepository &m_calls;
    CallPlaybooks &m_playbooks;
    PromptRegistry &m_prompts;
    ClaudeClient *m_claude;
    QJsonObject m_schema;
    RuleBasedAnalyzer m_ruleBased;
    // Keeps the playbook alive while its input points at it.
    std::shared_ptr<const Playbook> m_playbook;
};

} // namespace callos::server
