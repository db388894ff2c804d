#include "CommandLine.h"
#include "Commands.h"
#include "FileLoudness.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace sprocket::cli
{
namespace
{
    using Json = nlohmann::ordered_json;

    constexpr const char* loudnessUsage = "usage: sprocket-cli loudness FILE... [--json] [--threads N]";

    /** The figures in output order, under the names scripts read (docs/CLI.md). */
    struct Figure
    {
        const char* key;
        double value;
    };

    std::vector<Figure> figuresOf (const dsp::LoudnessSummary& s)
    {
        return { { "integrated_lufs", s.integratedLufs },       { "loudness_range_lu", s.loudnessRangeLu },
                 { "true_peak_dbtp", s.truePeakDbtp },          { "sample_peak_dbfs", s.samplePeakDbfs },
                 { "max_momentary_lufs", s.maxMomentaryLufs },  { "max_short_term_lufs", s.maxShortTermLufs } };
    }

    Json jsonOf (const std::string& file, const dsp::LoudnessSummary& s)
    {
        Json json;
        json["file"] = file;
        for (const auto& [key, value] : figuresOf (s))
        {
            // Silence measures minus infinity, which JSON cannot hold: null. Four decimals are
            // far below any tolerance and keep the numbers readable.
            if (std::isfinite (value))
                json[key] = std::round (value * 1e4) / 1e4;
            else
                json[key] = nullptr;
        }
        return json;
    }

    void printText (const std::string& file, const dsp::LoudnessSummary& s)
    {
        std::printf ("%s\n", file.c_str());
        for (const auto& [key, value] : figuresOf (s))
            if (std::isfinite (value))
                std::printf ("  %s: %.2f\n", key, value);
            else
                std::printf ("  %s: %s\n", key, value < 0 ? "-inf" : "inf");
    }

    /** "loudness: FILE: 40%" on stderr each time the work passes another tenth (a block can
        pass several in a short file: only the last is printed). */
    std::function<void (double)> progressPrinter (const std::string& file)
    {
        return [file, printed = 0] (double done) mutable {
            const int tenth = (int) (done * 10.0);
            if (tenth > printed)
            {
                printed = tenth;
                std::fprintf (stderr, "loudness: %s: %d%%\n", file.c_str(), tenth * 10);
            }
        };
    }
} // namespace

int runLoudness (const std::vector<std::string>& arguments)
{
    CommandLine line (arguments, { "--json" }, { "--threads" });
    if (! line.valid() || line.positionals().empty())
    {
        printError (line.valid() ? loudnessUsage : line.problem() + "\n" + loudnessUsage);
        return exitInvalid;
    }
    int threads = 0; // every core
    if (auto value = line.option ("--threads"))
    {
        try
        {
            threads = std::stoi (*value);
        }
        catch (const std::exception&)
        {
            threads = 0;
        }
        if (threads < 1 || std::to_string (threads) != *value)
        {
            printError ("--threads: '" + *value + "' is not a positive whole number");
            return exitInvalid;
        }
    }
    const bool asJson = line.flag ("--json");
    const auto& files = line.positionals();

    Json results = Json::array();
    bool anyFailed = false;
    for (const auto& file : files)
    {
        auto measured = measureFileLoudness (file, progressPrinter (file), threads);
        if (! measured)
        {
            // The reader's messages start with the path: "<path>: no such file".
            printError (measured.error().message);
            anyFailed = true;
            results.push_back ({ { "file", file }, { "error", measured.error().message } });
            continue;
        }
        if (asJson)
            results.push_back (jsonOf (file, measured->summary));
        else
            printText (file, measured->summary);
        std::fflush (stdout);
    }

    if (asJson)
    {
        // One file: its object (nothing when it failed). Several: an array in argument order,
        // a failed file holding {"file", "error"} in its place.
        if (files.size() > 1)
            std::cout << results.dump (2) << "\n";
        else if (! anyFailed)
            std::cout << results[0].dump (2) << "\n";
    }
    return anyFailed ? exitFailure : exitSuccess;
}
} // namespace sprocket::cli
