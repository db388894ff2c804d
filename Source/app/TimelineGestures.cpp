#include "TimelineGestures.h"

#include "session/ClipEdits.h"
#include "session/ShuffleEdits.h"

#include <algorithm>

namespace sprocket::app
{
using Part = TimelineComponent::Hit::Part;
using core::SampleDuration;
using core::SamplePosition;

namespace
{
    /** Less than this many pixels of movement is a click, not a drag (a hand is not still). */
    constexpr int dragThreshold = 3;

    const session::Clip* findClip (const session::Session& s, const session::ClipRef& ref)
    {
        for (auto& track : s.tracks)
            if (track.id == ref.trackId)
                for (auto& clip : track.clips)
                    if (clip.id == ref.clipId)
                        return &clip;
        return nullptr;
    }

    int trackIndex (const session::Session& s, const std::string& id)
    {
        for (size_t i = 0; i < s.tracks.size(); ++i)
            if (s.tracks[i].id == id)
                return int (i);
        return -1;
    }
} // namespace

TimelineGestures::TimelineGestures (TimelineComponent& timelineToUse, EditController& controllerToUse)
    : timeline (timelineToUse), controller (controllerToUse), automation (timelineToUse, controllerToUse),
      alternates (timelineToUse, controllerToUse)
{
    alternates.onProblem = [this] (const std::string& message) {
        if (onProblem)
            onProblem (message);
    };
    alternates.onAuditionChanged = [this] {
        if (onAuditionChanged)
            onAuditionChanged();
    };
    automation.onProblem = [this] (const std::string& message) {
        if (onProblem)
            onProblem (message);
    };
}

int64_t TimelineGestures::sampleAt (float x) const
{
    return std::max<int64_t> (0, int64_t (std::llround (timeline.getScale().sampleForX (x))));
}

void TimelineGestures::mouseDown (const juce::MouseEvent& event)
{
    const auto e = event.getEventRelativeTo (&timeline);
    drag = Drag::none;
    dragged = false;
    dragClips.clear();
    downHit = timeline.hitTest (e.position);
    auto* document = controller.getDocument();
    if (document == nullptr)
        return;
    const auto& s = document->session();

    const auto trackId = [&] { return s.tracks[size_t (downHit.track)].id; };
    const bool onHeader = downHit.part == Part::header || downHit.part == Part::headerRecord || downHit.part == Part::headerSolo
                          || downHit.part == Part::headerMute;
    if (onHeader && e.mods.isPopupMenu())
    {
        // Right-click on a header: its height and colour menu.
        if (onHeaderMenu)
            onHeaderMenu (size_t (downHit.track), e.position.toInt());
        return;
    }
    switch (downHit.part)
    {
        case Part::nothing:
            return;
        case Part::ruler:
            if (onLocate)
                onLocate (controller.place ({ sampleAt (e.position.x) }).samples);
            return;
        case Part::headerRecord:
            if (onToggleRecord)
                onToggleRecord (trackId());
            return;
        case Part::headerSolo:
        case Part::headerMute:
        {
            const bool solo = downHit.part == Part::headerSolo;
            if (solo && e.mods.isCommandDown())
            {
                // Pro Tools' cmd-click (ctrl-click here) on S: solo safe.
                if (auto status = controller.toggleSoloSafe (trackId()); ! status.ok() && onProblem)
                    onProblem (status.error().message);
                return;
            }
            if (auto status = controller.toggleTrackSwitch (trackId(), solo); ! status.ok() && onProblem)
                onProblem (status.error().message);
            return;
        }
        case Part::headerPlaylist:
            if (onPlaylistMenu)
                onPlaylistMenu (size_t (downHit.track), timeline.headerControls (size_t (downHit.track)).playlist);
            return;
        case Part::headerAutomationView:
            if (onAutomationViewMenu)
                onAutomationViewMenu (size_t (downHit.track), timeline.headerControls (size_t (downHit.track)).automationView);
            return;
        case Part::headerAutomationMode:
            if (onAutomationModeMenu)
                onAutomationModeMenu (size_t (downHit.track), timeline.headerControls (size_t (downHit.track)).automationMode);
            return;
        case Part::alternateHeader:
        case Part::alternateAudition:
        case Part::alternateCopy:
        case Part::alternateLane:
            alternates.mouseDown (e, downHit);
            drag = alternates.isDragging() ? Drag::alternate : Drag::none;
            return;
        case Part::automationLane:
        case Part::automationPoint:
            drag = Drag::automation;
            automation.mouseDown (e, downHit);
            if (! automation.isDragging())
                drag = Drag::none;
            return;
        case Part::header:
            // A click on a track's name selects the whole track's length, as in Pro Tools.
            controller.selectRange (size_t (downHit.track), size_t (downHit.track),
                                    { {}, s.endOfLastClip() });
            return;
        case Part::lane:
            drag = Drag::range;
            rangeAnchorTrack = std::clamp (downHit.track, 0, std::max (0, int (s.tracks.size()) - 1));
            rangeAnchor = controller.place ({ sampleAt (e.position.x) }).samples;
            if (e.mods.isShiftDown() && ! controller.selection().trackIds.empty())
            {
                // Shift-click extends the range to here, keeping its other end.
                const auto& range = controller.selection().range;
                rangeAnchor = std::abs (rangeAnchor - range.start.samples) < std::abs (rangeAnchor - range.end.samples)
                                  ? range.end.samples
                                  : range.start.samples;
            }
            if (! s.tracks.empty())
                controller.selectRange (size_t (rangeAnchorTrack), size_t (rangeAnchorTrack),
                                        { { rangeAnchor }, { rangeAnchor } });
            return;
        default:
            break;
    }

    // A clip.
    const auto& track = s.tracks[size_t (downHit.track)];
    downClip = track.clips[size_t (downHit.clip)];
    const session::ClipRef ref { track.id, downClip.id };
    const auto mode = controller.getMode();
    if (mode == EditMode::spot && downHit.part == Part::clipBody && ! isSlipModifier (e.mods))
    {
        // Pro Tools' Spot mode: the clip does not move under the mouse; the release asks where.
        controller.clickClip (ref, false);
        drag = Drag::spot;
        dragClips = { ref };
        return;
    }
    if (e.mods.isShiftDown())
        controller.clickClip (ref, true);
    else if (! controller.selection().contains (ref))
        controller.clickClip (ref, false);

    switch (downHit.part)
    {
        case Part::clipBody: drag = isSlipModifier (e.mods) ? Drag::slip : Drag::move; break;
        case Part::clipTrimStart: drag = Drag::trimStart; break;
        case Part::clipTrimEnd: drag = Drag::trimEnd; break;
        case Part::clipFadeIn: drag = Drag::fadeIn; break;
        case Part::clipFadeOut: drag = Drag::fadeOut; break;
        case Part::clipGainLine: drag = Drag::gain; break;
        default: drag = Drag::none; break;
    }
    // Shuffle moves the grabbed clip alone: it drops between its neighbours.
    if (drag == Drag::move && controller.selection().contains (ref) && mode != EditMode::shuffle)
        dragClips = controller.selection().clips;
    else
        dragClips = { ref };
    if (! controller.selection().contains (ref))
        drag = Drag::none; // shift-click took it out of the selection: nothing to drag
}

SampleDuration TimelineGestures::dragDelta (const juce::MouseEvent& e) const
{
    const auto raw = int64_t (std::llround (double (e.getDistanceFromDragStartX()) * timeline.getScale().samplesPerPixel));
    return { raw };
}

std::optional<std::pair<std::string, session::EditHistory::Edit>>
    TimelineGestures::currentEdit (const juce::MouseEvent& e) const
{
    auto* document = controller.getDocument();
    if (document == nullptr)
        return std::nullopt;
    const auto& s = document->session();
    const session::ClipRef ref { s.tracks[size_t (downHit.track)].id, downClip.id };
    const auto raw = dragDelta (e);
    const auto facts = document->mediaFacts();

    switch (drag)
    {
        case Drag::move:
        {
            // Grid mode snaps the grabbed clip's start; the others keep their distance to it.
            SampleDuration delta = controller.place (downClip.position + raw) - downClip.position;
            if (downClip.position + delta < SamplePosition {})
                delta = SamplePosition {} - downClip.position;
            if (e.mods.isShiftDown())
                delta = {}; // shift: the same time on another track
            int offset = timeline.trackAtY (e.position.y) - downHit.track;
            int lowest = INT32_MAX, highest = INT32_MIN;
            for (auto& clip : dragClips)
            {
                const int t = trackIndex (s, clip.trackId);
                lowest = std::min (lowest, t);
                highest = std::max (highest, t);
            }
            offset = std::clamp (offset, -lowest, int (s.tracks.size()) - 1 - highest);
            if (offset == 0 && delta.samples == 0)
                return std::nullopt;
            if (controller.getMode() == EditMode::shuffle)
            {
                const auto destination = s.tracks[size_t (downHit.track + offset)].id;
                const auto at = downClip.position + delta;
                return std::pair { std::string ("Move"),
                                   session::EditHistory::Edit ([ref, destination, at] (session::SessionEditor& ed) {
                                       return session::shuffleMoveClip (ed, ref, destination, at);
                                   }) };
            }
            std::vector<std::pair<session::ClipRef, std::string>> moves;
            for (auto& clip : dragClips)
                moves.push_back ({ clip, s.tracks[size_t (trackIndex (s, clip.trackId) + offset)].id });
            auto clips = dragClips;
            if (offset == 0)
                return std::pair { std::string ("Move"), session::EditHistory::Edit ([clips, delta] (session::SessionEditor& ed) {
                                       return session::moveClips (ed, clips, delta);
                                   }) };
            return std::pair { std::string ("Move"), session::EditHistory::Edit ([moves, delta] (session::SessionEditor& ed) {
                                   for (auto& [clip, destination] : moves)
                                   {
                                       const auto* found = findClip (ed.session(), clip);
                                       if (found == nullptr)
                                           return core::Status (core::makeError ("clip '" + clip.clipId + "' is gone"));
                                       if (auto done = session::moveClipToTrack (ed, clip, destination, found->position + delta); ! done)
                                           return done;
                                   }
                                   return core::Status {};
                               }) };
        }
        case Drag::slip:
        {
            // Dragging right shows earlier audio under the clip: a negative slip.
            const SampleDuration delta { -raw.samples };
            if (delta.samples == 0)
                return std::nullopt;
            return std::pair { std::string ("Slip"), session::EditHistory::Edit ([ref, delta, facts] (session::SessionEditor& ed) {
                                   return session::slipClip (ed, ref, delta, facts);
                               }) };
        }
        case Drag::trimStart:
        case Drag::trimEnd:
        {
            const bool start = drag == Drag::trimStart;
            const auto edge = controller.place ((start ? downClip.position : downClip.end()) + raw);
            if (edge == (start ? downClip.position : downClip.end()))
                return std::nullopt;
            if (controller.getMode() == EditMode::shuffle)
                return std::pair { std::string (start ? "Trim Start" : "Trim End"),
                                   session::EditHistory::Edit ([ref, edge, facts, start] (session::SessionEditor& ed) {
                                       return start ? session::shuffleTrimClipStart (ed, ref, edge, facts)
                                                    : session::shuffleTrimClipEnd (ed, ref, edge, facts);
                                   }) };
            return std::pair { std::string (start ? "Trim Start" : "Trim End"),
                               session::EditHistory::Edit ([ref, edge, facts, start] (session::SessionEditor& ed) {
                                   return start ? session::trimClipStart (ed, ref, edge, facts)
                                                : session::trimClipEnd (ed, ref, edge, facts);
                               }) };
        }
        case Drag::fadeIn:
        case Drag::fadeOut:
        {
            const bool in = drag == Drag::fadeIn;
            const auto at = controller.place ({ sampleAt (e.position.x) });
            const auto available = downClip.length - (in ? downClip.fadeOut.length : downClip.fadeIn.length);
            const SampleDuration length { std::clamp<int64_t> (in ? (at - downClip.position).samples : (downClip.end() - at).samples,
                                                               0, available.samples) };
            const auto& old = in ? downClip.fadeIn : downClip.fadeOut;
            if (length == old.length)
                return std::nullopt;
            const session::Fade fade { length, old.length.samples > 0 ? old.shape : fadeShape };
            return std::pair { std::string (in ? "Fade In" : "Fade Out"),
                               session::EditHistory::Edit ([ref, fade, in] (session::SessionEditor& ed) {
                                   return in ? session::setClipFadeIn (ed, ref, fade) : session::setClipFadeOut (ed, ref, fade);
                               }) };
        }
        case Drag::gain:
        {
            const auto body = ClipPainter::bodyOf (timeline.getClipBounds (size_t (downHit.track), size_t (downHit.clip)));
            // Relative to where the press was, so grabbing the line never makes it jump.
            const double startDb = ClipPainter::gainForY (float (e.getMouseDownY()), body);
            const double db = std::clamp (downClip.gainDb + ClipPainter::gainForY (e.position.y, body) - startDb,
                                          ClipPainter::minGainDb, ClipPainter::maxGainDb);
            if (db == downClip.gainDb)
                return std::nullopt;
            return std::pair { std::string ("Clip Gain"), session::EditHistory::Edit ([ref, db] (session::SessionEditor& ed) {
                                   return session::setClipGain (ed, { ref }, db);
                               }) };
        }
        default:
            return std::nullopt;
    }
}

void TimelineGestures::showPreview (const juce::MouseEvent& e)
{
    auto edit = currentEdit (e);
    if (! edit)
    {
        timeline.setPreview (std::nullopt);
        return;
    }
    auto copy = controller.getDocument()->session();
    session::SessionEditor editor (copy);
    // A drag past a limit (the end of the media) keeps showing the last edit that worked.
    if (edit->second (editor).ok())
        timeline.setPreview (std::move (copy));
}

void TimelineGestures::mouseDrag (const juce::MouseEvent& event)
{
    const auto e = event.getEventRelativeTo (&timeline);
    if (drag == Drag::none || drag == Drag::spot || controller.getDocument() == nullptr)
        return;
    if (! dragged && e.getDistanceFromDragStart() < dragThreshold)
        return;
    dragged = true;
    if (drag == Drag::automation)
    {
        automation.mouseDrag (e);
        return;
    }
    if (drag == Drag::alternate)
    {
        alternates.mouseDrag (e);
        return;
    }

    if (drag == Drag::range)
    {
        const auto& s = controller.getDocument()->session();
        if (s.tracks.empty())
            return;
        const int track = std::clamp (timeline.trackAtY (e.position.y), 0, int (s.tracks.size()) - 1);
        const auto at = controller.place ({ sampleAt (e.position.x) }).samples;
        controller.selectRange (size_t (rangeAnchorTrack), size_t (track),
                                { { std::min (rangeAnchor, at) }, { std::max (rangeAnchor, at) } });
        return;
    }
    if (controller.getDocument()->isReadOnly())
        return;
    showPreview (e);
}

void TimelineGestures::mouseUp (const juce::MouseEvent& event)
{
    const auto e = event.getEventRelativeTo (&timeline);
    const auto finished = drag;
    auto* document = controller.getDocument();
    if (document == nullptr || finished == Drag::none)
        return;
    if (finished == Drag::automation)
    {
        drag = Drag::none;
        automation.mouseUp (e);
        return;
    }
    if (finished == Drag::alternate)
    {
        drag = Drag::none;
        alternates.mouseUp (e);
        return;
    }

    if (finished == Drag::spot)
    {
        drag = Drag::none;
        if (onSpotRequest)
            onSpotRequest();
        return;
    }
    if (finished == Drag::range)
    {
        drag = Drag::none;
        if (! dragged && onLocate)
            onLocate (rangeAnchor);
        return;
    }
    if (! dragged)
    {
        drag = Drag::none;
        return;
    }

    auto edit = currentEdit (e);
    drag = Drag::none;
    timeline.setPreview (std::nullopt);
    if (! edit)
        return;
    auto status = document->perform (edit->first, edit->second);
    if (! status.ok())
    {
        if (onProblem)
            onProblem (edit->first + ": " + status.error().message);
        return;
    }
    if (finished == Drag::move)
    {
        // The moved clips keep their ids; follow them to their new tracks.
        EditSelection moved;
        for (auto& ref : dragClips)
            for (auto& track : document->session().tracks)
                for (auto& clip : track.clips)
                    if (clip.id == ref.clipId)
                        moved.clips.push_back ({ track.id, clip.id });
        controller.setSelection (moved);
    }
    else
    {
        controller.setSelection (controller.selection()); // tell the views
    }
}

void TimelineGestures::mouseDoubleClick (const juce::MouseEvent& event)
{
    const auto e = event.getEventRelativeTo (&timeline);
    const auto hit = timeline.hitTest (e.position);
    if (hit.part == Part::clipBody && onRenameRequest)
        onRenameRequest();
    else if (hit.part == Part::header && onTrackRenameRequest)
        onTrackRenameRequest (size_t (hit.track));
}

void TimelineGestures::mouseMove (const juce::MouseEvent& event)
{
    const auto e = event.getEventRelativeTo (&timeline);
    const auto hit = timeline.hitTest (e.position);
    auto cursor = juce::MouseCursor::NormalCursor;
    switch (hit.part)
    {
        case Part::clipTrimStart:
        case Part::clipTrimEnd: cursor = juce::MouseCursor::LeftRightResizeCursor; break;
        case Part::clipFadeIn:
        case Part::clipFadeOut: cursor = juce::MouseCursor::CrosshairCursor; break;
        case Part::clipGainLine: cursor = juce::MouseCursor::UpDownResizeCursor; break;
        case Part::clipBody:
            cursor = isSlipModifier (e.mods)                  ? juce::MouseCursor::LeftRightResizeCursor
                     : controller.getMode() == EditMode::spot ? juce::MouseCursor::PointingHandCursor
                                                              : juce::MouseCursor::DraggingHandCursor;
            break;
        case Part::lane:
        case Part::alternateLane: cursor = juce::MouseCursor::IBeamCursor; break;
        case Part::headerRecord:
        case Part::headerSolo:
        case Part::headerMute:
        case Part::headerPlaylist:
        case Part::headerAutomationView:
        case Part::alternateAudition:
        case Part::alternateCopy:
        case Part::headerAutomationMode: cursor = juce::MouseCursor::PointingHandCursor; break;
        case Part::automationPoint: cursor = juce::MouseCursor::DraggingHandCursor; break;
        case Part::automationLane: cursor = e.mods.isCommandDown() ? juce::MouseCursor::CrosshairCursor
                                                                   : juce::MouseCursor::PointingHandCursor; break;
        default: break;
    }
    timeline.setMouseCursor (cursor);
}
} // namespace sprocket::app
