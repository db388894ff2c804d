#pragma once

#include <string>
#include <vector>

namespace sprocket::cli
{
int runInfo (const std::vector<std::string>& arguments);
int runValidate (const std::vector<std::string>& arguments);
int runRender (const std::vector<std::string>& arguments);
int runPlay (const std::vector<std::string>& arguments);
int runProcessors (const std::vector<std::string>& arguments);
int runLoudness (const std::vector<std::string>& arguments);
int runDeliver (const std::vector<std::string>& arguments);
int runQc (const std::vector<std::string>& arguments);
int runSyncCheck (const std::vector<std::string>& arguments);
} // namespace sprocket::cli
