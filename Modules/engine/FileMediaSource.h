#pragma once

#include "core/Error.h"
#include "engine/MediaSource.h"
#include "engine/RenderPlan.h"

#include <map>
#include <memory>
#include <string>
#include <utility>

namespace sprocket::engine
{
/** Reads media straight from disk for offline rendering: one reader per (track, media) pair so
    each track reads sequentially, resampled through libsoxr when the file's rate differs
    from the session's. Blocking I/O: never for the real-time audio thread. */
class FileMediaSource final : public MediaSource
{
public:
    explicit FileMediaSource (const RenderPlan& plan);
    ~FileMediaSource() override;

    /** Reads media of another plan from now on; open readers are kept by (track key, file), so
        a track reading the same file carries on without reopening it. */
    void setPlan (const RenderPlan& newPlan) noexcept { plan = &newPlan; }

    /** Offline renders stop at the first error; the disk streamer plays on, with silence for
        the clip that failed. */
    void setStopOnError (bool shouldStop) noexcept { stopOnError = shouldStop; }

    /** Number of reads that failed (the clip played silence). */
    int64_t failedReads() const noexcept { return failures; }

    /** Opens every reader the plan needs, so a missing or unreadable file fails before any
        audio is written. [[not audio thread]] */
    core::Status openAll();

    int64_t read (int trackIndex, int mediaIndex, int64_t startFrame, float* const* dest, int channels,
                  int numFrames) noexcept override;

    /** The first read error since construction, if any (reads after it give silence). */
    const std::optional<core::Error>& firstError() const noexcept { return error; }

private:
    class Reader;
    Reader* readerFor (int trackIndex, int mediaIndex);

    const RenderPlan* plan;
    std::map<std::pair<int, std::string>, std::unique_ptr<Reader>> readers;
    std::optional<core::Error> error;
    bool stopOnError = true;
    int64_t failures = 0;
};
} // namespace sprocket::engine
