#pragma once

#include "transcription/transcript.h"

#include <vector>

namespace callos::server {

// What SpeakerSplitter found, for the log and the tests.
struct SpeakerSplit
{
    bool twoVoices = false;
    // The typical pitch of each group of utterances, in Hz; one group:
    // both the same.
    double lowHz = 0;
    double highHz = 0;
};

// Tells two speakers apart by the pitch of their voices, since pocketsphinx
// cannot say who spoke: each utterance's median pitch (PitchTracker), the
// utterances split into a low and a high group by 2-means (exact in one
// dimension: the best of every cut of the sorted values), labelled "A"
// (the group of whoever speaks first) and "B". Deterministic.
//
// Bounds, honestly: it works when the two voices are far apart in pitch
// (as a typical man and woman: about an octave) and each utterance is one
// speaker. Two voices of similar pitch are one group - everything stays
// "A", which is right more often than a coin-toss split would be; and an
// utterance where both speak (a reply without a pause of pauseMs, see
// UtteranceBuilder) gets one label. Utterances too short to have a pitch
// take the label of the one before.
class SpeakerSplitter
{
public:
    struct Settings
    {
        // The groups' medians at least this far apart (4 semitones: a
        // third; one speaker's utterances vary by one or two)...
        double minSeparationSemitones = 4;
        // ...and far apart for how much each group varies: one voice cut
        // in two by force gives about 2.7.
        double minSeparationToSpread = 3.5;
        int minVoicedFrames = 10; // 100 ms of voice give an utterance a pitch
    };

    SpeakerSplitter();
    explicit SpeakerSplitter(const Settings &settings);

    // Sets each utterance's speaker. `pitchHz`: PitchTracker's frames.
    SpeakerSplit label(QList<Utterance> &utterances, const std::vector<float> &pitchHz) const;

private:
    Settings m_settings;
};

} // namespace callos::server
