#include "ui/sync/eventtypelabels.h"

#include "call/callevent.h"

namespace callos::ui {

QString EventTypeLabels::label(const QString &type)
{
    struct Entry
    {
        const QString &type;
        const char *label;
    };
    // Marked here, translated when asked, so a language chosen at run time applies.
    static const Entry entries[] = {
        { EventType::CallStarted, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Started the call") },
        { EventType::GateEvaluated, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Checked the qualification") },
        { EventType::ChecklistItemChecked,
            QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Changed a checklist item") },
        { EventType::FieldSet, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Filled in a field") },
        { EventType::NoteEdited, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Edited a note") },
        { EventType::ConfirmationSet, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Changed a confirmation") },
        { EventType::MilestoneEntered, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Moved to a milestone") },
        { EventType::MilestoneCompleted, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Completed a milestone") },
        { EventType::MilestoneSkipped, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Skipped a milestone") },
        { EventType::SlideShown, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Showed a slide") },
        { EventType::ObjectionRaised, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Raised an objection") },
        { EventType::DiagnosticAnswered,
            QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Answered a diagnostic question") },
        { EventType::ObjectionClassified,
            QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Recorded how an objection ended") },
        { EventType::DecisionRecorded, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Recorded the decision") },
        { EventType::CallCompleted, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Completed the call") },
        { EventType::ConsentRecorded, QT_TRANSLATE_NOOP("callos::ui::EventTypeLabels", "Recorded consent") },
    };
    for (const Entry &entry : entries) {
        if (entry.type == type)
            return tr(entry.label);
    }
    //: %1 is the event's technical name, e.g. MilestoneEntered.
    return tr("Another change (%1)").arg(type);
}

} // namespace callos::ui
