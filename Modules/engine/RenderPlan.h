#pragma once

#include "dsp/FadeCurve.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace sprocket::engine
{
inline constexpr int maxChannels = 8;

/** Gains from each source channel (columns) to each destination channel (rows). */
using RoutingMatrix = std::array<std::array<float, maxChannels>, maxChannels>;

struct PlanMedia
{
    std::filesystem::path file;
    std::string id;
};

/** A processor slot: created and prepared by MixEngine::prepare from this description. */
struct PlanInsert
{
    std::string type;
    nlohmann::json params; // {"id": value, ...}
    bool bypass = false;
    nlohmann::json extra = nlohmann::json::object(); // non-parameter state ("ir"), as in the session
    /** convolution_reverb: the file named by extra["ir"], read at the plan's rate by compilePlan
        (empty when there is none or it could not be read: the insert then passes audio). */
    std::vector<std::vector<float>> impulseResponse {};
};

/** An automation lane compiled for the mixer: breakpoints in time order. */
struct PlanLane
{
    std::vector<int64_t> positions;
    std::vector<double> values;

    bool empty() const noexcept { return positions.empty(); }

    /** Writes the lane's value at each sample of [start, start + n) through `write(i, value)`:
        linear between points, held before the first and after the last (the session's rule).
        [[audio thread]] no allocation. */
    template <typename Write>
    void forEachSample (int64_t start, int n, Write&& write) const noexcept
    {
        const size_t count = positions.size();
        size_t next = size_t (std::upper_bound (positions.begin(), positions.end(), start) - positions.begin());
        for (int i = 0; i < n; ++i)
        {
            const int64_t at = start + i;
            while (next < count && positions[next] <= at)
                ++next;
            if (next == 0)
                write (i, values.front());
            else if (next == count)
                write (i, values.back());
            else
            {
                const double t = double (at - positions[next - 1]) / double (positions[next] - positions[next - 1]);
                write (i, values[next - 1] + (values[next] - values[next - 1]) * t);
            }
        }
    }

    double valueAt (int64_t position) const noexcept
    {
        double value = 0.0;
        forEachSample (position, 1, [&] (int, double v) { value = v; });
        return value;
    }
};

/** An insert parameter's lane: the processor at `insert`, parameter index `parameter`. */
struct PlanInsertLane
{
    int insert = -1;
    int parameter = -1;
    PlanLane lane;
};

/** A track's or bus's automation. Gain and mute make a per-sample envelope; pan (mono or
    stereo sources into stereo or wider) a per-sample pan; insert parameters are set every
    `insertAutomationStep` samples and glide on through the processor's own smoothing. */
struct PlanAutomation
{
    PlanLane gainDb, pan, mute;
    std::vector<PlanInsertLane> inserts;

    bool shapesGain() const noexcept { return ! gainDb.empty() || ! mute.empty(); }
    bool any() const noexcept { return shapesGain() || ! pan.empty() || ! inserts.empty(); }
};

inline constexpr int insertAutomationStep = 32;

struct PlanClip
{
    int mediaIndex = -1;
    int64_t start = 0;       // timeline sample where the clip begins
    int64_t end = 0;         // one past its last sample
    int64_t sourceStart = 0; // media frame (at the session rate) that plays at `start`
    float gain = 1.0f;
    int64_t fadeInLength = 0;
    dsp::FadeShape fadeInShape = dsp::FadeShape::linear;
    int64_t fadeOutLength = 0;
    dsp::FadeShape fadeOutShape = dsp::FadeShape::linear;

    bool operator== (const PlanClip&) const = default;
};

/** Where a track or bus sends its audio: a bus index, or the master. */
struct PlanDestination
{
    int busIndex = -1; // -1 is the master
    int channels = 2;
    RoutingMatrix matrix {}; // includes the source's fader gain and pan
};

/** An aux send: a copy of a track's or bus's signal into a bus (docs/SESSION_FORMAT.md, *Sends*).
    Pre-fader it is tapped after the inserts, before the fader and gain automation (a mute lane
    still silences it); post-fader where the main output is. */
struct PlanSend
{
    std::string id;
    /** The aux bus; the matrix carries the source's pan, the send level (unless `gainDb` is
        automated) and, post-fader, the fader gain when the mixer routes it in the matrix. */
    PlanDestination destination;
    bool preFader = false;
    bool muted = false; // the send's own mute; the track's mute and solo act through `audible`
    PlanLane gainDb;    // "send.<id>.gain_db": a per-sample level replacing the static one
};

struct PlanTrack
{
    std::string id;
    int channels = 1;
    bool audible = true;    // false when muted, or when another track is soloed
    float faderGain = 1.0f; // also inside destination.matrix; kept apart for post-fader meters
    int routedChannels = 1; // channels entering the routing matrix: 2 once pan automation has panned a mono track
    PlanAutomation automation;
    std::vector<PlanClip> clips;     // sorted by start
    std::vector<int64_t> maxEndUpTo; // max end of clips[0..i]: monotonic, so searchable
    std::vector<PlanInsert> inserts;
    PlanDestination destination;
    std::vector<PlanSend> sends; // from the same signal as `destination` (routedChannels wide)
    int streamSlot = -1; // the disk streamer's ring for this track (set by DiskStreamer::preparePlan)
};

struct PlanBus
{
    std::string id;
    int channels = 2;
    float gain = 1.0f; // applied to the bus's sum; the stem tap is taken after it
    std::vector<PlanInsert> inserts;
    PlanAutomation automation; // gain_db and mute override `gain`
    PlanDestination destination;
    std::vector<PlanSend> sends;
};

/** An immutable, compiled snapshot of a session: everything the mixer needs, resolved to
    indices, with nothing to look up by name. Built on the message thread by PlanCompiler;
    read-only once handed to the audio thread. */
struct RenderPlan
{
    int64_t sampleRate = 48000;
    int64_t length = 0; // end of the last clip
    std::vector<PlanMedia> media;
    std::vector<PlanTrack> tracks;
    std::vector<PlanBus> buses; // indexed as the session's buses
    std::vector<int> busOrder;  // process order: a bus comes before every bus it feeds (output or send)
    int masterChannels = 2;
    float masterGain = 1.0f;
    /** What compiling could not honour but played around ("tracks[0].inserts[1]: impulse
        response hall.wav: ..."), for the front end to show. */
    std::vector<std::string> problems;
};
} // namespace sprocket::engine
