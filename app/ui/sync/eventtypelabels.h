#pragma once

#include <QCoreApplication>
#include <QString>

namespace callos::ui {

// What each kind of call event (the names in EventType, shared/call/callevent.h)
// is called where an agent reads it: "Moved to a milestone", not
// "MilestoneEntered". The type names are the sync's wire format, not words
// for people; these are, in the agent's language.
class EventTypeLabels
{
    Q_DECLARE_TR_FUNCTIONS(callos::ui::EventTypeLabels)

public:
    // A type this app does not know (an event of a newer app) still gets a
    // label, with its name for whoever helps the agent.
    static QString label(const QString &type);
};

} // namespace callos::ui
