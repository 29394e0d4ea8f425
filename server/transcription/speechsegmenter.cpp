#include "transcription/speechsegmenter.h"

#include <algorithm>
#include <cmath>

namespace callos::server {

namespace {

constexpr int kFrameSamples = 160; // 10 ms at 16 kHz
// How fast the background may rise: speech has dips between words that pull
// it down again, so it stays under the voice, while a noise that sets in
// (a fan, a line hiss) is the background within seconds.
constexpr double kBackgroundRisePerFrameDb = 0.01;

int frames(int ms)
{
    return qMax(1, ms / 10);
}

double levelDbfs(const qint16 *frame)
{
    double energy = 0;
    for (int i = 0; i < kFrameSamples; ++i)
        energy += double(frame[i]) * frame[i];
    const double meanSquare = energy / kFrameSamples / (32768.0 * 32768.0);
    return meanSquare > 1e-12 ? 10 * std::log10(meanSquare) : -120;
}

} // namespace

SpeechSegmenter::SpeechSegmenter()
    : SpeechSegmenter(Settings())
{
}

SpeechSegmenter::SpeechSegmenter(const Settings &settings)
    : m_settings(settings)
{
}

QList<SpeechSegment> SpeechSegmenter::push(std::span<const qint16> samples)
{
    QList<SpeechSegment> done;
    size_t at = 0;
    if (!m_partialFrame.empty()) {
        const size_t take = std::min(samples.size(), size_t(kFrameSamples) - m_partialFrame.size());
        m_partialFrame.insert(m_partialFrame.end(), samples.begin(), samples.begin() + qsizetype(take));
        at = take;
        if (m_partialFrame.size() < size_t(kFrameSamples))
            return done;
        pushFrame(m_partialFrame.data(), done);
        m_partialFrame.clear();
    }
    for (; at + kFrameSamples <= samples.size(); at += kFrameSamples)
        pushFrame(samples.data() + at, done);
    m_partialFrame.assign(samples.begin() + qsizetype(at), samples.end());
    return done;
}

QList<SpeechSegment> SpeechSegmenter::finish()
{
    QList<SpeechSegment> done;
    if (m_inSpeech) {
        const qsizetype count = qsizetype(m_bufferDb.size());
        const qsizetype end = qMin(count, count - m_silentFrames + frames(m_settings.paddingMs));
        if (end < count) {
            emitSegment(end, done);
        } else { // the speech runs to the end: its last few samples too
            m_buffer.insert(m_buffer.end(), m_partialFrame.begin(), m_partialFrame.end());
            done.append(SpeechSegment{ m_bufferStart, std::move(m_buffer) });
        }
    }
    *this = SpeechSegmenter(m_settings);
    return done;
}

void SpeechSegmenter::pushFrame(const qint16 *frame, QList<SpeechSegment> &done)
{
    const double level = levelDbfs(frame);
    if (!m_haveBackground || level < m_backgroundDb)
        m_backgroundDb = level;
    else
        m_backgroundDb += kBackgroundRisePerFrameDb;
    m_haveBackground = true;
    const bool speech = level >= qMax(m_backgroundDb + m_settings.aboveBackgroundDb, m_settings.minSpeechDbfs);

    m_buffer.insert(m_buffer.end(), frame, frame + kFrameSamples);
    m_bufferDb.push_back(level);
    const qsizetype padding = frames(m_settings.paddingMs);

    if (!m_inSpeech) {
        if (speech) {
            m_inSpeech = true;
            m_silentFrames = 0;
        } else if (qsizetype(m_bufferDb.size()) > padding) {
            // Only the silence just before speech is kept.
            const qsizetype drop = qsizetype(m_bufferDb.size()) - padding;
            m_buffer.erase(m_buffer.begin(), m_buffer.begin() + drop * kFrameSamples);
            m_bufferDb.erase(m_bufferDb.begin(), m_bufferDb.begin() + drop);
            m_bufferStart += drop * kFrameSamples;
        }
        return;
    }

    m_silentFrames = speech ? 0 : m_silentFrames + 1;
    const qsizetype count = qsizetype(m_bufferDb.size());
    if (m_silentFrames >= frames(m_settings.minSilenceMs)) {
        emitSegment(qMin(count, count - m_silentFrames + padding), done);
        m_inSpeech = false;
        m_silentFrames = 0;
        if (qsizetype(m_bufferDb.size()) > padding) {
            const qsizetype drop = qsizetype(m_bufferDb.size()) - padding;
            m_buffer.erase(m_buffer.begin(), m_buffer.begin() + drop * kFrameSamples);
            m_bufferDb.erase(m_bufferDb.begin(), m_bufferDb.begin() + drop);
            m_bufferStart += drop * kFrameSamples;
        }
    } else if (count >= frames(m_settings.maxSegmentMs)) {
        // Too long without a pause: cut after the quietest frame of the
        // last quarter, most likely between two words.
        const qsizetype from = count - count / 4;
        const auto quietest = std::min_element(m_bufferDb.begin() + from, m_bufferDb.end());
        const qsizetype cut = qsizetype(quietest - m_bufferDb.begin()) + 1;
        emitSegment(cut, done);
        m_silentFrames = qMin<int>(m_silentFrames, int(m_bufferDb.size()));
    }
}

void SpeechSegmenter::emitSegment(qsizetype frameCount, QList<SpeechSegment> &done)
{
    const qsizetype sampleCount = qMin<qsizetype>(frameCount * kFrameSamples, qsizetype(m_buffer.size()));
    SpeechSegment segment;
    segment.startSample = m_bufferStart;
    segment.samples.assign(m_buffer.begin(), m_buffer.begin() + sampleCount);
    done.append(std::move(segment));
    m_buffer.erase(m_buffer.begin(), m_buffer.begin() + sampleCount);
    m_bufferDb.erase(m_bufferDb.begin(), m_bufferDb.begin() + qMin(frameCount, qsizetype(m_bufferDb.size())));
    m_bufferStart += sampleCount;
}

} // namespace callos::server
