#include "analysis/analysisprompt.h"

#include "analysis/callmetrics.h"
#include "analysis/calltimeline.h"
#include "analysis/personaldatamask.h"
#include "analysis/rulebasedanalyzer.h"
#include "playbook/playbook.h"

#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QString masked(const QString &text)
{
    return PersonalDataMask::mask(text).text;
}

// What the playbook asks of a call, for the playbook layer.
QString playbookFacts(const Playbook &playbook)
{
    QStringList lines{ u"Playbook \"%1\" (id %2, version %3)."_s.arg(playbook.name, playbook.id).arg(playbook.version) };
    QStringList milestones;
    for (const Milestone &milestone : playbook.milestones)
        milestones.append(u"%1 (%2): %3"_s.arg(milestone.title, milestone.id, milestone.goal));
    lines.append(u"Milestones, in order:\n- "_s + milestones.join(u"\n- "_s));
    QStringList objections;
    for (const ObjectionType &type : playbook.objections)
        objections.append(u"%1: %2"_s.arg(type.id, type.label));
    lines.append(u"Objection types (use these ids as categories):\n- "_s + objections.join(u"\n- "_s));
    lines.append(u"Advisory only when %1 %2 %3 is not met; then these milestones are closed: %4."_s.arg(
        playbook.gate.field, gateOpSymbol(playbook.gate.op), QString::number(playbook.gate.value),
        playbook.gate.blockedMilestones.join(u", "_s)));
    return lines.join(u"\n\n"_s);
}

QString callFacts(const CallAnalysisInput &input)
{
    const CallState &state = input.state;
    QJsonObject fields;
    for (auto it = state.fields.constBegin(); it != state.fields.constEnd(); ++it)
        fields.insert(it.key(), it.value().isString() ? QJsonValue(masked(it.value().toString())) : it.value());
    QJsonArray milestones;
    for (int i = 0; i < state.milestones.size() && i < input.playbook->milestones.size(); ++i) {
        const MilestoneProgress &progress = state.milestones.at(i);
        milestones.append(QJsonObject{ { u"id"_s, input.playbook->milestones.at(i).id },
            { u"status"_s, progress.done ? u"done"_s : progress.skipped ? u"skipped"_s : progress.visited ? u"visited"_s : u"not reached"_s } });
    }
    QJsonArray objections;
    for (const ObjectionRecord &record : state.objections)
        objections.append(QJsonObject{ { u"type"_s, record.typeId }, { u"milestone"_s, record.milestoneId },
            { u"outcome"_s, record.outcome ? objectionOutcomeName(*record.outcome) : u"open"_s },
            { u"note"_s, masked(record.note) } });
    QJsonValue decision;
    if (state.decision)
        decision = QJsonObject{ { u"option"_s, decisionOptionName(state.decision->option) },
            { u"reason"_s, state.decision->reasonId }, { u"follow_up_set"_s, state.decision->followUpAt.has_value() },
            { u"note"_s, masked(state.decision->note) } };
    return QString::fromUtf8(QJsonDocument(QJsonObject{ { u"prospect"_s, fields },
        { u"advisory_only"_s, state.advisoryOnly }, { u"milestones"_s, milestones }, { u"objections"_s, objections },
        { u"decision"_s, decision } }).toJson(QJsonDocument::Indented));
}

QString timelineLines(const CallAnalysisInput &input)
{
    QStringList lines;
    for (const TimelineEntry &entry : CallTimeline::align(input.events, *input.playbook, input.recordingStartedAt))
        lines.append(u"[%1] %2 %3"_s.arg(entry.atMs).arg(entry.kind, entry.label));
    return lines.join(u'\n');
}

QString transcriptLines(const Transcript &transcript)
{
    QStringList lines;
    for (const Utterance &utterance : transcript.utterances)
        lines.append(u"[%1-%2] %3: %4"_s.arg(utterance.startMs).arg(utterance.endMs).arg(utterance.speaker,
            masked(utterance.text)));
    return lines.join(u'\n');
}

} // namespace

ClaudeRequest AnalysisPrompt::build(const QList<PromptLayer> &layers, const CallAnalysisInput &input,
    const CallMetrics &metrics, const QJsonObject &schema)
{
    ClaudeRequest request;
    request.schema = schema;
    QString callLayer;
    for (const PromptLayer &layer : layers) {
        if (layer.layer == u"call"_s) {
            callLayer = layer.text;
            continue;
        }
        QString text = layer.text;
        if (layer.layer == u"playbook"_s)
            text += u"\n\n"_s + playbookFacts(*input.playbook);
        request.system.append(ClaudeSystemBlock{ text, true });
    }
    request.userText = callLayer + u"\n\n## Call facts\n"_s + callFacts(input)
        + u"\n## Events on the recording's time line (ms from its start)\n"_s + timelineLines(input)
        + u"\n\n## Metrics\n"_s + QString::fromUtf8(QJsonDocument(metrics.toJson()).toJson(QJsonDocument::Indented))
        + u"\n## Transcript (ms from the recording's start)\n"_s + transcriptLines(input.transcript);
    return request;
}

QJsonObject AnalysisPrompt::schema()
{
    QFile file(u":/analysis/call-analysis.schema.json"_s);
    file.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace callos::server
