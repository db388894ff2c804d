#include "LevelMeter.h"

#include "DbScale.h"

#include <algorithm>
#include <cmath>

namespace sprocket::app
{
namespace
{
    constexpr int clipLightHeight = 6;

    float dbOf (float linear)
    {
        return linear > 1.0e-5f ? 20.0f * std::log10 (linear) : -100.0f;
    }
} // namespace

LevelMeter::LevelMeter()
{
    setChannels (2);
}

void LevelMeter::setChannels (int count)
{
    channels.resize (size_t (std::clamp (count, 1, 8)));
}

void LevelMeter::setLevels (const StripLevels& levels)
{
    const auto& peaks = levels.peak;
    if (! peaks.empty() && peaks.size() != channels.size())
        setChannels (int (peaks.size()));
    bool changed = false;
    const float heldBefore = truePeakHoldDb;
    for (size_t c = 0; c < channels.size(); ++c)
    {
        auto& ch = channels[c];
        const auto before = ch;
        const float peak = c < peaks.size() ? peaks[c] : 0.0f;
        const float db = dbOf (peak);
        ch.shownDb = std::max (db, ch.shownDb - fallDbPerTick);
        if (db >= ch.holdDb)
        {
            ch.holdDb = db;
            ch.holdAge = 0;
        }
        else if (++ch.holdAge > holdTicks)
        {
            ch.holdDb = std::max (ch.shownDb, ch.holdDb - fallDbPerTick);
        }
        // Full scale is an over: the converter clips there. So is a true peak over 0 dBTP: the
        // waveform between the samples clips on reconstruction (the class comment has why).
        const float truePeak = std::max (peak, c < levels.truePeak.size() ? levels.truePeak[c] : 0.0f);
        if (peak >= 1.0f || truePeak > 1.0f)
            ch.clipped = true;
        truePeakHoldDb = std::max (truePeakHoldDb, dbOf (truePeak));
        changed = changed || before.shownDb != ch.shownDb || before.holdDb != ch.holdDb || before.clipped != ch.clipped;
    }
    if (changed)
        repaint();
    if (truePeakHoldDb != heldBefore && onTruePeakHoldChanged != nullptr)
        onTruePeakHoldChanged();
}

juce::String LevelMeter::getTruePeakText() const
{
    // -100 is dbOf's silence (below 1e-5, -100 dBFS): nothing has sounded since the reset.
    return truePeakHoldDb <= -100.0f ? juce::String ("-inf") : juce::String (DbScale::format (truePeakHoldDb));
}

void LevelMeter::resetTruePeakHold()
{
    truePeakHoldDb = -100.0f;
    if (onTruePeakHoldChanged != nullptr)
        onTruePeakHoldChanged();
}

float LevelMeter::getShownDb (int channel) const
{
    return channels[size_t (channel)].shownDb;
}

float LevelMeter::getHoldDb (int channel) const
{
    return channels[size_t (channel)].holdDb;
}

bool LevelMeter::isClipped() const noexcept
{
    return std::any_of (channels.begin(), channels.end(), [] (auto& c) { return c.clipped; });
}

void LevelMeter::resetClip()
{
    for (auto& c : channels)
        c.clipped = false;
    repaint();
}

void LevelMeter::mouseDown (const juce::MouseEvent&)
{
    resetClip();
}

void LevelMeter::paint (juce::Graphics& g)
{
    const auto count = int (channels.size());
    const int gap = 1;
    const int barWidth = std::max (1, (getWidth() - gap * (count - 1)) / count);
    const auto meterTop = clipLightHeight + 2;
    const auto meterHeight = float (getHeight() - meterTop);
    const auto yFor = [&] (float db) {
        return float (meterTop) + (1.0f - std::clamp ((db - floorDb) / -floorDb, 0.0f, 1.0f)) * meterHeight;
    };

    for (int c = 0; c < count; ++c)
    {
        const auto& ch = channels[size_t (c)];
        const float x = float (c * (barWidth + gap));
        g.setColour (ch.clipped ? juce::Colour (0xffff3030) : juce::Colour (0xff3a1a1a));
        g.fillRect (x, 0.0f, float (barWidth), float (clipLightHeight));
        g.setColour (juce::Colour (0xff151517));
        g.fillRect (x, float (meterTop), float (barWidth), meterHeight);

        // Green to -6 dBFS, yellow to -1, red above: the timeline headers' colours.
        const auto top = yFor (ch.shownDb);
        const auto fill = [&] (float fromDb, float toDb, juce::Colour colour) {
            const auto y1 = std::max (top, yFor (toDb)), y2 = yFor (fromDb);
            if (y2 > y1)
            {
                g.setColour (colour);
                g.fillRect (x, y1, float (barWidth), y2 - y1);
            }
        };
        if (ch.shownDb > floorDb)
        {
            fill (floorDb, -6.0f, juce::Colour (0xff5bb85d));
            fill (-6.0f, -1.0f, juce::Colour (0xffe8c547));
            fill (-1.0f, 0.0f, juce::Colour (0xffe04848));
        }
        if (ch.holdDb > floorDb)
        {
            g.setColour (ch.holdDb > -1.0f ? juce::Colour (0xffe04848) : juce::Colours::white.withAlpha (0.85f));
            g.fillRect (x, yFor (ch.holdDb) - 1.0f, float (barWidth), 2.0f);
        }
    }
}
} // namespace sprocket::app
