#pragma once

#include "core/Error.h"
#include "session/SessionEditor.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sprocket::session
{
/** How imported audio lands on the timeline. */
struct ImportOptions
{
    enum class Placement
    {
        atPosition,    // every file at `position` (the playhead, or where it was dropped)
        atOriginalTime // each at its BWF time reference, as recorded against timecode
    };

    Placement placement = Placement::atPosition;
    core::SamplePosition position;
    /** Poly (more than two channel) recordings become one mono track per channel, written as
        mono files into `splitFolder`; otherwise a file becomes one track of its width. */
    bool splitPolyToMono = true;
    std::filesystem::path splitFolder;
    std::string output = "master"; // where the new tracks go
};

/** Imports audio files as new tracks, one clip each covering the whole file, adding them to
    the media pool. Files must be readable audio of 1, 2, 6 or 8 channels (or poly files to
    split); with atOriginalTime, they must carry a BWF time reference at or after the session
    start. All files are checked before anything changes; an error names the file.
    `createdTracks` receives the new tracks' ids. */
core::Status importAudioFiles (SessionEditor&, const std::vector<std::filesystem::path>& files, const ImportOptions& options,
                               std::vector<std::string>* createdTracks = nullptr);
} // namespace sprocket::session
