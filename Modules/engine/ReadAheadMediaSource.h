#pragma once

#include "core/Error.h"
#include "engine/FileMediaSource.h"
#include "engine/MediaSource.h"
#include "engine/RenderPlan.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace sprocket::engine
{
/** Offline read-ahead: a reader thread decodes the media of the next blocks while the mixer
    works on the current one, so file decoding and mixing use two cores. The reader walks the
    plan with forEachClipInBlock, the same walk the mixer makes, so it knows every read the mixer
    will ask for, in order; the mixer gets exactly the samples a direct read would give.
    Offline only: the mixer waits when the reader is behind. */
class ReadAheadMediaSource final : public MediaSource
{
public:
    /** Reads blocks of `blockSize` over [0, plan.length) from `files`, up to `blocksAhead` ahead. */
    ReadAheadMediaSource (const RenderPlan& plan, FileMediaSource& files, int blockSize, int blocksAhead = 8);
    ~ReadAheadMediaSource() override;

    void blockStarting (int64_t position, int numFrames) noexcept override;
    int64_t read (int trackIndex, int mediaIndex, int64_t startFrame, float* const* dest, int channels,
                  int numFrames) noexcept override;

    /** The first read error of the blocks handed to the mixer so far. [[mixer thread]] */
    const std::optional<core::Error>& firstError() const noexcept { return error; }

private:
    struct Read
    {
        int trackIndex, mediaIndex, channels, numFrames;
        int64_t startFrame;
        size_t offset; // into Slot::samples, planar
    };

    struct Slot
    {
        int64_t position = -1;
        bool ready = false;
        std::vector<Read> reads;
        std::vector<float> samples;
        std::optional<core::Error> error;
    };

    void readerLoop();
    void fill (Slot& slot, int64_t position, int numFrames);

    const RenderPlan& plan;
    FileMediaSource& files;
    const int blockSize;
    std::vector<Slot> slots;

    std::mutex mutex;
    std::condition_variable changed;
    bool stopping = false;
    int64_t consumedBlocks = 0; // blocks the mixer has finished with

    Slot* current = nullptr;
    size_t nextRead = 0;
    int64_t currentBlock = -1;
    std::optional<core::Error> error;
    std::thread reader;
};
} // namespace sprocket::engine
