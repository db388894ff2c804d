#pragma once

#include "core/Error.h"
#include "core/Timecode.h"
#include "dsp/TwoPopDetector.h"
#include "qc/SyncTimebase.h"
#include "session/Session.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace sprocket::qc
{
/** Where the 2-pop is against where it should be (docs/SYNC.md). All sample figures are at the
    programme's sample rate; absolute ones count from midnight, as a BWF time reference does. */
struct SyncCheckResult
{
    std::string description; // the file's name, "printmaster of <session>" or "track <name> of <session>"
    SyncTimebase timebase;
    core::Timecode expectedTimecode;
    int64_t expectedSample = 0;

    std::optional<dsp::TwoPop> pop; // onset counted from the programme's first sample
    core::Timecode foundTimecode;   // the frame holding the onset
    int64_t foundSample = 0;
    int64_t offsetSamples = 0; // found minus expected: positive is late
    int64_t offsetFrames = 0;  // offsetSamples in frames, rounded to the nearest (halves away from 0)
};

/** A sample offset in frames at a frame rate, rounded to the nearest frame (exact ratio). */
int64_t nearestFrames (int64_t samples, core::FrameRate rate, int64_t sampleRate) noexcept;

/** Looks for the pop in an audio file (every channel, one pass, then the candidates re-read)
    and compares it with `expectedPop` on `timebase` (fileTimebase). Errors name the file.
    [[message thread or a worker]] */
core::Result<SyncCheckResult> checkFileSync (const std::filesystem::path& file, const SyncTimebase& timebase,
                                             const core::Timecode& expectedPop,
                                             const std::function<void (double)>& progress = {});

/** Renders a valid session's printmaster into `workFolder` (removed afterwards) and checks it
    on the session's timebase (sessionTimebase). */
core::Result<SyncCheckResult> checkSessionSync (const session::Session& session, const SyncTimebase& timebase,
                                                const core::Timecode& expectedPop, const std::filesystem::path& workFolder,
                                                const std::function<void (double)>& progress = {});

/** A copy of the session in which only one track plays: the track named `nameOrId` (its id
    first, then its name) soloed and unmuted, every other solo cleared. */
core::Result<session::Session> withOnlyTrack (session::Session session, const std::string& nameOrId);
} // namespace sprocket::qc
