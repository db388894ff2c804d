#include "engine/OfflineTrackSource.h"

namespace sprocket::engine
{
OfflineTrackSource::OfflineTrackSource (const RenderPlan& plan, int maxBlockSize)
{
    for (size_t t = 0; t < plan.tracks.size(); ++t)
    {
        auto track = std::make_unique<PerTrack>();
        track->files = std::make_unique<FileMediaSource> (plan);
        track->renderer.prepare (maxBlockSize);
        tracks.push_back (std::move (track));
    }
}

bool OfflineTrackSource::readTrack (const RenderPlan& plan, int trackIndex, int64_t position, int numFrames,
                                    float* const* dest) noexcept
{
    auto& track = *tracks[size_t (trackIndex)];
    return track.renderer.render (plan.tracks[size_t (trackIndex)], trackIndex, position, numFrames, *track.files, dest);
}

std::optional<core::Error> OfflineTrackSource::firstError() const
{
    for (auto& track : tracks)
        if (auto& error = track->files->firstError())
            return error;
    return std::nullopt;
}
} // namespace sprocket::engine
