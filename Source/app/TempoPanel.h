#pragma once

#include "CueListPanel.h"
#include "CueTable.h"

#include "core/HitPointTempo.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace sprocket::app
{
/** The Tempo tab of the cue lists: where bar 1 sits (a typed timecode), the tempo changes
    (at a bar|beat, in quarter notes a minute) and the meter changes (at a bar), each typed
    into a table, and the hit-point helper: the markers inside the selection (or all markers
    after bar 1) are the hits, and the proposed tempos that land them on beats are listed
    with their worst miss; Use makes the chosen one the map's tempo from bar 1 (the selection's
    start, when there is a range). Every change is one undoable edit. [[message thread]] */
class TempoPanel final : public juce::Component
{
public:
    explicit TempoPanel (const CueListPanel::Host& host);

    void sessionChanged();

    core::Status setBarOne (const juce::String& typedTimecode);
    core::Status addTempoChange();
    core::Status addMeterChange();
    core::Status deleteSelected();

    /** The hit-point helper: proposals for the current hits (markers), on beats divided by
        `subdivisions`, between the tempos in the range fields. */
    std::vector<core::TempoProposal> proposeTempos (int subdivisions = 1);
    /** Makes a proposal the map: bar 1 at the hits' origin, one tempo, the meters kept. */
    core::Status useProposal (const core::TempoProposal& proposal);
    const std::vector<core::TempoProposal>& getShownProposals() const noexcept { return proposals; }

    CueTable& getTempoTable() noexcept { return tempoTable; }
    CueTable& getMeterTable() noexcept { return meterTable; }

    void resized() override;
    void paint (juce::Graphics& g) override;

private:
    /** Rebuilds the map with changed lists; an invalid result is refused with its reason. */
    core::Status changeMap (const std::string& name,
                            const std::function<core::Status (std::vector<core::TempoChange>&, std::vector<core::MeterChange>&,
                                                              core::SamplePosition&)>& change);
    core::SamplePosition hitOrigin() const;
    std::vector<core::SamplePosition> hits() const;
    void showProposals();

    CueListPanel::Host host;
    juce::Label barOneLabel { {}, "Bar 1 at" }, barOneEditor;
    juce::TextButton addTempoButton { "Add Tempo" }, addMeterButton { "Add Meter" }, deleteButton { "Delete" },
        hitPointsButton { "Hit Points" }, useButton { "Use" };
    juce::ComboBox subdivisionChooser;
    CueTable tempoTable, meterTable;
    juce::ListBox proposalList;
    std::unique_ptr<juce::ListBoxModel> proposalModel;
    std::vector<core::TempoProposal> proposals;
    CueTable* lastClickedTable = nullptr;
};
} // namespace sprocket::app
