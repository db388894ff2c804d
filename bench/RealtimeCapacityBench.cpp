// How many mono tracks one core renders within 70% of a block's time budget at 48 kHz, for four
// strips (real-time engine issue; mixer and automation issue):
//   baseline  EQ + compressor + fader + pan, 8 stereo stems -> stereo master;
//   dialogue  EQ + compressor + de-esser + fader + pan, 8 stereo stems, and one convolution reverb
//             (2 s stereo IR, 20 % wet) shared on the DX stem (sends to an aux do not exist yet);
//   surround  the dialogue strip, each track placed by the surround panner into 8 5.1 stems ->
//             a 5.1 printmaster (the reverb on the DX stem convolves 6 channels);
//   surround_room  the same with room_reverb (algorithmic, C and LFE dry) on the DX stem instead.
// Every strip is metered, as in the app (MeterBank). Media come from memory (the disk streamer's
// read is a memcpy of the same size). Prints numbers;
// asserts nothing. Usage: realtime_capacity_bench [baseline|dialogue|surround|surround_room ...]
// (default all).
#include "engine/ClipRenderer.h"
#include "engine/MixEngine.h"
#include "engine/PlanCompiler.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
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

enum class Strip
{
    baseline,
    dialogue,
    surround,
    surroundRoom
};

const char* stripName (Strip strip)
{
    switch (strip)
    {
        case Strip::baseline:
            return "baseline";
        case Strip::dialogue:
            return "dialogue";
        case Strip::surround:
            return "surround";
        case Strip::surroundRoom:
            return "surround_room";
    }
    return "";
}

session::Session sessionWith (int tracks, Strip strip)
{
    session::Session s;
    const char* stems[] = { "DX", "MX", "FX", "FOL", "BG", "ADR", "CRWD", "VO" };
    const bool surround = strip == Strip::surround || strip == Strip::surroundRoom;
    const int stemChannels = surround ? 6 : 2;
    for (auto stem : stems)
        s.buses.push_back ({ stem, stem, stemChannels, 0.0, session::masterOutputId, {}, {} });
    s.master.channels = stemChannels;
    if (strip == Strip::surroundRoom)
        s.buses[0].inserts.push_back ({ "room_reverb", { { "mix", 20.0 } }, false, nullptr });
    else if (strip != Strip::baseline)
        s.buses[0].inserts.push_back ({ "convolution_reverb", { { "mix", 20.0 } }, false, nullptr });
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
        if (strip != Strip::baseline)
            track.inserts.push_back ({ "de_esser", { { "threshold_db", -35.0 } }, false, nullptr });
        if (surround)
        {
            session::SurroundPan around; // spread over the room: x and y in -1..1
            around.x = -1.0 + 2.0 * (t % 5) / 4.0;
            around.y = -1.0 + 2.0 * (t % 3) / 2.0;
            track.surroundPan = around;
        }
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
    double p50, p90, p99, p999, max;
};

/** A 2 s stereo room: exponentially decaying noise (RT60 about 2 s), different per side. */
std::vector<std::vector<float>> impulseResponse()
{
    std::vector<std::vector<float>> ir (2, std::vector<float> (96000));
    uint32_t state = 1;
    for (auto& side : ir)
        for (size_t i = 0; i < side.size(); ++i)
        {
            state = state * 1664525u + 1013904223u;
            side[i] = float (int32_t (state)) / 2147483648.0f * 0.1f * float (std::pow (10.0, -3.0 * double (i) / 96000.0));
        }
    return ir;
}

Timing measure (int tracks, int block, MemorySource& source, Strip strip)
{
    auto plan = engine::compilePlan (sessionWith (tracks, strip));
    for (auto& insert : plan.buses[0].inserts)
        insert.impulseResponse = impulseResponse();
    engine::MediaTrackSource trackSource (source, block);
    engine::MixEngine mixer;
    mixer.prepare (plan, block);
    // Metered like the app: every track, stem and the master (the real-time engine always attaches its bank).
    engine::MeterBank meters (tracks, int (plan.buses.size()));
    mixer.setMeters (&meters);
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
    return { at (0.5), at (0.9), at (0.99), at (0.999), us.back() };
}
} // namespace

int main (int argc, char** argv)
{
    std::vector<Strip> strips;
    for (int a = 1; a < argc; ++a)
        for (auto strip : { Strip::baseline, Strip::dialogue, Strip::surround, Strip::surroundRoom })
            if (std::strcmp (argv[a], stripName (strip)) == 0)
                strips.push_back (strip);
    if (strips.empty())
        strips = { Strip::baseline, Strip::dialogue, Strip::surround, Strip::surroundRoom };

    MemorySource source;
    source.samples.resize (48000 * 10);
    for (size_t i = 0; i < source.samples.size(); ++i)
        source.samples[i] = 0.2f * float (std::sin (double (i) * 0.05) + 0.3 * std::sin (double (i) * 0.31));

    std::printf ("real-time capacity on one core, 48 kHz; limit: p99 callback time <= 70%% of the block budget\n"
                 "  baseline: mono tracks, EQ (3 bands + HPF) + compressor + fader + pan, 8 stereo stems -> stereo master\n"
                 "  dialogue: + de-esser per track, convolution reverb (2 s stereo IR, 20%% wet) on the DX stem\n"
                 "  surround: the dialogue strip, surround-panned into 8 5.1 stems -> 5.1 master\n"
                 "  surround_room: the same with room_reverb on the DX stem instead of the convolution reverb\n");
    for (auto strip : strips)
        for (int block : { 64, 128 })
        {
            const double budget = double (block) / 48000.0 * 1e6;
            int lo = 8, hi = 2048;
            while (hi - lo > 8)
            {
                const int mid = (lo + hi) / 2;
                // A miss is measured once more: on a shared machine another job's burst can spoil
                // one 4 s run, and a search that believes it never looks above that point again.
                const auto fits = [&] { return measure (mid, block, source, strip).p99 <= 0.7 * budget; };
                if (fits() || fits())
                    lo = mid;
                else
                    hi = mid;
            }
            const auto t = measure (lo, block, source, strip);
            std::printf (
                "  %-13s block %3d (budget %.0f us): %4d tracks; callback p50 %.0f us, p99 %.0f us, p99.9 %.0f us, max %.0f us\n",
                stripName (strip), block, budget, lo, t.p50, t.p99, t.p999, t.max);
            // The cost model: p90 at 16 and at 80 tracks gives a per-track cost and a fixed cost
            // (buses, master, reverb). p90 still sees work done every other callback (a 128-sample
            // convolution partition in 64-sample blocks) but not other jobs' sporadic preemptions,
            // so on a busy machine its estimate is steadier than the p99 search.
            const double few = measure (16, block, source, strip).p90, many = measure (80, block, source, strip).p90;
            const double perTrack = (many - few) / 64.0, fixed = few - 16.0 * perTrack;
            std::printf ("  %-13s block %3d: p90 per track %.2f us, fixed %.0f us -> %d tracks at 70%% of the budget\n",
                         stripName (strip), block, perTrack, fixed, int ((0.7 * budget - fixed) / perTrack));
            std::fflush (stdout);
        }
    return 0;
}
