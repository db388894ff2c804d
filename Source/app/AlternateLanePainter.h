#pragma once

#include "session/Track.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace sprocket::app
{
/** One lane of Pro Tools' playlists view, under its track's row: in the header column the
    playlist's name, its audition button ("S": plays this lane in place of the main playlist
    while lit) and its ▲ button (Copy Selection to Main Playlist); in the lanes a darker strip
    that the timeline paints the playlist's clips on, dimmed. Geometry shared with the mouse.
    [[message thread]] */
struct AlternateLanePainter
{
    static constexpr int laneHeight = 46;

    struct Controls
    {
        juce::Rectangle<int> name, audition, copy;
    };
    /** The controls inside the lane's part of the header column. */
    static Controls controls (juce::Rectangle<int> header);

    struct State
    {
        bool auditioning = false;
        bool hasSelection = false; // a range on this lane: ▲ can copy it
    };
    static void paintHeader (juce::Graphics&, const session::Playlist&, juce::Rectangle<int> header, const State&);
    static void paintBackground (juce::Graphics&, juce::Rectangle<int> lane);
    /** Over the lane's clips: dims them (alternates are not what plays) unless auditioned. */
    static void paintDim (juce::Graphics&, juce::Rectangle<int> lane, const State&);
};
} // namespace sprocket::app
