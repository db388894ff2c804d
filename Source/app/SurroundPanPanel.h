#pragma once

#include "session/Track.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace sprocket::app
{
/** A track's surround panner, opened from its strip's pan display when it feeds a 5.1 or 7.1
    bus (Pro Tools' output window panner): the room from above with the screen at the top, its
    speakers lit by the share each gets, and the source as a puck to drag (a mouse-down jumps
    it there, as a joystick would; alt-click or double-click sends it back to the centre of
    the screen). Below: divergence, the centre percentage and the LFE send. Every drag step is
    reported as a preview and its release as one commit; a typed value commits at once.
    [[message thread]] */
class SurroundPanPanel final : public juce::Component
{
public:
    static constexpr int width = 232;
    static constexpr int height = 380;

    /** `roomChannels` is the destination's width (6 or 8); `sourceChannels` 1 or 2 (a stereo
        source's sides sit one unit either side of x, as the engine places them). */
    SurroundPanPanel (const session::SurroundPan& position, int roomChannels, int sourceChannels, const juce::String& stripName,
                      const juce::String& destinationName);

    /** Shows the position (after an edit or undo) without reporting it back; ignored mid-drag. */
    void setPosition (const session::SurroundPan& position);
    const session::SurroundPan& getPosition() const noexcept { return position; }

    std::function<void (const session::SurroundPan& position, bool commit)> onChange;
    std::function<void()> onClose;

    /** Where the room is drawn (a square inside the panel), for tests and drawing. */
    juce::Rectangle<float> getRoomArea() const;
    /** The point in the panel at a room position, and back (clamped to the walls, hundredths). */
    juce::Point<float> pointAt (double x, double y) const;
    juce::Point<double> positionAt (juce::Point<float> point) const;

    juce::Slider& getDivergenceSlider() noexcept { return divergence; }
    juce::Slider& getCentreSlider() noexcept { return centre; }
    juce::Slider& getLfeSlider() noexcept { return lfe; }

    /** Each speaker's share of the source, as a power gain 0..1 in the engine's channel order
        (L R C LFE Ls Rs [Lrs Rrs]); for a stereo source the mean power of its two sides. */
    std::vector<float> speakerShares() const;

    void paint (juce::Graphics&) override;
    void resized() override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;
    void mouseDoubleClick (const juce::MouseEvent&) override;

private:
    void moveTo (juce::Point<float> point);
    void report (bool commit);
    void paintRoom (juce::Graphics& g) const;
    void setUpSlider (juce::Slider& slider, double low, double high, double interval);

    session::SurroundPan position;
    int roomChannels, sourceChannels;
    juce::String stripName, destinationName;
    bool draggingPuck = false, draggingSlider = false;
    juce::Slider divergence, centre, lfe;
    juce::Label divergenceLabel { {}, "Divergence" }, centreLabel { {}, "Centre" }, lfeLabel { {}, "LFE" };
    juce::TextButton close { juce::String::fromUTF8 ("\xc3\x97") };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (SurroundPanPanel)
};
} // namespace sprocket::app
