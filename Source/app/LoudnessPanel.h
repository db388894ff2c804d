#pragma once

#include "LoudnessMonitor.h"

#include "qc/QcSpec.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace sprocket::app
{
/** The loudness meter beside the timeline: integrated loudness large, momentary, short-term,
    loudness range and true peak, bars for momentary and short-term against the target, and the
    short-term history as a graph with the target's tolerance band, and a phase correlation
    meter of the L/R pair (green above 0, amber below, red below -0.5, QC's phase limit). Readings are coloured
    against the chosen delivery spec (the QC specs: EBU R128, ATSC A/85, streaming): within
    tolerance green, outside amber, a true peak over the spec's maximum red.
    [[message thread]] */
class LoudnessPanel final : public juce::Component
{
public:
    static constexpr int preferredWidth = 264;

    LoudnessPanel();

    /** Shows what `monitor` measured; `playing` dims momentary and short-term while stopped. */
    void update (const LoudnessMonitor& monitor, bool playing);

    /** The spec readings are judged against. */
    void setSpec (const qc::QcSpec& spec);
    const qc::QcSpec& getSpec() const noexcept { return spec; }

    /** Called when the user asks for a fresh measurement. */
    std::function<void()> onReset;

    /** A reading as shown, e.g. "-23.0" or "-inf"; keys "I", "M", "S", "LRA", "TP", and "PHASE"
        (the correlation, "+0.98"; "--" for a mono mix). */
    juce::String getReadoutText (const juce::String& key) const;

    void paint (juce::Graphics& g) override;
    void resized() override;

private:
    struct Readings
    {
        double integrated = -INFINITY, momentary = -INFINITY, shortTerm = -INFINITY;
        double range = 0.0, truePeak = -INFINITY;
        double correlation = 0.0, lowestCorrelation = 1.0;
        bool measured = false, playing = false, hasPhase = false;
    };

    juce::Colour colourForLoudness (double lufs) const;
    void paintBar (juce::Graphics& g, juce::Rectangle<int> area, const juce::String& label, double lufs) const;
    void paintHistory (juce::Graphics& g, juce::Rectangle<int> area) const;
    void paintPhase (juce::Graphics& g, juce::Rectangle<int> area) const;

    qc::QcSpec spec;
    Readings readings;
    std::vector<float> shortTermHistory, momentaryHistory; // the last minutes, one per 100 ms
    juce::ComboBox specChooser;
    juce::TextButton resetButton { "Reset" };
    juce::Rectangle<int> readoutArea, barArea, phaseArea, historyArea;
};
} // namespace sprocket::app
