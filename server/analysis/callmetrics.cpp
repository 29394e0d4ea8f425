#include "analysis/callmetrics.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Sentences of an utterance: split at . ! ? (AssemblyAI punctuates; an
// offline transcript is one sentence per utterance).
QStringList sentencesOf(const QString &text)
{
    static const QRegularExpression end(u"(?<=[.!?])\\s+"_s);
    QStringList out;
    for (const QString &part : text.split(end, Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    }
    return out;
}

} // namespace

bool CallMetrics::isQuestion(const QString &sentence)
{
    const QString text = sentence.trimmed();
    if (text.endsWith(u'?'))
        return true;
    if (text.endsWith(u'.') || text.endsWith(u'!'))
        return false;
    static const QSet<QString> openers{ u"what"_s, u"how"_s, u"why"_s, u"when"_s, u"where"_s, u"who"_s, u"which"_s,
        u"do"_s, u"does"_s, u"did"_s, u"is"_s, u"are"_s, u"can"_s, u"could"_s, u"would"_s, u"will"_s, u"have"_s,
        u"has"_s, u"should"_s, u"tell"_s };
    const QString first = text.section(u' ', 0, 0).toLower().remove(QRegularExpression(u"[^a-z']"_s));
    return openers.contains(first);
}

CallMetrics CallMetrics::compute(const Transcript &transcript)
{
    CallMetrics metrics;
    if (transcript.utterances.isEmpty())
        return metrics;
    metrics.agentSpeaker = transcript.utterances.first().speaker;
    QMap<QString, qint64> spoken;
    QString previous;
    int switches = 0;
    // Consecutive utterances of one speaker are one monologue.
    QString runSpeaker;
    qint64 runStart = 0;
    qint64 runEnd = 0;
    const auto closeRun = [&] {
        if (!runSpeaker.isEmpty() && runEnd - runStart > metrics.longestMonologueMs) {
            metrics.longestMonologueMs = runEnd - runStart;
            metrics.longestMonologueSpeaker = runSpeaker;
            metrics.longestMonologueStartMs = runStart;
        }
    };
    for (const Utterance &utterance : transcript.utterances) {
        const qint64 length = qMax<qint64>(0, utterance.endMs - utterance.startMs);
        spoken[utterance.speaker] += length;
        metrics.speechMs += length;
        for (const QString &sentence : sentencesOf(utterance.text)) {
            if (isQuestion(sentence))
                ++metrics.questions[utterance.speaker];
        }
        if (!previous.isEmpty() && previous != utterance.speaker)
            ++switches;
        previous = utterance.speaker;
        if (utterance.speaker != runSpeaker) {
            closeRun();
            runSpeaker = utterance.speaker;
            runStart = utterance.startMs;
        }
        runEnd = utterance.endMs;
    }
    closeRun();
    metrics.speakersKnown = spoken.size() > 1;
    for (auto it = spoken.constBegin(); it != spoken.constEnd(); ++it) {
        metrics.talkRatio.insert(it.key(), metrics.speechMs > 0 ? double(it.value()) / double(metrics.speechMs) : 0);
        metrics.questions.insert(it.key(), metrics.questions.value(it.key()));
    }
    const qint64 spanMs = transcript.utterances.constLast().endMs - transcript.utterances.constFirst().startMs;
    metrics.switchesPerMinute = spanMs > 0 ? double(switches) * 60000.0 / double(spanMs) : 0;
    return metrics;
}

QJsonObject CallMetrics::toJson() const
{
    QJsonObject ratio;
    for (auto it = talkRatio.constBegin(); it != talkRatio.constEnd(); ++it)
        ratio.insert(it.key(), qRound(it.value() * 1000) / 1000.0);
    QJsonObject asked;
    for (auto it = questions.constBegin(); it != questions.constEnd(); ++it)
        asked.insert(it.key(), it.value());
    return QJsonObject{ { u"agent_speaker"_s, agentSpeaker }, { u"speakers_known"_s, speakersKnown },
        { u"speech_ms"_s, speechMs }, { u"talk_ratio"_s, ratio }, { u"questions"_s, asked },
        { u"longest_monologue"_s,
            QJsonObject{ { u"speaker"_s, longestMonologueSpeaker }, { u"ms"_s, longestMonologueMs },
                { u"start_ms"_s, longestMonologueStartMs } } },
        { u"speaker_switches_per_minute"_s, qRound(switchesPerMinute * 10) / 10.0 } };
}

} // namespace callos::server
