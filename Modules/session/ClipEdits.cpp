#include "session/ClipEdits.h"

#include <algorithm>
#include <set>

namespace sprocket::session
{
namespace
{
    using core::makeError;
    using core::SampleDuration;
    using core::SamplePosition;
    using core::Status;

    std::string describe (const ClipRef& ref)
    {
        return "clip '" + ref.clipId + "' on track '" + ref.trackId + "'";
    }

    const Clip* findClip (const Session& session, const ClipRef& ref)
    {
        for (auto& track : session.tracks)
            if (track.id == ref.trackId)
                for (auto& clip : track.clips)
                    if (clip.id == ref.clipId)
                        return &clip;
        return nullptr;
    }

    Clip* editClip (SessionEditor& editor, const ClipRef& ref)
    {
        if (findClip (editor.session(), ref) == nullptr)
            return nullptr;
        auto* track = editor.track (ref.trackId);
        for (auto& clip : track->clips)
            if (clip.id == ref.clipId)
                return &clip;
        return nullptr;
    }

    Status missing (const ClipRef& ref)
    {
        return makeError ("there is no " + describe (ref));
    }

    Status checkAll (const Session& session, const std::vector<ClipRef>& refs)
    {
        for (auto& ref : refs)
            if (findClip (session, ref) == nullptr)
                return missing (ref);
        return {};
    }

    void sortClips (Track& track)
    {
        std::stable_sort (track.clips.begin(), track.clips.end(),
                          [] (const Clip& a, const Clip& b) { return a.position < b.position; });
    }

    /** Shortens fades that no longer fit a shorter clip: the fade-out first keeps its length. */
    void fitFades (Clip& clip)
    {
        clip.fadeOut.length = std::min (clip.fadeOut.length, clip.length);
        clip.fadeIn.length = std::min (clip.fadeIn.length, clip.length - clip.fadeOut.length);
    }

    core::Result<MediaFacts> factsFor (const Clip& clip, const MediaFactsLookup& lookup)
    {
        auto facts = lookup ? lookup (clip.mediaId) : std::nullopt;
        if (! facts)
            return makeError ("media '" + clip.mediaId + "' of clip '" + clip.id + "' cannot be read");
        return *facts;
    }
} // namespace

std::string unusedClipId (const Session& session, const std::string& base)
{
    std::set<std::string> used;
    for (auto& track : session.tracks)
        for (auto& clip : track.clips)
            used.insert (clip.id);
    for (auto& track : session.tracks)
        for (auto& playlist : track.alternatePlaylists)
            for (auto& clip : playlist.clips)
                used.insert (clip.id);
    if (! used.contains (base))
        return base;
    for (int n = 2;; ++n)
        if (auto id = base + "-" + std::to_string (n); ! used.contains (id))
            return id;
}

Status moveClips (SessionEditor& editor, const std::vector<ClipRef>& refs, SampleDuration delta)
{
    if (auto found = checkAll (editor.session(), refs); ! found)
        return found;
    for (auto& ref : refs)
        if (const auto* clip = findClip (editor.session(), ref); clip->position + delta < SamplePosition {})
            return makeError ("moving " + describe (ref) + " would put it before the session start");
    for (auto& ref : refs)
        editClip (editor, ref)->position = editClip (editor, ref)->position + delta;
    for (auto& ref : refs)
        sortClips (*editor.track (ref.trackId));
    return {};
}

Status moveClipToTrack (SessionEditor& editor, const ClipRef& ref, const std::string& trackId, SamplePosition position)
{
    const auto* clip = findClip (editor.session(), ref);
    if (clip == nullptr)
        return missing (ref);
    if (position < SamplePosition {})
        return makeError ("cannot place " + describe (ref) + " before the session start");
    const Track* source = nullptr;
    const Track* destination = nullptr;
    for (auto& track : editor.session().tracks)
    {
        if (track.id == ref.trackId)
            source = &track;
        if (track.id == trackId)
            destination = &track;
    }
    if (destination == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    if (destination->channels != source->channels)
        return makeError ("clip '" + ref.clipId + "' has " + std::to_string (source->channels) + " channel(s) but track '"
                          + trackId + "' has " + std::to_string (destination->channels));
    auto moved = *clip;
    moved.position = position;
    auto& from = editor.track (ref.trackId)->clips;
    from.erase (std::remove_if (from.begin(), from.end(), [&] (auto& c) { return c.id == ref.clipId; }), from.end());
    auto* to = editor.track (trackId);
    to->clips.push_back (std::move (moved));
    sortClips (*to);
    return {};
}

Status spotClip (SessionEditor& editor, const ClipRef& ref, SamplePosition position)
{
    const auto* clip = findClip (editor.session(), ref);
    if (clip == nullptr)
        return missing (ref);
    return moveClips (editor, { ref }, position - clip->position);
}

Status spotClipToOriginalTime (SessionEditor& editor, const ClipRef& ref, const MediaFactsLookup& lookup)
{
    const auto* clip = findClip (editor.session(), ref);
    if (clip == nullptr)
        return missing (ref);
    auto facts = factsFor (*clip, lookup);
    if (! facts)
        return facts.error();
    if (! facts->originalTime)
        return makeError ("media '" + clip->mediaId + "' has no BWF time reference to spot clip '" + clip->id + "' to");
    // The media's first sample was recorded at originalTime; the clip starts sourceOffset in.
    const auto& session = editor.session();
    const int64_t start = *facts->originalTime + clip->sourceOffset.samples
                          - core::samplesSinceMidnight (session.startTimecode, session.frameRate, session.sampleRate);
    if (start < 0)
        return makeError ("clip '" + clip->id + "' was recorded before the session start timecode");
    return spotClip (editor, ref, { start });
}

Status trimClipStart (SessionEditor& editor, const ClipRef& ref, SamplePosition newStart, const MediaFactsLookup& lookup)
{
    const auto* clip = findClip (editor.session(), ref);
    if (clip == nullptr)
        return missing (ref);
    // Earliest: the media's first sample (or the session start); latest: one sample before the end.
    const auto earliest = std::max (SamplePosition {}, clip->position - clip->sourceOffset);
    if (newStart < earliest)
    {
        if (auto facts = factsFor (*clip, lookup); ! facts)
            return facts.error();
        newStart = earliest;
    }
    newStart = std::min (newStart, clip->end() - SampleDuration { 1 });
    auto* edited = editClip (editor, ref);
    const auto delta = newStart - edited->position;
    edited->position = newStart;
    edited->sourceOffset = edited->sourceOffset + delta;
    edited->length = edited->length - delta;
    fitFades (*edited);
    sortClips (*editor.track (ref.trackId));
    return {};
}

Status trimClipEnd (SessionEditor& editor, const ClipRef& ref, SamplePosition newEnd, const MediaFactsLookup& lookup)
{
    const auto* clip = findClip (editor.session(), ref);
    if (clip == nullptr)
        return missing (ref);
    newEnd = std::max (newEnd, clip->position + SampleDuration { 1 });
    if (newEnd > clip->end())
    {
        auto facts = factsFor (*clip, lookup);
        if (! facts)
            return facts.error();
        newEnd = std::min (newEnd, clip->position + SampleDuration { facts->length - clip->sourceOffset.samples });
    }
    auto* edited = editClip (editor, ref);
    edited->length = newEnd - edited->position;
    fitFades (*edited);
    return {};
}

Status slipClip (SessionEditor& editor, const ClipRef& ref, SampleDuration delta, const MediaFactsLookup& lookup)
{
    const auto* clip = findClip (editor.session(), ref);
    if (clip == nullptr)
        return missing (ref);
    auto facts = factsFor (*clip, lookup);
    if (! facts)
        return facts.error();
    const auto latest = facts->length - clip->length.samples;
    const auto offset = std::clamp<int64_t> (clip->sourceOffset.samples + delta.samples, 0, std::max<int64_t> (0, latest));
    editClip (editor, ref)->sourceOffset = { offset };
    return {};
}

Status setClipGain (SessionEditor& editor, const std::vector<ClipRef>& refs, double gainDb)
{
    if (auto found = checkAll (editor.session(), refs); ! found)
        return found;
    for (auto& ref : refs)
        editClip (editor, ref)->gainDb = gainDb;
    return {};
}

namespace
{
    /** One fade of a clip; the two fades together must fit its length. */
    Status setFade (SessionEditor& editor, const ClipRef& ref, Fade fade, bool fadeIn)
    {
        const auto* clip = findClip (editor.session(), ref);
        if (clip == nullptr)
            return missing (ref);
        const auto& other = fadeIn ? clip->fadeOut : clip->fadeIn;
        if (fade.length < SampleDuration {} || fade.length + other.length > clip->length)
            return makeError ("a fade-" + std::string (fadeIn ? "in" : "out") + " of " + std::to_string (fade.length.samples)
                              + " samples does not fit " + describe (ref));
        (fadeIn ? editClip (editor, ref)->fadeIn : editClip (editor, ref)->fadeOut) = fade;
        return {};
    }
} // namespace

Status setClipFadeIn (SessionEditor& editor, const ClipRef& ref, Fade fade)
{
    return setFade (editor, ref, fade, true);
}

Status setClipFadeOut (SessionEditor& editor, const ClipRef& ref, Fade fade)
{
    return setFade (editor, ref, fade, false);
}

Status setClipsMuted (SessionEditor& editor, const std::vector<ClipRef>& refs, bool mute)
{
    if (auto found = checkAll (editor.session(), refs); ! found)
        return found;
    for (auto& ref : refs)
        editClip (editor, ref)->mute = mute;
    return {};
}

Status renameClip (SessionEditor& editor, const ClipRef& ref, const std::string& name)
{
    if (findClip (editor.session(), ref) == nullptr)
        return missing (ref);
    editClip (editor, ref)->name = name;
    return {};
}

Status deleteClips (SessionEditor& editor, const std::vector<ClipRef>& refs)
{
    if (auto found = checkAll (editor.session(), refs); ! found)
        return found;
    for (auto& ref : refs)
    {
        auto& clips = editor.track (ref.trackId)->clips;
        clips.erase (std::remove_if (clips.begin(), clips.end(), [&] (auto& c) { return c.id == ref.clipId; }), clips.end());
    }
    return {};
}

Status duplicateClips (SessionEditor& editor, const std::vector<ClipRef>& refs, std::vector<ClipRef>* created)
{
    if (refs.empty())
        return {};
    if (auto found = checkAll (editor.session(), refs); ! found)
        return found;
    auto first = findClip (editor.session(), refs[0])->position;
    auto last = findClip (editor.session(), refs[0])->end();
    for (auto& ref : refs)
    {
        first = std::min (first, findClip (editor.session(), ref)->position);
        last = std::max (last, findClip (editor.session(), ref)->end());
    }
    const auto span = last - first;
    for (auto& ref : refs)
    {
        auto copy = *findClip (editor.session(), ref);
        copy.id = unusedClipId (editor.session(), ref.clipId);
        copy.position = copy.position + span;
        auto* track = editor.track (ref.trackId);
        track->clips.push_back (copy);
        sortClips (*track);
        if (created != nullptr)
            created->push_back ({ ref.trackId, copy.id });
    }
    return {};
}

Status crossfadeAt (SessionEditor& editor, const std::string& trackId, SamplePosition cut, SampleDuration length,
                    dsp::FadeShape shape, const MediaFactsLookup& lookup)
{
    const Track* track = nullptr;
    for (auto& t : editor.session().tracks)
        if (t.id == trackId)
            track = &t;
    if (track == nullptr)
        return makeError ("there is no track '" + trackId + "'");
    const Clip* outgoing = nullptr;
    const Clip* incoming = nullptr;
    for (auto& clip : track->clips)
    {
        if (clip.end() == cut)
            outgoing = &clip;
        if (clip.position == cut)
            incoming = &clip;
    }
    if (outgoing == nullptr || incoming == nullptr)
        return makeError ("track '" + trackId + "' has no cut between two clips at sample " + std::to_string (cut.samples));
    if (length <= SampleDuration {})
        return makeError ("a crossfade needs a positive length");

    // Centred on the cut: the incoming clip starts `before` earlier, the outgoing one ends `after` later.
    const SampleDuration before { length.samples / 2 };
    const SampleDuration after = length - before;
    auto outgoingFacts = factsFor (*outgoing, lookup);
    if (! outgoingFacts)
        return outgoingFacts.error();
    if (outgoing->sourceOffset.samples + outgoing->length.samples + after.samples > outgoingFacts->length)
        return makeError ("clip '" + outgoing->id + "' has too little media after its end for a crossfade of "
                          + std::to_string (length.samples) + " samples");
    if (incoming->sourceOffset < before)
        return makeError ("clip '" + incoming->id + "' has too little media before its start for a crossfade of "
                          + std::to_string (length.samples) + " samples");
    const bool outgoingFits = outgoing->fadeIn.length + length <= outgoing->length + after;
    const bool incomingFits = incoming->fadeOut.length + length <= incoming->length + before;
    if (! outgoingFits || ! incomingFits)
        return makeError ("a crossfade of " + std::to_string (length.samples) + " samples is longer than clip '"
                          + (outgoingFits ? incoming->id : outgoing->id) + "' allows beside its other fade");

    const auto outgoingId = outgoing->id;
    const auto incomingId = incoming->id;
    auto* edited = editor.track (trackId);
    for (auto& clip : edited->clips)
    {
        if (clip.id == outgoingId)
        {
            clip.length = clip.length + after;
            clip.fadeOut = { length, shape };
        }
        else if (clip.id == incomingId)
        {
            clip.position = clip.position - before;
            clip.sourceOffset = clip.sourceOffset - before;
            clip.length = clip.length + before;
            clip.fadeIn = { length, shape };
        }
    }
    sortClips (*edited);
    return {};
}
} // namespace sprocket::session
