#pragma once

#include "call/callevent.h"

#include <QJsonArray>
#include <QList>
#include <QString>

namespace callos {
struct Playbook;
}

namespace callos::server {

// One moment of the call placed on its recording's time line.
struct TimelineEntry
{
    // ms from the start of the recording; negative: before it began.
    qint64 atMs = 0;
    // milestone_entered, milestone_completed, milestone_skipped,
    // objection_raised, objection_closed, slide_shown, decision, consent,
    // call_completed
    QString kind;
    QString id; // the milestone, objection occurrence or slide
    QString label; // for people: "Vision", "Price objection (resolved)"

    bool operator==(const TimelineEntry &) const = default;
};

// Aligns a call's events with its recording: the app stamps events with
// the agent's clock, the recording starts on Zoom's; the offset between
// the call's start and the recording's start moves every event onto the
// recording's time line, where the review player and the analysis need
// them.
class CallTimeline
{
public:
    // `recordingStartedAt` and the events' `at` in UTC ms.
    static QList<TimelineEntry> align(const QList<CallEvent> &events, const Playbook &playbook, qint64 recordingStartedAt);
    static QJsonArray toJson(const QList<TimelineEntry> &entries);
};

} // namespace callos::server
