#pragma once

#include "client/call/callcontroller.h"

#include <QObject>

namespace callos::client {

// What the prospect sees: the slide the agent is on, unless the screen is
// black or frozen. Follows the call (the first slide of a milestone when the
// milestone changes, unless turned off), never shows a slide the gate blocks,
// and records each slide the prospect is shown as a SlideShown event.
class PresentationController : public QObject
{
    Q_OBJECT

public:
    explicit PresentationController(CallController &call, QObject *parent = nullptr);

    int slideCount() const { return int(m_call.deck().slides.size()); }
    // The agent's position in the deck.
    int currentIndex() const { return m_current; }
    // What the prospect sees now: the frozen slide while frozen; -1 when black.
    int visibleIndex() const;
    // The slide "next" would show, or -1 at the end.
    int nextIndex() const { return showableFrom(m_current + 1, +1); }
    bool isBlack() const { return m_black; }
    bool isFrozen() const { return m_frozen; }
    bool followsMilestones() const { return m_followMilestones; }

    void setFollowsMilestones(bool follow);
    bool next();
    bool previous();
    bool jumpTo(int index);
    void toggleBlack();
    void toggleFreeze();

Q_SIGNALS:
    // Anything the presentation window or the thumbnails show changed.
    void changed();

private:
    bool isShowable(int index) const;
    // The first showable index from `from` walking in `step` direction, or -1.
    int showableFrom(int from, int step) const;
    void show(int index);
    // Tells the views, and records the slide the prospect now sees if it changed.
    void announce(int visibleBefore);
    void onEventsCommitted(const QList<CallEvent> &events);
    void onCallReplaced();

    CallController &m_call;
    int m_current = 0;
    int m_frozenIndex = -1;
    bool m_black = false;
    bool m_frozen = false;
    bool m_followMilestones = true;
};

} // namespace callos::client
