#pragma once

#include <QList>
#include <QtGlobal>

#include <span>
#include <vector>

namespace callos::server {

// A stretch of a recording with speech in it, a little silence around it.
struct SpeechSegment
{
    qint64 startSample = 0; // from the start of the recording
    std::vector<qint16> samples;
};

// Cuts a stream of 16 kHz samples into stretches of speech for the
// recognizer, which decodes each as one piece: the silence between them is
// never decoded (pocketsphinx takes silence for words surprisingly often,
// and it costs time), and a stretch is never longer than maxSegmentMs (the
// decoder's memory and its batch normalisation want bounded pieces).
//
// Speech is where a 10 ms frame is well above the background, which is
// followed slowly upwards and at once downwards; a stretch ends after
// minSilenceMs below it, or at the quietest frame near maxSegmentMs.
// Deterministic: the same samples make the same stretches.
class SpeechSegmenter
{
public:
    struct Settings
    {
        int minSilenceMs = 400;
        int maxSegmentMs = 20000;
        int paddingMs = 200; // of the silence before and after, kept
        double aboveBackgroundDb = 15;
        double minSpeechDbfs = -55; // quieter frames are never speech
    };

    SpeechSegmenter();
    explicit SpeechSegmenter(const Settings &settings);

    // The stretches these samples complete (usually none or one).
    QList<SpeechSegment> push(std::span<const qint16> samples);
    // At the end of the recording: the stretch still open, if any.
    QList<SpeechSegment> finish();

private:
    void pushFrame(const qint16 *frame, QList<SpeechSegment> &done);
    void emitSegment(qsizetype frames, QList<SpeechSegment> &done);

    Settings m_settings;
    std::vector<qint16> m_partialFrame;
    // The frames of the open stretch, or before one the last paddingMs of
    // silence; m_bufferStart is the first one's sample.
    std::vector<qint16> m_buffer;
    std::vector<double> m_bufferDb;
    qint64 m_bufferStart = 0;
    bool m_inSpeech = false;
    int m_silentFrames = 0; // since the last speech frame, in speech
    double m_backgroundDb = 0;
    bool m_haveBackground = false;
};

} // namespace callos::server
