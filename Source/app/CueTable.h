#pragma once

#include "core/Error.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <optional>
#include <vector>

namespace sprocket::app
{
/** One column of a cue table: how a row reads, and (unless read-only) how typed text changes
    the session. An edit that fails says why and the cell goes back to what it was. */
struct CueColumn
{
    juce::String name;
    int width = 100;
    std::function<juce::String (size_t row)> text;
    std::function<core::Status (size_t row, const juce::String& typed)> edit; // null: read-only
};

/** A spreadsheet-like list of cues: a header, one row per cue, double-click a cell to type
    into it (Return keeps the text, Escape drops it), click a row to select it.
    [[message thread]] */
class CueTable final : public juce::Component, private juce::TableListBoxModel
{
public:
    CueTable();

    void setColumns (std::vector<CueColumn> columns, std::function<size_t()> rowCount);
    /** Re-reads every row (after any change of the session). */
    void refresh();

    std::optional<size_t> getSelectedRow() const;
    void selectRow (size_t row);
    size_t getNumRowsShown() const { return rowCount ? rowCount() : 0; }
    juce::String getCellText (size_t row, int column) const;
    /** The cell's editor, for tests that type into it like a user. */
    juce::Label* getCellEditor (size_t row, int column);
    juce::TableListBox& getTableListBox() noexcept { return table; }

    std::function<void (size_t row)> onRowClicked;
    std::function<void (const juce::String& problem)> onProblem;

    void resized() override;

private:
    class EditableCell;

    int getNumRows() override;
    void paintRowBackground (juce::Graphics&, int row, int width, int height, bool selected) override;
    void paintCell (juce::Graphics&, int row, int columnId, int width, int height, bool selected) override;
    juce::Component* refreshComponentForCell (int row, int columnId, bool selected, juce::Component* existing) override;
    void cellClicked (int row, int columnId, const juce::MouseEvent&) override;

    void commitEdit (size_t row, int column, const juce::String& typed);

    std::vector<CueColumn> columns;
    std::function<size_t()> rowCount;
    juce::TableListBox table { {}, this };
};
} // namespace sprocket::app
