#include "TempoPanel.h"

#include "CueColumns.h"
#include "Theme.h"

#include <algorithm>
#include <cstdio>

namespace sprocket::app
{
namespace
{
    juce::String proposalText (const core::TempoProposal& p, int subdivisions)
    {
        juce::String lines;
        for (size_t i = 0; i < p.hitGridLines.size() && i < 8; ++i)
            lines << (i == 0 ? "" : ", ")
                  << juce::String (double (p.hitGridLines[i]) / subdivisions + 1.0, subdivisions == 1 ? 0 : 2);
        char text[128];
        std::snprintf (text, sizeof text, "%.3f bpm   worst miss %.2f ms   rms %.2f ms   hits on beats ", p.bpm, p.worstErrorMs,
                       p.rmsErrorMs);
        return juce::String (text) + lines;
    }

    struct ProposalModel final : juce::ListBoxModel
    {
        explicit ProposalModel (TempoPanel& owner, const juce::ComboBox& chooser) : panel (owner), subdivision (chooser) {}
        int getNumRows() override { return int (panel.getShownProposals().size()); }
        void paintListBoxItem (int row, juce::Graphics& g, int width, int height, bool selected) override
        {
            g.fillAll (selected ? theme::headerBackgroundAlt.brighter (0.15f) : theme::laneBackground);
            if (row < 0 || size_t (row) >= panel.getShownProposals().size())
                return;
            g.setColour (theme::textPrimary);
            g.setFont (theme::monoFont (13.0f));
            g.drawText (proposalText (panel.getShownProposals()[size_t (row)], std::max (1, subdivision.getSelectedId())), 6, 0,
                        width - 12, height, juce::Justification::centredLeft, true);
        }
        TempoPanel& panel;
        const juce::ComboBox& subdivision;
    };
} // namespace

TempoPanel::TempoPanel (const CueListPanel::Host& hostToUse) : host (hostToUse)
{
    const auto mapOf = [this]() -> const core::TempoMap* { return host.session() ? &host.session()->tempoMap : nullptr; };

    tempoTable.setColumns (
        { { "At", 90,
            [mapOf] (size_t row) {
                const auto* map = mapOf();
                return map && row < map->tempos().size()
                           ? juce::String (core::formatBarsBeats (map->barsBeatsAt (map->tempos()[row].tick)))
                           : juce::String();
            },
            [this] (size_t row, const juce::String& typed) {
                return changeMap ("Move Tempo Change", [&] (auto& tempos, auto&, auto&) -> core::Status {
                    auto position = core::parseBarsBeats (typed.toStdString());
                    if (! position)
                        return position.error();
                    auto tick = host.session()->tempoMap.tickOf (*position);
                    if (! tick)
                        return tick.error();
                    tempos[row].tick = *tick;
                    std::stable_sort (tempos.begin(), tempos.end(), [] (auto& a, auto& b) { return a.tick < b.tick; });
                    return {};
                });
            } },
          { "BPM", 80,
            [mapOf] (size_t row) {
                const auto* map = mapOf();
                return map && row < map->tempos().size() ? juce::String (map->tempos()[row].bpm, 3) : juce::String();
            },
            [this] (size_t row, const juce::String& typed) {
                return changeMap ("Change Tempo", [&] (auto& tempos, auto&, auto&) -> core::Status {
                    if (! typed.containsOnly ("0123456789.") || typed.isEmpty())
                        return core::makeError ("'" + typed.toStdString() + "' is not a tempo in bpm");
                    tempos[row].bpm = typed.getDoubleValue();
                    return {};
                });
            } } },
        [mapOf] { return mapOf() ? mapOf()->tempos().size() : size_t (0); });

    meterTable.setColumns (
        { { "Bar", 60,
            [mapOf] (size_t row) {
                const auto* map = mapOf();
                return map && row < map->meters().size() ? juce::String (map->meters()[row].bar) : juce::String();
            },
            [this] (size_t row, const juce::String& typed) {
                return changeMap ("Move Meter Change", [&] (auto&, auto& meters, auto&) -> core::Status {
                    if (! typed.containsOnly ("-0123456789") || typed.isEmpty())
                        return core::makeError ("'" + typed.toStdString() + "' is not a bar number");
                    meters[row].bar = typed.getLargeIntValue();
                    std::stable_sort (meters.begin(), meters.end(), [] (auto& a, auto& b) { return a.bar < b.bar; });
                    return {};
                });
            } },
          { "Meter", 70,
            [mapOf] (size_t row) {
                const auto* map = mapOf();
                return map && row < map->meters().size()
                           ? juce::String (map->meters()[row].numerator) + "/" + juce::String (map->meters()[row].denominator)
                           : juce::String();
            },
            [this] (size_t row, const juce::String& typed) {
                return changeMap ("Change Meter", [&] (auto&, auto& meters, auto&) -> core::Status {
                    const auto numerator = typed.upToFirstOccurrenceOf ("/", false, false).trim();
                    const auto denominator = typed.fromFirstOccurrenceOf ("/", false, false).trim();
                    if (! typed.contains ("/") || ! numerator.containsOnly ("0123456789")
                        || ! denominator.containsOnly ("0123456789") || numerator.isEmpty() || denominator.isEmpty())
                        return core::makeError ("'" + typed.toStdString() + "' is not a meter such as 4/4 or 6/8");
                    meters[row].numerator = numerator.getIntValue();
                    meters[row].denominator = denominator.getIntValue();
                    return {};
                });
            } } },
        [mapOf] { return mapOf() ? mapOf()->meters().size() : size_t (0); });

    for (auto* table : { &tempoTable, &meterTable })
    {
        table->onProblem = [this] (const juce::String& problem) { host.reportProblem (problem); };
        table->onRowClicked = [this, table] (size_t) { lastClickedTable = table; };
        addAndMakeVisible (table);
    }

    barOneLabel.setColour (juce::Label::textColourId, theme::textSecondary);
    barOneEditor.setEditable (false, true, false);
    barOneEditor.setColour (juce::Label::textColourId, theme::textPrimary);
    barOneEditor.setColour (juce::Label::outlineColourId, theme::laneSeparator);
    barOneEditor.setFont (theme::monoFont (14.0f));
    barOneEditor.onTextChange = [this] {
        if (auto status = setBarOne (barOneEditor.getText()); ! status)
            host.reportProblem (status.error().message);
        sessionChanged();
    };
    subdivisionChooser.addItem ("Beats", 1);
    subdivisionChooser.addItem ("Eighths", 2);
    subdivisionChooser.addItem ("Triplets", 3);
    subdivisionChooser.addItem ("Sixteenths", 4);
    subdivisionChooser.setSelectedId (1, juce::dontSendNotification);

    const auto report = [this] (const core::Status& status) {
        if (! status)
            host.reportProblem (status.error().message);
    };
    addTempoButton.onClick = [this, report] { report (addTempoChange()); };
    addMeterButton.onClick = [this, report] { report (addMeterChange()); };
    deleteButton.onClick = [this, report] { report (deleteSelected()); };
    hitPointsButton.onClick = [this] { showProposals(); };
    useButton.onClick = [this, report] {
        const int row = proposalList.getSelectedRow();
        if (row >= 0 && size_t (row) < proposals.size())
            report (useProposal (proposals[size_t (row)]));
    };
    addTempoButton.setComponentID ("addTempo");
    addMeterButton.setComponentID ("addMeter");
    hitPointsButton.setComponentID ("hitPoints");
    useButton.setComponentID ("useTempo");

    proposalModel = std::make_unique<ProposalModel> (*this, subdivisionChooser);
    proposalList.setModel (proposalModel.get());
    proposalList.setRowHeight (20);
    proposalList.setColour (juce::ListBox::backgroundColourId, theme::laneBackground);

    for (juce::Component* c :
         std::initializer_list<juce::Component*> { &barOneLabel, &barOneEditor, &addTempoButton, &addMeterButton, &deleteButton,
                                                   &hitPointsButton, &subdivisionChooser, &useButton, &proposalList })
        addAndMakeVisible (c);
    sessionChanged();
}

void TempoPanel::sessionChanged()
{
    const auto* s = host.session();
    barOneEditor.setText (s ? timecodeText (*s, s->tempoMap.barOnePosition()) : juce::String(), juce::dontSendNotification);
    tempoTable.refresh();
    meterTable.refresh();
}

core::Status TempoPanel::changeMap (
    const std::string& name,
    const std::function<core::Status (std::vector<core::TempoChange>&, std::vector<core::MeterChange>&, core::SamplePosition&)>&
        change)
{
    if (host.session() == nullptr)
        return core::makeError ("no session is open");
    return host.perform (name, [&] (session::SessionEditor& editor) -> core::Status {
        const auto& now = editor.session().tempoMap;
        auto tempos = now.tempos();
        auto meters = now.meters();
        auto barOne = now.barOnePosition();
        if (auto status = change (tempos, meters, barOne); ! status)
            return status;
        auto map = core::TempoMap::create (barOne, std::move (tempos), std::move (meters));
        if (! map)
            return map.error();
        editor.tempoMap() = std::move (*map);
        return {};
    });
}

core::Status TempoPanel::setBarOne (const juce::String& typedTimecode)
{
    const auto* s = host.session();
    if (s == nullptr)
        return core::makeError ("no session is open");
    auto position = typedPosition (*s, typedTimecode);
    if (! position)
        return position.error();
    return changeMap ("Move Bar 1", [&] (auto&, auto&, core::SamplePosition& barOne) -> core::Status {
        barOne = *position;
        return {};
    });
}

core::Status TempoPanel::addTempoChange()
{
    const auto* s = host.session();
    if (s == nullptr)
        return core::makeError ("no session is open");
    // At the beat nearest the playhead (or the selection's start), at the tempo already there.
    const auto& map = s->tempoMap;
    const auto tick =
        std::max<int64_t> (0, map.nearestGridTick (map.tickAt (host.selectionOrPlayhead().start, s->sampleRate), 1));
    return changeMap ("Add Tempo Change", [&] (auto& tempos, auto&, auto&) -> core::Status {
        if (std::any_of (tempos.begin(), tempos.end(), [&] (auto& t) { return t.tick == tick; }))
            return core::makeError ("there is already a tempo change at " + core::formatBarsBeats (map.barsBeatsAt (tick)));
        tempos.push_back ({ tick, map.bpmAtTick (double (tick)) });
        std::stable_sort (tempos.begin(), tempos.end(), [] (auto& a, auto& b) { return a.tick < b.tick; });
        return {};
    });
}

core::Status TempoPanel::addMeterChange()
{
    const auto* s = host.session();
    if (s == nullptr)
        return core::makeError ("no session is open");
    const auto& map = s->tempoMap;
    const auto bar =
        std::max<int64_t> (1, map.barsBeatsAt (map.tickContaining (host.selectionOrPlayhead().start, s->sampleRate)).bar + 1);
    return changeMap ("Add Meter Change", [&] (auto&, auto& meters, auto&) -> core::Status {
        if (std::any_of (meters.begin(), meters.end(), [&] (auto& m) { return m.bar == bar; }))
            return core::makeError ("there is already a meter change at bar " + std::to_string (bar));
        auto meter = map.meterAtBar (bar);
        meter.bar = bar;
        meters.push_back (meter);
        std::stable_sort (meters.begin(), meters.end(), [] (auto& a, auto& b) { return a.bar < b.bar; });
        return {};
    });
}

core::Status TempoPanel::deleteSelected()
{
    auto* table = lastClickedTable != nullptr ? lastClickedTable : &tempoTable;
    const auto row = table->getSelectedRow();
    if (! row)
        return core::makeError ("select a tempo or meter change to delete");
    if (*row == 0)
        return core::makeError ("the first tempo and meter hold from bar 1 and cannot be deleted; type a new value instead");
    const bool tempo = table == &tempoTable;
    return changeMap (tempo ? "Delete Tempo Change" : "Delete Meter Change",
                      [&] (auto& tempos, auto& meters, auto&) -> core::Status {
                          if (tempo && *row < tempos.size())
                              tempos.erase (tempos.begin() + std::ptrdiff_t (*row));
                          else if (! tempo && *row < meters.size())
                              meters.erase (meters.begin() + std::ptrdiff_t (*row));
                          return {};
                      });
}

core::SamplePosition TempoPanel::hitOrigin() const
{
    const auto selection = host.selectionOrPlayhead();
    const auto* s = host.session();
    return ! selection.isEmpty() || s == nullptr ? selection.start : s->tempoMap.barOnePosition();
}

std::vector<core::SamplePosition> TempoPanel::hits() const
{
    std::vector<core::SamplePosition> result;
    const auto* s = host.session();
    if (s == nullptr)
        return result;
    const auto selection = host.selectionOrPlayhead();
    const auto origin = hitOrigin();
    for (auto& marker : s->markers)
    {
        const bool inside =
            selection.isEmpty() ? marker.position > origin : selection.contains (marker.position) && marker.position > origin;
        if (inside)
            result.push_back (marker.position);
    }
    return result;
}

std::vector<core::TempoProposal> TempoPanel::proposeTempos (int subdivisions)
{
    const auto* s = host.session();
    if (s == nullptr)
        return {};
    core::HitPointSearch search;
    search.subdivisionsPerBeat = subdivisions;
    proposals = core::proposeTempos (hitOrigin(), hits(), s->sampleRate, search);
    proposalList.updateContent();
    proposalList.repaint();
    if (! proposals.empty())
        proposalList.selectRow (0);
    return proposals;
}

void TempoPanel::showProposals()
{
    if (proposeTempos (std::max (1, subdivisionChooser.getSelectedId())).empty())
        host.reportProblem ("No hits: put markers on the hits (inside a selection, or after bar 1), then ask again");
}

core::Status TempoPanel::useProposal (const core::TempoProposal& proposal)
{
    const auto origin = hitOrigin();
    return changeMap ("Tempo From Hit Points", [&] (auto& tempos, auto&, core::SamplePosition& barOne) -> core::Status {
        tempos = { { 0, proposal.bpm } };
        barOne = origin;
        return {};
    });
}

void TempoPanel::paint (juce::Graphics& g)
{
    g.fillAll (theme::windowBackground);
}

void TempoPanel::resized()
{
    auto area = getLocalBounds().reduced (4);
    auto top = area.removeFromTop (26);
    barOneLabel.setBounds (top.removeFromLeft (64));
    barOneEditor.setBounds (top.removeFromLeft (110).reduced (0, 2));
    top.removeFromLeft (8);
    for (auto* button : { &addTempoButton, &addMeterButton, &deleteButton })
    {
        button->setBounds (top.removeFromLeft (86).reduced (0, 1));
        top.removeFromLeft (4);
    }
    top.removeFromLeft (16);
    hitPointsButton.setBounds (top.removeFromLeft (90).reduced (0, 1));
    top.removeFromLeft (4);
    subdivisionChooser.setBounds (top.removeFromLeft (110).reduced (0, 1));
    top.removeFromLeft (4);
    useButton.setBounds (top.removeFromLeft (60).reduced (0, 1));
    area.removeFromTop (4);
    tempoTable.setBounds (area.removeFromLeft (180));
    area.removeFromLeft (4);
    meterTable.setBounds (area.removeFromLeft (140));
    area.removeFromLeft (4);
    proposalList.setBounds (area);
}
} // namespace sprocket::app
