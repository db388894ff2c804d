#include "engine/ClipRenderer.h"

#include "dsp/FadeCurve.h"
#include "dsp/MixKernels.h"
#include "engine/ClipSchedule.h"

namespace sprocket::engine
{
void ClipRenderer::prepare (int maxBlockSize)
{
    clipBuffer.allocate (maxChannels, maxBlockSize);
}

bool ClipRenderer::render (const PlanTrack& track, int trackIndex, int64_t position, int numFrames, MediaSource& media,
                           float* const* dest) noexcept
{
    bool touched = false;
    forEachClipInBlock (track, position, numFrames, [&] (const PlanClip& clip, int64_t from, int count) {
        if (! touched)
        {
            for (int c = 0; c < track.channels; ++c)
                dsp::clear (dest[c], numFrames);
            touched = true;
        }
        addClip (track, trackIndex, clip, from, count, int (from - position), media, dest);
    });
    return touched;
}

void ClipRenderer::addClip (const PlanTrack& track, int trackIndex, const PlanClip& clip, int64_t from, int n, int offset,
                            MediaSource& media, float* const* dest) noexcept
{
    media.read (trackIndex, clip.mediaIndex, clip.sourceStart + (from - clip.start), clipBuffer.data(), track.channels, n);

    const int64_t intoClip = from - clip.start;
    const int64_t toEnd = clip.end - from;
    for (int c = 0; c < track.channels; ++c)
    {
        float* samples = clipBuffer.channel (c);
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
        dsp::addWithGain (dest[c] + offset, samples, n, clip.gain);
    }
}

MediaTrackSource::MediaTrackSource (MediaSource& m, int maxBlockSize) : media (m)
{
    renderer.prepare (maxBlockSize);
}

bool MediaTrackSource::readTrack (const RenderPlan& plan, int trackIndex, int64_t position, int numFrames,
                                  float* const* dest) noexcept
{
    return renderer.render (plan.tracks[size_t (trackIndex)], trackIndex, position, numFrames, media, dest);
}
} // namespace sprocket::engine
