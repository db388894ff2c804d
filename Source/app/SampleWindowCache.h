#pragma once

#include "core/SampleTime.h"

#include <juce_events/juce_events.h>

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <utility>
#include <vector>

namespace sprocket::app
{
/** A stretch of a media file's actual samples, planar float, for drawing at sample level. */
struct SampleWindow
{
    std::filesystem::path file;
    int64_t start = 0;  // first media frame held
    int64_t frames = 0; // frames held (outside the file: zeros, as io::AudioFileReader reads them)
    int channels = 0;
    std::vector<float> samples; // [channel * frames + frame]

    /** The min and max of every `blockFrames` frames from `start`, per channel, so a column of
        hundreds of samples costs a few dozen comparisons (made by the reader thread). */
    static constexpr int64_t blockFrames = 16;
    std::vector<std::pair<float, float>> blocks; // [channel * blockCount() + block]
    int64_t blockCount() const noexcept { return (frames + blockFrames - 1) / blockFrames; }
    void computeBlocks();

    const float* channel (int c) const noexcept { return samples.data() + size_t (c) * size_t (frames); }
    bool holds (int64_t from, int64_t to) const noexcept { return from >= start && to <= start + frames; }
    size_t bytes() const noexcept { return bytesFor (frames, channels); }
    /** What a window of `frames` x `channels` takes: samples and blocks. */
    static size_t bytesFor (int64_t frames, int channels) noexcept
    {
        const auto blockCount = (frames + blockFrames - 1) / blockFrames;
        return size_t (channels) * (size_t (frames) * sizeof (float) + size_t (blockCount) * sizeof (std::pair<float, float>));
    }

    /** The lowest and highest sample of channel `c` over media frames [from, to], both held. */
    std::pair<float, float> range (int c, int64_t from, int64_t to) const noexcept;
};

/** The samples the timeline draws when zoomed in past the finest peak level: a few windows of
    media read on a thread of its own (io::AudioFileReader, the reader peak building uses), so a
    paint never waits for the disk. `find` answers from the windows held and, on a miss, queues
    a read of the visible frames plus a margin and returns null (the painter draws the peaks
    meanwhile); a timer on the message thread takes finished windows from the reader and calls
    onUpdate, so the painter only ever sees complete windows, as WaveformCache does for peaks.

    Bounded: at most `Limits::maxWindows` windows and `Limits::maxBytes`, least recently used
    evicted first. Paints are passes (`beginPass`): windows found in the current pass are in use,
    and a request that would not fit beside them and the reads already queued is not made (that
    clip keeps its peaks), so a view needing more than the budget never reads in a loop.
    [[message thread]] except the reader thread. */
class SampleWindowCache final : private juce::Timer
{
public:
    struct Limits
    {
        size_t maxWindows = 32;
        size_t maxBytes = size_t (64) << 20;
    };

    SampleWindowCache();
    explicit SampleWindowCache (Limits limits);
    ~SampleWindowCache() override;

    /** A paint starts: windows found from now on are the ones in use. */
    void beginPass() noexcept { ++pass; }

    /** A window of `file` (`channels` wide) holding media frames [from, to), or null; on a
        miss a read of `windowFor (from, to)` is queued unless one that holds them is already
        on its way, the file could not be read, or it would not fit the limits. */
    const SampleWindow* find (const std::filesystem::path& file, int channels, int64_t from, int64_t to);

    /** What a request for [from, to) reads: the range widened by half its length each side (at
        least `minimumMargin`), so small scrolls and zooms stay inside the window, with ends on
        multiples of `alignment` (neighbouring requests read the same window), from frame 0. */
    static core::SampleRange windowFor (int64_t from, int64_t to);
    static constexpr int64_t minimumMargin = 4096;
    static constexpr int64_t alignment = 4096;

    /** Windows held and their size, and reads not yet handed over. */
    int windowCount() const noexcept { return int (windows.size()); }
    size_t bytesHeld() const noexcept;
    int pendingCount() const noexcept { return int (pending.size()); }

    /** Blocks until every queued read is handed over (tests, snapshots, the benchmark). */
    void waitUntilIdle();

    /** After windows arrive (message thread). */
    std::function<void()> onUpdate;

private:
    struct Request
    {
        std::filesystem::path file;
        int channels = 0;
        core::SampleRange range;
        size_t bytes() const noexcept { return SampleWindow::bytesFor (range.length().samples, channels); }
    };
    struct Entry
    {
        std::shared_ptr<const SampleWindow> window;
        uint64_t lastPass = 0;
    };
    struct Finished
    {
        Request request;
        std::shared_ptr<const SampleWindow> window; // null: unreadable, or dropped for a newer request
        bool failed = false;
    };

    void timerCallback() override;
    bool takeFinished();
    void run();
    static Finished read (const Request&);

    const Limits limits;

    // Message thread only.
    std::vector<Entry> windows;
    std::vector<Request> pending; // queued or being read
    std::set<std::filesystem::path> unreadable;
    uint64_t pass = 1;

    // Shared with the reader.
    std::mutex lock;
    std::condition_variable wake;
    std::vector<Request> queue;
    std::vector<Finished> finished;
    bool quit = false;
    std::thread reader;
};
} // namespace sprocket::app
