#pragma once

#include "engine/RenderPlan.h"

#include <array>
#include <atomic>
#include <memory>

namespace sprocket::engine
{
/** What a meter shows for one strip: per channel, the highest sample magnitude since the last
    read and the RMS level over the last 300 ms, both as linear gains (1 = full scale). */
struct MeterReading
{
    int channels = 0;
    std::array<float, maxChannels> peak {};
    std::array<float, maxChannels> rms {};
};

/** Peak and RMS levels of every track, bus and the master, measured by the mixer on the audio
    (or worker) threads each block and read by the UI without locks. Slots are the plan's track
    and bus indices; a strip beyond the bank's capacity is simply not metered.

    Peaks are "since the last read": the audio thread raises them, the reader takes them (one
    reader, the UI, so it sees every over however seldom it looks). RMS is an exponential
    average with a 300 ms time constant, the integration time of a VU-style meter. */
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
    };
    static_assert (std::atomic<float>::is_always_lock_free);

    static void measure (Slot& slot, const float* const* audio, int channels, int numFrames, float gain,
                         double sampleRate) noexcept;
    static MeterReading read (Slot& slot) noexcept;

    const int trackCount, busCount;
    std::unique_ptr<Slot[]> slots; // tracks, then buses, then the master
};
} // namespace sprocket::engine
