#include "dsp/FeedbackDelayNetwork.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>

namespace sprocket::dsp
{
namespace
{
    // Base lengths at 48 kHz, scale 1: 24 ms to 59 ms, each about 1.13 x the previous.
    constexpr std::array<int, FeedbackDelayNetwork::lineCount> baseLengths { 1153, 1367, 1601, 1847, 2083, 2333, 2579, 2819 };

    bool isPrime (int n) noexcept
    {
        if (n < 2)
            return false;
        for (int d = 2; d * d <= n; ++d)
            if (n % d == 0)
                return false;
        return true;
    }

    int nextPrimeAtLeast (int n) noexcept
    {
        while (! isPrime (n))
            ++n;
        return n;
    }

    /** In-place normalised fast Walsh-Hadamard transform of 8 values: 3 stages of 4 butterflies,
        then 1/sqrt(8) so the matrix is orthogonal. */
    void hadamard (std::array<float, FeedbackDelayNetwork::lineCount>& v) noexcept
    {
        for (int half = 1; half < FeedbackDelayNetwork::lineCount; half *= 2)
            for (int start = 0; start < FeedbackDelayNetwork::lineCount; start += 2 * half)
                for (int i = start; i < start + half; ++i)
                {
                    const float a = v[(size_t) i], b = v[(size_t) (i + half)];
                    v[(size_t) i] = a + b;
                    v[(size_t) (i + half)] = a - b;
                }
        constexpr float normalise = 0.35355339059327373f; // 1 / sqrt(8)
        for (auto& x : v)
            x *= normalise;
    }
} // namespace

void FeedbackDelayNetwork::prepare (double rate)
{
    sampleRate = rate;
    const int longest = (int) std::ceil (baseLengths.back() * maxScale * rate / 48000.0) + 64; // room for the prime search
    ringSize = (int) std::bit_ceil ((unsigned) longest);
    ringMask = ringSize - 1;
    buffer.assign ((size_t) (ringSize * lineCount), 0.0f);
    for (int k = 0; k < maxOutputs; ++k)
        for (int i = 0; i < lineCount; ++i)
            outputSigns[(size_t) k][(size_t) i] = (std::popcount ((unsigned) ((k + 1) & i)) % 2 == 0 ? 1.0f : -1.0f)
                                                  * 0.35355339059327373f; // 1 / sqrt(8): unit power for uncorrelated lines
    // Each feed is spread over 4 lines at 1/2 each: the same power as the feed.
    for (int i = 0; i < lineCount; ++i)
        inputGain[(size_t) i] = (i % 2 == 0 ? 0.5f : -0.5f);
    setScale (1.0);
    setDecay (1.5, 6000.0);
    reset();
}

void FeedbackDelayNetwork::reset() noexcept
{
    std::fill (buffer.begin(), buffer.end(), 0.0f);
    filterState.fill (0.0f);
    writePos = 0;
}

void FeedbackDelayNetwork::setScale (double scale) noexcept
{
    scale = std::clamp (scale, minScale, maxScale);
    int previous = 0;
    for (int i = 0; i < lineCount; ++i)
    {
        const int wanted = std::max (previous + 1, (int) std::lround (baseLengths[(size_t) i] * scale * sampleRate / 48000.0));
        lengths[(size_t) i] = std::min (nextPrimeAtLeast (wanted), ringSize - 1);
        previous = lengths[(size_t) i];
    }
}

void FeedbackDelayNetwork::setDecay (double rt60Seconds, double dampingHz) noexcept
{
    const double omega = 2.0 * std::numbers::pi * std::min (dampingHz, 0.45 * sampleRate) / sampleRate;
    for (int i = 0; i < lineCount; ++i)
    {
        const double g = std::pow (10.0, -3.0 * lengths[(size_t) i] / (sampleRate * rt60Seconds));
        const double g2 = g * g;
        const double c = (1.0 - g2 * std::cos (omega)) / (1.0 - g2);
        const double p = c - std::sqrt (c * c - 1.0);
        pole[(size_t) i] = (float) p;
        lineGain[(size_t) i] = (float) (g * (1.0 - p));
    }
}

void FeedbackDelayNetwork::tick (float left, float right, float* outputs) noexcept
{
    std::array<float, lineCount> v;
    for (int i = 0; i < lineCount; ++i)
    {
        const float delayed = buffer[(size_t) (i * ringSize + ((writePos - lengths[(size_t) i]) & ringMask))];
        filterState[(size_t) i] = lineGain[(size_t) i] * delayed + pole[(size_t) i] * filterState[(size_t) i];
        v[(size_t) i] = filterState[(size_t) i];
    }
    for (int k = 0; k < maxOutputs; ++k)
    {
        float sum = 0.0f;
        for (int i = 0; i < lineCount; ++i)
            sum += outputSigns[(size_t) k][(size_t) i] * v[(size_t) i];
        outputs[k] = sum;
    }
    hadamard (v);
    for (int i = 0; i < lineCount; ++i)
        buffer[(size_t) (i * ringSize + writePos)] = v[(size_t) i] + inputGain[(size_t) i] * (i < lineCount / 2 ? left : right);
    writePos = (writePos + 1) & ringMask;
}
} // namespace sprocket::dsp
