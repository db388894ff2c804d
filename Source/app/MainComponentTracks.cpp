// A track header's right-click menu (height, colour, rename, delete), the rename dialog and
// Track > New. Each choice is one EditController command, so one undoable step.
#include "DialogLaunch.h"
#include "MainComponent.h"
#include "NewTracksDialog.h"
#include "Theme.h"

#include <algorithm>

namespace sprocket::app
{
namespace
{
    // Menu item ids: sizes 1..7, the view's height, colours 100.., the bus's colour, rename.
    constexpr int firstSizeItem = 1, viewHeightItem = 20, firstColourItem = 100, busColourItem = 199, renameItem = 300,
                  deleteItem = 301;
} // namespace

juce::PopupMenu MainComponent::trackHeaderMenu (size_t trackIndex) const
{
    juce::PopupMenu menu;
    if (document == nullptr || trackIndex >= document->session().tracks.size())
        return menu;
    const auto& track = document->session().tracks[trackIndex];
    const bool writable = ! document->isReadOnly();
    menu.addSectionHeader (juce::String::fromUTF8 (track.name.c_str()));

    juce::PopupMenu heights;
    const auto& sizes = EditController::trackSizes();
    for (size_t i = 0; i < sizes.size(); ++i)
        heights.addItem (firstSizeItem + int (i), sizes[i].name + juce::String (" (") + juce::String (sizes[i].height) + " px)",
                         writable, track.height == sizes[i].height);
    heights.addSeparator();
    heights.addItem (viewHeightItem, "Follow the View (ctrl+up/down)", writable, track.height == 0);
    menu.addSubMenu ("Height", heights, writable);

    juce::PopupMenu colours;
    const auto& palette = theme::trackColourPalette();
    for (size_t i = 0; i < palette.size(); ++i)
    {
        const auto colour = juce::Colour (palette[i].second);
        colours.addColouredItem (firstColourItem + int (i), palette[i].first, colour, writable,
                                 track.colour == theme::colourToText (colour));
    }
    colours.addSeparator();
    colours.addItem (busColourItem, "Bus Colour (default)", writable, track.colour.empty());
    menu.addSubMenu ("Colour", colours, writable);
    menu.addItem (renameItem, "Rename...", writable);
    menu.addSeparator();
    const auto selected = controller.selectedTrackIds();
    const bool several = selected.size() > 1 && std::find (selected.begin(), selected.end(), track.id) != selected.end();
    menu.addItem (deleteItem, several ? "Delete Selected Tracks" : "Delete Track", writable);
    return menu;
}

void MainComponent::trackHeaderMenuChosen (size_t trackIndex, int id)
{
    if (document == nullptr || trackIndex >= document->session().tracks.size() || id == 0)
        return;
    const auto trackId = document->session().tracks[trackIndex].id;
    if (id == renameItem)
        return showTrackRenameDialog (trackIndex);
    // Pro Tools applies a header's menu to every selected track when the clicked one is selected.
    auto targets = controller.selectedTrackIds();
    if (std::find (targets.begin(), targets.end(), trackId) == targets.end())
        targets = { trackId };
    if (id == deleteItem)
    {
        check (controller.deleteTracks (targets));
        return;
    }

    const auto& sizes = EditController::trackSizes();
    const auto& palette = theme::trackColourPalette();
    if (id >= firstSizeItem && size_t (id - firstSizeItem) < sizes.size())
        check (controller.setTrackHeight (targets, sizes[size_t (id - firstSizeItem)].height));
    else if (id == viewHeightItem)
        check (controller.setTrackHeight (targets, 0));
    else if (id >= firstColourItem && size_t (id - firstColourItem) < palette.size())
        check (controller.setTrackColour (targets,
                                          theme::colourToText (juce::Colour (palette[size_t (id - firstColourItem)].second))));
    else if (id == busColourItem)
        check (controller.setTrackColour (targets, ""));
}

void MainComponent::showTrackHeaderMenu (size_t trackIndex, juce::Point<int> where)
{
    auto menu = trackHeaderMenu (trackIndex);
    if (menu.getNumItems() == 0)
        return;
    const auto at = localPointToGlobal (getLocalPoint (&timeline, where));
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetScreenArea ({ at.x, at.y, 1, 1 }),
                        [this, trackIndex] (int id) { trackHeaderMenuChosen (trackIndex, id); });
}

void MainComponent::showTrackRenameDialog (size_t trackIndex)
{
    if (document == nullptr || trackIndex >= document->session().tracks.size())
        return;
    const auto track = document->session().tracks[trackIndex];
    auto* window = new juce::AlertWindow ("Rename Track", "", juce::MessageBoxIconType::NoIcon, this);
    window->addTextEditor ("name", juce::String::fromUTF8 (track.name.c_str()), "Name:");
    window->addButton ("OK", 1, juce::KeyPress (juce::KeyPress::returnKey));
    window->addButton ("Cancel", 0, juce::KeyPress (juce::KeyPress::escapeKey));
    window->enterModalState (true, juce::ModalCallbackFunction::create ([this, window, id = track.id] (int result) {
                                 if (result == 1)
                                     check (controller.renameTrack (id, window->getTextEditorContents ("name").toStdString()));
                             }),
                             true);
}
std::unique_ptr<NewTracksDialog> MainComponent::makeNewTracksDialog()
{
    std::vector<std::pair<std::string, std::string>> outputs;
    if (document != nullptr)
        for (auto& bus : document->session().buses)
            outputs.emplace_back (bus.id, bus.name.empty() ? bus.id : bus.name);
    auto dialog = std::make_unique<NewTracksDialog> (std::move (outputs));
    // The window closes when the strips are made or on Cancel; a problem stays on it.
    dialog->onCreate = [this, d = dialog.get()] (const session::NewStrips& strips, bool buses) -> juce::String {
        if (auto status = controller.addStrips (strips, buses); ! status.ok())
            return juce::String::fromUTF8 (status.error().message.c_str());
        closeDialogOf (*d);
        return {};
    };
    dialog->onCancel = [d = dialog.get()] { closeDialogOf (*d); };
    return dialog;
}

void MainComponent::showNewTracksDialog()
{
    if (document == nullptr || document->isReadOnly())
        return reportProblem ("Open a session you can edit to add tracks.");
    launchDialog (makeNewTracksDialog(), "New Tracks", this);
}
} // namespace sprocket::app
