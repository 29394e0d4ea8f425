#pragma once

#include "transcription/transcript.h"

namespace callos::server {

// Groups recognised words into utterances, as a reader takes turns: a new
// one after a pause of pauseMs or more (people rarely pause that long
// inside a sentence, and a turn between two speakers is usually longer), or
// once one would run longer than maxUtteranceMs (a monologue is still
// shown in readable pieces, and each piece gets its own speaker label).
// Every utterance is said by "A" until SpeakerSplitter says otherwise.
class UtteranceBuilder
{
public:
    struct Settings
    {
        qint64 pauseMs = 700;
        qint64 maxUtteranceMs = 30000;
    };

    UtteranceBuilder();
    explicit UtteranceBuilder(const Settings &settings);

    // `words` in time order.
    QList<Utterance> build(const QList<TranscriptWord> &words) const;

private:
    Settings m_settings;
};

} // namespace callos::server
