#pragma once

#include <QJsonObject>
#include <QString>

namespace callos {

// The names of the event types. Kept as strings (not an enum) in CallEvent so
// an event from a newer app can still be decoded and then refused by name.
namespace EventType {
inline const QString CallStarted = QStringLiteral("CallStarted");
inline const QString GateEvaluated = QStringLiteral("GateEvaluated");
inline const QString ChecklistItemChecked = QStringLiteral("ChecklistItemChecked");
inline const QString FieldSet = QStringLiteral("FieldSet");
inline const QString NoteEdited = QStringLiteral("NoteEdited");
inline const QString ConfirmationSet = QStringLiteral("ConfirmationSet");
inline const QString MilestoneEntered = QStringLiteral("MilestoneEntered");
inline const QString MilestoneCompleted = QStringLiteral("MilestoneCompleted");
inline const QString MilestoneSkipped = QStringLiteral("MilestoneSkipped");
inline const QString SlideShown = QStringLiteral("SlideShown");
inline const QString ObjectionRaised = QStringLiteral("ObjectionRaised");
inline const QString DiagnosticAnswered = QStringLiteral("DiagnosticAnswered");
inline const QString ObjectionClassified = QStringLiteral("ObjectionClassified");
inline const QString DecisionRecorded = QStringLiteral("DecisionRecorded");
inline const QString CallCompleted = QStringLiteral("CallCompleted");
inline const QString ConsentRecorded = QStringLiteral("ConsentRecorded");
} // namespace EventType

// One thing that happened in a call. Immutable once emitted; the call's state
// is the fold of its events (see CallReducer). Payloads: docs/call-events.md.
struct CallEvent
{
    static constexpr int kSchemaVersion = 1;

    QString id;       // UUID, the idempotency key for sync
    QString callId;
    QString deviceId;
    qint64 seq = 0;   // per device, strictly increasing
    qint64 at = 0;    // UTC milliseconds since the epoch, from the injected clock
    QString actor;    // user id
    QString type;     // one of EventType
    QJsonObject payload;
    int schema = kSchemaVersion;

    bool operator==(const CallEvent &) const = default;
};

} // namespace callos
