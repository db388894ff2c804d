#pragma once

#include "session/Session.h"

#include <juce_graphics/juce_graphics.h>

#include <string>
#include <utility>
#include <vector>

namespace sprocket::app::theme
{
/** The dark palette every app component paints with, in one place so a later
    user-selectable theme only has to replace this file. */
inline const juce::Colour windowBackground { 0xff1c1c1f };
inline const juce::Colour laneBackground { 0xff232327 };
inline const juce::Colour laneBackgroundAlt { 0xff27272b };
inline const juce::Colour laneSeparator { 0xff141416 };
inline const juce::Colour headerBackground { 0xff2c2c31 };
inline const juce::Colour headerBackgroundAlt { 0xff303036 };
inline const juce::Colour rulerBackground { 0xff2a2a2f };
inline const juce::Colour markerStripBackground { 0xff202024 };
inline const juce::Colour statusBarBackground { 0xff151517 };
inline const juce::Colour textPrimary { 0xffe6e6e6 };
inline const juce::Colour textSecondary { 0xff9a9aa2 };
inline const juce::Colour tick { 0xff85858c };
inline const juce::Colour marker { 0xffe8c547 };
inline const juce::Colour playhead { 0xffff4b3e };
inline const juce::Colour offlineBody { 0xff4a1c1c };
inline const juce::Colour offlineHatch { 0xffb03a3a };
inline const juce::Colour mutedBody { 0xff46464b };
inline const juce::Colour warning { 0xffff7a59 };

/** A clip's colour comes from the stem bus its track feeds, so a mixer can read the
    timeline by department at a glance: DX blue, MX purple, FX orange, FOL green,
    BG teal, anything else grey. Matching is on the bus id's prefix ("DX2" is dialogue). */
juce::Colour colourForBus (const std::string& busId);

/** A stored "#rrggbb" as a colour; transparent when empty or malformed. */
juce::Colour colourFromText (const std::string& text);
/** "#rrggbb" for a colour (alpha dropped), as the session stores it. */
std::string colourToText (juce::Colour colour);

/** A bus's colour: its stored `color`, else colourForBus (its id). */
juce::Colour colourOfBus (const session::Session& session, const std::string& busId);
/** A track's colour: its stored `color`, else that of the bus it feeds (stored or by id). */
juce::Colour colourForTrack (const session::Session& session, const session::Track& track);

/** Pro Tools' track colour palette, shortened: what the header and strip menus offer. */
const std::vector<std::pair<const char*, juce::uint32>>& trackColourPalette();

/** A solo button in solo safe: dimmed, with brackets, as Pro Tools greys it out. Drawn over
    the normal S button in `area`. */
void drawSoloSafe (juce::Graphics& g, juce::Rectangle<int> area);

/** The fill of a clip's body: the bus colour dimmed so the white name text stays readable. */
juce::Colour clipBodyFor (juce::Colour busColour);

/** Fixed-pitch digits keep timecode labels from jittering while scrolling. */
juce::Font monoFont (float height);
juce::Font uiFont (float height, bool bold = false);
} // namespace sprocket::app::theme
