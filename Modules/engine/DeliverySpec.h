#pragma once

#include "core/Error.h"
#include "io/AudioFormat.h"
#include "session/Problems.h"
#include "session/Session.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::engine
{
/** Loudness normalisation of one output: gain to the target, then a true-peak limiter. */
struct LoudnessTarget
{
    double targetLufs = -23.0;     // integrated, BS.1770-4
    double maxTruePeakDbtp = -1.0; // the limiter's ceiling, and the most the written file may read
    double toleranceLu = 0.5;      // |integrated - target| beyond this fails the file
};

/** One file (or set of split-mono files) a delivery prints. */
struct DeliveryOutput
{
    enum class Source
    {
        master,  // the printmaster
        bus,     // one stem (the bus's output)
        mixMinus // the printmaster without some buses: M&E is "everything but dialogue"
    };

    std::string role; // "PM", "DX", "ME", ... used in file names
    Source source = Source::master;
    std::vector<std::string> buses;          // the bus (source bus) or the buses left out (mixMinus)
    std::optional<int> downmixTo;            // 2: a Lo/Ro stereo downmix (ITU-R BS.775) of a 5.1/7.1 source
    std::optional<LoudnessTarget> normalize; // the spec-level one unless the output says otherwise
};

/** What to print and how, in one pass: a delivery spec (docs/DELIVERY.md). */
struct DeliverySpec
{
    enum class Pull
    {
        none,
        up,  // 0.1% faster (video 29.97 -> film 30 / 23.976 -> 24): the content gets shorter
        down // 0.1% slower (film 24 -> video 23.976): the content gets longer
    };
    enum class Layout
    {
        interleaved, // one multichannel file
        splitMono    // one mono file per channel, SMPTE suffixes .L .R .C .LFE .Ls .Rs .Lrs .Rrs
    };

    std::string name;
    int64_t sampleRate = 0; // 0: the session's
    Pull pull = Pull::none;
    io::SampleFormat sampleFormat = io::SampleFormat::pcm24;
    io::ContainerFormat container = io::ContainerFormat::wav; // wav becomes RF64 when larger than 4 GiB
    Layout layout = Layout::interleaved;
    std::string namePattern = "{session}_{role}";
    std::vector<DeliveryOutput> outputs;
};

/** Reads a spec from JSON; every problem is reported with its JSON path, under `path` when the
    spec sits inside another document ("delivery" in a session). */
std::optional<DeliverySpec> deliverySpecFromJson (const nlohmann::json& json, session::Problems& problems,
                                                  const std::string& path = "");

/** The spec the session stores (its `delivery` object), read as a spec file is, with problems
    located in the session ("delivery.outputs[1].source"). nullopt and no problem when the
    session has none. [[any thread]] */
std::optional<DeliverySpec> sessionDeliverySpec (const session::Session& session, session::Problems& problems);

/** Reads a spec file; errors name the file and the field. */
core::Result<DeliverySpec> loadDeliverySpec (const std::filesystem::path& file);

/** The channel suffix of channel `index` of a `channels`-wide file, SMPTE order ("L", "LFE"...). */
std::string channelSuffix (int channels, int index);
} // namespace sprocket::engine
