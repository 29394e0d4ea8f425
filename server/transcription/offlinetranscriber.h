#pragma once

#include "common/result.h"
#include "transcription/localtranscriber.h"
#include "transcription/speakersplitter.h"
#include "transcription/speechsegmenter.h"
#include "transcription/transcript.h"
#include "transcription/utterancebuilder.h"

#include <QCoreApplication>

namespace callos::server {

class AudioDecoder;
class PocketSphinxRecognizer;

// A recording's transcript without AssemblyAI (no key configured): ffmpeg
// decodes it (AudioDecoder), the speech in it is cut into stretches
// (SpeechSegmenter) that pocketsphinx recognises (PocketSphinxRecognizer),
// the words are grouped into utterances at pauses (UtteranceBuilder), and
// the utterances are split between two voices by pitch (PitchTracker,
// SpeakerSplitter). Streams: memory stays bounded by one stretch of speech
// (up to 20 s) and the pitch track (1.4 MB per hour), however long the
// call.
//
// Blocking and slow (measured on synthetic speech: a quarter of the
// audio's length on one core): for a job worker thread, never the thread
// that serves requests. When that thread is asked to stop
// (QThread::requestInterruption) it gives up between chunks with the
// Refusal "transcription.cancelled". Other refusals are the decoder's
// ("audio.*") and the recognizer's ("transcription.model_missing",
// "transcription.failed").
class OfflineTranscriber final : public LocalTranscriber
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::OfflineTranscriber)

public:
    static constexpr auto kEngine = "pocketsphinx";
    static constexpr auto kLanguage = "en_us";

    OfflineTranscriber(AudioDecoder &decoder, PocketSphinxRecognizer &recognizer);

    Result<Transcript> transcribe(const QString &audioPath) override;

private:
    AudioDecoder &m_decoder;
    PocketSphinxRecognizer &m_recognizer;
    SpeechSegmenter::Settings m_segments;
    UtteranceBuilder m_utterances;
    SpeakerSplitter m_speakers;
};

} // namespace callos::server
