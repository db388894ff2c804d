// Mixing cost alone, media already in memory: 32 mono tracks x 2 minutes with fades, gains and
// pans into one stereo bus and the master, in 4096-sample blocks (the offline block size) and
// in 128-sample blocks (a real-time callback). Prints the realtime factor; asserts nothing.
#include "engine/ClipRenderer.h"
#include "engine/MixEngine.h"
#include "engine/PlanCompiler.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace sprocket;

namespace
{
class MemorySource final : public engine::MediaSource
{
public:
    std::vector<std::vector<float>> media;

    int64_t read (int, int mediaIndex, int64_t start, float* const* dest, int, int n) noexcept override
    {
        const auto& samples = media[size_t (mediaIndex)];
        for (int i = 0; i < n; ++i)
        {
            const int64_t frame = start + i;
            dest[0][i] = frame >= 0 && frame < int64_t (samples.size()) ? samples[size_t (frame)] : 0.0f;
        }
        return n;
    }
};

double secondsToMix (const engine::RenderPlan& plan, MemorySource& source, int blockSize)
{
    engine::MixEngine mixer;
    mixer.prepare (plan, blockSize);
    engine::MediaTrackSource mixerTracks (source, blockSize);
    const auto start = std::chrono::steady_clock::now();
    volatile float sink = 0.0f;
    for (int64_t pos = 0; pos < plan.length; pos += blockSize)
    {
        const int n = int (std::min<int64_t> (blockSize, plan.length - pos));
        mixer.process (pos, n, mixerTracks);
        sink = sink + mixer.masterOutput()[0][0];
    }
    return std::chrono::duration<double> (std::chrono::steady_clock::now() - start).count();
}
} // namespace

int main()
{
    constexpr int tracks = 32;
    constexpr int64_t rate = 48000, frames = rate * 120;

    session::Session s;
    s.buses.push_back ({ "MAIN", "Main", 2, 0.0, session::masterOutputId, {}, {} });
    MemorySource source;
    for (int t = 0; t < tracks; ++t)
    {
        const auto id = std::to_string (t);
        s.media.push_back ({ "m" + id, "m" + id + ".wav" });
        std::vector<float> samples (static_cast<size_t> (frames));
        for (int64_t i = 0; i < frames; ++i)
            samples[size_t (i)] = 0.05f * float (std::sin (0.01 * double (t + 1) * double (i)));
        source.media.push_back (std::move (samples));

        session::Track track;
        track.id = "t" + id;
        track.channels = 1;
        track.output = "MAIN";
        track.gainDb = -6.0 - 0.25 * t;
        track.pan = -1.0 + 2.0 * t / (tracks - 1);
        session::Clip clip;
        clip.id = "c" + id;
        clip.mediaId = "m" + id;
        clip.length = { frames };
        clip.fadeIn = { { 4800 }, dsp::FadeShape::linear };
        clip.fadeOut = { { 4800 }, dsp::FadeShape::linear };
        track.clips.push_back (clip);
        s.tracks.push_back (track);
    }

    const auto plan = engine::compilePlan (s);
    std::printf ("mix only (media in memory), %d mono tracks x %.0f s -> stereo bus -> master\n", tracks,
                 double (frames) / double (rate));
    for (int block : { 4096, 128 })
    {
        secondsToMix (plan, source, block); // warm caches
        const double seconds = secondsToMix (plan, source, block);
        std::printf ("  block %4d: %.3f s, %.0fx real time, %.1f ns per track-sample\n", block, seconds,
                     double (frames) / double (rate) / seconds, seconds * 1e9 / double (frames * tracks));
    }
    return 0;
}
