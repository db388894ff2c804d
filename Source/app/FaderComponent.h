#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace sprocket::app
{
/** A channel strip's fader: a dB scale (+12 at the top to -inf at the bottom, DbScale's law)
    beside a slot with a cap. Dragging moves the cap by the mouse's movement (it does not jump to
    where the mouse went down); with ctrl (cmd) held it moves ten times finer; a double-click
    or alt+click sets 0 dB. While dragging, onDrag reports each new value; on release (and on a
    double-click) onCommit reports the gesture's final value once, when it changed: one gesture,
    one undo step. [[message thread]] */
class FaderComponent final : public juce::Component
{
public:
    FaderComponent();

    /** What the cap shows (the model's value; ignored while the user drags). */
    void setDb (double db);
    double getDb() const noexcept { return db; }
    bool isDragging() const noexcept { return dragging; }

    std::function<void (double db)> onDrag;
    std::function<void (double db)> onCommit;

    /** The cap's centre for `db`, in this component's coordinates (tests, the meter beside). */
    float yForDb (double db) const;
    /** Pixels from -inf to +12 dB: a drag of this many pixels crosses the whole scale. */
    float travelLength() const;
    /** The x of the slot's centre line: where to grab the cap. */
    float slotCentreX() const;

    /** Ten times finer with ctrl (cmd) held: 0.1 dB a pixel around 0 dB on a 400-pixel fader
        becomes 0.01 dB. */
    static constexpr double fineRatio = 10.0;
    static constexpr int capHeight = 30;
    static constexpr int scaleWidth = 24;

    void paint (juce::Graphics&) override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;
    void mouseDoubleClick (const juce::MouseEvent&) override;

private:
    double db = 0.0;
    double gestureStartDb = 0.0; // the value when the mouse went down
    double anchorDb = 0.0;       // the value where the current drag speed took over
    float anchorY = 0.0f;        // the mouse's y there
    bool anchorFine = false;
    bool dragging = false;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (FaderComponent)
};
} // namespace sprocket::app
