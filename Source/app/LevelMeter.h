#pragma once

#include "StripLevels.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <vector>

namespace sprocket::app
{
/** A strip's peak meter: one bar per channel (-60 to 0 dBFS), a peak-hold line that stays
    2 seconds before it falls, and a clip light above each bar that stays lit until it is
    clicked from the first sample at or over full scale, or the first true peak over 0 dBTP.
    It also keeps the strip's true-peak hold, the highest true peak of any channel since it was
    last reset, for the strip's dBTP read-out (Pro Tools' and Nuendo's peak box: it holds until
    clicked). Fed with the engine's "peak since the last read" 30 times a second.

    Why the clip light counts true peaks too: a sample peak at full scale is where the converter
    clips, but a reconstructed waveform over 0 dBTP clips the DAC, a codec or a sample-rate
    converter downstream even when no sample reaches full scale (up to 3 dB over for a tone at a
    quarter of the rate), and delivery specs (R128, ATSC A/85, the streamers') limit true peak.
    The threshold is strictly over 0 dBTP: the 4x filter passes the samples through exactly, so a
    full-scale sample reads 0.0 dBTP, which the sample test (>= 0 dBFS) already lights.
    [[message thread]] */
class LevelMeter final : public juce::Component
{
public:
    LevelMeter();

    /** The sample and true peaks (linear, 1 = full scale) of each channel since the last call. */
    void setLevels (const StripLevels& levels);
    /** Sample peaks alone (they stand in for the true peaks). */
    void setPeaks (const std::vector<float>& peaks) { setLevels ({ peaks, {} }); }
    /** How many bars to draw when nothing has been read yet (the strip's width). */
    void setChannels (int channels);

    /** The level a bar shows, its hold line (dBFS, -inf as -100) and the clip light: tests. */
    float getShownDb (int channel) const;
    float getHoldDb (int channel) const;
    bool isClipped() const noexcept;
    void resetClip();

    /** The highest true peak of any channel since the last reset, dBTP (-100 for silence), and
        as the read-out shows it: "-3.2", "+0.4", "-inf" when nothing has sounded. */
    float getTruePeakHoldDb() const noexcept { return truePeakHoldDb; }
    juce::String getTruePeakText() const;
    void resetTruePeakHold();
    /** Called when the true-peak hold changes, so the strip can repaint its read-out. */
    std::function<void()> onTruePeakHoldChanged;

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
    float truePeakHoldDb = -100.0f;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (LevelMeter)
};
} // namespace sprocket::app
