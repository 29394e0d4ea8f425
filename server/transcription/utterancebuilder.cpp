#include "transcription/utterancebuilder.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

void complete(Utterance &utterance)
{
    QStringList texts;
    double confidence = 0;
    for (const TranscriptWord &word : std::as_const(utterance.words)) {
        texts.append(word.text);
        confidence += word.confidence;
    }
    utterance.text = texts.join(u' ');
    utterance.confidence = confidence / utterance.words.size();
    utterance.endMs = utterance.words.last().endMs;
}

} // namespace

UtteranceBuilder::UtteranceBuilder()
    : UtteranceBuilder(Settings())
{
}

UtteranceBuilder::UtteranceBuilder(const Settings &settings)
    : m_settings(settings)
{
}

QList<Utterance> UtteranceBuilder::build(const QList<TranscriptWord> &words) const
{
    QList<Utterance> utterances;
    for (const TranscriptWord &word : words) {
        const bool startsAnother = utterances.isEmpty()
            || word.startMs - utterances.last().words.last().endMs >= m_settings.pauseMs
            || word.endMs - utterances.last().startMs > m_settings.maxUtteranceMs;
        if (startsAnother) {
            if (!utterances.isEmpty())
                complete(utterances.last());
            Utterance next;
            next.speaker = u"A"_s;
            next.startMs = word.startMs;
            utterances.append(next);
        }
        utterances.last().words.append(word);
    }
    if (!utterances.isEmpty())
        complete(utterances.last());
    return utterances;
}

} // namespace callos::server
