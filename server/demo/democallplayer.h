#pragma once

#include "call/callevent.h"
#include "call/callsession.h"
#include "common/result.h"
#include "demo/democontent.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <functional>

namespace callos::server {

// A slide of the deck and the milestone it belongs to.
struct DemoSlide
{
    QString id;
    QString milestoneId;
};

// Plays a DemoCall through CallSession - the engine, reducer and event types
// the desktop runs - so its events are what an agent's desktop would have
// kept and synced: the pre-call checklist, consent, each milestone's slides,
// ticks, fields, confirmations and notes, the objection with its diagnostic
// answers, the decision and the end of the call. Time moves as the agent's
// would: the checklist a few minutes before `startMs`, then about each
// milestone's estimated minutes (times the call's pace).
class DemoCallPlayer
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::DemoCallPlayer)

public:
    // The agent opens the call this long before it begins, for the checklist.
    static constexpr qint64 kPrecallLeadMs = 6 * 60 * 1000;

    struct Timing
    {
        qint64 startMs = 0; // the agent enters the first milestone
        qint64 followUpAtMs = 0; // a paused call's follow-up
    };

    DemoCallPlayer(const Playbook &playbook, QList<DemoSlide> slides);

    // The slides of a deck.json as the server serves it (resources/.../deck.json).
    static QList<DemoSlide> slidesOf(const QJsonObject &deck);

    // The prospect's facts as the desktop starts a call with them: the
    // playbook's prospect fields that have a value.
    FieldValues factsOf(const ProspectFields &prospect) const;

    // The call's events. `sink` is the agent's device: it keeps the events of
    // all the device's calls, so their numbers (seq) go on from call to call.
    // demo.call_refused when the engine refused a step of the script (the
    // script does not fit the playbook).
    Result<QList<CallEvent>> play(const DemoCall &call, const ProspectFields &prospect, const CallIdentity &identity,
        const Timing &timing, IdGenerator &ids, EventSink &sink) const;

    // One thing the agent does.
    using Step = std::function<CallSession::Outcome(CallSession &)>;

private:
    // What the agent does during one visit of `milestone`, in order: show
    // its slides, tick, type, note, work through the objection raised here,
    // confirm, and move on (or decide and end the call).
    QList<Step> visit(const DemoCall &call, const Milestone &milestone, bool decides, const Timing &timing) const;

    const Playbook &m_playbook;
    QList<DemoSlide> m_slides;
};

} // namespace callos::server
