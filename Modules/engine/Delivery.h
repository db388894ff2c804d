#pragma once

#include "core/Error.h"
#include "dsp/LoudnessAnalyser.h"
#include "engine/DeliverySpec.h"
#include "session/Session.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::engine
{
struct DeliveredFile
{
    std::string role;
    std::filesystem::path path;
    std::string md5;
    int channels = 0; // of this file (1 for a split-mono leg)
    int64_t sampleRate = 0;
    int64_t frames = 0;
    double samplePeakDbfs = 0.0;
    int64_t clippedSamples = 0;       // beyond full scale before conversion to integers
    dsp::LoudnessSummary loudness {}; // of the output this file belongs to (BS.1770-4)
    // Loudness normalisation (docs/DELIVERY.md); unset when the output is not normalised.
    std::optional<double> targetLufs;
    std::optional<double> normalizationGainDb;   // target - measured (0 for silence)
    std::optional<double> limiterMaxReductionDb; // deepest true-peak limiting, 0 when none
    bool passed = true;
    std::string problem; // why it failed
};

struct DeliveryReport
{
    std::vector<DeliveredFile> files;
    std::filesystem::path checksums; // md5sum-style manifest
    std::filesystem::path manifest;  // JSON with every file's details and verdict
    bool allPassed() const;
};

struct DeliveryOptions
{
    int blockSize = 4096;
    /** 0..1 as the delivery advances; return false to cancel (nothing is left under a final name). */
    std::function<bool (double)> progress;
};

/** Prints a delivery in one go: every output of the spec rendered from the session (a mix
    without the left-out buses for M&E), converted to the spec's rate (libsoxr; 0.1% pull-up or
    pull-down), format and layout (TPDF dither at 16 bits), with bext (description, originator,
    time reference = the session start timecode) and iXML, named from the pattern, plus an
    MD5 checksum file and a JSON manifest in `folder`. A file that clips is written, reported
    and marked failed in the manifest. [[message thread or a background thread]] */
core::Result<DeliveryReport> deliver (const session::Session& session, const DeliverySpec& spec,
                                      const std::filesystem::path& folder, const DeliveryOptions& options = {});

/** The file name the pattern gives an output (without extension); tokens: {session} {role}
    {spec} {rate} {bits}. */
std::string deliveryFileName (const DeliverySpec& spec, const session::Session& session, const DeliveryOutput& output);
} // namespace sprocket::engine
