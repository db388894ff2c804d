#include "session/NewSession.h"

#include <algorithm>
#include <system_error>

namespace sprocket::session
{
using core::makeError;

namespace
{
    std::string trimmed (const std::string& text)
    {
        const auto first = text.find_first_not_of (" \t");
        if (first == std::string::npos)
            return {};
        return text.substr (first, text.find_last_not_of (" \t") - first + 1);
    }

    Bus filmStem (const char* id, const char* name, int channels)
    {
        Bus bus;
        bus.id = id;
        bus.name = name;
        bus.channels = channels;
        return bus;
    }
} // namespace

core::Status checkSessionName (const std::string& name)
{
    if (trimmed (name).empty())
        return makeError ("name: a session needs a name");
    if (name.size() > 200)
        return makeError ("name: at most 200 characters (it names a folder and a file)");
    if (name.front() == '.')
        return makeError ("name: '" + name + "' starts with '.', which hides it on shared storage");
    for (const unsigned char c : name)
        if (c < 0x20 || c == 0x7f || std::string_view ("/\\:*?\"<>|").find (char (c)) != std::string_view::npos)
            return makeError (
                "name: '" + name
                + "' has a character that cannot be in a file name on every system (/ \\ : * ? \" < > | or a control character)");
    return {};
}

core::Result<Session> makeNewSession (const NewSessionSettings& settings)
{
    const auto name = trimmed (settings.name);
    if (auto status = checkSessionName (name); ! status.ok())
        return status.error();
    if (std::find (newSessionSampleRates.begin(), newSessionSampleRates.end(), settings.sampleRate)
        == newSessionSampleRates.end())
        return makeError ("sample rate: " + std::to_string (settings.sampleRate)
                          + " Hz is not one of 44100, 48000, 88200, 96000, 176400, 192000");
    if (settings.masterChannels != 2 && settings.masterChannels != 6 && settings.masterChannels != 8)
        return makeError ("master: " + std::to_string (settings.masterChannels)
                          + " channels is not stereo (2), 5.1 (6) or 7.1 (8)");
    // The start label must exist at the rate (drop-frame skips some) and lie inside a day.
    const auto label = core::formatTimecode (settings.startTimecode, settings.frameRate);
    if (auto parsed = core::parseTimecode (label, settings.frameRate); ! parsed.ok())
        return makeError ("start timecode: " + parsed.error().message);

    Session session;
    session.name = name;
    session.sampleRate = settings.sampleRate;
    session.frameRate = settings.frameRate;
    session.startTimecode = settings.startTimecode;
    session.master.channels = settings.masterChannels;
    if (settings.filmStems)
        session.buses = { filmStem ("DX", "Dialogue", settings.masterChannels), filmStem ("MX", "Music", settings.masterChannels),
                          filmStem ("FX", "Effects", settings.masterChannels), filmStem ("FOL", "Foley", settings.masterChannels),
                          filmStem ("BG", "Backgrounds", settings.masterChannels) };
    return session;
}

std::filesystem::path newSessionFile (const std::filesystem::path& parent, const std::string& name)
{
    const auto trimmedName = trimmed (name);
    return parent / trimmedName / (trimmedName + ".sprocket");
}

core::Result<std::filesystem::path> makeSessionFolder (const std::filesystem::path& parent, const std::string& name)
{
    if (auto status = checkSessionName (name); ! status.ok())
        return status.error();
    const auto file = newSessionFile (parent, name);
    std::error_code error;
    if (std::filesystem::exists (file, error))
        return makeError (file.string() + ": a session with this name is already there; choose another name or folder");
    const auto audioFiles = file.parent_path() / audioFilesFolderName;
    std::filesystem::create_directories (audioFiles, error);
    if (error)
        return makeError (audioFiles.string() + ": cannot make the folder: " + error.message());
    return file;
}
} // namespace sprocket::session
