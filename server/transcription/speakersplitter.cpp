#include "transcription/speakersplitter.h"

#include "transcription/pitchtracker.h"

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Pitch is heard, and varies, on a log scale: semitones above 100 Hz.
double semitones(double hz)
{
    return 12 * std::log2(hz / 100);
}

double hertz(double semitonesAbove100)
{
    return 100 * std::exp2(semitonesAbove100 / 12);
}

std::optional<double> medianPitch(const Utterance &utterance, const std::vector<float> &pitchHz, int minFrames)
{
    std::vector<float> voiced;
    // The first frame centred in the utterance, and on while they are.
    const qint64 first = qMax<qint64>(
        0, (utterance.startMs - PitchTracker::frameCentreMs(0) + PitchTracker::kFrameMs - 1) / PitchTracker::kFrameMs);
    for (size_t frame = size_t(first);
         frame < pitchHz.size() && PitchTracker::frameCentreMs(qsizetype(frame)) <= utterance.endMs; ++frame) {
        if (pitchHz[frame] > 0)
            voiced.push_back(pitchHz[frame]);
    }
    if (voiced.size() < size_t(minFrames))
        return std::nullopt;
    const auto middle = voiced.begin() + qsizetype(voiced.size() / 2);
    std::nth_element(voiced.begin(), middle, voiced.end());
    return semitones(*middle);
}

} // namespace

SpeakerSplitter::SpeakerSplitter()
    : SpeakerSplitter(Settings())
{
}

SpeakerSplitter::SpeakerSplitter(const Settings &settings)
    : m_settings(settings)
{
}

SpeakerSplit SpeakerSplitter::label(QList<Utterance> &utterances, const std::vector<float> &pitchHz) const
{
    QList<std::optional<double>> pitches;
    std::vector<double> values;
    for (Utterance &utterance : utterances) {
        utterance.speaker = u"A"_s;
        pitches.append(medianPitch(utterance, pitchHz, m_settings.minVoicedFrames));
        if (pitches.last())
            values.push_back(*pitches.last());
    }
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const size_t count = values.size();
    double total = 0;
    for (const double value : values)
        total += value;
    if (count < 2)
        return SpeakerSplit{ false, hertz(total / count), hertz(total / count) };

    // Every cut of the sorted values into a low and a high group: the one
    // with the least spread within the groups.
    std::vector<double> sums(count + 1, 0), squares(count + 1, 0);
    for (size_t i = 0; i < count; ++i) {
        sums[i + 1] = sums[i] + values[i];
        squares[i + 1] = squares[i] + values[i] * values[i];
    }
    const auto spread = [&](size_t from, size_t to) { // sum of squared deviations of [from, to)
        const double n = double(to - from);
        const double sum = sums[to] - sums[from];
        return qMax(0.0, squares[to] - squares[from] - sum * sum / n);
    };
    size_t cut = 1;
    double least = spread(0, 1) + spread(1, count);
    for (size_t at = 2; at < count; ++at) {
        const double within = spread(0, at) + spread(at, count);
        if (within < least) {
            least = within;
            cut = at;
        }
    }
    const double low = sums[cut] / double(cut);
    const double high = (sums[count] - sums[cut]) / double(count - cut);
    const double deviation = std::sqrt(least / double(count));
    const double separation = high - low;
    const bool twoVoices = separation >= m_settings.minSeparationSemitones
        && (deviation <= 0 || separation / deviation >= m_settings.minSeparationToSpread);
    if (!twoVoices)
        return SpeakerSplit{ false, hertz(total / double(count)), hertz(total / double(count)) };

    // Whoever speaks first is "A"; an utterance without a pitch goes with
    // the one before it (or, at the start, the first one with a pitch).
    std::optional<bool> firstIsHigh;
    for (const std::optional<double> &pitch : std::as_const(pitches)) {
        if (pitch) {
            firstIsHigh = *pitch - low > high - *pitch;
            break;
        }
    }
    QString previous = u"A"_s;
    for (qsizetype i = 0; i < utterances.size(); ++i) {
        if (pitches[i]) {
            const bool isHigh = *pitches[i] - low > high - *pitches[i];
            previous = isHigh == *firstIsHigh ? u"A"_s : u"B"_s;
        }
        utterances[i].speaker = previous;
    }
    return SpeakerSplit{ true, hertz(low), hertz(high) };
}

} // namespace callos::server
