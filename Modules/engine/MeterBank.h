#pragma once

#include "dsp/TruePeakScan.h"
#include "engine/RenderPlan.h"

#include <array>
#include <atomic>
#include <memory>
#include <vector>

namespace sprocket::engine
{
/** What a meter shows for one strip: per channel, the highest sample magnitude since the last
    read, the highest true-peak magnitude since the last read (BS.1770-4, 4x oversampled; never
    below `peak`) and the RMS level over the last 300 ms, all as linear gains (1 = full scale). */
struct MeterReading
{
    int channels = 0;
    std::array<float, maxChannels> peak {};
    std::array<float, maxChannels> truePeak {};
    std::array<float, maxChannels> rms {};
};

/** Peak and RMS levels of every track, bus and the master, measured by the mixer on the audio
    (or worker) threads each block and read by the UI without locks. Slots are the plan's track
    and bus indices; a strip beyond the bank's capacity is simply not metered.

    Peaks are "since the last read": the audio thread raises them, the reader takes them (one
    reader, the UI, so it sees every over however seldom it looks). RMS is an exponential
    average with a 300 ms time constant, the integration time of a VU-style meter.

    True peaks are read the same way, with the loudness analyser's own filter and arithmetic
    (dsp::TruePeakScan, shared with dsp::TruePeakMeter), so a strip and the loudness panel agree
    to the last bit on the same signal. Each slot keeps its interpolation history inline, sized
    for the longest span (48 taps, above 192 kHz), and the bank holds the coefficients of all three
    spans, so a plan at any sample rate is metered without allocating. The filter runs on the
    pre-fader signal and its reading is scaled by the block's gain, as the sample peak is: exact
    for a steady fader (the filter is linear), and for a moving one the few samples spanning a
    block boundary are read at the new block's gain. */
class MeterBank
{
public:
    /** [[message thread]] allocates. */
    MeterBank (int trackSlots, int busSlots);

    /** Measures a block. `gain` scales it first (the fader, for post-fader track meters);
        `audio` null means the strip was silent this block. [[audio or worker thread]] */
    void measureTrack (int index, const float* const* audio, int channels, int numFrames, float gain, double sampleRate) noexcept;
    void measureBus (int index, const float* const* audio, int channels, int numFrames, double sampleRate) noexcept;
    void measureMaster (const float* const* audio, int channels, int numFrames, double sampleRate) noexcept;

    /** Takes the peaks of a strip (resetting them) and reads its RMS. [[any one thread]] */
    MeterReading readTrack (int index) noexcept;
    MeterReading readBus (int index) noexcept;
    MeterReading readMaster() noexcept;

    int trackCapacity() const noexcept { return trackCount; }
    int busCapacity() const noexcept { return busCount; }

    static constexpr double rmsTimeConstantSeconds = 0.3;

private:
    struct Slot
    {
        std::atomic<int> channels { 0 };
        std::array<std::atomic<float>, maxChannels> peak {};
        std::array<std::atomic<float>, maxChannels> meanSquare {};
        std::array<std::atomic<float>, maxChannels> truePeak {};
        // The writer's alone (one writer per block): the last taps - 1 inputs of each channel.
        int historyTaps = 0;
        std::array<std::array<float, dsp::TruePeakScan::maxTapsPerPhase - 1>, maxChannels> history {};
    };
    static_assert (std::atomic<float>::is_always_lock_free);

    void measure (Slot& slot, const float* const* audio, int channels, int numFrames, float gain,
                  double sampleRate) const noexcept;
    static void raise (std::atomic<float>& held, float value) noexcept;
    static MeterReading read (Slot& slot) noexcept;

    const int trackCount, busCount;
    std::unique_ptr<Slot[]> slots; // tracks, then buses, then the master
    // TruePeakMeter::interpolationPhases for 12, 24 and 48 taps per phase (below 96 kHz, below
    // 192 kHz, above).
    std::array<std::vector<float>, 3> phases;
};
} // namespace sprocket::engine
