#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <vector>

namespace sprocket::app
{
/** A strip's peak meter: one bar per channel (-60 to 0 dBFS), a peak-hold line that stays
    2 seconds before it falls, and a clip light above each bar that stays lit from the first
    sample at or over full scale until it is clicked. Fed with the engine's "peak since the
    last read" 30 times a second. [[message thread]] */
class LevelMeter final : public juce::Component
{
public:
    LevelMeter();

    /** The peaks (linear, 1 = full scale) of each channel since the last call. */
    void setPeaks (const std::vector<float>& peaks);
    /** How many bars to draw when nothing has been read yet (the strip's width). */
    void setChannels (int channels);

    /** The level a bar shows, its hold line (dBFS, -inf as -100) and the clip light: tests. */
    float getShownDb (int channel) const;
    float getHoldDb (int channel) const;
    bool isClipped() const noexcept;
    void resetClip();

    /** 2 s at the 30 Hz refresh. */
    static constexpr int holdTicks = 60;
    /** The bar falls 26 dB a second (BS.1771's meter return rate, ~20 dB in 750 ms): about
        0.9 dB a tick at 30 Hz. */
    static constexpr float fallDbPerTick = 0.9f;
    static constexpr float floorDb = -60.0f;

    void paint (juce::Graphics&) override;
    void mouseDown (const juce::MouseEvent&) override;

private:
    struct Channel
    {
        float shownDb = -100.0f, holdDb = -100.0f;
        int holdAge = 0;
        bool clipped = false;
    };
    std::vector<Channel> channels;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (LevelMeter)
};
} // namespace sprocket::app
