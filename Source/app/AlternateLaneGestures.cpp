#include "AlternateLaneGestures.h"

#include <algorithm>
#include <cmath>

namespace sprocket::app
{
using Part = TimelineComponent::Hit::Part;

AlternateLaneGestures::AlternateLaneGestures (TimelineComponent& timelineToUse, EditController& controllerToUse)
    : timeline (timelineToUse), controller (controllerToUse)
{
}

void AlternateLaneGestures::mouseDown (const juce::MouseEvent& e, const TimelineComponent::Hit& hit)
{
    dragging = false;
    const auto& s = timeline.getSession();
    if (hit.track < 0 || size_t (hit.track) >= s.tracks.size() || hit.lane < 0
        || size_t (hit.lane) >= s.tracks[size_t (hit.track)].alternatePlaylists.size())
        return;
    // Copies: an edit replaces the timeline's session (and may drop its alternate selection).
    const auto trackId = s.tracks[size_t (hit.track)].id;
    const auto playlist = s.tracks[size_t (hit.track)].alternatePlaylists[size_t (hit.lane)].name;
    switch (hit.part)
    {
        case Part::alternateAudition:
            timeline.setAuditioning (trackId, timeline.auditioningOf (trackId) == playlist ? std::string() : playlist);
            if (onAuditionChanged)
                onAuditionChanged();
            return;
        case Part::alternateCopy:
        {
            const auto selected = timeline.getAlternateSelection();
            if (! selected || selected->trackId != trackId || selected->playlist != playlist || selected->range.isEmpty())
            {
                if (onProblem)
                    onProblem ("Select a range on the '" + playlist
                               + "' lane first, then click its \xe2\x96\xb2 to copy it to the main playlist.");
                return;
            }
            if (auto status = controller.copyAlternateToMain (trackId, playlist, selected->range); ! status.ok() && onProblem)
                onProblem (status.error().message);
            return;
        }
        case Part::alternateLane:
            dragging = true;
            anchor = controller.place ({ std::max<int64_t> (0, std::llround (timeline.getScale().sampleForX (e.position.x))) })
                         .samples;
            pressed = { trackId, playlist, { { anchor }, { anchor } } };
            timeline.setAlternateSelection (pressed);
            return;
        default:
            return;
    }
}

void AlternateLaneGestures::extendTo (float x)
{
    const auto at = controller.place ({ std::max<int64_t> (0, std::llround (timeline.getScale().sampleForX (x))) }).samples;
    pressed.range = { { std::min (anchor, at) }, { std::max (anchor, at) } };
    timeline.setAlternateSelection (pressed);
}

void AlternateLaneGestures::mouseDrag (const juce::MouseEvent& e)
{
    if (dragging)
        extendTo (e.position.x);
}

void AlternateLaneGestures::mouseUp (const juce::MouseEvent& e)
{
    if (! dragging)
        return;
    extendTo (e.position.x);
    dragging = false;
}
} // namespace sprocket::app
