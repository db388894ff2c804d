#include "Streamers.h"

#include "core/Timecode.h"

namespace sprocket::app
{
std::optional<Streamer> streamerAt (const session::Session& s, int64_t position, const StreamerSettings& settings)
{
    const int frames = settings.streamerFrames > 0 ? settings.streamerFrames : 2 * core::nominalFramesPerSecond (s.frameRate);
    // Lengths in real frames: a streamer is seen, so it is timed in pictures, not labels.
    const auto samplesOf = [&] (int64_t count) { return core::samplesFromFrameCount (count, s.frameRate, s.sampleRate); };
    const int64_t sweep = samplesOf (frames), punch = samplesOf (settings.punchFrames);

    std::optional<Streamer> found;
    int64_t foundCue = 0;
    const auto consider = [&] (int64_t cue, const std::string& name) {
        if (position < cue - sweep || position >= cue + punch || (found && cue >= foundCue))
            return;
        Streamer streamer;
        streamer.cue = name;
        streamer.punch = position >= cue;
        streamer.progress = streamer.punch ? 1.0 : double (position - (cue - sweep)) / double (sweep);
        found = streamer;
        foundCue = cue;
    };
    for (auto& cue : s.cues.adr)
        if (cue.status != session::AdrStatus::omitted)
            consider (cue.in.samples, "ADR " + cue.id);
    for (auto& cue : s.cues.music)
        consider (cue.start.samples, cue.number);
    return found;
}
} // namespace sprocket::app
