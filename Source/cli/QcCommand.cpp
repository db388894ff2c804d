#include "CommandLine.h"
#include "Commands.h"
#include "SessionLoading.h"

#include "qc/QcRules.h"
#include "qc/QcRun.h"

#include <cstdio>
#include <unistd.h>

namespace sprocket::cli
{
namespace
{
    constexpr const char* qcUsage = "usage: sprocket-cli qc FILE|SESSION --spec NAME|SPEC.json [-o REPORT.html] [--json]";

    /** Beside the input: "mix.wav" -> "mix_qc.html". */
    std::filesystem::path defaultReportPath (const std::filesystem::path& input)
    {
        auto report = input;
        report.replace_filename (input.stem().string() + "_qc.html");
        return report;
    }
} // namespace

int runQc (const std::vector<std::string>& arguments)
{
    CommandLine line (arguments, { "--json" }, { "--spec", "-o", "--output" });
    const auto specName = line.option ("--spec");
    if (! line.valid() || line.positionals().size() != 1 || ! specName)
    {
        printError (line.valid() ? qcUsage : line.problem() + "\n" + qcUsage);
        return exitInvalid;
    }
    auto spec = qc::findQcSpec (*specName);
    if (! spec)
    {
        printError (spec.error().message);
        return exitInvalid;
    }
    const std::filesystem::path input = line.positionals()[0];
    const auto outputOption = line.option ("-o") ? line.option ("-o") : line.option ("--output");
    const std::filesystem::path reportPath = outputOption ? std::filesystem::path (*outputOption) : defaultReportPath (input);

    int lastPercent = -1;
    auto progress = [&] (double done) {
        if (const int percent = (int) (done * 100.0); percent / 10 != lastPercent / 10)
        {
            lastPercent = percent;
            std::fprintf (stderr, "qc: %d%%\n", percent);
        }
    };
    core::Result<qc::QcScan> scan = core::Error { "" };
    std::error_code exists;
    if (! std::filesystem::exists (input, exists))
    {
        printError (input.string() + ": no such file");
        return exitInvalid;
    }
    if (looksLikeSession (input))
    {
        auto session = loadValidSession (input);
        if (! session)
            return exitInvalid;
        const auto work = std::filesystem::temp_directory_path() / ("sprocket-qc-" + std::to_string (::getpid()));
        scan = qc::scanSessionPrintmaster (*session, *spec, work, progress);
    }
    else
        scan = qc::scanAudioFile (input, *spec, progress);
    if (! scan)
    {
        printError (scan.error().message);
        return exitFailure;
    }
    scan->subject.input = input;

    const auto verdict = qc::checkProgramme (scan->profile, *spec);
    if (auto written = qc::writeQcReport (reportPath, scan->subject, scan->profile, verdict); ! written)
    {
        printError (written.error().message);
        return exitFailure;
    }
    if (line.flag ("--json"))
        std::printf ("%s\n", qc::qcJson (scan->subject, scan->profile, verdict, reportPath).c_str());
    else
    {
        for (const auto& rule : verdict.rules)
            std::printf ("%-4s  %-24s %-40s limit %s\n", rule.passed ? "pass" : "FAIL", rule.title.c_str(), rule.measured.c_str(),
                         rule.limit.c_str());
        std::printf ("%s: %s against %s\nreport: %s\n", input.string().c_str(), verdict.passed() ? "PASS" : "FAIL",
                     spec->name.c_str(), reportPath.string().c_str());
    }
    return verdict.passed() ? exitSuccess : exitFailure;
}
} // namespace sprocket::cli
