#include "transcription/pocketsphinxrecognizer.h"

#include <QDir>
#include <QFileInfo>

#include <pocketsphinx.h>
#include <sphinxbase/err.h>

#include <mutex>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

void ignoreLog(void *, err_lvl_t, const char *, ...) { }

// pocketsphinx logs through a process-wide callback, and prints its whole
// configuration to the process-wide log file (stderr unless told
// otherwise) on each decoder it makes: both off, once, for the process.
// Not its "-logfn" option: each decoder made with it reopens the
// process-wide log file and closes the one before, which another thread's
// decoder may be writing to at that moment.
void silencePocketSphinx()
{
    static std::once_flag silenced;
    std::call_once(silenced, [] {
        err_set_callback(&ignoreLog, nullptr);
        err_set_logfp(nullptr);
    });
}

// "<s>", "</s>", "<sil>", "[NOISE]", "[SPEECH]", "++UH++": what the decoder
// heard between words, not words.
bool isFiller(const QByteArray &word)
{
    return word.isEmpty() || word.startsWith('<') || word.startsWith('[') || word.startsWith('+');
}

// Digital silence (samples of exactly 0: a muted microphone, the pauses of
// synthetic speech) has no energy at all, its log is pocketsphinx's floor,
// far below anything audible, and those frames drag the utterance's
// cepstral mean so far that the words around them are misheard (measured:
// twice the word errors). One step of noise, inaudible at -90 dBFS, makes
// them quiet like any room. pocketsphinx's own -dither draws from a random
// generator shared by every decoder in the process; this one is the same
// for the same samples.
std::vector<qint16> dither(std::span<const qint16> samples)
{
    std::vector<qint16> dithered(samples.begin(), samples.end());
    quint32 state = 0x9e3779b9u;
    for (qint16 &sample : dithered) {
        state = state * 1664525u + 1013904223u; // Numerical Recipes' LCG
        const int step = int(state >> 30) % 3 - 1; // -1, 0 or 1
        sample = qint16(qBound(-32768, sample + step, 32767));
    }
    return dithered;
}

} // namespace

QString PocketSphinxRecognizer::defaultModelDirectory()
{
    return u"/usr/share/pocketsphinx/model/en-us"_s;
}

PocketSphinxRecognizer::PocketSphinxRecognizer(QString modelDirectory)
    : m_modelDirectory(std::move(modelDirectory))
{
}

PocketSphinxRecognizer::~PocketSphinxRecognizer()
{
    if (m_decoder)
        ps_free(m_decoder);
}

std::optional<Refusal> PocketSphinxRecognizer::load()
{
    if (m_decoder)
        return std::nullopt;
    const QDir model(m_modelDirectory);
    const QString acoustic = model.filePath(u"en-us"_s);
    const QString language = model.filePath(u"en-us.lm.bin"_s);
    const QString dictionary = model.filePath(u"cmudict-en-us.dict"_s);
    if (!QFileInfo(acoustic).isDir() || !QFileInfo(language).isFile() || !QFileInfo(dictionary).isFile()) {
        return Refusal{ u"transcription.model_missing"_s,
            tr("The speech model is not in %1 (en-us/, en-us.lm.bin, cmudict-en-us.dict): install "
               "pocketsphinx-en-us to transcribe recordings without AssemblyAI.")
                .arg(m_modelDirectory) };
    }

    silencePocketSphinx();
    const QByteArray hmm = QFile::encodeName(acoustic);
    const QByteArray lm = QFile::encodeName(language);
    const QByteArray dict = QFile::encodeName(dictionary);
    // -remove_silence no: SpeechSegmenter has cut the silence away, and
    // pocketsphinx's own voice detection would shift the words' frames
    // against the samples. -bestpath (the default, said here because the
    // confidences depend on it): posterior probabilities per word.
    cmd_ln_t *config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.constData(), "-lm", lm.constData(), "-dict",
        dict.constData(), "-remove_silence", "no", "-bestpath", "yes", static_cast<char *>(nullptr));
    if (!config)
        return Refusal{ u"transcription.failed"_s, tr("pocketsphinx did not take its configuration.") };
    m_decoder = ps_init(config);
    const int frameRate = int(cmd_ln_int32_r(config, "-frate"));
    cmd_ln_free_r(config); // the decoder keeps its own reference
    if (!m_decoder) {
        return Refusal{ u"transcription.failed"_s,
            tr("pocketsphinx could not load the speech model in %1.").arg(m_modelDirectory) };
    }
    m_msPerFrame = frameRate > 0 ? 1000 / frameRate : 10;
    return std::nullopt;
}

Result<QList<TranscriptWord>> PocketSphinxRecognizer::recognize(std::span<const qint16> samples, qint64 startMs)
{
    if (std::optional<Refusal> refusal = load())
        return *refusal;
    const auto failed = [] {
        return Refusal{ u"transcription.failed"_s, tr("pocketsphinx failed to decode the audio.") };
    };
    // The whole stretch at once (full_utt): the cepstral mean of the
    // model's batch normalisation is then the stretch's own.
    const std::vector<qint16> dithered = dither(samples);
    if (ps_start_utt(m_decoder) < 0 || ps_process_raw(m_decoder, dithered.data(), dithered.size(), FALSE, TRUE) < 0
        || ps_end_utt(m_decoder) < 0)
        return failed();

    QList<TranscriptWord> words;
    logmath_t *logmath = ps_get_logmath(m_decoder);
    for (ps_seg_t *segment = ps_seg_iter(m_decoder); segment; segment = ps_seg_next(segment)) {
        QByteArray word = ps_seg_word(segment);
        if (isFiller(word))
            continue;
        // "read(2)": the second pronunciation in the dictionary, same word.
        if (const qsizetype variant = word.indexOf('('); variant > 0 && word.endsWith(')'))
            word.truncate(variant);
        int firstFrame = 0;
        int lastFrame = 0;
        ps_seg_frames(segment, &firstFrame, &lastFrame);
        int32 acoustic = 0;
        int32 language = 0;
        int32 backoff = 0;
        const int32 posterior = ps_seg_prob(segment, &acoustic, &language, &backoff);
        TranscriptWord transcribed;
        transcribed.text = QString::fromUtf8(word);
        transcribed.startMs = startMs + qint64(firstFrame) * m_msPerFrame;
        transcribed.endMs = startMs + qint64(lastFrame + 1) * m_msPerFrame;
        transcribed.confidence = qBound(0.0, logmath_exp(logmath, posterior), 1.0);
        words.append(transcribed);
    }
    return words;
}

} // namespace callos::server
