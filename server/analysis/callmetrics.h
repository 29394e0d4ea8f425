#pragma once

#include "transcription/transcript.h"

#include <QJsonObject>
#include <QMap>

namespace callos::server {

// The figures of a conversation that need no judgement, from its
// transcript: who talked how much, the longest stretch one person held
// the floor, questions asked, how often the floor changed hands. Both
// analyses (Claude's and the rule-based one) carry them.
struct CallMetrics
{
    // Who the agent is: the transcript labels speakers "A", "B", ...
    // without names. The agent opens a structured call, so the first to
    // speak is taken to be the agent.
    QString agentSpeaker;
    // False when the transcript has one speaker label only (offline
    // transcripts of a single voice): talk ratios then say nothing.
    bool speakersKnown = false;
    qint64 speechMs = 0;
    QMap<QString, double> talkRatio; // speaker -> share of speech, 0..1
    QMap<QString, int> questions; // speaker -> questions asked
    QString longestMonologueSpeaker;
    qint64 longestMonologueMs = 0;
    qint64 longestMonologueStartMs = 0;
    double switchesPerMinute = 0; // interactivity

    double agentTalkRatio() const { return talkRatio.value(agentSpeaker); }
    QJsonObject toJson() const;

    static CallMetrics compute(const Transcript &transcript);
    // A question: ends with "?", or (transcripts without punctuation)
    // opens with a question word.
    static bool isQuestion(const QString &sentence);
};

} // namespace callos::server
