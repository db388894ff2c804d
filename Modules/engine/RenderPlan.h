#pragma once

#include "dsp/FadeCurve.h"

#include <nlohmann/json.hpp>

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
};

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

struct PlanTrack
{
    std::string id;
    int channels = 1;
    bool audible = true; // false when muted, or when another track is soloed
    float faderGain = 1.0f; // also inside destination.matrix; kept apart for post-fader meters
    std::vector<PlanClip> clips; // sorted by start
    std::vector<int64_t> maxEndUpTo; // max end of clips[0..i]: monotonic, so searchable
    std::vector<PlanInsert> inserts;
    PlanDestination destination;
    int streamSlot = -1; // the disk streamer's ring for this track (set by DiskStreamer::preparePlan)
};

struct PlanBus
{
    std::string id;
    int channels = 2;
    float gain = 1.0f; // applied to the bus's sum; the stem tap is taken after it
    std::vector<PlanInsert> inserts;
    PlanDestination destination;
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
    std::vector<PlanBus> buses;      // indexed as the session's buses
    std::vector<int> busOrder;       // process order: a bus comes before the bus it feeds
    int masterChannels = 2;
    float masterGain = 1.0f;
};
} // namespace sprocket::engine
