#include "qc/QcSpec.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>

namespace sprocket::qc
{
namespace
{
    QcSpec spec (std::string name, double target, double tolerance, double truePeak, bool dialogue)
    {
        QcSpec s;
        s.name = std::move (name);
        s.targetLufs = target;
        s.toleranceLu = tolerance;
        s.maxTruePeakDbtp = truePeak;
        s.dialogueGated = dialogue;
        return s;
    }

    /** "EBU R-128" -> "ebur128": what a name means without case and punctuation. */
    std::string simplified (const std::string& name)
    {
        std::string out;
        for (unsigned char c : name)
            if (std::isalnum (c))
                out += (char) std::tolower (c);
        return out;
    }

    struct Alias
    {
        const char* alias;
        const char* canonical;
    };
    constexpr Alias aliases[] = {
        { "r128", "ebu-r128" }, { "ebu", "ebu-r128" }, { "a85", "atsc-a85" }, { "atsc", "atsc-a85" }, { "stream", "streaming" }
    };

    core::Error fieldError (const std::filesystem::path& file, const std::string& field, const std::string& why)
    {
        return core::Error { file.string() + ": " + field + ": " + why };
    }
} // namespace

const std::vector<QcSpec>& builtInQcSpecs()
{
    static const std::vector<QcSpec> specs {
        spec ("ebu-r128", -23.0, 0.5, -1.0, false), // EBU R128: -23 LUFS +/-0.5 LU for file delivery
        spec ("atsc-a85", -24.0, 2.0, -2.0, false), // ATSC A/85 RP: -24 LKFS +/-2 dB
        spec ("streaming", -27.0, 2.0, -2.0, true), // streaming platforms: -27 LKFS dialogue-gated
    };
    return specs;
}

core::Result<QcSpec> findQcSpec (const std::string& nameOrFile)
{
    const std::filesystem::path asPath (nameOrFile);
    std::error_code ignored;
    if (asPath.extension() == ".json" || std::filesystem::is_regular_file (asPath, ignored))
        return loadQcSpec (asPath);

    auto wanted = simplified (nameOrFile);
    for (const auto& alias : aliases)
        if (wanted == alias.alias)
            wanted = simplified (alias.canonical);
    for (const auto& s : builtInQcSpecs())
        if (simplified (s.name) == wanted)
            return s;

    std::string known;
    for (const auto& s : builtInQcSpecs())
        known += (known.empty() ? "" : ", ") + s.name;
    return core::Error { "unknown QC spec '" + nameOrFile + "' (known: " + known + "; or a JSON spec file)" };
}

core::Result<QcSpec> loadQcSpec (const std::filesystem::path& file)
{
    std::ifstream in (file);
    if (! in)
        return core::Error { file.string() + ": cannot open the QC spec" };
    nlohmann::json json;
    try
    {
        json = nlohmann::json::parse (in);
    }
    catch (const nlohmann::json::parse_error& e)
    {
        return core::Error { file.string() + ": not valid JSON (" + e.what() + ")" };
    }
    if (! json.is_object())
        return core::Error { file.string() + ": a QC spec is a JSON object" };

    QcSpec s;
    s.name = file.stem().string();
    if (json.contains ("name"))
    {
        if (! json["name"].is_string() || json["name"].get<std::string>().empty())
            return fieldError (file, "name", "must be a non-empty string");
        s.name = json["name"].get<std::string>();
    }
    auto number = [&] (const char* key, double& target, double low, double high) -> std::optional<core::Error> {
        if (! json.contains (key))
            return std::nullopt;
        if (! json[key].is_number() || json[key].get<double>() < low || json[key].get<double>() > high)
            return fieldError (file, key,
                               "must be a number from " + std::to_string ((int) low) + " to " + std::to_string ((int) high));
        target = json[key].get<double>();
        return std::nullopt;
    };
    if (! json.contains ("target_lufs"))
        return fieldError (file, "target_lufs", "is required (the integrated loudness to meet)");
    double clipRun = s.clipRunSamples, range = 0.0;
    for (auto problem :
         { number ("target_lufs", s.targetLufs, -70, 0), number ("tolerance_lu", s.toleranceLu, 0, 20),
           number ("max_true_peak_dbtp", s.maxTruePeakDbtp, -40, 6), number ("max_silence_s", s.maxSilenceSeconds, 0, 86400),
           number ("silence_threshold_dbfs", s.silenceThresholdDbfs, -150, 0),
           number ("clip_level_dbfs", s.clipLevelDbfs, -20, 0), number ("clip_run_samples", clipRun, 1, 1000),
           number ("min_phase_correlation", s.minPhaseCorrelation, -1, 1),
           number ("max_dc_offset_dbfs", s.maxDcOffsetDbfs, -150, 0), number ("max_loudness_range_lu", range, 0, 100) })
        if (problem)
            return *problem;
    s.clipRunSamples = (int) clipRun;
    if (json.contains ("max_loudness_range_lu"))
        s.maxLoudnessRangeLu = range;
    if (json.contains ("dialogue_gated"))
    {
        if (! json["dialogue_gated"].is_boolean())
            return fieldError (file, "dialogue_gated", "must be true or false");
        s.dialogueGated = json["dialogue_gated"].get<bool>();
    }
    static const char* const knownKeys[] = { "name",
                                             "target_lufs",
                                             "tolerance_lu",
                                             "max_true_peak_dbtp",
                                             "dialogue_gated",
                                             "max_silence_s",
                                             "silence_threshold_dbfs",
                                             "clip_level_dbfs",
                                             "clip_run_samples",
                                             "min_phase_correlation",
                                             "max_dc_offset_dbfs",
                                             "max_loudness_range_lu" };
    for (const auto& [key, value] : json.items())
        if (std::none_of (std::begin (knownKeys), std::end (knownKeys), [&] (const char* k) { return key == k; }))
            return fieldError (file, key, "unknown key (a misspelt rule would silently not be checked)");
    return s;
}
} // namespace sprocket::qc
