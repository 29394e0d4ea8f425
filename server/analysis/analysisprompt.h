#pragma once

#include "analysis/claudeclient.h"
#include "analysis/promptregistry.h"

namespace callos::server {

struct CallAnalysisInput;
struct CallMetrics;

// Puts an analysis request together from the prompt registry's five
// layers and one call. The four stable layers go first as system blocks
// (cached by Claude from call to call; the playbook layer also lists the
// playbook's milestones, objection types and client threshold); the call
// layer leads the user message, which then gives the call's facts, its
// events on the recording's time line, the metrics and the transcript as
// "[start-end] speaker: text" lines (ms), so evidence can cite times.
// Numbers of 4+ digits, e-mail addresses and phone numbers are masked in
// the transcript and the prospect's fields before anything is sent.
class AnalysisPrompt
{
public:
    static ClaudeRequest build(const QList<PromptLayer> &layers, const CallAnalysisInput &input,
        const CallMetrics &metrics, const QJsonObject &schema);
    // The schema resource answers are checked against.
    static QJsonObject schema();
};

} // namespace callos::server
