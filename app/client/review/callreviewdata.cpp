#include "client/review/callreviewdata.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace callos::client {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out.append(item.toString());
    return out;
}

QList<Evidence> evidenceOf(const QJsonValue &value)
{
    QList<Evidence> out;
    for (const QJsonValue &item : value.toArray())
        out.append({ item[u"quote"_s].toString(), item[u"speaker"_s].toString(), item[u"start_ms"_s].toInteger(),
            item[u"end_ms"_s].toInteger() });
    return out;
}

CallAnalysis analysisOf(const QJsonObject &stored)
{
    CallAnalysis out;
    out.engine = stored[u"engine"_s].toString();
    out.state = stored[u"state"_s].toString();
    out.failureReason = stored[u"failure_reason"_s].toString();
    const QJsonObject result = stored[u"result"_s].toObject();
    out.summary = result[u"summary"_s].toString();
    out.readiness = result[u"readiness"_s][u"score"_s].toInt();
    out.readinessReasons = strings(result[u"readiness"_s][u"reasons"_s]);
    for (const QJsonValue &flag : result[u"risk_flags"_s].toArray())
        out.riskFlags.append({ flag[u"code"_s].toString(), flag[u"severity"_s].toString(),
            flag[u"description"_s].toString(), evidenceOf(flag[u"evidence"_s]) });
    for (const QJsonValue &objection : result[u"objections"_s].toArray())
        out.objections.append({ objection[u"category"_s].toString(), objection[u"summary"_s].toString(),
            objection[u"handling"_s].toString(), evidenceOf(objection[u"evidence"_s]) });
    out.strengths = strings(result[u"agent_feedback"_s][u"strengths"_s]);
    out.improvements = strings(result[u"agent_feedback"_s][u"improvements"_s]);
    out.emailSubject = result[u"follow_up_email"_s][u"subject"_s].toString();
    out.emailBody = result[u"follow_up_email"_s][u"body"_s].toString();
    return out;
}

} // namespace

QString CallAnalysis::emailText() const
{
    if (emailSubject.isEmpty())
        return emailBody;
    return u"Subject: "_s + emailSubject + u"\n\n"_s + emailBody;
}

bool CallReviewData::anyFailed() const
{
    return std::any_of(steps.cbegin(), steps.cend(), [](const PipelineStep &step) { return step.isFailed(); });
}

const PipelineStep *CallReviewData::step(const QString &name) const
{
    for (const PipelineStep &step : steps) {
        if (step.step == name)
            return &step;
    }
    return nullptr;
}

QList<PipelineStep> CallReviewData::stepsFromJson(const QJsonObject &pipeline)
{
    QList<PipelineStep> out;
    for (const QJsonValue &step : pipeline[u"steps"_s].toArray())
        out.append({ step[u"step"_s].toString(), step[u"state"_s].toString(), step[u"engine"_s].toString(),
            step[u"attempts"_s].toInt(), step[u"last_error"_s].toString(), step[u"next_attempt_at"_s].toInteger(),
            step[u"bot"_s][u"state"_s].toString(), step[u"bot"_s][u"last_error"_s].toString() });
    return out;
}

CallReviewData CallReviewData::fromJson(const QJsonObject &review)
{
    CallReviewData out;
    out.callId = review[u"call_id"_s].toString();
    const QJsonObject recording = review[u"recording"_s].toObject();
    out.recordingId = recording[u"id"_s].toString();
    out.recordingSource = recording[u"source"_s].toString();
    out.steps = stepsFromJson(review[u"pipeline"_s].toObject());
    const QJsonObject transcript = review[u"transcript"_s].toObject();
    out.transcriptEngine = transcript[u"engine"_s].toString();
    out.utteranceCount = int(transcript[u"utterances"_s].toArray().size());
    if (review[u"analysis"_s].isObject())
        out.analysis = analysisOf(review[u"analysis"_s].toObject());
    return out;
}

} // namespace callos::client
