#pragma once

// Runs the real sprocket-cli binary (SPROCKET_CLI) as a user would, capturing exit code, stdout
// and stderr.

#include "support/TempFolder.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>

namespace sprocket::test
{
struct CliRun
{
    int exitCode = -1;
    std::string out; // stdout
    std::string err; // stderr
};

inline CliRun runSprocketCli (const std::string& arguments)
{
    const auto errFile = freshTempFolder ("cli_stderr") / "stderr.txt";
    const auto command = std::string ("'") + SPROCKET_CLI + "' " + arguments + " 2>'" + errFile.string() + "'";
    CliRun run;
    FILE* pipe = ::popen (command.c_str(), "r");
    std::array<char, 4096> buffer;
    while (size_t n = std::fread (buffer.data(), 1, buffer.size(), pipe))
        run.out.append (buffer.data(), n);
    const int status = ::pclose (pipe);
    run.exitCode = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
    std::ifstream err (errFile);
    run.err.assign (std::istreambuf_iterator<char> (err), {});
    return run;
}

inline std::string shellQuoted (const std::filesystem::path& p) { return "'" + p.string() + "'"; }
} // namespace sprocket::test
