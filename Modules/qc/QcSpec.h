#pragma once

#include "core/Error.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sprocket::qc
{
/** What a printmaster or stem must meet (docs/QC.md lists the keys and the shipped specs). */
struct QcSpec
{
    std::string name;
    double targetLufs = -23.0;
    double toleranceLu = 0.5;
    double maxTruePeakDbtp = -1.0;
    bool dialogueGated = false;      // measure loudness over dialogue only (DialogueGate.h)
    double maxSilenceSeconds = 10.0; // longest programme silence allowed
    double silenceThresholdDbfs = -60.0;
    double clipLevelDbfs = -0.001;     // a sample at or above this is at full scale
    int clipRunSamples = 3;            // this many in a row are digital clipping
    double minPhaseCorrelation = -0.5; // a pair below this over one second is out of phase
    double maxDcOffsetDbfs = -40.0;    // 1 % of full scale: below that it is the programme's own low end
    std::optional<double> maxLoudnessRangeLu;
};

/** The specs Sprocket ships, by canonical name: "ebu-r128", "atsc-a85", "streaming". */
const std::vector<QcSpec>& builtInQcSpecs();

/** A shipped spec by name (case and punctuation ignored: "EBU R128", "ebu_r128" and "r128" all
    find ebu-r128), or a JSON spec file when `nameOrFile` ends in .json or names a file. An
    unknown name is an error that lists the known ones. */
core::Result<QcSpec> findQcSpec (const std::string& nameOrFile);

/** Reads a user spec: `{"name": ..., "target_lufs": ..., ...}`; every key but target_lufs
    is optional. Errors name the file and the field. */
core::Result<QcSpec> loadQcSpec (const std::filesystem::path& file);
} // namespace sprocket::qc
