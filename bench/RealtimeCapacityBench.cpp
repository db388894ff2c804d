// How many mono tracks, each with EQ + compressor + fader + pan, routed to 8 stems and a master,
// one core renders within 70% of a block's time budget at 48 kHz (issue: real-time engine).
// Media come from memory (the disk streamer's read is a memcpy of the same size). Prints numbers;
// asserts nothing.
#include "engine/ClipRenderer.h"
#include "engine/MixEngine.h"
#include "engine/PlanCompiler.h"

#include <algorithm>
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
    std::vector<float> samples;

    int64_t read (int, int, int64_t start, float* const* dest, int, int n) noexcept override
    {
        const auto size = int64_t (samples.size());
        for (int i = 0; i < n; ++i)
            dest[0][i] = samples[size_t ((start + i) % size)];
        return n;
    }
};

session::Session sessionWith (int tracks)
{
    session::Session s;
    const char* stems[] = { "DX", "MX", "FX", "FOL", "BG", "ADR", "CRWD", "VO" };
    for (auto stem : stems)
        s.buses.push_back ({ stem, stem, 2, 0.0, session::masterOutputId, {}, {} });
    s.media.push_back ({ "m", "m.wav" });
    for (int t = 0; t < tracks; ++t)
    {
        session::Track track;
        track.id = "t" + std::to_string (t);
        track.channels = 1;
        track.output = stems[t % 8];
        track.gainDb = -10.0;
        track.pan = -1.0 + 2.0 * (t % 17) / 16.0;
        track.inserts.push_back (
            { "eq", { { "band2_gain_db", 4.0 }, { "band3_gain_db", -3.0 }, { "hpf_freq_hz", 80.0 } }, false, nullptr });
        track.inserts.push_back ({ "compressor", { { "threshold_db", -24.0 }, { "ratio", 3.0 } }, false, nullptr });
        session::Clip clip;
        clip.id = "c" + std::to_string (t);
        clip.mediaId = "m";
        clip.length = { 48000 * 600 };
        track.clips.push_back (clip);
        s.tracks.push_back (track);
    }
    return s;
}

struct Timing
{
    double p50, p99, p999, max;
};

Timing measure (int tracks, int block, MemorySource& source)
{
    const auto plan = engine::compilePlan (sessionWith (tracks));
    engine::MediaTrackSource trackSource (source, block);
    engine::MixEngine mixer;
    mixer.prepare (plan, block);
    const int callbacks = 48000 * 4 / block; // 4 s of audio
    std::vector<double> us;
    us.reserve (size_t (callbacks));
    for (int c = 0; c < callbacks; ++c)
    {
        const auto start = std::chrono::steady_clock::now();
        mixer.process (int64_t (c) * block, block, trackSource);
        us.push_back (std::chrono::duration<double, std::micro> (std::chrono::steady_clock::now() - start).count());
    }
    std::sort (us.begin(), us.end());
    const auto at = [&] (double q) { return us[std::min (us.size() - 1, size_t (q * double (us.size())))]; };
    return { at (0.5), at (0.99), at (0.999), us.back() };
}
} // namespace

int main()
{
    MemorySource source;
    source.samples.resize (48000 * 10);
    for (size_t i = 0; i < source.samples.size(); ++i)
        source.samples[i] = 0.2f * float (std::sin (double (i) * 0.05) + 0.3 * std::sin (double (i) * 0.31));

    std::printf ("real-time capacity on one core, 48 kHz, mono tracks with EQ (3 bands + HPF) + compressor + fader + pan,\n"
                 "8 stereo stems -> stereo master; limit: p99 callback time <= 70%% of the block budget\n");
    for (int block : { 64, 128 })
    {
        const double budget = double (block) / 48000.0 * 1e6;
        int lo = 8, hi = 2048;
        while (hi - lo > 8)
        {
            const int mid = (lo + hi) / 2;
            if (measure (mid, block, source).p99 <= 0.7 * budget)
                lo = mid;
            else
                hi = mid;
        }
        const auto t = measure (lo, block, source);
        std::printf ("  block %3d (budget %.0f us): %4d tracks; callback p50 %.0f us, p99 %.0f us, p99.9 %.0f us, max %.0f us\n",
                     block, budget, lo, t.p50, t.p99, t.p999, t.max);
    }
    return 0;
}
