#pragma once

#include "CueTable.h"

#include "core/Error.h"
#include "session/EditHistory.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <filesystem>
#include <functional>
#include <memory>

namespace sprocket::app
{
class TempoPanel;

/** The cue lists under the timeline (View > Cue Lists): markers and memory locations, the ADR
    cue list and the music cue list, each a table whose cells are typed into (timecodes at the
    session's rate: typing a marker's or cue's timecode spots it there). Add puts a new entry at
    the selection (or the playhead), Delete removes the selected row, and ADR and music lists
    import and export CSV (docs/CUES.md); the music list also exports a cue sheet. Clicking a
    row moves the playhead to it. A fourth tab holds the tempo map and the hit-point helper
    (TempoPanel). Every change is one undoable edit through the host.
    [[message thread]] */
class CueListPanel final : public juce::Component
{
public:
    static constexpr int preferredHeight = 230;

    /** What the panel needs from the edit window. */
    struct Host
    {
        std::function<const session::Session*()> session; // null: no document
        std::function<core::Status (const std::string& name, const session::EditHistory::Edit& edit)> perform;
        /** The timeline selection, or an empty range at the playhead. */
        std::function<core::SampleRange()> selectionOrPlayhead;
        std::function<void (int64_t position)> locate;
        std::function<void (const juce::String& problem)> reportProblem;
    };

    enum class List
    {
        markers,
        adr,
        music,
        tempo
    };

    explicit CueListPanel (Host host);
    ~CueListPanel() override;

    void showList (List list);
    List getShownList() const;
    /** The table of markers, ADR or music cues (the tempo tab has its own panel). */
    CueTable& getTable (List list);
    TempoPanel& getTempoPanel() noexcept { return *tempoPanel; }

    /** Re-reads the session (after every change of the document). */
    void sessionChanged();

    /** What the buttons do, on the list shown. */
    core::Status addEntry();
    core::Status deleteSelectedEntry();
    core::Status importCsv (const std::filesystem::path& file);
    core::Status exportCsv (const std::filesystem::path& file) const;
    core::Status exportCueSheet (const std::filesystem::path& file) const;

    void resized() override;
    void paint (juce::Graphics& g) override;

private:
    void chooseFileToImport();
    void chooseFileToExport (bool cueSheet);
    void updateButtons();
    void report (const core::Status& status);

    /** JUCE tells of a tab change only through a virtual. */
    struct Tabs final : juce::TabbedComponent
    {
        Tabs() : juce::TabbedComponent (juce::TabbedButtonBar::TabsAtTop) {}
        void currentTabChanged (int, const juce::String&) override
        {
            if (onChange)
                onChange();
        }
        std::function<void()> onChange;
    };

    Host host;
    Tabs tabs;
    CueTable markerTable, adrTable, musicTable;
    std::unique_ptr<TempoPanel> tempoPanel;
    juce::TextButton addButton { "Add" }, deleteButton { "Delete" }, importButton { "Import CSV..." },
        exportButton { "Export CSV..." }, cueSheetButton { "Cue Sheet..." };
    std::unique_ptr<juce::FileChooser> chooser;
};
} // namespace sprocket::app
