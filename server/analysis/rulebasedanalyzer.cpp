#include "analysis/rulebasedanalyzer.h"

#include "playbook/playbook.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

constexpr int kMaxEvidence = 3;
constexpr qsizetype kMaxQuote = 300;

QJsonObject evidenceOf(const Utterance &utterance)
{
    QString quote = utterance.text;
    if (quote.size() > kMaxQuote)
        quote = quote.left(kMaxQuote - 1) + u'…';
    return QJsonObject{ { u"quote"_s, quote }, { u"speaker"_s, utterance.speaker },
        { u"start_ms"_s, utterance.startMs }, { u"end_ms"_s, utterance.endMs } };
}

bool mentionsAny(const QString &text, const QStringList &phrases)
{
    const QString lower = u' ' + text.toLower() + u' ';
    for (const QString &phrase : phrases) {
        if (lower.contains(u' ' + phrase + u' ') || lower.contains(u' ' + phrase + u',')
            || lower.contains(u' ' + phrase + u'.') || lower.contains(u' ' + phrase + u'?'))
            return true;
    }
    return false;
}

// The analysis as it is built: the rules add to it.
class Analysis
{
public:
    Analysis(const CallAnalysisInput &input, const CallMetrics &metrics) : m_in(input), m_metrics(metrics) { }

    QJsonObject build();

private:
    qint64 onRecording(qint64 atMs) const { return atMs - m_in.recordingStartedAt; }
    // Utterances overlapping [fromMs, toMs) on the recording, optionally one speaker's.
    QList<Utterance> between(qint64 fromMs, qint64 toMs, const QString &speaker = {}) const;
    QJsonArray evidence(const QList<Utterance> &utterances) const;
    QString fieldText(const QString &fieldId) const { return m_in.state.fields.value(fieldId).toVariant().toString(); }
    QString objectionLabel(const QString &typeId) const;
    void flag(const QString &code, const QString &severity, const QString &description, const QJsonArray &evidence);

    void objections();
    void riskFlags();
    void readiness();
    void feedback();
    QJsonObject email() const;
    QString summary() const;

    const CallAnalysisInput &m_in;
    const CallMetrics &m_metrics;
    QJsonArray m_objections;
    QJsonArray m_flags;
    int m_score = 50;
    QStringList m_reasons;
    QStringList m_strengths;
    QStringList m_improvements;
};

QList<Utterance> Analysis::between(qint64 fromMs, qint64 toMs, const QString &speaker) const
{
    QList<Utterance> out;
    for (const Utterance &utterance : m_in.transcript.utterances) {
        if (utterance.endMs > fromMs && utterance.startMs < toMs && (speaker.isEmpty() || utterance.speaker == speaker))
            out.append(utterance);
    }
    return out;
}

QJsonArray Analysis::evidence(const QList<Utterance> &utterances) const
{
    QJsonArray out;
    for (const Utterance &utterance : utterances) {
        if (out.size() == kMaxEvidence)
            break;
        out.append(evidenceOf(utterance));
    }
    return out;
}

QString Analysis::objectionLabel(const QString &typeId) const
{
    const ObjectionType *type = m_in.playbook->objection(typeId);
    return type ? type->label : typeId;
}

void Analysis::flag(const QString &code, const QString &severity, const QString &description, const QJsonArray &evidence)
{
    m_flags.append(QJsonObject{ { u"code"_s, code }, { u"severity"_s, severity }, { u"description"_s, description },
        { u"evidence"_s, evidence } });
    if (severity == u"high"_s) {
        m_score -= 10;
        m_reasons.append(description);
    }
}

void Analysis::objections()
{
    for (const ObjectionRecord &record : m_in.state.objections) {
        const qint64 from = onRecording(record.raisedAt);
        // Still open at the end: its words run to the end of the call.
        const qint64 to = record.classifiedAt > 0 ? onRecording(record.classifiedAt) : from + 120000;
        const QString handling = record.outcome ? objectionOutcomeName(*record.outcome) : u"unaddressed"_s;
        const Milestone *where = m_in.playbook->milestone(record.milestoneId);
        m_objections.append(QJsonObject{ { u"category"_s, record.typeId },
            { u"summary"_s,
                u"%1 objection raised during %2."_s.arg(objectionLabel(record.typeId),
                    where ? where->title : u"the call"_s) },
            { u"handling"_s, handling }, { u"evidence"_s, evidence(between(from, to)) } });
    }
}

void Analysis::riskFlags()
{
    const QString agent = m_metrics.agentSpeaker;
    if (m_in.state.advisoryOnly && m_metrics.speakersKnown) {
        QList<Utterance> pitching;
        for (const Utterance &utterance : m_in.transcript.utterances) {
            if (utterance.speaker == agent && mentionsAny(utterance.text, RuleBasedAnalyzer::pitchWords()))
                pitching.append(utterance);
        }
        if (!pitching.isEmpty())
            flag(u"pitch_in_advisory_call"_s, u"high"_s,
                u"The prospect has too few clients for an offer (advisory only), but the agent talked about buying."_s,
                evidence(pitching));
    }
    if (m_metrics.speakersKnown) {
        QList<Utterance> arguing;
        for (const ObjectionRecord &record : m_in.state.objections) {
            const qint64 from = onRecording(record.raisedAt);
            const qint64 to = record.classifiedAt > 0 ? onRecording(record.classifiedAt) : from + 120000;
            for (const Utterance &utterance : between(from, to, agent)) {
                if (!CallMetrics::isQuestion(utterance.text)
                    && mentionsAny(utterance.text, RuleBasedAnalyzer::persuasionPhrases()))
                    arguing.append(utterance);
            }
        }
        if (!arguing.isEmpty())
            flag(u"persuasion_during_objection"_s, u"high"_s,
                u"While an objection was open the agent argued instead of asking diagnostic questions."_s,
                evidence(arguing));
    }
    if (!m_in.state.decision) {
        const QList<Utterance> &all = m_in.transcript.utterances;
        flag(u"no_explicit_decision"_s, u"high"_s, u"The call ended without an explicit decision."_s,
            evidence(all.mid(qMax<qsizetype>(0, all.size() - 2))));
    }
    bool deferred = false;
    for (const ObjectionRecord &record : m_in.state.objections)
        deferred = deferred || record.outcome == ObjectionOutcome::Deferred;
    const bool followUp = m_in.state.decision && m_in.state.decision->followUpAt.has_value();
    if (deferred && !followUp) {
        QJsonArray shown;
        for (const QJsonValue &objection : std::as_const(m_objections)) {
            if (objection[u"handling"_s].toString() != u"deferred"_s)
                continue;
            for (const QJsonValue &item : objection[u"evidence"_s].toArray()) {
                if (shown.size() < kMaxEvidence)
                    shown.append(item);
            }
        }
        flag(u"deferred_objection_without_follow_up"_s, u"medium"_s,
            u"An objection was deferred, but no follow-up was set."_s, shown);
    }
    if (m_metrics.speakersKnown && m_metrics.agentTalkRatio() > RuleBasedAnalyzer::kMaxAgentTalkRatio) {
        const QList<Utterance> longest = between(m_metrics.longestMonologueStartMs,
            m_metrics.longestMonologueStartMs + m_metrics.longestMonologueMs, m_metrics.longestMonologueSpeaker);
        flag(u"agent_dominates_talk"_s, u"medium"_s,
            u"The agent talked %1 % of the time (more than %2 %)."_s.arg(qRound(m_metrics.agentTalkRatio() * 100))
                .arg(qRound(RuleBasedAnalyzer::kMaxAgentTalkRatio * 100)),
            evidence(longest));
    }
}

void Analysis::readiness()
{
    const CallState &state = m_in.state;
    if (state.decision) {
        switch (state.decision->option) {
        case DecisionOption::Proceed:
            m_score += 25;
            m_reasons.prepend(u"The prospect decided to proceed."_s);
            break;
        case DecisionOption::Pause:
            m_score += 5;
            m_reasons.prepend(u"The prospect paused the decision%1."_s.arg(
                state.decision->followUpAt ? u" with a follow-up set"_s : QString()));
            break;
        case DecisionOption::Decline:
            m_score -= 35;
            m_reasons.prepend(u"The prospect declined."_s);
            break;
        }
    }
    int done = 0;
    for (const MilestoneProgress &progress : state.milestones)
        done += progress.done ? 1 : 0;
    if (!state.milestones.isEmpty()) {
        m_score += qRound(15.0 * done / double(state.milestones.size()));
        m_reasons.append(u"%1 of %2 milestones completed."_s.arg(done).arg(state.milestones.size()));
    }
    for (const ObjectionRecord &record : state.objections) {
        const QString label = objectionLabel(record.typeId);
        if (!record.outcome) {
            m_score -= 10;
            m_reasons.append(u"The %1 objection was left open."_s.arg(label.toLower()));
        } else if (*record.outcome == ObjectionOutcome::Resolved) {
            m_score += 3;
            m_reasons.append(u"The %1 objection was resolved."_s.arg(label.toLower()));
        } else if (*record.outcome == ObjectionOutcome::Deferred) {
            m_score -= 8;
            m_reasons.append(u"The %1 objection was deferred."_s.arg(label.toLower()));
        } else {
            m_score -= 25;
            m_reasons.append(u"The %1 objection disqualified the prospect."_s.arg(label.toLower()));
        }
    }
    if (m_metrics.speakersKnown) {
        int prospectQuestions = 0;
        for (auto it = m_metrics.questions.constBegin(); it != m_metrics.questions.constEnd(); ++it)
            prospectQuestions += it.key() == m_metrics.agentSpeaker ? 0 : it.value();
        if (prospectQuestions >= 3) {
            m_score += 5;
            m_reasons.append(u"The prospect asked %1 questions: engaged."_s.arg(prospectQuestions));
        }
    }
    if (state.advisoryOnly) {
        m_score = qMin(m_score, 40);
        m_reasons.append(u"Advisory-only call: the prospect is below the client threshold for an offer."_s);
    }
    m_score = qBound(0, m_score, 100);
}

void Analysis::feedback()
{
    const int agentQuestions = m_metrics.questions.value(m_metrics.agentSpeaker);
    if (m_metrics.speakersKnown && agentQuestions >= 5)
        m_strengths.append(u"You asked %1 questions: the prospect did the explaining."_s.arg(agentQuestions));
    if (m_metrics.speakersKnown && m_metrics.agentTalkRatio() <= 0.55)
        m_strengths.append(u"You let the prospect talk (you spoke %1 % of the time)."_s.arg(
            qRound(m_metrics.agentTalkRatio() * 100)));
    bool allClassified = !m_in.state.objections.isEmpty();
    for (const ObjectionRecord &record : m_in.state.objections)
        allClassified = allClassified && record.outcome.has_value();
    if (allClassified)
        m_strengths.append(u"Every objection was worked through to an outcome."_s);
    if (m_in.state.decision)
        m_strengths.append(u"The call ended with an explicit decision."_s);
    if (m_metrics.speakersKnown && agentQuestions < 3)
        m_improvements.append(u"Ask more open questions: you asked %1."_s.arg(agentQuestions));
    for (const QJsonValue &flagValue : std::as_const(m_flags)) {
        const QString code = flagValue[u"code"_s].toString();
        if (code == u"pitch_in_advisory_call"_s)
            m_improvements.append(u"In an advisory-only call, advise: keep offers and prices out of it."_s);
        else if (code == u"persuasion_during_objection"_s)
            m_improvements.append(u"When an objection comes up, ask the diagnostic questions before answering it."_s);
        else if (code == u"no_explicit_decision"_s)
            m_improvements.append(u"Close every call with an explicit decision: proceed, pause with a date, or decline."_s);
        else if (code == u"deferred_objection_without_follow_up"_s)
            m_improvements.append(u"A deferred objection needs a follow-up date."_s);
        else if (code == u"agent_dominates_talk"_s)
            m_improvements.append(u"Talk less than two thirds of the time; let silences work."_s);
    }
}

QString Analysis::summary() const
{
    const CallState &state = m_in.state;
    const QString company = fieldText(u"company"_s);
    const QString who = company.isEmpty() ? fieldText(u"prospectName"_s) : company;
    QStringList parts;
    const qint64 minutes = qMax<qint64>(1, qRound64(double(m_in.transcript.durationMs) / 60000.0));
    parts.append(u"A %1-minute call%2%3."_s.arg(minutes)
                     .arg(who.isEmpty() ? QString() : u" with "_s + who)
                     .arg(state.advisoryOnly ? u" (advisory only)"_s : QString()));
    QStringList reached;
    for (int i = 0; i < state.milestones.size() && i < m_in.playbook->milestones.size(); ++i) {
        if (state.milestones.at(i).done)
            reached.append(m_in.playbook->milestones.at(i).title);
    }
    if (!reached.isEmpty())
        parts.append(u"Milestones completed: %1."_s.arg(reached.join(u", "_s)));
    if (!state.objections.isEmpty()) {
        QStringList raised;
        for (const ObjectionRecord &record : state.objections)
            raised.append(u"%1 (%2)"_s.arg(objectionLabel(record.typeId),
                record.outcome ? objectionOutcomeName(*record.outcome) : u"open"_s));
        parts.append(u"Objections: %1."_s.arg(raised.join(u", "_s)));
    }
    parts.append(state.decision ? u"Decision: %1."_s.arg(decisionOptionName(state.decision->option))
                                : u"No decision was recorded."_s);
    return parts.join(u' ');
}

QJsonObject Analysis::email() const
{
    const CallState &state = m_in.state;
    const QString name = fieldText(u"prospectName"_s);
    const QString greeting = name.isEmpty() ? u"Hello,"_s : u"Hello %1,"_s.arg(name.section(u' ', 0, 0));
    QString subject = u"Thank you for your time today"_s;
    QString middle = u"Thank you for the conversation today."_s;
    if (state.decision && state.decision->option == DecisionOption::Proceed) {
        subject = u"Next steps"_s;
        middle = u"Thank you for deciding to go ahead. I will send the agreement and the onboarding plan separately; "
                 "reply here with any question in the meantime."_s;
    } else if (state.decision && state.decision->option == DecisionOption::Pause) {
        subject = u"Our follow-up"_s;
        const QString when = state.decision->followUpAt
            ? QLocale(QLocale::English).toString(QDateTime::fromMSecsSinceEpoch(*state.decision->followUpAt, Qt::UTC).date(),
                  u"dddd, d MMMM"_s)
            : QString();
        middle = when.isEmpty() ? u"As agreed, we will pick this up again soon."_s
                                : u"As agreed, we will speak again on %1. Until then, no decision is needed."_s.arg(when);
    } else if (state.decision && state.decision->option == DecisionOption::Decline) {
        middle = u"Thank you for being open about why this is not the right fit now. If things change, I am glad to talk again."_s;
    } else if (state.advisoryOnly) {
        middle = u"Thank you for the conversation today. I hope the ideas we went through help as your practice grows."_s;
    }
    return QJsonObject{ { u"subject"_s, subject },
        { u"body"_s, QString(greeting + u"\n\n"_s + middle + u"\n\nBest regards"_s) } };
}

QJsonObject Analysis::build()
{
    objections();
    riskFlags();
    readiness();
    feedback();
    return QJsonObject{ { u"summary"_s, summary() }, { u"objections"_s, m_objections },
        { u"readiness"_s,
            QJsonObject{ { u"score"_s, m_score }, { u"reasons"_s, QJsonArray::fromStringList(m_reasons) } } },
        { u"risk_flags"_s, m_flags },
        { u"agent_feedback"_s,
            QJsonObject{ { u"strengths"_s, QJsonArray::fromStringList(m_strengths) },
                { u"improvements"_s, QJsonArray::fromStringList(m_improvements) } } },
        { u"follow_up_email"_s, email() } };
}

} // namespace

const QStringList &RuleBasedAnalyzer::pitchWords()
{
    static const QStringList words{ u"price"_s, u"pricing"_s, u"package"_s, u"packages"_s, u"investment"_s,
        u"sign up"_s, u"our program"_s, u"our programme"_s, u"discount"_s, u"costs"_s, u"per month"_s,
        u"payment plan"_s, u"buy"_s };
    return words;
}

const QStringList &RuleBasedAnalyzer::persuasionPhrases()
{
    static const QStringList phrases{ u"trust me"_s, u"guarantee"_s, u"you should"_s, u"you need to"_s,
        u"limited time"_s, u"discount"_s, u"honestly"_s, u"everyone else"_s, u"no brainer"_s, u"no-brainer"_s,
        u"you won't regret"_s, u"you will not regret"_s, u"only today"_s, u"the thing is"_s };
    return phrases;
}

QJsonObject RuleBasedAnalyzer::analyse(const CallAnalysisInput &input, const CallMetrics &metrics) const
{
    return Analysis(input, metrics).build();
}

} // namespace callos::server
