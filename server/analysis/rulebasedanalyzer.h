#pragma once

#include "analysis/callmetrics.h"
#include "call/callevent.h"
#include "call/callstate.h"
#include "transcription/transcript.h"

#include <QJsonArray>
#include <QJsonObject>

namespace callos {
struct Playbook;
}

namespace callos::server {

// Everything an analysis of one recorded call reads.
struct CallAnalysisInput
{
    const Playbook *playbook = nullptr;
    CallState state; // the fold of `events`
    QList<CallEvent> events;
    Transcript transcript;
    qint64 recordingStartedAt = 0; // UTC ms: puts events on the transcript's time line
};

// The offline analysis, when no Claude key is set: deterministic rules over
// the call's events and transcript that fill the same schema as Claude's
// answer (resources/analysis/call-analysis.schema.json), so the app shows
// either the same way, labelled by engine.
//
// The rules (each flag carries the transcript lines that show it):
// - pitch_in_advisory_call: in an advisory-only call, the agent talks
//   price, packages or signing up;
// - persuasion_during_objection: while an objection is open (diagnostic
//   questions only), the agent argues instead of asking;
// - no_explicit_decision: the call ended without a recorded decision;
// - deferred_objection_without_follow_up: an objection was deferred but
//   no follow-up was set (a pause with a date);
// - agent_dominates_talk: the agent spoke more than 65 % of the time.
class RuleBasedAnalyzer
{
public:
    static constexpr double kMaxAgentTalkRatio = 0.65;

    QJsonObject analyse(const CallAnalysisInput &input, const CallMetrics &metrics) const;

    // Words that mark a pitch, and arguing: public so tests name them.
    static const QStringList &pitchWords();
    static const QStringList &persuasionPhrases();
};

} // namespace callos::server
