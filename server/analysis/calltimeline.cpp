#include "analysis/calltimeline.h"

#include "playbook/playbook.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QString milestoneTitle(const Playbook &playbook, const QString &milestoneId)
{
    const Milestone *milestone = playbook.milestone(milestoneId);
    return milestone ? milestone->title : milestoneId;
}

} // namespace

QList<TimelineEntry> CallTimeline::align(const QList<CallEvent> &events, const Playbook &playbook, qint64 recordingStartedAt)
{
    QList<TimelineEntry> out;
    QHash<QString, QString> objectionLabels; // occurrence -> type label
    for (const CallEvent &event : events) {
        const qint64 at = event.at - recordingStartedAt;
        const QString milestoneId = event.payload.value(u"milestoneId"_s).toString();
        if (event.type == EventType::MilestoneEntered) {
            out.append({ at, u"milestone_entered"_s, milestoneId, milestoneTitle(playbook, milestoneId) });
        } else if (event.type == EventType::MilestoneCompleted) {
            out.append({ at, u"milestone_completed"_s, milestoneId, milestoneTitle(playbook, milestoneId) });
        } else if (event.type == EventType::MilestoneSkipped) {
            out.append({ at, u"milestone_skipped"_s, milestoneId, milestoneTitle(playbook, milestoneId) });
        } else if (event.type == EventType::SlideShown) {
            out.append({ at, u"slide_shown"_s, event.payload.value(u"slideId"_s).toString(),
                event.payload.value(u"slideId"_s).toString() });
        } else if (event.type == EventType::ObjectionRaised) {
            const QString typeId = event.payload.value(u"typeId"_s).toString();
            const ObjectionType *type = playbook.objection(typeId);
            const QString label = type ? type->label : typeId;
            const QString occurrence = event.payload.value(u"objectionId"_s).toString();
            objectionLabels.insert(occurrence, label);
            out.append({ at, u"objection_raised"_s, occurrence, label });
        } else if (event.type == EventType::ObjectionClassified) {
            const QString occurrence = event.payload.value(u"objectionId"_s).toString();
            out.append({ at, u"objection_closed"_s, occurrence,
                u"%1 (%2)"_s.arg(objectionLabels.value(occurrence, occurrence),
                    event.payload.value(u"outcome"_s).toString()) });
        } else if (event.type == EventType::DecisionRecorded) {
            out.append({ at, u"decision"_s, event.payload.value(u"option"_s).toString(),
                event.payload.value(u"option"_s).toString() });
        } else if (event.type == EventType::ConsentRecorded) {
            out.append({ at, u"consent"_s, QString(),
                event.payload.value(u"given"_s).toBool() ? u"given"_s : u"refused"_s });
        } else if (event.type == EventType::CallCompleted) {
            out.append({ at, u"call_completed"_s, QString(), QString() });
        }
    }
    return out;
}

QJsonArray CallTimeline::toJson(const QList<TimelineEntry> &entries)
{
    QJsonArray out;
    for (const TimelineEntry &entry : entries)
        out.append(QJsonObject{ { u"at_ms"_s, entry.atMs }, { u"kind"_s, entry.kind }, { u"id"_s, entry.id },
            { u"label"_s, entry.label } });
    return out;
}

} // namespace callos::server
