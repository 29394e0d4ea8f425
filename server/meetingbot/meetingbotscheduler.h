#pragma once

#include "common/result.h"

#include <optional>

namespace callos {
struct CallState;
}

namespace callos::server {

class JobQueue;
class Transaction;

// Which meeting-bot jobs a change of a call asks for, queued in the
// transaction that stores the change (CallIngest), so they exist exactly
// when the change does:
// - bot.join {call_id, meeting_url} when the call has a Zoom link and the
//   prospect's consent to record, whichever came second; one per call
//   (dedupe key: the call's id);
// - bot.leave {call_id} when that consent is withdrawn afterwards.
// Consent given again after a withdrawal sends no second bot: the call's
// bot was already used.
class MeetingBotScheduler
{
public:
    static constexpr auto kJoinKind = "bot.join";
    static constexpr auto kLeaveKind = "bot.leave";

    // `enabled`: a bot service is set up (IntegrationSettings::hasMeetingBot);
    // without one no change asks for anything.
    MeetingBotScheduler(JobQueue &jobs, bool enabled);

    bool isEnabled() const { return m_enabled; }
    std::optional<Refusal> callChanged(
        Transaction &transaction, const QString &orgId, const CallState &before, const CallState &after);

    // The meeting link a bot would join: the call's Zoom link; empty when
    // the call has none, or it is no Zoom meeting link.
    static QString meetingUrl(const CallState &state);

private:
    JobQueue &m_jobs;
    bool m_enabled;
};

} // namespace callos::server
