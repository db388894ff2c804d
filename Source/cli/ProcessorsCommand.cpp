#include "CommandLine.h"
#include "Commands.h"

#include "dsp/ProcessorRegistry.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace sprocket::cli
{
int runProcessors (const std::vector<std::string>& arguments)
{
    CommandLine line (arguments, { "--json" }, {});
    if (! line.valid() || ! line.positionals().empty())
    {
        printError (line.valid() ? "usage: sprocket-cli processors [--json]" : line.problem());
        return exitInvalid;
    }
    const auto& registry = dsp::ProcessorRegistry::builtIns();
    if (line.flag ("--json"))
    {
        std::cout << registry.describe().dump (2) << "\n";
        return exitSuccess;
    }
    for (const auto& type : registry.types())
    {
        std::printf ("%s\n", type.type.c_str());
        for (const auto& p : type.parameters)
            std::printf ("  %-16s %-22s %-4s %10g .. %-10g default %g\n", p.id.c_str(), p.name.c_str(), p.unit.c_str(),
                         double (p.min), double (p.max), double (p.defaultValue));
    }
    return exitSuccess;
}
} // namespace sprocket::cli
