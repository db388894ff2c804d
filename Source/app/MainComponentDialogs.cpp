// The edit window's small dialogs: rename, clip gain, spot, fade shape, the playlist menu, relink, and
// the window that hosts File > Deliver (DeliverDialog).
// Each is asynchronous (JUCE modal loops are off) and ends in one EditController command.
#include "DeliverDialog.h"
#include "DialogLaunch.h"
#include "MainComponent.h"
#include "SyncCheckDialog.h"
#include "Theme.h"

#include "session/Playlists.h"
#include "session/TimelineGrid.h"

namespace sprocket::app
{
namespace
{
    /** Shows `window` and calls `onOk` when its first button (OK) is pressed. The window
        deletes itself. */
    void launch (juce::AlertWindow* window, std::function<void (juce::AlertWindow&)> onOk)
    {
        window->addButton ("OK", 1, juce::KeyPress (juce::KeyPress::returnKey));
        window->addButton ("Cancel", 0, juce::KeyPress (juce::KeyPress::escapeKey));
        window->enterModalState (true, juce::ModalCallbackFunction::create ([window, onOk] (int result) {
                                     if (result == 1)
                                         onOk (*window);
                                 }),
                                 true);
    }
} // namespace

void MainComponent::showRenameDialog()
{
    const auto* clip = controller.firstSelectedClip();
    if (clip == nullptr)
        return reportProblem ("Select a clip to rename.");
    auto* window = new juce::AlertWindow ("Rename Clip", "A clip's name is its line of script on a dialogue track.",
                                          juce::MessageBoxIconType::NoIcon, this);
    window->addTextEditor ("name", juce::String::fromUTF8 (clip->name.c_str()), "Name:");
    launch (window,
            [this] (juce::AlertWindow& w) { check (controller.rename (w.getTextEditorContents ("name").toStdString())); });
}

void MainComponent::showGainDialog()
{
    const auto* clip = controller.firstSelectedClip();
    if (clip == nullptr)
        return reportProblem ("Select clips to change their gain.");
    auto* window = new juce::AlertWindow ("Clip Gain", "Gain in dB for the selected clips (e.g. -3.5).",
                                          juce::MessageBoxIconType::NoIcon, this);
    window->addTextEditor ("gain", juce::String (clip->gainDb, 1), "Gain (dB):");
    launch (window, [this] (juce::AlertWindow& w) {
        const auto text = w.getTextEditorContents ("gain").trim();
        if (! text.containsOnly ("0123456789.-+") || text.isEmpty())
            return reportProblem ("'" + text + "' is not a gain in dB.");
        check (controller.setGain (text.getDoubleValue()));
    });
}

std::unique_ptr<SpotDialog> MainComponent::makeSpotDialog()
{
    const auto* clip = controller.firstSelectedClip();
    if (clip == nullptr || document == nullptr)
        return nullptr;
    const auto& s = document->session();
    const auto now = core::formatTimecode (session::timecodeAt (s, clip->position), s.frameRate);
    auto dialog = std::make_unique<SpotDialog> (juce::String::fromUTF8 (clip->name.c_str()), juce::String (now));
    // The window closes when the clip is spotted or on Cancel; a problem stays on it.
    const auto answer = [d = dialog.get()] (const core::Status& status) {
        if (! status.ok())
            return juce::String::fromUTF8 (status.error().message.c_str());
        closeDialogOf (*d);
        return juce::String();
    };
    dialog->onSpot = [this, answer] (const juce::String& timecode) { return answer (controller.spot (timecode.toStdString())); };
    dialog->onOriginalTime = [this, answer] { return answer (controller.spotToOriginalTime()); };
    dialog->onCancel = [d = dialog.get()] { closeDialogOf (*d); };
    return dialog;
}

void MainComponent::showSpotDialog()
{
    auto dialog = makeSpotDialog();
    if (dialog == nullptr)
        return reportProblem ("Select a clip to spot.");
    if (spotDialogPresenter)
        return spotDialogPresenter (std::move (dialog));
    launchDialog (std::move (dialog), "Spot Clip", this);
}

void MainComponent::showFadeDialog()
{
    if (! controller.selection().hasRange())
        return reportProblem ("Select a range over a clip's start or end, or across a cut, then press F.");
    const bool crossfade = controller.rangeCrossesCut();
    auto* window = new juce::AlertWindow (crossfade ? "Crossfade" : "Fade",
                                          crossfade ? "A crossfade as long as the selection, centred on the cut."
                                                    : "A fade over the selected part of the clip.",
                                          juce::MessageBoxIconType::NoIcon, this);
    window->addComboBox ("shape", { "Equal power", "Linear", "S-curve" }, "Shape:");
    window->getComboBoxComponent ("shape")->setSelectedItemIndex (crossfade ? 0 : 1, juce::dontSendNotification);
    launch (window, [this] (juce::AlertWindow& w) {
        const int index = w.getComboBoxComponent ("shape")->getSelectedItemIndex();
        const auto shape = index == 0 ? dsp::FadeShape::equalPower : index == 2 ? dsp::FadeShape::sCurve : dsp::FadeShape::linear;
        check (controller.fadeSelection (shape));
    });
}

juce::PopupMenu MainComponent::playlistMenu (size_t trackIndex) const
{
    juce::PopupMenu menu;
    if (document == nullptr || trackIndex >= document->session().tracks.size())
        return menu;
    const auto& track = document->session().tracks[trackIndex];
    const auto current = track.playlistName.empty() ? std::string (session::firstPlaylistName) : track.playlistName;
    menu.addSectionHeader (juce::String::fromUTF8 (track.name.c_str()) + " playlists");
    menu.addItem (1, juce::String::fromUTF8 (current.c_str()), true, true);
    int id = playlistMenuFirstAlternate;
    for (auto& playlist : track.alternatePlaylists)
        menu.addItem (id++, juce::String::fromUTF8 (playlist.name.c_str()));
    menu.addSeparator();
    const bool writable = ! document->isReadOnly();
    menu.addItem (2, "Duplicate Playlist", writable);
    menu.addItem (3, "New Playlist", writable);
    menu.addSeparator();
    // Pro Tools' playlists view: the alternates as lanes under the track, to compare takes.
    menu.addItem (playlistMenuShowAlternates, "Show Alternates", ! track.alternatePlaylists.empty(),
                  timeline.isShowingAlternates (track.id));
    return menu;
}

void MainComponent::playlistMenuChosen (size_t trackIndex, int chosen)
{
    if (document == nullptr || trackIndex >= document->session().tracks.size())
        return;
    const auto track = document->session().tracks[trackIndex];
    if (chosen == 2)
        check (controller.duplicatePlaylist (track.id));
    else if (chosen == 3)
        check (controller.newPlaylist (track.id));
    else if (chosen == playlistMenuShowAlternates)
        setShowingAlternates (track.id, ! timeline.isShowingAlternates (track.id));
    else if (chosen >= playlistMenuFirstAlternate
             && size_t (chosen - playlistMenuFirstAlternate) < track.alternatePlaylists.size())
        check (controller.switchPlaylist (track.id, track.alternatePlaylists[size_t (chosen - playlistMenuFirstAlternate)].name));
}

void MainComponent::showPlaylistMenu (size_t trackIndex, juce::Rectangle<int> box)
{
    auto menu = playlistMenu (trackIndex);
    if (menu.getNumItems() == 0)
        return;
    const auto area = localAreaToGlobal (getLocalArea (&timeline, box));
    juce::Component::SafePointer<MainComponent> safe (this);
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetScreenArea (area), [safe, trackIndex] (int chosen) {
        if (safe != nullptr && chosen != 0)
            safe->playlistMenuChosen (trackIndex, chosen);
    });
}
void MainComponent::showDeliverDialog()
{
    if (document == nullptr)
        return reportProblem ("Open a session to deliver it.");
    auto session = document->session();
    if (! document->file().empty())
        session.filePath = document->file(); // the default output folder sits beside it
    // A running delivery is stopped with Cancel, not escape.
    launchDialog (std::make_unique<DeliverDialog> (std::move (session)), "Deliver", this, { .escapeCloses = false });
}

void MainComponent::showSyncCheckDialog()
{
    if (document == nullptr)
        return reportProblem ("Open a session to check its sync.");
    auto session = document->session();
    session.filePath = document->file();
    auto dialog = std::make_unique<SyncCheckDialog> (std::move (session));
    dialog->onFound = [safe = juce::Component::SafePointer<MainComponent> (this)] (int64_t position) {
        if (safe != nullptr)
            safe->locate (position);
    };
    launchDialog (std::move (dialog), "Check Sync", this);
}
RelinkDialog::Host MainComponent::makeRelinkHost()
{
    RelinkDialog::Host host;
    const auto safe = juce::Component::SafePointer<MainComponent> (this);
    host.session = [safe]() -> const session::Session* {
        return safe != nullptr && safe->document != nullptr ? &safe->document->session() : nullptr;
    };
    host.offlineMedia = [safe] {
        return safe != nullptr && safe->document != nullptr ? safe->document->offlineMedia() : std::set<std::string> {};
    };
    host.perform = [safe] (const std::string& name, const session::EditHistory::Edit& edit) -> core::Status {
        if (safe == nullptr || safe->document == nullptr)
            return core::makeError ("no session is open");
        return safe->document->perform (name, edit);
    };
    return host;
}

void MainComponent::showRelinkDialog()
{
    if (document == nullptr || document->offlineMedia().empty())
        return reportProblem ("Every medium of the session is online.");
    launchDialog (std::make_unique<RelinkDialog> (makeRelinkHost()), "Relink Media", this, { .resizable = true });
}
} // namespace sprocket::app
