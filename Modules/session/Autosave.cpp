#include "session/Autosave.h"

#include "session/SessionFile.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace sprocket::session
{
namespace
{
    bool sameContents (const std::filesystem::path& a, const std::filesystem::path& b)
    {
        std::ifstream first (a, std::ios::binary), second (b, std::ios::binary);
        return first && second
               && std::equal (std::istreambuf_iterator<char> (first), {}, std::istreambuf_iterator<char> (second), {});
    }
} // namespace

std::filesystem::path autosaveFileFor (const std::filesystem::path& sessionFile)
{
    return sessionFile.parent_path() / (sessionFile.filename().string() + ".autosave");
}

core::Status writeAutosave (const Session& session, const std::filesystem::path& sessionFile)
{
    return saveSessionFile (session, autosaveFileFor (sessionFile));
}

bool hasRecoverableAutosave (const std::filesystem::path& sessionFile)
{
    std::error_code ec;
    const auto autosave = autosaveFileFor (sessionFile);
    if (! std::filesystem::exists (autosave, ec))
        return false;
    if (! std::filesystem::exists (sessionFile, ec))
        return true;
    // File times tick in jiffies (a few ms): an autosave written just after the session can
    // carry the same time. Same time counts as newer unless the two hold the same text, since
    // offering a needless recovery costs a click and missing one costs the edits.
    const auto autosaveTime = std::filesystem::last_write_time (autosave, ec);
    const auto sessionTime = std::filesystem::last_write_time (sessionFile, ec);
    if (autosaveTime != sessionTime)
        return autosaveTime > sessionTime;
    return ! sameContents (autosave, sessionFile);
}

void discardAutosave (const std::filesystem::path& sessionFile)
{
    std::error_code ec;
    std::filesystem::remove (autosaveFileFor (sessionFile), ec);
}
} // namespace sprocket::session
