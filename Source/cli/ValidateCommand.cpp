#include "CommandLine.h"
#include "Commands.h"

#include "SessionLoading.h"

#include "engine/DeliverySpec.h"

#include <cstdio>
#include <string>

namespace sprocket::cli
{
int runValidate (const std::vector<std::string>& arguments)
{
    CommandLine line (arguments, {}, {});
    if (! line.valid() || line.positionals().size() != 1)
    {
        printError (line.valid() ? "usage: sprocket-cli validate SESSION" : line.problem());
        return exitInvalid;
    }
    const std::filesystem::path file = line.positionals()[0];

    std::optional<session::Session> loaded;
    session::Problems warnings;
    auto problems = sessionAndMediaProblems (file, loaded, warnings);
    // The stored delivery spec is read by the engine's parser, as a spec file is.
    if (loaded)
        engine::sessionDeliverySpec (*loaded, problems);

    // Repairs do not make a session invalid: they are listed, and the exit code stays 0.
    const auto printWarnings = [&] {
        for (auto& warning : warnings)
            std::printf ("warning: %s\n", warning.toString().c_str());
    };
    if (problems.empty())
    {
        printWarnings();
        const auto repaired = warnings.empty() ? std::string() : " (" + std::to_string (warnings.size()) + " warnings)";
        std::printf ("%s: valid%s\n", file.string().c_str(), repaired.c_str());
        return exitSuccess;
    }
    // One "path: message" line per problem; whole-file problems are located by the file itself.
    for (auto& problem : problems)
    {
        const bool namesFile = problem.message.rfind (file.string(), 0) == 0;
        const auto where = ! problem.path.empty() ? problem.path : (namesFile ? std::string() : file.string());
        std::printf ("%s%s%s\n", where.c_str(), where.empty() ? "" : ": ", problem.message.c_str());
    }
    printWarnings();
    return exitInvalid;
}
} // namespace sprocket::cli
