#pragma once

#include "core/Error.h"
#include "core/FrameRate.h"
#include "core/Timecode.h"
#include "session/Session.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>

namespace sprocket::session
{
/** What File > New asks, as Pro Tools' New Session dialog and Session Setup do: the rates and
    start timecode are fixed at the start because media, picture and deliverables follow them. */
struct NewSessionSettings
{
    std::string name;
    int64_t sampleRate = 48000;
    core::FrameRate frameRate = core::FrameRate::fps24;
    core::Timecode startTimecode { 1, 0, 0, 0 };
    int masterChannels = 2; // 2, 6 (5.1) or 8 (7.1)
    /** The film stems DX, MX, FX, FOL and BG as buses to the master, each as wide as it. */
    bool filmStems = true;
};

/** The folder beside a session file that holds its recordings, consolidated clips and split
    poly files (Pro Tools' name). */
inline constexpr const char* audioFilesFolderName = "Audio Files";

/** The sample rates a new session may have: Pro Tools' list. */
inline constexpr std::array<int64_t, 6> newSessionSampleRates { 44100, 48000, 88200, 96000, 176400, 192000 };

/** The empty session the settings describe, or the first setting that is wrong and why
    ("sample rate: 47000 Hz is not one of ..."). Its name is trimmed. */
core::Result<Session> makeNewSession (const NewSessionSettings& settings);

/** Checks a name that becomes a folder and a file name on shared storage: not empty, at most
    200 bytes, not starting with '.', none of / \ : * ? " < > | or control characters. */
core::Status checkSessionName (const std::string& name);

/** Where a new session named `name` goes: `<parent>/<name>/<name>.sprocket`, as Pro Tools makes a
    folder per session. */
std::filesystem::path newSessionFile (const std::filesystem::path& parent, const std::string& name);

/** Makes the session's folder and its `Audio Files` folder (where recordings and consolidated
    clips go) and returns the session file's path. Refused, changing nothing, when that file
    exists already (another session would be overwritten) or a folder cannot be made; the
    message names the path. An existing folder without the session file is used as it is. */
core::Result<std::filesystem::path> makeSessionFolder (const std::filesystem::path& parent, const std::string& name);
} // namespace sprocket::session
