#pragma once

#include "core/Error.h"
#include "engine/ClipRenderer.h"
#include "engine/FileMediaSource.h"
#include "engine/RenderPlan.h"
#include "engine/TrackSource.h"

#include <memory>
#include <vector>

namespace sprocket::engine
{
/** Offline clip stage with one reader set and one ClipRenderer per track, so the worker pool
    can decode, fade and process different tracks on different cores at once. Reads block on
    file I/O: never for the real-time audio thread (that is the DiskStreamer's job). */
class OfflineTrackSource final : public TrackSource
{
public:
    /** [[message thread]] allocates. */
    OfflineTrackSource (const RenderPlan& plan, int maxBlockSize);

    bool readTrack (const RenderPlan& plan, int trackIndex, int64_t position, int numFrames,
                    float* const* dest) noexcept override;
    bool allowsConcurrentReads() const noexcept override { return true; }

    /** The first read error of any track, checked between blocks. */
    std::optional<core::Error> firstError() const;

private:
    struct PerTrack
    {
        std::unique_ptr<FileMediaSource> files;
        ClipRenderer renderer;
    };
    std::vector<std::unique_ptr<PerTrack>> tracks;
};
} // namespace sprocket::engine
