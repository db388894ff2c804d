#include "session/SessionMigration.h"

#include "session/SessionJson.h"

#include <functional>
#include <map>

namespace sprocket::session
{
namespace
{
    // Step N upgrades a version-N document to version N+1. Version 1 is the first format,
    // so there are none yet; add them here as the format grows.
    const std::map<int, std::function<void (nlohmann::json&)>>& migrationSteps()
    {
        static const std::map<int, std::function<void (nlohmann::json&)>> steps;
        return steps;
    }
} // namespace

void migrateSessionDocument (nlohmann::json& document, Problems& problems)
{
    if (! document.is_object() || ! document.contains ("version") || ! document["version"].is_number_integer())
        return; // the field reader reports the missing or mistyped version

    auto version = document["version"].get<int64_t>();
    if (version > currentSessionVersion)
    {
        problems.push_back ({ "version", "this session was written by a newer Sprocket (format version "
                                             + std::to_string (version) + "); this build reads up to version "
                                             + std::to_string (currentSessionVersion) });
        return;
    }
    if (version < 1)
    {
        problems.push_back ({ "version", "must be >= 1" });
        return;
    }
    while (version < currentSessionVersion)
    {
        auto step = migrationSteps().find (int (version));
        if (step == migrationSteps().end())
        {
            problems.push_back ({ "version", "no migration from version " + std::to_string (version) });
            return;
        }
        step->second (document);
        document["version"] = ++version;
    }
}
} // namespace sprocket::session
