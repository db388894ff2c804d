#include "session/Autosave.h"

#include "session/SessionFile.h"

namespace sprocket::session
{
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
    return std::filesystem::last_write_time (autosave, ec) > std::filesystem::last_write_time (sessionFile, ec);
}

void discardAutosave (const std::filesystem::path& sessionFile)
{
    std::error_code ec;
    std::filesystem::remove (autosaveFileFor (sessionFile), ec);
}
} // namespace sprocket::session
