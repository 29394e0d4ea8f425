#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace callos::client {

// The local record of one call: who it was with, what it ran, and whether it
// is finished. What happened in it is its event log (CallEventStore).
struct CallRecord
{
    enum class State { InProgress, Completed };

    QString id;
    QString prospectId;
    QString playbookId;
    int playbookVersion = 0;
    QString deckId;
    qint64 startedAt = 0; // UTC ms
    std::optional<qint64> completedAt; // UTC ms; set exactly when Completed
    State state = State::InProgress;

    bool operator==(const CallRecord &) const = default;
};

// A call as listed for the agent (recent calls, calls to resume).
struct CallListEntry
{
    CallRecord call;
    QString prospectName;
    QString prospectCompany;

    bool operator==(const CallListEntry &) const = default;
};

} // namespace callos::client
