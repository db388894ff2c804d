#pragma once

#include <string>
#include <vector>

namespace sprocket::session
{
/** One thing wrong with a session, located by its JSON path ("tracks[3].clips[0].length"). */
struct Problem
{
    std::string path;
    std::string message;

    std::string toString() const { return path.empty() ? message : path + ": " + message; }
};

using Problems = std::vector<Problem>;
} // namespace sprocket::session
