#include "CueListPanel.h"

#include "CueColumns.h"
#include "TempoPanel.h"
#include "Theme.h"

#include "session/CueCsv.h"

#include <algorithm>
#include <cstdlib>

namespace sprocket::app
{
namespace
{
    /** A new entry without a selection spans this much after the playhead: an ADR line is a
        few seconds, a music cue rather longer. */
    constexpr double defaultAdrSeconds = 2.0;
    constexpr double defaultMusicSeconds = 30.0;

    /** The next free cue id: one past the highest number used ("101", "102" -> "103"). */
    std::string nextAdrId (const std::vector<session::AdrCue>& cues)
    {
        long highest = 0;
        for (auto& cue : cues)
            highest = std::max (highest, std::strtol (cue.id.c_str(), nullptr, 10));
        return std::to_string (highest + 1);
    }

    /** "1M1", "1M2"...: reel 1 unless the list already says otherwise. */
    std::string nextMusicNumber (const std::vector<session::MusicCue>& cues)
    {
        std::string reel = "1";
        int highest = 0;
        for (auto& cue : cues)
            if (const auto m = cue.number.find ('M'); m != std::string::npos)
            {
                reel = cue.number.substr (0, m);
                highest = std::max (highest, std::atoi (cue.number.c_str() + m + 1));
            }
        for (int n = highest + 1;; ++n)
        {
            auto number = reel + "M" + std::to_string (n);
            if (std::none_of (cues.begin(), cues.end(), [&] (auto& c) { return c.number == number; }))
                return number;
        }
    }

    core::SampleRange rangeOrDefault (core::SampleRange range, double seconds, int64_t sampleRate)
    {
        if (range.isEmpty())
            range.end = range.start + core::SampleDuration { int64_t (seconds * double (sampleRate)) };
        return range;
    }
} // namespace

CueListPanel::CueListPanel (Host hostToUse) : host (std::move (hostToUse))
{
    markerTable.setColumns (markerColumns (host),
                            [this] { return host.session() ? host.session()->markers.size() : size_t (0); });
    adrTable.setColumns (adrColumns (host), [this] { return host.session() ? host.session()->cues.adr.size() : size_t (0); });
    musicTable.setColumns (musicColumns (host),
                           [this] { return host.session() ? host.session()->cues.music.size() : size_t (0); });

    const auto tabColour = theme::headerBackground;
    tabs.addTab ("Markers", tabColour, &markerTable, false);
    tabs.addTab ("ADR Cues", tabColour, &adrTable, false);
    tabs.addTab ("Music Cues", tabColour, &musicTable, false);
    tempoPanel = std::make_unique<TempoPanel> (host);
    tabs.addTab ("Tempo", tabColour, tempoPanel.get(), false);
    tabs.setTabBarDepth (26);
    tabs.setOutline (0);
    tabs.onChange = [this] {
        updateButtons();
        resized();
    };
    addAndMakeVisible (tabs);

    for (auto* table : { &markerTable, &adrTable, &musicTable })
    {
        table->onProblem = [this] (const juce::String& problem) { host.reportProblem (problem); };
        table->onRowClicked = [this, table] (size_t row) {
            const auto* s = host.session();
            if (s == nullptr)
                return;
            if (table == &markerTable && row < s->markers.size())
                host.locate (s->markers[row].position.samples);
            else if (table == &adrTable && row < s->cues.adr.size())
                host.locate (s->cues.adr[row].in.samples);
            else if (table == &musicTable && row < s->cues.music.size())
                host.locate (s->cues.music[row].start.samples);
        };
    }

    addButton.onClick = [this] { report (addEntry()); };
    deleteButton.onClick = [this] { report (deleteSelectedEntry()); };
    importButton.onClick = [this] { chooseFileToImport(); };
    exportButton.onClick = [this] { chooseFileToExport (false); };
    cueSheetButton.onClick = [this] { chooseFileToExport (true); };
    addButton.setComponentID ("add");
    deleteButton.setComponentID ("delete");
    importButton.setComponentID ("import");
    exportButton.setComponentID ("export");
    cueSheetButton.setComponentID ("cueSheet");
    for (auto* button : { &addButton, &deleteButton, &importButton, &exportButton, &cueSheetButton })
        addAndMakeVisible (button);
    updateButtons();
}

CueListPanel::~CueListPanel() = default;

void CueListPanel::showList (List list)
{
    tabs.setCurrentTabIndex (int (list));
}

CueListPanel::List CueListPanel::getShownList() const
{
    return List (std::clamp (tabs.getCurrentTabIndex(), 0, 3));
}

CueTable& CueListPanel::getTable (List list)
{
    return list == List::adr ? adrTable : list == List::music ? musicTable : markerTable;
}

void CueListPanel::sessionChanged()
{
    for (auto* table : { &markerTable, &adrTable, &musicTable })
        table->refresh();
    tempoPanel->sessionChanged();
    updateButtons();
}

core::Status CueListPanel::addEntry()
{
    const auto* s = host.session();
    if (s == nullptr)
        return core::makeError ("no session is open");
    const auto selection = host.selectionOrPlayhead();
    const auto list = getShownList();
    if (list == List::tempo)
        return core::makeError ("tempo and meter changes are added with the Tempo tab's buttons");
    size_t newRow = 0;
    auto status = host.perform (
        list == List::markers ? "Add Marker"
        : list == List::adr   ? "Add ADR Cue"
                              : "Add Music Cue",
        [&] (session::SessionEditor& editor) -> core::Status {
            const auto& now = editor.session();
            if (list == List::markers)
            {
                session::Marker marker { selection.start, "Marker " + std::to_string (now.markers.size() + 1),
                                         selection.length() };
                auto& markers = editor.markers();
                const auto at = std::upper_bound (markers.begin(), markers.end(), marker.position,
                                                  [] (auto p, auto& m) { return p < m.position; });
                newRow = size_t (at - markers.begin());
                markers.insert (at, marker);
            }
            else if (list == List::adr)
            {
                const auto range = rangeOrDefault (selection, defaultAdrSeconds, now.sampleRate);
                newRow = now.cues.adr.size();
                editor.cues().adr.push_back ({ nextAdrId (now.cues.adr), "", "", range.start, range.end, "", {} });
            }
            else
            {
                const auto range = rangeOrDefault (selection, defaultMusicSeconds, now.sampleRate);
                newRow = now.cues.music.size();
                editor.cues().music.push_back ({ nextMusicNumber (now.cues.music), "", range.start, range.end, "BI", "", "" });
            }
            return {};
        });
    if (status)
    {
        getTable (list).refresh();
        getTable (list).selectRow (newRow);
    }
    return status;
}

core::Status CueListPanel::deleteSelectedEntry()
{
    const auto list = getShownList();
    if (list == List::tempo)
        return core::makeError ("tempo and meter changes are deleted with the Tempo tab's buttons");
    const auto row = getTable (list).getSelectedRow();
    if (! row)
        return core::makeError ("select a row to delete");
    return host.perform (list == List::markers ? "Delete Marker"
                         : list == List::adr   ? "Delete ADR Cue"
                                               : "Delete Music Cue",
                         [&] (session::SessionEditor& editor) -> core::Status {
                             const auto erase = [&] (auto& entries) {
                                 if (*row < entries.size())
                                     entries.erase (entries.begin() + std::ptrdiff_t (*row));
                             };
                             if (list == List::markers)
                                 erase (editor.markers());
                             else if (list == List::adr)
                                 erase (editor.cues().adr);
                             else
                                 erase (editor.cues().music);
                             return {};
                         });
}

core::Status CueListPanel::importCsv (const std::filesystem::path& file)
{
    const auto* s = host.session();
    if (s == nullptr)
        return core::makeError ("no session is open");
    const auto list = getShownList();
    if (list == List::adr)
    {
        auto cues = session::readAdrCuesCsv (file, *s);
        if (! cues)
            return cues.error();
        // The file is the list now (one undoable step), as a spreadsheet round trip expects.
        return host.perform ("Import ADR Cues", [&] (session::SessionEditor& editor) -> core::Status {
            editor.cues().adr = std::move (*cues);
            return {};
        });
    }
    if (list == List::music)
    {
        auto cues = session::readMusicCuesCsv (file, *s);
        if (! cues)
            return cues.error();
        return host.perform ("Import Music Cues", [&] (session::SessionEditor& editor) -> core::Status {
            editor.cues().music = std::move (*cues);
            return {};
        });
    }
    return core::makeError ("markers are not imported from CSV; choose the ADR or music list");
}

core::Status CueListPanel::exportCsv (const std::filesystem::path& file) const
{
    const auto* s = host.session();
    if (s == nullptr)
        return core::makeError ("no session is open");
    switch (getShownList())
    {
        case List::adr:
            return session::writeAdrCuesCsv (file, s->cues.adr, *s);
        case List::music:
            return session::writeMusicCuesCsv (file, s->cues.music, *s);
        case List::markers:
        case List::tempo:
            break;
    }
    return core::makeError ("markers are not exported to CSV; choose the ADR or music list");
}

core::Status CueListPanel::exportCueSheet (const std::filesystem::path& file) const
{
    const auto* s = host.session();
    if (s == nullptr)
        return core::makeError ("no session is open");
    return session::writeMusicCueSheet (file, *s);
}

void CueListPanel::chooseFileToImport()
{
    chooser = std::make_unique<juce::FileChooser> ("Import a cue list", juce::File(), "*.csv");
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [this] (const juce::FileChooser& c) {
                              if (c.getResult() != juce::File())
                                  report (importCsv (c.getResult().getFullPathName().toStdString()));
                          });
}

void CueListPanel::chooseFileToExport (bool cueSheet)
{
    const auto* s = host.session();
    const auto name = juce::String (s ? s->name : "Untitled")
                      + (cueSheet                      ? "_cue_sheet"
                         : getShownList() == List::adr ? "_ADR"
                                                       : "_music")
                      + ".csv";
    chooser = std::make_unique<juce::FileChooser> (cueSheet ? "Export the music cue sheet" : "Export the cue list",
                                                   juce::File::getCurrentWorkingDirectory().getChildFile (name), "*.csv");
    chooser->launchAsync (juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::warnAboutOverwriting,
                          [this, cueSheet] (const juce::FileChooser& c) {
                              if (c.getResult() == juce::File())
                                  return;
                              const std::filesystem::path file = c.getResult().getFullPathName().toStdString();
                              report (cueSheet ? exportCueSheet (file) : exportCsv (file));
                          });
}

void CueListPanel::updateButtons()
{
    const bool hasSession = host.session() != nullptr;
    const auto list = getShownList();
    const bool cues = list != List::tempo; // the tempo tab has its own buttons
    for (auto* button : { &addButton, &deleteButton, &importButton, &exportButton })
        button->setVisible (cues);
    addButton.setEnabled (hasSession);
    deleteButton.setEnabled (hasSession);
    importButton.setEnabled (hasSession && (list == List::adr || list == List::music));
    exportButton.setEnabled (hasSession && (list == List::adr || list == List::music));
    cueSheetButton.setVisible (list == List::music);
    cueSheetButton.setEnabled (hasSession);
}

void CueListPanel::report (const core::Status& status)
{
    if (! status)
        host.reportProblem (status.error().message);
}

void CueListPanel::paint (juce::Graphics& g)
{
    g.fillAll (theme::windowBackground);
    g.setColour (theme::laneSeparator);
    g.drawHorizontalLine (0, 0.0f, float (getWidth()));
}

void CueListPanel::resized()
{
    auto area = getLocalBounds().withTrimmedTop (1);
    tabs.setBounds (area);
    // The buttons sit in the tab bar's empty right end.
    auto buttons = area.removeFromTop (tabs.getTabBarDepth()).reduced (2);
    for (auto* button : { &cueSheetButton, &exportButton, &importButton, &deleteButton, &addButton })
    {
        if (! button->isVisible())
            continue;
        button->setBounds (buttons.removeFromRight (button == &addButton || button == &deleteButton ? 64 : 104));
        buttons.removeFromRight (4);
    }
}
} // namespace sprocket::app
