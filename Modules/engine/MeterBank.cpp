#include "engine/MeterBank.h"

#include "dsp/TruePeakMeter.h"

#include <algorithm>
#include <cmath>

namespace sprocket::engine
{
MeterBank::MeterBank (int trackSlots, int busSlots)
    : trackCount (std::max (0, trackSlots)), busCount (std::max (0, busSlots)),
      slots (std::make_unique<Slot[]> (size_t (trackCount + busCount + 1))), phases {
          dsp::TruePeakMeter::interpolationPhases (12), dsp::TruePeakMeter::interpolationPhases (24),
          dsp::TruePeakMeter::interpolationPhases (48)
      }
{
}

void MeterBank::raise (std::atomic<float>& held, float value) noexcept
{
    // A compare-exchange because the reader resets the value while the writer raises it.
    float current = held.load (std::memory_order_relaxed);
    while (value > current && ! held.compare_exchange_weak (current, value, std::memory_order_relaxed))
    {
    }
}

void MeterBank::measure (Slot& slot, const float* const* audio, int channels, int numFrames, float gain,
                         double sampleRate) const noexcept
{
    channels = std::clamp (channels, 0, maxChannels);
    slot.channels.store (channels, std::memory_order_relaxed);
    if (numFrames <= 0)
        return;
    // One exponential step per block: exact for a steady signal, and cheap.
    const float keep = float (std::exp (-double (numFrames) / (rmsTimeConstantSeconds * sampleRate)));

    const int taps = dsp::TruePeakMeter::tapsPerPhaseFor (sampleRate);
    const float* truePeakPhases = phases[taps == 12 ? 0 : taps == 24 ? 1 : 2].data();
    if (slot.historyTaps != taps)
    {
        // A plan at another rate: the old history belongs to another filter.
        for (auto& history : slot.history)
            history.fill (0.0f);
        slot.historyTaps = taps;
    }
    for (int c = 0; c < channels; ++c)
    {
        float blockPeak = 0.0f;
        double sumOfSquares = 0.0;
        if (audio != nullptr)
        {
            const float* samples = audio[c];
            for (int i = 0; i < numFrames; ++i)
            {
                const float s = samples[i];
                blockPeak = std::max (blockPeak, std::abs (s));
                sumOfSquares += double (s) * double (s);
            }
        }
        const float scale = std::abs (gain);
        blockPeak *= scale;
        const float blockMeanSquare = float (sumOfSquares / double (numFrames)) * scale * scale;

        // The slot has one writer per block, so a load and store suffice for the average.
        auto& meanSquare = slot.meanSquare[size_t (c)];
        const float previous = meanSquare.load (std::memory_order_relaxed);
        meanSquare.store (keep * previous + (1.0f - keep) * blockMeanSquare, std::memory_order_relaxed);

        raise (slot.peak[size_t (c)], blockPeak);

        // The true peak of the scaled signal is the scaled true peak (the filter is linear), so the
        // filter runs on what it was given, and never reads below the sample peak.
        const auto peaks = dsp::TruePeakScan::scanContinuing (
            slot.history[size_t (c)].data(), audio != nullptr ? audio[c] : nullptr, numFrames, truePeakPhases, taps);
        raise (slot.truePeak[size_t (c)], std::max (peaks.interpolated, peaks.sample) * scale);
    }
}

MeterReading MeterBank::read (Slot& slot) noexcept
{
    MeterReading reading;
    reading.channels = slot.channels.load (std::memory_order_relaxed);
    for (int c = 0; c < reading.channels; ++c)
    {
        reading.peak[size_t (c)] = slot.peak[size_t (c)].exchange (0.0f, std::memory_order_relaxed);
        reading.truePeak[size_t (c)] = slot.truePeak[size_t (c)].exchange (0.0f, std::memory_order_relaxed);
        reading.rms[size_t (c)] = std::sqrt (std::max (0.0f, slot.meanSquare[size_t (c)].load (std::memory_order_relaxed)));
    }
    return reading;
}

void MeterBank::measureTrack (int index, const float* const* audio, int channels, int numFrames, float gain,
                              double sampleRate) noexcept
{
    if (index >= 0 && index < trackCount)
        measure (slots[size_t (index)], audio, channels, numFrames, gain, sampleRate);
}

void MeterBank::measureBus (int index, const float* const* audio, int channels, int numFrames, double sampleRate) noexcept
{
    if (index >= 0 && index < busCount)
        measure (slots[size_t (trackCount + index)], audio, channels, numFrames, 1.0f, sampleRate);
}

void MeterBank::measureMaster (const float* const* audio, int channels, int numFrames, double sampleRate) noexcept
{
    measure (slots[size_t (trackCount + busCount)], audio, channels, numFrames, 1.0f, sampleRate);
}

MeterReading MeterBank::readTrack (int index) noexcept
{
    return index >= 0 && index < trackCount ? read (slots[size_t (index)]) : MeterReading {};
}

MeterReading MeterBank::readBus (int index) noexcept
{
    return index >= 0 && index < busCount ? read (slots[size_t (trackCount + index)]) : MeterReading {};
}

MeterReading MeterBank::readMaster() noexcept
{
    return read (slots[size_t (trackCount + busCount)]);
}
} // namespace sprocket::engine
