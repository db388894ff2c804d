#include "CommandLine.h"
#include "Commands.h"

#include "engine/Delivery.h"
#include "SessionLoading.h"

#include <cstdio>

namespace sprocket::cli
{
namespace
{
    constexpr const char* deliverUsage = "usage: sprocket-cli deliver SESSION [--spec FILE] -o DIR";

    /** The spec file when one is given (it wins), else the one the session stores; prints why
        there is none. */
    std::optional<engine::DeliverySpec> chooseSpec (const std::optional<std::string>& specFile, const session::Session& session,
                                                    const std::string& sessionFile)
    {
        if (specFile)
        {
            auto spec = engine::loadDeliverySpec (*specFile);
            if (spec)
                return *spec;
            printError (spec.error().message);
            return std::nullopt;
        }
        session::Problems problems;
        auto stored = engine::sessionDeliverySpec (session, problems);
        for (auto& problem : problems)
            printError (sessionFile + ": " + problem.toString());
        if (! stored && problems.empty())
            printError (sessionFile
                        + ": the session has no delivery spec; give one with --spec FILE, or store it"
                          " in the session's \"delivery\" field (docs/DELIVERY.md)");
        return stored;
    }
} // namespace

int runDeliver (const std::vector<std::string>& arguments)
{
    CommandLine line (arguments, {}, { "--spec", "-o", "--output" });
    const auto output = line.option ("-o") ? line.option ("-o") : line.option ("--output");
    const auto specFile = line.option ("--spec");
    if (! line.valid() || line.positionals().size() != 1 || ! output)
    {
        printError (line.valid() ? deliverUsage : line.problem() + "\n" + deliverUsage);
        return exitInvalid;
    }
    auto session = loadValidSession (line.positionals()[0]);
    if (! session)
        return exitInvalid;
    auto spec = chooseSpec (specFile, *session, line.positionals()[0]);
    if (! spec)
        return exitInvalid;

    engine::DeliveryOptions options;
    int lastPercent = -1;
    options.progress = [&] (double done) {
        if (const int percent = int (done * 100.0); percent / 5 != lastPercent / 5)
        {
            lastPercent = percent;
            std::fprintf (stderr, "deliver: %d%%\n", percent);
        }
        return true;
    };
    auto report = engine::deliver (*session, *spec, *output, options);
    if (! report)
    {
        printError (report.error().message);
        return exitFailure;
    }
    for (auto& file : report->files)
        std::printf ("%s  %s  %s\n", file.passed ? "pass" : "FAIL", file.md5.c_str(), file.path.string().c_str());
    std::printf ("%s\n%s\n", report->checksums.string().c_str(), report->manifest.string().c_str());
    if (! report->allPassed())
    {
        for (auto& file : report->files)
            if (! file.passed)
                printError (file.path.string() + ": " + file.problem);
        return exitFailure;
    }
    return exitSuccess;
}
} // namespace sprocket::cli
