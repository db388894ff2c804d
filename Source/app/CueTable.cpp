#include "CueTable.h"

#include "Theme.h"

namespace sprocket::app
{
/** A label that edits on double-click and hands the typed text to the table. */
class CueTable::EditableCell final : public juce::Label
{
public:
    explicit EditableCell (CueTable& owner) : table (owner)
    {
        setEditable (false, true, false);
        setFont (theme::uiFont (14.0f));
        setColour (textColourId, theme::textPrimary);
        setColour (textWhenEditingColourId, juce::Colours::black);
        setColour (backgroundWhenEditingColourId, juce::Colours::white);
        setColour (outlineWhenEditingColourId, theme::marker);
        setMinimumHorizontalScale (1.0f);
    }

    void place (size_t newRow, int newColumn)
    {
        row = newRow;
        column = newColumn;
        setText (table.getCellText (row, column), juce::dontSendNotification);
    }

    void textWasEdited() override
    {
        table.commitEdit (row, column, getText());
        // Whether the edit took or not, the cell shows what the session now says.
        setText (table.getCellText (row, column), juce::dontSendNotification);
    }

    // A single click selects the row, as on a read-only cell.
    void mouseDown (const juce::MouseEvent& event) override
    {
        table.table.selectRowsBasedOnModifierKeys (int (row), event.mods, false);
        if (table.onRowClicked)
            table.onRowClicked (row);
    }

private:
    CueTable& table;
    size_t row = 0;
    int column = 1;
};

CueTable::CueTable()
{
    table.setColour (juce::ListBox::backgroundColourId, theme::laneBackground);
    table.setColour (juce::ListBox::outlineColourId, theme::laneSeparator);
    table.setRowHeight (22);
    table.setHeaderHeight (22);
    table.getHeader().setColour (juce::TableHeaderComponent::backgroundColourId, theme::headerBackground);
    table.getHeader().setColour (juce::TableHeaderComponent::textColourId, theme::textSecondary);
    table.getHeader().setColour (juce::TableHeaderComponent::outlineColourId, theme::laneSeparator);
    addAndMakeVisible (table);
}

void CueTable::setColumns (std::vector<CueColumn> newColumns, std::function<size_t()> newRowCount)
{
    columns = std::move (newColumns);
    rowCount = std::move (newRowCount);
    auto& header = table.getHeader();
    header.removeAllColumns();
    for (size_t i = 0; i < columns.size(); ++i)
        header.addColumn (columns[i].name, int (i) + 1, columns[i].width, 30, -1, juce::TableHeaderComponent::notSortable);
    refresh();
}

void CueTable::refresh()
{
    table.updateContent();
    table.repaint();
}

std::optional<size_t> CueTable::getSelectedRow() const
{
    const int row = table.getSelectedRow();
    return row >= 0 && size_t (row) < getNumRowsShown() ? std::optional<size_t> (size_t (row)) : std::nullopt;
}

void CueTable::selectRow (size_t row)
{
    table.selectRow (int (row));
}

juce::String CueTable::getCellText (size_t row, int column) const
{
    if (column < 1 || size_t (column) > columns.size() || row >= getNumRowsShown())
        return {};
    return columns[size_t (column) - 1].text (row);
}

juce::Label* CueTable::getCellEditor (size_t row, int column)
{
    return dynamic_cast<juce::Label*> (table.getCellComponent (column, int (row)));
}

void CueTable::resized()
{
    table.setBounds (getLocalBounds());
}

int CueTable::getNumRows()
{
    return int (getNumRowsShown());
}

void CueTable::paintRowBackground (juce::Graphics& g, int row, int, int, bool selected)
{
    g.fillAll (selected ? theme::headerBackgroundAlt.brighter (0.15f)
                        : (row % 2 == 0 ? theme::laneBackground : theme::laneBackgroundAlt));
}

void CueTable::paintCell (juce::Graphics& g, int row, int columnId, int width, int height, bool)
{
    // Editable cells draw themselves (EditableCell); this paints the read-only ones.
    g.setColour (theme::textSecondary);
    g.setFont (theme::uiFont (14.0f));
    g.drawText (getCellText (size_t (row), columnId), 4, 0, width - 8, height, juce::Justification::centredLeft, true);
}

juce::Component* CueTable::refreshComponentForCell (int row, int columnId, bool, juce::Component* existing)
{
    const bool editable = columnId >= 1 && size_t (columnId) <= columns.size() && columns[size_t (columnId) - 1].edit;
    if (! editable || row < 0 || size_t (row) >= getNumRowsShown())
    {
        delete existing;
        return nullptr;
    }
    auto* cell = dynamic_cast<EditableCell*> (existing);
    if (cell == nullptr)
    {
        delete existing;
        cell = new EditableCell (*this);
    }
    cell->place (size_t (row), columnId);
    return cell;
}

void CueTable::cellClicked (int row, int, const juce::MouseEvent&)
{
    if (onRowClicked && row >= 0)
        onRowClicked (size_t (row));
}

void CueTable::commitEdit (size_t row, int column, const juce::String& typed)
{
    if (column < 1 || size_t (column) > columns.size() || row >= getNumRowsShown())
        return;
    if (auto status = columns[size_t (column) - 1].edit (row, typed.trim()); ! status && onProblem)
        onProblem (status.error().message);
}
} // namespace sprocket::app
