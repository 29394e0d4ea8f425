#pragma once

#include "common/result.h"
#include "transcription/transcript.h"

#include <QCoreApplication>

#include <optional>
#include <span>

struct ps_decoder_s;

namespace callos::server {

// Speech to words with pocketsphinx (its old C API, as Debian 12 ships
// it), offline: 16 kHz mono samples in, words with their times and
// confidence out. Feed it stretches of speech (SpeechSegmenter), each
// decoded as one utterance: pocketsphinx normalises over a whole utterance,
// and its memory grows with one.
//
// One decoder, not thread-safe: one recognizer per worker thread. Loading
// the model takes a second or two and about 100 MB, once per recognizer.
// pocketsphinx's own log (several lines per utterance) is switched off for
// the whole process: the server logs JSON lines on stdout, and errors come
// back as Refusals.
class PocketSphinxRecognizer
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::PocketSphinxRecognizer)

public:
    // Debian's pocketsphinx-en-us: the acoustic model en-us/, the language
    // model en-us.lm.bin and the dictionary cmudict-en-us.dict.
    static QString defaultModelDirectory();

    explicit PocketSphinxRecognizer(QString modelDirectory = defaultModelDirectory());
    ~PocketSphinxRecognizer();
    PocketSphinxRecognizer(const PocketSphinxRecognizer &) = delete;
    PocketSphinxRecognizer &operator=(const PocketSphinxRecognizer &) = delete;

    // Loads the model unless loaded; recognize() does too. Refusal
    // "transcription.model_missing" or "transcription.failed".
    std::optional<Refusal> load();

    // The words of one stretch of speech that starts `startMs` into the
    // recording, in time order; no silence or noise markers. Refusal
    // "transcription.failed" when the decoder does.
    Result<QList<TranscriptWord>> recognize(std::span<const qint16> samples, qint64 startMs);

private:
    QString m_modelDirectory;
    ps_decoder_s *m_decoder = nullptr;
    int m_msPerFrame = 10;
};

} // namespace callos::server
