#pragma once

#include <QtGlobal>

#include <span>
#include <vector>

namespace callos::server {

// The pitch of the voice in a stream of 16 kHz samples, every 10 ms: what
// tells a low voice from a high one when the recognizer cannot say who
// spoke (SpeakerSplitter). Autocorrelation over 40 ms windows at 8 kHz
// (voices lie between 60 and 400 Hz), the shortest strong period winning
// so that a voice is not heard an octave too low. Keeps 4 bytes per 10 ms
// (1.4 MB for an hour).
class PitchTracker
{
public:
    static constexpr int kFrameMs = 10;

    void push(std::span<const qint16> samples);

    // One per 10 ms frame so far: the pitch in Hz, 0 where nobody speaks
    // or the sound has no pitch (s, f, t, noise). Frame i is the window
    // centred at frameCentreMs(i).
    const std::vector<float> &pitchHz() const { return m_pitchHz; }
    static qint64 frameCentreMs(qsizetype frame) { return frame * kFrameMs + 20; }

private:
    void analyse(const float *window);

    std::vector<float> m_pitchHz;
    std::vector<float> m_decimated; // 8 kHz, from the current window on
    bool m_haveHalf = false;
    qint16 m_half = 0; // the first of a pair of samples not yet averaged
};

} // namespace callos::server
