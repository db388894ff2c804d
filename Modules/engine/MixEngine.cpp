#include "engine/MixEngine.h"

#include "dsp/MixKernels.h"
#include "engine/ClipSchedule.h"

#include <algorithm>

namespace sprocket::engine
{
void MixEngine::Buffer::allocate (int channels, int frames)
{
    samples.assign (size_t (channels) * size_t (frames), 0.0f);
    pointers.resize (size_t (channels));
    for (int c = 0; c < channels; ++c)
        pointers[size_t (c)] = samples.data() + size_t (c) * size_t (frames);
}

void MixEngine::Buffer::clear (int channels, int frames) noexcept
{
    for (int c = 0; c < channels; ++c)
        dsp::clear (pointers[size_t (c)], frames);
}

void MixEngine::prepare (const RenderPlan& newPlan, int maxBlockSize)
{
    plan = &newPlan;
    maxBlock = maxBlockSize;
    trackBuffer.allocate (maxChannels, maxBlock);
    clipBuffer.allocate (maxChannels, maxBlock);
    master.allocate (newPlan.masterChannels, maxBlock);
    masterPointers = master.pointers;
    buses.resize (newPlan.buses.size());
    busPointers.resize (newPlan.buses.size());
    for (size_t b = 0; b < newPlan.buses.size(); ++b)
    {
        buses[b].allocate (newPlan.buses[b].channels, maxBlock);
        busPointers[b] = buses[b].pointers;
    }
}

void MixEngine::process (int64_t position, int numFrames, MediaSource& media) noexcept
{
    media.blockStarting (position, numFrames);
    master.clear (plan->masterChannels, numFrames);
    for (size_t b = 0; b < buses.size(); ++b)
        buses[b].clear (plan->buses[b].channels, numFrames);

    for (int t = 0; t < int (plan->tracks.size()); ++t)
        if (plan->tracks[size_t (t)].audible)
            mixTrack (t, position, numFrames, media);

    for (int b : plan->busOrder)
    {
        auto& bus = plan->buses[size_t (b)];
        auto& buffer = buses[size_t (b)];
        if (bus.gain != 1.0f)
            for (int c = 0; c < bus.channels; ++c)
                dsp::applyGain (buffer.pointers[size_t (c)], numFrames, bus.gain);
        route (buffer.pointers.data(), bus.channels, bus.destination, numFrames);
    }

    if (plan->masterGain != 1.0f)
        for (int c = 0; c < plan->masterChannels; ++c)
            dsp::applyGain (master.pointers[size_t (c)], numFrames, plan->masterGain);
}

void MixEngine::mixTrack (int trackIndex, int64_t position, int numFrames, MediaSource& media) noexcept
{
    auto& track = plan->tracks[size_t (trackIndex)];
    bool touched = false;
    forEachClipInBlock (track, position, numFrames, [&] (const PlanClip& clip, int64_t from, int count) {
        if (! touched)
        {
            trackBuffer.clear (track.channels, numFrames);
            touched = true;
        }
        addClip (trackIndex, clip, from, count, int (from - position), media);
    });

    if (touched)
        route (trackBuffer.pointers.data(), track.channels, track.destination, numFrames);
}

void MixEngine::addClip (int trackIndex, const PlanClip& clip, int64_t from, int n, int offset,
                         MediaSource& media) noexcept
{
    const int channels = plan->tracks[size_t (trackIndex)].channels;
    media.read (trackIndex, clip.mediaIndex, clip.sourceStart + (from - clip.start), clipBuffer.pointers.data(),
                channels, n);

    const int64_t intoClip = from - clip.start;
    const int64_t toEnd = clip.end - from;
    for (int c = 0; c < channels; ++c)
    {
        float* samples = clipBuffer.pointers[size_t (c)];
        if (intoClip < clip.fadeInLength)
        {
            const int fadeSamples = int (std::min<int64_t> (n, clip.fadeInLength - intoClip));
            dsp::applyFadeIn (samples, fadeSamples, intoClip, clip.fadeInLength, clip.fadeInShape);
        }
        if (toEnd - n < clip.fadeOutLength)
        {
            // The fade-out covers the last fadeOutLength samples of the clip.
            const int skip = int (std::max<int64_t> (0, toEnd - clip.fadeOutLength));
            dsp::applyFadeOut (samples + skip, n - skip, toEnd - skip, clip.fadeOutLength, clip.fadeOutShape);
        }
        dsp::addWithGain (trackBuffer.pointers[size_t (c)] + offset, samples, n, clip.gain);
    }
}

float* const* MixEngine::destinationPointers (const PlanDestination& destination) noexcept
{
    return destination.busIndex >= 0 ? buses[size_t (destination.busIndex)].pointers.data() : master.pointers.data();
}

void MixEngine::route (const float* const* source, int sourceChannels, const PlanDestination& destination,
                       int numFrames) noexcept
{
    float* const* dest = destinationPointers (destination);
    for (int d = 0; d < destination.channels; ++d)
        for (int s = 0; s < sourceChannels; ++s)
            if (const float gain = destination.matrix[size_t (d)][size_t (s)]; gain != 0.0f)
                dsp::addWithGain (dest[d], source[s], numFrames, gain);
}
} // namespace sprocket::engine
