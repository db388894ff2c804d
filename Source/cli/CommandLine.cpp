#include "CommandLine.h"

#include <cstdio>

namespace sprocket::cli
{
CommandLine::CommandLine (std::vector<std::string> arguments, std::set<std::string> flags, std::set<std::string> options)
{
    for (size_t i = 0; i < arguments.size(); ++i)
    {
        const auto& argument = arguments[i];
        if (argument.size() > 1 && argument[0] == '-' && argument != "-")
        {
            if (flags.contains (argument))
                setFlags.insert (argument);
            else if (options.contains (argument))
            {
                if (i + 1 >= arguments.size())
                {
                    error = argument + " needs a value";
                    return;
                }
                values.emplace_back (argument, arguments[++i]);
            }
            else
            {
                error = "unknown option " + argument;
                return;
            }
        }
        else
            positional.push_back (argument);
    }
}

std::optional<std::string> CommandLine::option (const std::string& name) const
{
    for (auto it = values.rbegin(); it != values.rend(); ++it)
        if (it->first == name)
            return it->second;
    return std::nullopt;
}

void printError (const std::string& message) { std::fprintf (stderr, "sprocket-cli: %s\n", message.c_str()); }
} // namespace sprocket::cli
