#pragma once

#include "engine/ClipRenderer.h"
#include "engine/FileMediaSource.h"
#include "engine/RenderPlan.h"
#include "engine/TrackSource.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sprocket::engine
{
/** Streams each track's clip-stage audio from disk for the real-time engine, the Ardour way:
    a butler thread reads, resamples, fades and sums clips ahead of the playhead into one
    lock-free ring buffer per track; the audio thread only copies out of the rings. A read the
    ring cannot satisfy plays silence and counts as an underrun; nothing on the audio thread
    ever opens, reads or seeks a file.

    Ring protocol (single writer, the butler; readers on the audio thread and its workers): a
    ring holds timeline samples [validStart, validEnd). The butler appends after validEnd and
    only overwrites samples the playhead has passed; when it must invalidate (locate, an edit to
    a track's clips, a new loop head) it bumps the ring's version to odd, waits until no reader
    is inside the ring, moves the bounds (and rewrites), and bumps the version to even again. A
    reader announces itself before it checks the version (both sequentially consistent), so
    either it sees the odd version and backs off, or the butler sees it and waits: a rewrite
    never meets a copy in progress. Only the butler ever waits, and only for a memcpy.

    Loops: while a loop is set, the butler also keeps the loop's first moments of every track
    in a second, smaller ring (the loop head). At the wrap the audio thread plays from the head
    while the butler refills the main ring from where the head ends, so a loop plays without a
    gap however far its start is from its end. */
class DiskStreamer final : public TrackSource
{
public:
    struct Options
    {
        int64_t bufferFrames = 3 * 48000; // per track; about 3 s
        int maxBlockSize = 1024;
        int maxStreams = 512;
        int64_t readyFrames = 16384;     // buffered after a locate before playback resumes
        int64_t editMarginFrames = 4096; // edits take effect this far after the playhead
        int64_t loopHeadFrames = 32768;  // per track, the loop start kept for the wrap
    };

    /** [[message thread]] starts the butler. */
    explicit DiskStreamer (Options options);
    ~DiskStreamer() override;

    /** Gives every track of `plan` a ring (allocating new ones) and hands the butler a copy,
        before the plan is posted to the audio thread. [[message thread]] allocates */
    void preparePlan (RenderPlan& plan);

    // TrackSource, [[audio thread]]
    void blockStarting (int64_t position, int numFrames) noexcept override;
    bool readTrack (const RenderPlan& plan, int trackIndex, int64_t position, int numFrames,
                    float* const* dest) noexcept override;
    void locate (int64_t position) noexcept override;
    bool allowsConcurrentReads() const noexcept override { return true; }
    bool readyAt (const RenderPlan& plan, int64_t position) noexcept override;
    void setLoop (int64_t start, int64_t end) noexcept override;

    /** Reads the rings could not satisfy while playing. [[any thread]] */
    int64_t underruns() const noexcept { return underrunCount.load (std::memory_order_relaxed); }
    /** Media reads that failed (missing or unreadable files): those clips play silence. */
    int64_t mediaErrors() const noexcept { return mediaErrorCount.load (std::memory_order_relaxed); }
    /** The first media read error's message, or empty. [[message thread]] */
    std::string firstMediaError();

    /** Bytes held by the rings and loop heads: the streamer's whole memory for audio. */
    int64_t ringBytes() const noexcept { return allocatedBytes; }

private:
    /** Timeline samples [validStart, validEnd) of one track, stored at position % capacity.
        One writer (the butler), one reader (the audio thread), guarded by a seqlock. */
    struct Ring
    {
        std::vector<float> samples; // planar: channel c at [c * capacity, (c + 1) * capacity)
        int64_t capacity = 0;
        std::atomic<int64_t> validStart { 0 }, validEnd { 0 };
        std::atomic<uint64_t> version { 0 };
        mutable std::atomic<int> readers { 0 }; // readers inside read() right now

        void allocate (int channels, int64_t frames);
        /** [[butler]] Makes the version odd and waits until no read is in progress. */
        void beginRewrite() noexcept;
        /** [[butler]] Makes the version even again: readers may come back. */
        void endRewrite() noexcept;
        /** Copies [position, position + n) to dest[c] + offset; false if not all there. */
        bool read (int channels, int64_t position, int n, float* const* dest, int offset) const noexcept;
    };

    struct Stream
    {
        std::string trackId;
        int channels = 1;
        Ring ring;
        Ring loopHead; // holds [loop start, loop start + loopHeadFrames) while a loop is set
        std::atomic<bool> active { false };
        std::atomic<int64_t> seekHandled { -1 };
        std::atomic<int64_t> loopHeadFor { -1 }; // the loop generation the head was made for
        // Butler only:
        int planTrack = -1; // index in the butler's plan, -1 when the track is gone
        bool loopHeadStale = true;
    };
    static_assert (std::atomic<int64_t>::is_always_lock_free && std::atomic<uint64_t>::is_always_lock_free);

    void butlerLoop();
    void adoptButlerPlan (std::unique_ptr<RenderPlan> plan);
    bool refill (Stream& stream, int slot);
    void fillLoopHead (Stream& stream, int slot, int64_t generation);
    bool loopHeadReady (const Stream& stream, int64_t position) const noexcept;
    static void invalidate (Ring& ring, int64_t start, int64_t end);
    static void write (Ring& ring, int channels, int64_t position, const float* const* source, int frames);

    const Options options;
    std::vector<std::unique_ptr<Stream>> streams; // fixed size; slots never move
    int usedStreams = 0;                          // message thread
    std::atomic<int> publishedStreams { 0 };      // what the audio thread and butler may look at
    int64_t allocatedBytes = 0;

    // Audio thread -> butler.
    std::atomic<int64_t> playhead { 0 };
    std::atomic<int64_t> seekTarget { 0 };
    std::atomic<int64_t> seekGeneration { 0 };
    std::atomic<int64_t> underrunCount { 0 };
    std::atomic<int64_t> mediaErrorCount { 0 };
    std::atomic<bool> waitingForLocate { false }; // reads are not underruns until ready
    std::atomic<int64_t> loopStart { 0 }, loopEnd { 0 };
    std::atomic<int64_t> loopGeneration { 0 }; // bumped by every setLoop

    // Message thread -> butler.
    std::mutex mutex;
    std::condition_variable wake;
    std::unique_ptr<RenderPlan> incomingPlan;
    bool stopping = false;
    std::string mediaErrorMessage; // guarded by mutex

    // Butler only.
    std::unique_ptr<RenderPlan> butlerPlan;
    std::unique_ptr<FileMediaSource> files;
    ClipRenderer renderer;
    std::vector<float> chunk;
    int64_t seekSeen = -1;
    std::thread butler;
};
} // namespace sprocket::engine
