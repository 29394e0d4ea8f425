#pragma once

#include "playbook/fieldvalues.h"
#include "playbook/playbook.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

namespace callos {

enum class CallPhase { NotStarted, PreCall, InProgress, Completed };

enum class MilestoneStatus {
    Locked,  // not reachable yet: an earlier milestone is still open
    Open,    // reachable or visited, not done
    Current, // the agent is here
    Done,
    Skipped, // passed with a recorded reason
    Blocked, // advisory-only call: the gate blocks this milestone
};

struct MilestoneProgress
{
    bool visited = false;
    bool done = false;
    bool skipped = false;
    QString skipReason;
    QString overrideReason; // why it was completed with required items open
    QSet<QString> checkedItems;
    QSet<QString> confirmed;
    QString note;
    qint64 accumulatedMs = 0; // time spent before the current visit
    qint64 enteredAt = -1;    // start of the running visit, -1 when not running

    bool operator==(const MilestoneProgress &) const = default;
};

struct ObjectionRecord
{
    QString id;          // this occurrence
    QString typeId;      // playbook objection type
    QString milestoneId; // where the agent was when it was raised
    QMap<QString, QString> answers; // diagnostic question id -> note
    std::optional<ObjectionOutcome> outcome;
    QString note;
    qint64 raisedAt = 0;
    qint64 classifiedAt = 0;

    bool operator==(const ObjectionRecord &) const = default;
};

struct DecisionRecord
{
    DecisionOption option = DecisionOption::Proceed;
    QString reasonId;
    std::optional<qint64> followUpAt;
    QString note;
    qint64 at = 0;

    bool operator==(const DecisionRecord &) const = default;
};

struct ConsentRecord
{
    bool given = false;
    QString wording;
    QString actor;
    qint64 at = 0;

    bool operator==(const ConsentRecord &) const = default;
};

// Everything known about one call: the pure fold of its events.
struct CallState
{
    QString callId;
    QString playbookId;
    int playbookVersion = 0;
    CallPhase phase = CallPhase::NotStarted;

    FieldValues fields;
    bool advisoryOnly = false;
    QSet<QString> precallChecked;
    QString precallOverrideReason;

    QList<MilestoneProgress> milestones; // in playbook order
    int current = -1;                    // index of the current milestone

    QList<ObjectionRecord> objections;
    int openObjection = -1;
    std::optional<DecisionOption> suggestedDecision; // decline after a disqualifying objection
    std::optional<DecisionRecord> decision;

    QString currentSlideId;
    int slidesShown = 0;
    std::optional<ConsentRecord> consent;

    QMap<QString, qint64> lastSeqByDevice;
    qint64 startedAt = 0;
    qint64 completedAt = 0;
    qint64 lastEventAt = 0;
    int eventCount = 0;

    bool operator==(const CallState &) const = default;

    bool isBlocked(const Playbook &playbook, int index) const;
    MilestoneStatus status(const Playbook &playbook, int index) const;
    // A milestone can be entered without skipping anything: it was visited
    // before, or every earlier one is done, skipped or blocked.
    bool isReachable(const Playbook &playbook, int index) const;
    // Labels of what must be ticked or filled before the milestone can be
    // completed without an override reason.
    QStringList missingForCompletion(const Playbook &playbook, int index) const;
    QStringList missingPrecallItems(const Playbook &playbook) const;
    // Deferred objections flag a follow-up.
    bool needsFollowUp() const;
    const ObjectionRecord *openObjectionRecord() const;
};

} // namespace callos
