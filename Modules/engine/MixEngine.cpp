#include "engine/MixEngine.h"

#include "dsp/MixKernels.h"

namespace sprocket::engine
{
void MixEngine::prepare (const RenderPlan& newPlan, int maxBlockSize)
{
    plan = &newPlan;
    maxBlock = maxBlockSize;
    trackBuffer.allocate (maxChannels, maxBlock);
    master.allocate (newPlan.masterChannels, maxBlock);
    buses.resize (newPlan.buses.size());
    for (size_t b = 0; b < newPlan.buses.size(); ++b)
        buses[b].allocate (newPlan.buses[b].channels, maxBlock);
}

void MixEngine::process (int64_t position, int numFrames, TrackSource& tracks) noexcept
{
    tracks.blockStarting (position, numFrames);
    master.clear (plan->masterChannels, numFrames);
    for (size_t b = 0; b < buses.size(); ++b)
        buses[b].clear (plan->buses[b].channels, numFrames);

    for (int t = 0; t < int (plan->tracks.size()); ++t)
    {
        const auto& track = plan->tracks[size_t (t)];
        if (track.audible && tracks.readTrack (t, position, numFrames, trackBuffer.data()))
            route (trackBuffer.data(), track.channels, track.destination, numFrames);
    }

    for (int b : plan->busOrder)
    {
        const auto& bus = plan->buses[size_t (b)];
        auto& buffer = buses[size_t (b)];
        if (bus.gain != 1.0f)
            for (int c = 0; c < bus.channels; ++c)
                dsp::applyGain (buffer.channel (c), numFrames, bus.gain);
        route (buffer.data(), bus.channels, bus.destination, numFrames);
    }

    if (plan->masterGain != 1.0f)
        for (int c = 0; c < plan->masterChannels; ++c)
            dsp::applyGain (master.channel (c), numFrames, plan->masterGain);
}

void MixEngine::route (const float* const* source, int sourceChannels, const PlanDestination& destination,
                       int numFrames) noexcept
{
    float* const* dest = destination.busIndex >= 0 ? buses[size_t (destination.busIndex)].data() : master.data();
    for (int d = 0; d < destination.channels; ++d)
        for (int s = 0; s < sourceChannels; ++s)
            if (const float gain = destination.matrix[size_t (d)][size_t (s)]; gain != 0.0f)
                dsp::addWithGain (dest[d], source[s], numFrames, gain);
}
} // namespace sprocket::engine
