#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sprocket::cli
{
/** Exit codes: 0 success, 1 the work failed (I/O, corrupt media), 2 bad usage or invalid input,
    3 a search found nothing (synccheck: no 2-pop). */
enum ExitCode
{
    exitSuccess = 0,
    exitFailure = 1,
    exitInvalid = 2,
    exitNotFound = 3
};

/** Splits "cmd POSITIONAL... --flag --option VALUE" against the options a command knows. */
class CommandLine
{
public:
    CommandLine (std::vector<std::string> arguments, std::set<std::string> flags, std::set<std::string> options);

    bool valid() const { return error.empty(); }
    const std::string& problem() const { return error; }

    const std::vector<std::string>& positionals() const { return positional; }
    bool flag (const std::string& name) const { return setFlags.contains (name); }
    std::optional<std::string> option (const std::string& name) const;

private:
    std::vector<std::string> positional;
    std::set<std::string> setFlags;
    std::vector<std::pair<std::string, std::string>> values;
    std::string error;
};

/** Prints "sprocket-cli: <message>" to stderr. */
void printError (const std::string& message);
} // namespace sprocket::cli
