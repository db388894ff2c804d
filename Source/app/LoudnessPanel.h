#pragma once

#include "LoudnessMonitor.h"

#include "qc/QcSpec.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace sprocket::app
{
/** The loudness meter beside the timeline: integrated loudness large, momentary, short-term,
    loudness range and true peak, bars for momentary and short-term against the target, and the
    short-term history as a graph with the target's tolerance band. Readings are coloured
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

    /** A reading as shown, e.g. "-23.0" or "-inf"; keys "I", "M", "S", "LRA", "TP". */
    juce::String getReadoutText (const juce::String& key) const;

    void paint (juce::Graphics& g) override;
    void resized() override;

private:
    struct Readings
    {
        double integrated = -INFINITY, momentary = -INFINITY, shortTerm = -INFINITY;
        double range = 0.0, truePeak = -INFINITY;
        bool measured = false, playing = false;
    };

    juce::Colour colourForLoudness (double lufs) const;
    void paintBar (juce::Graphics& g, juce::Rectangle<int> area, const juce::String& label, double lufs) const;
    void paintHistory (juce::Graphics& g, juce::Rectangle<int> area) const;

    qc::QcSpec spec;
    Readings readings;
    std::vector<float> shortTermHistory, momentaryHistory; // the last minutes, one per 100 ms
    juce::ComboBox specChooser;
    juce::TextButton resetButton { "Reset" };
    juce::Rectangle<int> readoutArea, barArea, historyArea;
};
} // namespace sprocket::app
