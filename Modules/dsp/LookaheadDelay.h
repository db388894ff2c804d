#pragma once

#include <algorithm>
#include <bit>
#include <vector>

namespace sprocket::dsp
{
/** The look-ahead delay both limiters put their audio through while LookaheadGain looks at
    what is coming: per channel a power-of-two ring, read `delay` samples behind the write.
    prepare() [[message thread]] allocates; the rest real-time safe. */
class LookaheadDelay
{
public:
    void prepare (int channels, int delaySamples)
    {
        delay = std::max (0, delaySamples);
        mask = (int) std::bit_ceil ((unsigned) delay + 1u) - 1;
        lines.assign ((size_t) channels, std::vector<float> ((size_t) mask + 1, 0.0f));
        writePos = 0;
    }

    void reset() noexcept
    {
        for (auto& line : lines)
            std::fill (line.begin(), line.end(), 0.0f);
        writePos = 0;
    }

    int numChannels() const noexcept { return (int) lines.size(); }

    /** Puts frame i of every channel in and replaces it with the frame `delay` samples older,
        times gain; count is at most numChannels(). */
    void exchange (float* const* channels, int count, int i, double gain) noexcept
    {
        const int readPos = (writePos - delay) & mask;
        for (int c = 0; c < count; ++c)
        {
            auto* line = lines[(size_t) c].data();
            line[writePos] = channels[c][i];
            channels[c][i] = (float) (line[readPos] * gain);
        }
        writePos = (writePos + 1) & mask;
    }

private:
    int delay = 0, mask = 0, writePos = 0;
    std::vector<std::vector<float>> lines;
};
} // namespace sprocket::dsp
