#pragma once

#include "core/Error.h"
#include "session/CueLists.h"
#include "session/Session.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sprocket::session
{
/** ADR and music cue lists as CSV files (docs/CUES.md), the way loop groups, music editors and
    spreadsheets trade them. Times are session timecode at the session's frame rate, so a cue
    read from CSV starts and ends on frame boundaries.

    ADR columns:   Cue, Character, Line, TC In, TC Out, Notes, Status
    Music columns: Cue, Title, Start, End, Duration, Usage, Composer, Publisher

    Reading matches the header row by name (any case, in any order, with the names other tools
    use: "ID", "Cue #", "In", "Start TC", "Dialogue", "Comments"...), ignores columns it does
    not know, and refuses the file with the row and column of the first bad cell. A music row
    without End takes Start + Duration (MM:SS or timecode). */
core::Result<std::vector<AdrCue>> readAdrCuesCsv (const std::filesystem::path& file, const Session& timebase);
core::Result<std::vector<MusicCue>> readMusicCuesCsv (const std::filesystem::path& file, const Session& timebase);

core::Status writeAdrCuesCsv (const std::filesystem::path& file, const std::vector<AdrCue>& cues, const Session& timebase);
core::Status writeMusicCuesCsv (const std::filesystem::path& file, const std::vector<MusicCue>& cues, const Session& timebase);

/** A cue's duration as cue sheets write it: "M:SS", a started second counting as a whole one. */
std::string formatCueDuration (core::SampleDuration duration, int64_t sampleRate);

/** The music cue sheet a production files with the performing-rights societies: the
    production, then one row per cue in start order with its usage and its duration in
    minutes:seconds (rounded up to the whole second, as cue sheets count), and the total. */
core::Status writeMusicCueSheet (const std::filesystem::path& file, const Session& session);
} // namespace sprocket::session
