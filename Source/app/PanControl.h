#pragma once

#include "session/Track.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace sprocket::app
{
/** A strip's panner. Into a mono or stereo destination: a horizontal pan bar reading
    "<50", "C", "50>" (Pro Tools' hundredths); dragging moves it by the mouse's movement (the
    bar's width is the full travel), a double-click centres it; onDrag while dragging, onCommit
    once per gesture. Into 5.1 or 7.1: the surround position as a small room with the source as
    a dot and its x/y read out; a click on it asks for the surround panner (onOpenSurround).
    Buses and the master have no pan.
    [[message thread]] */
class PanControl final : public juce::Component
{
public:
    enum class Mode
    {
        none,
        stereo,
        surround
    };

    void setMode (Mode mode);
    Mode getMode() const noexcept { return mode; }
    /** What is shown (ignored while the user drags). */
    void setPan (double pan);
    void setSurroundPan (const session::SurroundPan& position);
    double getPan() const noexcept { return pan; }

    /** "C", "<35", "100>". */
    static juce::String panText (double pan);

    std::function<void (double pan)> onDrag;
    std::function<void (double pan)> onCommit;
    std::function<void()> onOpenSurround;

    void paint (juce::Graphics&) override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;
    void mouseDoubleClick (const juce::MouseEvent&) override;

private:
    Mode mode = Mode::none;
    double pan = 0.0, gestureStartPan = 0.0;
    session::SurroundPan surround;
    bool dragging = false;
};
} // namespace sprocket::app
