#include "transcription/pitchtracker.h"

#include <array>
#include <cmath>

namespace callos::server {

namespace {

constexpr int kRate = 8000; // after halving the 16 kHz input
constexpr int kWindow = 320; // 40 ms: two periods of the lowest voice
constexpr int kHop = 80; // 10 ms
constexpr int kMinLag = kRate / 400;
constexpr int kMaxLag = kRate / 60;
// Quieter windows are not looked at: background, not a voice.
constexpr double kMinLevelDbfs = -50;
// A window repeats itself this well at its period, or it has no pitch:
// vowels of a clean recording reach 0.9 and more, noise stays far below.
constexpr double kVoicedCorrelation = 0.6;
// Of the periods that repeat nearly as well as the best, the shortest is
// the voice's: twice and three times it repeat as well, being periods too.
constexpr double kNearlyBest = 0.85;

} // namespace

void PitchTracker::push(std::span<const qint16> samples)
{
    for (const qint16 sample : samples) {
        if (!m_haveHalf) {
            m_half = sample;
            m_haveHalf = true;
            continue;
        }
        // The mean of two: a crude low-pass before halving the rate, enough
        // for a voice's fundamental far below 4 kHz.
        m_decimated.push_back((float(m_half) + float(sample)) / 2);
        m_haveHalf = false;
        if (m_decimated.size() == size_t(kWindow)) {
            analyse(m_decimated.data());
            m_decimated.erase(m_decimated.begin(), m_decimated.begin() + kHop);
        }
    }
}

void PitchTracker::analyse(const float *input)
{
    std::array<double, kWindow> window;
    double mean = 0;
    for (int i = 0; i < kWindow; ++i)
        mean += input[i];
    mean /= kWindow;
    // Running sums of squares: the energies of the two overlapping parts
    // at each lag, without a loop each.
    std::array<double, kWindow + 1> squares;
    squares[0] = 0;
    for (int i = 0; i < kWindow; ++i) {
        window[size_t(i)] = input[i] - mean;
        squares[size_t(i) + 1] = squares[size_t(i)] + window[size_t(i)] * window[size_t(i)];
    }
    const double meanSquare = squares[kWindow] / kWindow / (32768.0 * 32768.0);
    if (meanSquare <= 0 || 10 * std::log10(meanSquare) < kMinLevelDbfs) {
        m_pitchHz.push_back(0);
        return;
    }

    std::array<double, kMaxLag + 2> correlation {};
    double best = 0;
    for (int lag = kMinLag - 1; lag <= kMaxLag + 1; ++lag) {
        double sum = 0;
        for (int i = 0; i + lag < kWindow; ++i)
            sum += window[size_t(i)] * window[size_t(i + lag)];
        const double energy = squares[size_t(kWindow - lag)] * (squares[kWindow] - squares[size_t(lag)]);
        correlation[size_t(lag)] = energy > 0 ? sum / std::sqrt(energy) : 0;
        if (lag >= kMinLag && lag <= kMaxLag)
            best = qMax(best, correlation[size_t(lag)]);
    }
    if (best < kVoicedCorrelation) {
        m_pitchHz.push_back(0);
        return;
    }
    for (int lag = kMinLag; lag <= kMaxLag; ++lag) {
        const double here = correlation[size_t(lag)];
        if (here < kNearlyBest * best || here < correlation[size_t(lag - 1)] || here < correlation[size_t(lag + 1)])
            continue;
        // The peak between two lags, from the parabola through three.
        const double before = correlation[size_t(lag - 1)];
        const double after = correlation[size_t(lag + 1)];
        const double curve = before - 2 * here + after;
        const double shift = curve < 0 ? qBound(-0.5, 0.5 * (before - after) / curve, 0.5) : 0;
        m_pitchHz.push_back(float(kRate / (lag + shift)));
        return;
    }
    m_pitchHz.push_back(0);
}

} // namespace callos::server
