#include "transcription/offlinetranscriber.h"

#include "transcription/audiodecoder.h"
#include "transcription/pitchtracker.h"
#include "transcription/pocketsphinxrecognizer.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

bool stopRequested()
{
    return QThread::currentThread()->isInterruptionRequested();
}

} // namespace

OfflineTranscriber::OfflineTranscriber(AudioDecoder &decoder, PocketSphinxRecognizer &recognizer)
    : m_decoder(decoder)
    , m_recognizer(recognizer)
{
}

Result<Transcript> OfflineTranscriber::transcribe(const QString &audioPath)
{
    const auto cancelled = [&audioPath] {
        return Refusal{ u"transcription.cancelled"_s, tr("Transcribing %1 was stopped.").arg(audioPath) };
    };
    // A missing model is found before minutes of decoding, not after.
    if (std::optional<Refusal> refusal = m_recognizer.load())
        return *refusal;

    SpeechSegmenter segmenter(m_segments);
    PitchTracker pitch;
    QList<TranscriptWord> words;
    const auto recognize = [&](const QList<SpeechSegment> &segments) -> std::optional<Refusal> {
        for (const SpeechSegment &segment : segments) {
            if (stopRequested())
                return cancelled();
            Result<QList<TranscriptWord>> recognized
                = m_recognizer.recognize(segment.samples, segment.startSample * 1000 / AudioDecoder::kSampleRate);
            if (!recognized)
                return recognized.refusal();
            words.append(std::move(recognized).value());
        }
        return std::nullopt;
    };

    const Result<qint64> decoded
        = m_decoder.decode(audioPath, [&](std::span<const qint16> samples) -> std::optional<Refusal> {
              if (stopRequested())
                  return cancelled();
              pitch.push(samples);
              return recognize(segmenter.push(samples));
          });
    if (!decoded)
        return stopRequested() ? cancelled() : decoded.refusal();
    if (std::optional<Refusal> refusal = recognize(segmenter.finish()))
        return *refusal;

    Transcript transcript;
    transcript.engine = QString::fromLatin1(kEngine);
    transcript.language = QString::fromLatin1(kLanguage);
    transcript.durationMs = decoded.value() * 1000 / AudioDecoder::kSampleRate;
    transcript.utterances = m_utterances.build(words);
    m_speakers.label(transcript.utterances, pitch.pitchHz());
    return transcript;
}

} // namespace callos::server
