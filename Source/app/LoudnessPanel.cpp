#include "LoudnessPanel.h"

#include "Theme.h"

#include <cmath>

namespace sprocket::app
{
namespace
{
    constexpr double scaleLow = -60.0, scaleHigh = 0.0;
    constexpr int historySteps = 3000; // the graph shows the last 5 minutes

    const juce::Colour inTolerance { 0xff5cc26b };
    const juce::Colour outOfTolerance { 0xffe8a33d };

    /** "EBU R128  -23", "ATSC A/85  -24", "Streaming  -27 dialogue". */
    juce::String displayName (const qc::QcSpec& s)
    {
        const juce::String name = s.name == "ebu-r128"    ? "EBU R128"
                                  : s.name == "atsc-a85"  ? "ATSC A/85"
                                  : s.name == "streaming" ? "Streaming"
                                                          : juce::String (s.name);
        return name + "  " + juce::String (s.targetLufs, 0) + (s.dialogueGated ? " dialogue" : "");
    }

    juce::String formatReading (double value)
    {
        return std::isfinite (value) ? juce::String (value, 1) : juce::String ("-inf");
    }

    float proportion (double lufs)
    {
        const double clamped = std::clamp (std::isfinite (lufs) ? lufs : scaleLow, scaleLow, scaleHigh);
        return (float) ((clamped - scaleLow) / (scaleHigh - scaleLow));
    }
} // namespace

LoudnessPanel::LoudnessPanel()
{
    const auto& specs = qc::builtInQcSpecs();
    for (size_t i = 0; i < specs.size(); ++i)
    {
        const auto& s = specs[i];
        specChooser.addItem (displayName (s), (int) i + 1);
    }
    specChooser.setSelectedId (1, juce::dontSendNotification);
    specChooser.onChange = [this] {
        const int index = specChooser.getSelectedId() - 1;
        if (index >= 0 && index < (int) qc::builtInQcSpecs().size())
            setSpec (qc::builtInQcSpecs()[(size_t) index]);
    };
    spec = specs.front();
    addAndMakeVisible (specChooser);
    resetButton.onClick = [this] {
        if (onReset)
            onReset();
    };
    addAndMakeVisible (resetButton);
}

void LoudnessPanel::setSpec (const qc::QcSpec& newSpec)
{
    spec = newSpec;
    const auto& specs = qc::builtInQcSpecs();
    for (size_t i = 0; i < specs.size(); ++i)
        if (specs[i].name == spec.name)
            specChooser.setSelectedId ((int) i + 1, juce::dontSendNotification);
    repaint();
}

void LoudnessPanel::update (const LoudnessMonitor& monitor, bool playing)
{
    const auto& a = monitor.analyser();
    Readings r;
    r.measured = monitor.hasMeasured();
    r.playing = playing;
    if (r.measured)
    {
        r.integrated = a.integratedLufs();
        r.momentary = a.momentaryLufs();
        r.shortTerm = a.shortTermLufs();
        r.range = a.loudnessRangeLu();
        r.truePeak = a.truePeakDbtp();
    }
    if (const auto* phase = monitor.phase(); phase != nullptr && r.measured)
    {
        r.hasPhase = true;
        r.correlation = phase->correlation();
        r.lowestCorrelation = phase->lowest();
    }
    readings = r;

    const auto& history = a.history();
    const int count = std::min (history.size(), historySteps);
    shortTermHistory.resize ((size_t) count);
    momentaryHistory.resize ((size_t) count);
    for (int i = 0; i < count; ++i)
    {
        const auto reading = history[history.size() - count + i];
        shortTermHistory[(size_t) i] = reading.shortTermLufs;
        momentaryHistory[(size_t) i] = reading.momentaryLufs;
    }
    repaint();
}

juce::String LoudnessPanel::getReadoutText (const juce::String& key) const
{
    if (! readings.measured)
        return "--";
    if (key == "I")
        return formatReading (readings.integrated);
    if (key == "M")
        return formatReading (readings.momentary);
    if (key == "S")
        return formatReading (readings.shortTerm);
    if (key == "LRA")
        return juce::String (readings.range, 1);
    if (key == "TP")
        return formatReading (readings.truePeak);
    if (key == "PHASE")
        return readings.hasPhase ? (readings.correlation >= 0.0 ? "+" : "") + juce::String (readings.correlation, 2) : "--";
    return {};
}

juce::Colour LoudnessPanel::colourForLoudness (double lufs) const
{
    if (! std::isfinite (lufs))
        return theme::textSecondary;
    return std::abs (std::round (lufs * 10.0) / 10.0 - spec.targetLufs) <= spec.toleranceLu + 1e-9 ? inTolerance : outOfTolerance;
}

void LoudnessPanel::resized()
{
    auto area = getLocalBounds().reduced (10);
    auto header = area.removeFromTop (24);
    resetButton.setBounds (header.removeFromRight (56));
    header.removeFromRight (6);
    specChooser.setBounds (header);
    area.removeFromTop (8);
    readoutArea = area.removeFromTop (112);
    area.removeFromTop (6);
    barArea = area.removeFromTop (44);
    area.removeFromTop (6);
    phaseArea = area.removeFromTop (34);
    area.removeFromTop (8);
    historyArea = area;
}

void LoudnessPanel::paint (juce::Graphics& g)
{
    g.fillAll (theme::headerBackground);
    g.setColour (theme::laneSeparator);
    g.drawVerticalLine (0, 0.0f, (float) getHeight());

    // Integrated loudness, large: what the deliverable is judged on.
    auto area = readoutArea;
    auto top = area.removeFromTop (52);
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (12.0f));
    // The app meters the whole mix: a dialogue-gated spec's figure needs `sprocket-cli qc`.
    g.drawText (spec.dialogueGated ? "INTEGRATED (NOT DIALOGUE-GATED)" : "INTEGRATED", top.removeFromTop (14),
                juce::Justification::centredLeft);
    g.setColour (readings.measured ? colourForLoudness (readings.integrated) : theme::textSecondary);
    g.setFont (theme::monoFont (32.0f));
    auto value = top;
    g.drawText (getReadoutText ("I"), value.removeFromLeft (value.getWidth() * 2 / 3), juce::Justification::centredLeft);
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (13.0f));
    g.drawText ("LUFS", value, juce::Justification::centredLeft);

    // The four smaller readings, two by two.
    const auto cellWidth = area.getWidth() / 2;
    auto cell = [&] (int row, int column, const juce::String& label, const juce::String& key, const juce::String& unit,
                     juce::Colour colour) {
        juce::Rectangle<int> r (area.getX() + column * cellWidth, area.getY() + row * 30, cellWidth, 30);
        g.setColour (theme::textSecondary);
        g.setFont (theme::uiFont (11.0f));
        g.drawText (label, r.removeFromTop (12), juce::Justification::centredLeft);
        g.setColour (colour);
        g.setFont (theme::monoFont (16.0f));
        g.drawText (getReadoutText (key) + " " + unit, r, juce::Justification::centredLeft);
    };
    const float dim = readings.playing ? 1.0f : 0.55f;
    cell (0, 0, "MOMENTARY", "M", "LUFS", colourForLoudness (readings.momentary).withMultipliedAlpha (dim));
    cell (0, 1, "SHORT-TERM", "S", "LUFS", colourForLoudness (readings.shortTerm).withMultipliedAlpha (dim));
    cell (1, 0, "RANGE", "LRA", "LU", theme::textPrimary);
    const bool over = readings.measured && readings.truePeak > spec.maxTruePeakDbtp;
    cell (1, 1, over ? "TRUE PEAK  OVER" : "TRUE PEAK", "TP", "dBTP", over ? theme::playhead : theme::textPrimary);

    auto bars = barArea;
    paintBar (g, bars.removeFromTop (20), "M", readings.playing ? readings.momentary : -INFINITY);
    bars.removeFromTop (4);
    paintBar (g, bars.removeFromTop (20), "S", readings.playing ? readings.shortTerm : -INFINITY);

    paintPhase (g, phaseArea);
    paintHistory (g, historyArea);
}

void LoudnessPanel::paintPhase (juce::Graphics& g, juce::Rectangle<int> area) const
{
    const auto colourFor = [] (double r) {
        return r < -0.5 ? theme::playhead : r < 0.0 ? outOfTolerance : inTolerance;
    };
    auto label = area.removeFromTop (14);
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (11.0f));
    g.drawText ("PHASE (L/R)", label, juce::Justification::centredLeft);
    if (readings.hasPhase)
    {
        g.setColour (colourFor (readings.lowestCorrelation));
        g.drawText ("lowest " + juce::String (readings.lowestCorrelation, 2), label, juce::Justification::centredRight);
    }
    auto value = area.removeFromRight (44);
    g.setColour (readings.hasPhase ? colourFor (readings.correlation) : theme::textSecondary);
    g.setFont (theme::monoFont (14.0f));
    g.drawText (getReadoutText ("PHASE"), value, juce::Justification::centredRight);

    auto scale = area.reduced (0, 2);
    g.setColour (theme::laneBackground);
    g.fillRect (scale);
    const auto xFor = [&] (double r) { return scale.getX() + (int) std::round ((r + 1.0) * 0.5 * (scale.getWidth() - 1)); };
    g.setColour (theme::laneSeparator);
    for (double tick : { -0.5, 0.0, 0.5 })
        g.drawVerticalLine (xFor (tick), (float) scale.getY(), (float) scale.getBottom());
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (9.0f));
    g.drawText ("-1", scale.reduced (2, 0), juce::Justification::centredLeft);
    g.drawText ("+1", scale.reduced (2, 0), juce::Justification::centredRight);
    if (! readings.hasPhase)
        return;
    // From the centre to the reading, dimmed while stopped like momentary and short-term.
    const int x0 = xFor (0.0), x1 = xFor (readings.correlation);
    g.setColour (colourFor (readings.correlation).withMultipliedAlpha (readings.playing ? 1.0f : 0.55f));
    g.fillRect (juce::Rectangle<int> (std::min (x0, x1), scale.getY() + 4, std::abs (x1 - x0) + 2, scale.getHeight() - 8));
}

void LoudnessPanel::paintBar (juce::Graphics& g, juce::Rectangle<int> area, const juce::String& label, double lufs) const
{
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (11.0f));
    g.drawText (label, area.removeFromLeft (14), juce::Justification::centredLeft);
    g.setColour (theme::laneBackground);
    g.fillRect (area);
    const auto filled = area.withWidth ((int) std::round (proportion (lufs) * (float) area.getWidth()));
    g.setColour (colourForLoudness (lufs));
    g.fillRect (filled.reduced (0, 3));
    // The target's tolerance as a bracket on the scale.
    const auto x0 = area.getX() + (int) (proportion (spec.targetLufs - spec.toleranceLu) * (float) area.getWidth());
    const auto x1 = area.getX() + (int) (proportion (spec.targetLufs + spec.toleranceLu) * (float) area.getWidth());
    g.setColour (theme::textPrimary);
    g.drawVerticalLine (x0, (float) area.getY(), (float) area.getBottom());
    g.drawVerticalLine (std::max (x1, x0 + 1), (float) area.getY(), (float) area.getBottom());
}

void LoudnessPanel::paintHistory (juce::Graphics& g, juce::Rectangle<int> area) const
{
    if (area.getHeight() < 40)
        return;
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (11.0f));
    g.drawText ("SHORT-TERM, LAST 5 MIN", area.removeFromTop (14), juce::Justification::centredLeft);
    auto plot = area.withTrimmedLeft (24).withTrimmedBottom (2);
    g.setColour (theme::laneBackground);
    g.fillRect (plot);

    auto y = [&] (double lufs) { return (float) plot.getBottom() - proportion (lufs) * (float) plot.getHeight(); };
    g.setColour (inTolerance.withAlpha (0.18f));
    g.fillRect (juce::Rectangle<float> (
        (float) plot.getX(), y (spec.targetLufs + spec.toleranceLu), (float) plot.getWidth(),
        std::max (1.0f, y (spec.targetLufs - spec.toleranceLu) - y (spec.targetLufs + spec.toleranceLu))));
    g.setFont (theme::uiFont (10.0f));
    for (double level = scaleLow; level <= scaleHigh; level += 10.0)
    {
        g.setColour (theme::laneSeparator);
        g.drawHorizontalLine ((int) y (level), (float) plot.getX(), (float) plot.getRight());
        g.setColour (theme::textSecondary);
        g.drawText (juce::String ((int) level), juce::Rectangle<int> (area.getX(), (int) y (level) - 6, 22, 12),
                    juce::Justification::centredRight);
    }

    // Newest on the right; a step is a fraction of a pixel, so each pixel shows its loudest.
    auto trace = [&] (const std::vector<float>& values, juce::Colour colour, float thickness) {
        if (values.empty())
            return;
        juce::Path path;
        const float perStep = (float) plot.getWidth() / (float) historySteps;
        const float start = (float) plot.getRight() - perStep * (float) values.size();
        bool drawing = false;
        for (size_t i = 0; i < values.size(); ++i)
        {
            const float x = start + perStep * (float) (i + 1);
            if (! std::isfinite (values[i]) || values[i] < scaleLow)
            {
                drawing = false;
                continue;
            }
            if (drawing)
                path.lineTo (x, y (values[i]));
            else
                path.startNewSubPath (x, y (values[i]));
            drawing = true;
        }
        g.setColour (colour);
        g.strokePath (path, juce::PathStrokeType (thickness));
    };
    trace (momentaryHistory, theme::textSecondary.withAlpha (0.5f), 1.0f);
    trace (shortTermHistory, juce::Colour (0xff5aa9ff), 2.0f);
}
} // namespace sprocket::app
