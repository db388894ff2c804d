#pragma once

#include "TimelineScale.h"
#include "session/Automation.h"
#include "session/AutomationParameters.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace sprocket::app
{
/** A track's automation lane drawn over its clips, as Pro Tools draws a track in volume, pan or
    plug-in view: the line (the static value's flat line while there are no breakpoints), the
    breakpoints as small squares, and the geometry the mouse shares with the drawing.
    Where a value sits: dB parameters follow the fader's law (DbScale: +12 dB at the top, -inf
    at the bottom, 0 dB three quarters up), pan puts left at the top and right at the bottom (as
    Pro Tools does), mute puts "muted" at the bottom, everything else runs linearly from its
    minimum at the bottom to its maximum at the top. [[message thread]] */
struct AutomationLanePainter
{
    static float yForValue (const session::AutomatableParameter&, double value, juce::Rectangle<float> area);
    static double valueForY (const session::AutomatableParameter&, float y, juce::Rectangle<float> area);

    /** Draws `lane` (empty: the parameter's static value) across `area`; `writing` draws it red. */
    static void paint (juce::Graphics&, const session::AutomationLane& lane, const session::AutomatableParameter&,
                       juce::Rectangle<float> area, const TimelineScale&, bool writing);

    /** The breakpoint whose square contains `point` (within `radius` pixels), nearest first; -1
        when there is none. */
    static int pointNear (const session::AutomationLane& lane, const session::AutomatableParameter&, juce::Rectangle<float> area,
                          const TimelineScale&, juce::Point<float> point, float radius = 5.0f);

    /** A value as a read-out: "-6.0 dB", "L 40" / "<C>" / "R 100", "muted" / "on", "1200 Hz". */
    static juce::String valueText (const session::AutomatableParameter&, double value);

    static constexpr float pointSize = 5.0f;
};
} // namespace sprocket::app
