#pragma once

#include "core/Error.h"
#include "session/MediaFacts.h"
#include "session/SessionEditor.h"

#include <string>
#include <vector>

namespace sprocket::session
{
/** A clip on a track's active playlist. */
struct ClipRef
{
    std::string trackId;
    std::string clipId;

    bool operator== (const ClipRef&) const = default;
};

/** Edits of whole clips, the way a dialogue editor makes them. Each is one step for
    EditHistory::perform; each checks everything before changing anything, and fails with a
    message that names the clip. Positions are timeline samples; lengths never go below one
    sample and clips never read outside their media. */

core::Status moveClips (SessionEditor&, const std::vector<ClipRef>&, core::SampleDuration delta);
/** Moves a clip to another track (same channel count) at `position`. */
core::Status moveClipToTrack (SessionEditor&, const ClipRef&, const std::string& trackId, core::SamplePosition position);
/** Spot: puts the clip's start at `position`. */
core::Status spotClip (SessionEditor&, const ClipRef&, core::SamplePosition position);
/** Spot to original time: places the clip where its media were recorded (BWF time reference). */
core::Status spotClipToOriginalTime (SessionEditor&, const ClipRef&, const MediaFactsLookup&);

/** Moves the clip's start (and its source offset with it) to `newStart`. */
core::Status trimClipStart (SessionEditor&, const ClipRef&, core::SamplePosition newStart, const MediaFactsLookup&);
/** Moves the clip's end to `newEnd`. */
core::Status trimClipEnd (SessionEditor&, const ClipRef&, core::SamplePosition newEnd, const MediaFactsLookup&);
/** Slips the audio inside the clip by `delta` (positive: later material), the clip stays put. */
core::Status slipClip (SessionEditor&, const ClipRef&, core::SampleDuration delta, const MediaFactsLookup&);

core::Status setClipGain (SessionEditor&, const std::vector<ClipRef>&, double gainDb);
core::Status setClipFadeIn (SessionEditor&, const ClipRef&, Fade fade);
core::Status setClipFadeOut (SessionEditor&, const ClipRef&, Fade fade);
core::Status setClipsMuted (SessionEditor&, const std::vector<ClipRef>&, bool mute);
core::Status renameClip (SessionEditor&, const ClipRef&, const std::string& name);
core::Status deleteClips (SessionEditor&, const std::vector<ClipRef>&);

/** Copies the clips to just after the last of them (Pro Tools' Duplicate); the copies get new
    ids, written to `created` when given. */
core::Status duplicateClips (SessionEditor&, const std::vector<ClipRef>&, std::vector<ClipRef>* created = nullptr);

/** A crossfade of `length` centred on the cut at `cut` between the clip ending there and the
    clip starting there on the track: both are extended into their media by half the length and
    faded with `shape`. Fails when either clip has too little media beyond the cut. */
core::Status crossfadeAt (SessionEditor&, const std::string& trackId, core::SamplePosition cut, core::SampleDuration length,
                          dsp::FadeShape shape, const MediaFactsLookup&);

/** An id not used by any clip of the session (any track, any playlist), made from `base`. */
std::string unusedClipId (const Session& session, const std::string& base);
} // namespace sprocket::session
