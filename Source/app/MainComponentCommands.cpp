// The edit window's commands and their keys: Pro Tools' habits where Pro Tools has one
// (docs/SHORTCUTS.md lists them all). Menus and keys both come here through the
// ApplicationCommandManager.
#include "MainComponent.h"

namespace sprocket::app
{
namespace
{
    constexpr auto cmd = juce::ModifierKeys::commandModifier;
    constexpr auto shift = juce::ModifierKeys::shiftModifier;
    constexpr auto alt = juce::ModifierKeys::altModifier;
    constexpr auto none = juce::ModifierKeys::noModifiers;

    /** Nudges step by a frame; with shift by a second's worth of frames. */
    int64_t framesPerSecond (const Document* document)
    {
        if (document == nullptr)
            return 24;
        return core::nominalFramesPerSecond (document->session().frameRate);
    }
} // namespace

void MainComponent::getAllCommands (juce::Array<juce::CommandID>& commands)
{
    commands.add (deliverCommand);
    commands.add (syncCheckCommand);
    commands.add (importMovieCommand);
    commands.add (relinkMovieCommand);
    commands.add (relinkMediaCommand);
    commands.add (videoWindowCommand);
    commands.add (mixerCommand);
    commands.addArray ({ playStopCommand,
                         returnToStartCommand,
                         loopPlaybackCommand,
                         undoCommand,
                         redoCommand,
                         cutCommand,
                         copyCommand,
                         pasteCommand,
                         deleteCommand,
                         duplicateCommand,
                         thinAutomationCommand,
                         consolidateCommand,
                         copyAlternateToMainCommand,
                         newTracksCommand,
                         deleteTracksCommand,
                         splitCommand,
                         selectAllCommand,
                         nudgeLaterCommand,
                         nudgeEarlierCommand,
                         nudgeLaterSecondCommand,
                         nudgeEarlierSecondCommand,
                         shuffleModeCommand,
                         slipModeCommand,
                         spotModeCommand,
                         gridModeCommand,
                         muteClipCommand,
                         gainUpCommand,
                         gainDownCommand,
                         gainDialogCommand,
                         renameCommand,
                         spotCommand,
                         spotOriginalCommand,
                         fadeCommand,
                         zoomInCommand,
                         zoomOutCommand,
                         zoomFitCommand,
                         zoomSelectionCommand,
                         tracksTallerCommand,
                         tracksShorterCommand,
                         fitTracksCommand,
                         selectedTracksTallerCommand,
                         selectedTracksShorterCommand,
                         nextTimebaseCommand,
                         pageScrollCommand,
                         continuousScrollCommand,
                         noScrollCommand,
                         importCommand,
                         importOriginalTimeCommand,
                         splitPolyCommand,
                         loudnessMeterCommand,
                         cueListsCommand });
    for (size_t i = 0; i < session::nudgeValues().size(); ++i)
        commands.add (nudgeValueCommand + juce::CommandID (i));
}

void MainComponent::getCommandInfo (juce::CommandID id, juce::ApplicationCommandInfo& info)
{
    const bool hasDocument = document != nullptr;
    const bool writable = hasDocument && ! document->isReadOnly();
    const auto& selection = controller.selection();
    const bool clips = selection.hasClips();
    const bool clipsOrRange = clips || selection.hasRange();

    switch (id)
    {
        case playStopCommand:
            info.setInfo ("Play / Stop", "Start or stop the transport (a selected range plays and stops at its end)", "Transport",
                          0);
            info.addDefaultKeypress (juce::KeyPress::spaceKey, none);
            break;
        case returnToStartCommand:
            info.setInfo ("Return to Start", "Move the playhead to the session start", "Transport", 0);
            info.addDefaultKeypress (juce::KeyPress::returnKey, none);
            break;
        case pageScrollCommand:
            info.setInfo ("Page Scrolling", "While playing, the view turns the page when the playhead runs off it", "View", 0);
            info.setTicked (timeline.getScrolling() == TimelineComponent::Scrolling::page);
            break;
        case continuousScrollCommand:
            info.setInfo ("Continuous Scrolling", "While playing, the view moves under a playhead held in the middle", "View", 0);
            info.setTicked (timeline.getScrolling() == TimelineComponent::Scrolling::continuous);
            break;
        case noScrollCommand:
            info.setInfo ("No Scrolling", "While playing, the view stays where it is", "View", 0);
            info.setTicked (timeline.getScrolling() == TimelineComponent::Scrolling::none);
            break;
        case loopPlaybackCommand:
            info.setInfo ("Loop Playback", "Space loops the selected range", "Transport", 0);
            info.setTicked (loopPlayback);
            info.addDefaultKeypress ('l', cmd | shift);
            break;
        case undoCommand:
        {
            const auto name = hasDocument ? document->undoName() : std::string();
            info.setInfo (name.empty() ? juce::String ("Undo") : "Undo " + juce::String (name), "Undo the last edit", "Edit", 0);
            info.setActive (writable && document->canUndo());
            info.addDefaultKeypress ('z', cmd);
            break;
        }
        case redoCommand:
        {
            const auto name = hasDocument ? document->redoName() : std::string();
            info.setInfo (name.empty() ? juce::String ("Redo") : "Redo " + juce::String (name), "Redo the undone edit", "Edit",
                          0);
            info.setActive (writable && document->canRedo());
            info.addDefaultKeypress ('z', cmd | shift);
            info.addDefaultKeypress ('y', cmd);
            break;
        }
        case cutCommand:
            info.setInfo ("Cut", "Cut the selected clips or range", "Edit", 0);
            info.setActive (writable && clipsOrRange);
            info.addDefaultKeypress ('x', cmd);
            break;
        case copyCommand:
            info.setInfo ("Copy", "Copy the selected clips or range", "Edit", 0);
            info.setActive (hasDocument && clipsOrRange);
            info.addDefaultKeypress ('c', cmd);
            break;
        case pasteCommand:
            info.setInfo ("Paste", "Paste at the edit cursor (or the playhead)", "Edit", 0);
            info.setActive (writable && controller.hasClipboard());
            info.addDefaultKeypress ('v', cmd);
            break;
        case deleteCommand:
            info.setInfo ("Delete", "Delete the selected clips, or clear the range", "Edit", 0);
            info.setActive (writable && clipsOrRange);
            info.addDefaultKeypress (juce::KeyPress::deleteKey, none);
            info.addDefaultKeypress (juce::KeyPress::backspaceKey, none);
            break;
        case duplicateCommand:
            info.setInfo ("Duplicate", "Copy the selection to just after itself", "Edit", 0);
            info.setActive (writable && clipsOrRange);
            info.addDefaultKeypress ('d', cmd);
            break;
        case thinAutomationCommand:
            info.setInfo ("Thin Automation", "Fewer breakpoints on the shown automation lanes of the selected tracks",
                          "Edit", 0);
            info.setActive (writable && ! selection.trackIds.empty());
            info.addDefaultKeypress ('t', cmd | alt);
            break;
        case newTracksCommand:
            info.setInfo ("New...", "Add tracks or buses: how many, mono/stereo/5.1/7.1, their name and output", "Track", 0);
            info.setActive (writable);
            info.addDefaultKeypress ('n', cmd | shift); // Pro Tools' Track > New
            break;
        case deleteTracksCommand:
            info.setInfo ("Delete", "Delete the selected tracks (the range's, or the selected clips') with all on them", "Track",
                          0);
            info.setActive (writable && ! controller.selectedTrackIds().empty());
            break;
        case consolidateCommand:
            // alt+shift+3: Pro Tools' Consolidate Clip. X11 reports shift+3 as '#' on a US
            // keyboard (JUCE passes the shifted character), so both are mapped.
            info.setInfo ("Consolidate Clip",
                          "Render the selection on each track (fades, clip gain) to one new clip in \"Audio Files\"", "Edit", 0);
            info.setActive (writable && clipsOrRange);
            info.addDefaultKeypress ('3', alt | shift);
            info.addDefaultKeypress ('#', alt | shift);
            break;
        case copyAlternateToMainCommand:
            info.setInfo ("Copy Alternate Selection to Main Playlist",
                          "Replace the main playlist's material in the range selected on an alternate lane with that lane's",
                          "Edit", 0);
            info.setActive (writable && timeline.getAlternateSelection().has_value()
                            && ! timeline.getAlternateSelection()->range.isEmpty());
            break;
        case splitCommand:
            info.setInfo ("Split (Separate Clip)", "Split clips at the range's ends, the cursor or the playhead", "Edit", 0);
            info.setActive (writable);
            info.addDefaultKeypress ('e', cmd);
            info.addDefaultKeypress ('b', none);
            break;
        case selectAllCommand:
            info.setInfo ("Select All Clips", "Select every clip", "Edit", 0);
            info.setActive (hasDocument);
            info.addDefaultKeypress ('a', cmd);
            break;
        case nudgeLaterCommand:
            info.setInfo ("Nudge Later", "Move the selection later by the nudge value", "Edit", 0);
            info.setActive (writable || selection.hasRange() || selection.hasCursor());
            info.addDefaultKeypress (juce::KeyPress::numberPadAdd, none);
            info.addDefaultKeypress ('.', none);
            break;
        case nudgeEarlierCommand:
            info.setInfo ("Nudge Earlier", "Move the selection earlier by the nudge value", "Edit", 0);
            info.setActive (writable || selection.hasRange() || selection.hasCursor());
            info.addDefaultKeypress (juce::KeyPress::numberPadSubtract, none);
            info.addDefaultKeypress (',', none);
            break;
        case nudgeLaterSecondCommand:
            info.setInfo ("Nudge Later by a Second", "Move the selection one second (of frames) later", "Edit", 0);
            info.addDefaultKeypress (juce::KeyPress::numberPadAdd, shift);
            break;
        case nudgeEarlierSecondCommand:
            info.setInfo ("Nudge Earlier by a Second", "Move the selection one second (of frames) earlier", "Edit", 0);
            info.addDefaultKeypress (juce::KeyPress::numberPadSubtract, shift);
            break;
        case shuffleModeCommand:
            info.setInfo ("Shuffle Mode",
                          "Clips stay butted: delete, cut and trims close or open the gap, paste inserts, a drag reorders",
                          "Edit", 0);
            info.setTicked (controller.getMode() == EditMode::shuffle);
            info.addDefaultKeypress (juce::KeyPress::F1Key, none);
            break;
        case spotModeCommand:
            info.setInfo ("Spot Mode", "A click on a clip opens the Spot dialog instead of moving it", "Edit", 0);
            info.setTicked (controller.getMode() == EditMode::spot);
            info.addDefaultKeypress (juce::KeyPress::F3Key, none);
            break;
        case slipModeCommand:
            info.setInfo ("Slip Mode", "Clips move freely", "Edit", 0);
            info.setTicked (controller.getMode() == EditMode::slip);
            info.addDefaultKeypress (juce::KeyPress::F2Key, none);
            break;
        case gridModeCommand:
            info.setInfo ("Grid Mode", "Clips, trims, fades and selections snap to frames (to beats with a bars|beats counter)",
                          "Edit", 0);
            info.setTicked (controller.getMode() == EditMode::grid);
            info.addDefaultKeypress (juce::KeyPress::F4Key, none);
            break;
        case muteClipCommand:
            info.setInfo ("Mute / Unmute Clips", "Mute the selected clips", "Clip", 0);
            info.setActive (writable && clips);
            info.addDefaultKeypress ('m', cmd);
            break;
        case gainUpCommand:
            info.setInfo ("Clip Gain +1 dB", "Raise the selected clips' gain by 1 dB", "Clip", 0);
            info.setActive (writable && clips);
            info.addDefaultKeypress (juce::KeyPress::upKey, cmd | shift);
            break;
        case gainDownCommand:
            info.setInfo ("Clip Gain -1 dB", "Lower the selected clips' gain by 1 dB", "Clip", 0);
            info.setActive (writable && clips);
            info.addDefaultKeypress (juce::KeyPress::downKey, cmd | shift);
            break;
        case gainDialogCommand:
            info.setInfo ("Clip Gain...", "Type the selected clips' gain", "Clip", 0);
            info.setActive (writable && clips);
            info.addDefaultKeypress ('g', cmd | shift);
            break;
        case renameCommand:
            info.setInfo ("Rename...", "Rename the selected clip", "Clip", 0);
            info.setActive (writable && clips);
            info.addDefaultKeypress ('r', cmd | shift);
            break;
        case spotCommand:
            info.setInfo ("Spot...", "Move the selected clip to a typed timecode", "Clip", 0);
            info.setActive (writable && clips);
            info.addDefaultKeypress ('p', cmd | shift);
            break;
        case spotOriginalCommand:
            info.setInfo ("Spot to Original Time", "Put the selected clips where they were recorded (BWF time)", "Clip", 0);
            info.setActive (writable && clips);
            info.addDefaultKeypress ('o', cmd | alt);
            break;
        case fadeCommand:
            info.setInfo ("Fade / Crossfade...", "Fade the range over a clip's start or end, or crossfade across a cut", "Clip",
                          0);
            info.setActive (writable && selection.hasRange());
            info.addDefaultKeypress ('f', none);
            break;
        case zoomInCommand:
            info.setInfo ("Zoom In", "Zoom in around the playhead", "View", 0);
            info.addDefaultKeypress ('t', none);
            info.addDefaultKeypress (']', cmd);
            break;
        case zoomOutCommand:
            info.setInfo ("Zoom Out", "Zoom out around the playhead", "View", 0);
            info.addDefaultKeypress ('r', none);
            info.addDefaultKeypress ('[', cmd);
            break;
        case zoomFitCommand:
            info.setInfo ("Zoom to Fit", "Fit the whole session into the window", "View", 0);
            info.addDefaultKeypress ('a', alt);
            break;
        case zoomSelectionCommand:
            info.setInfo ("Zoom to Selection", "Fit the selected range or clips into the window", "View", 0);
            info.setActive (clipsOrRange);
            info.addDefaultKeypress ('f', alt);
            break;
        case tracksTallerCommand:
            info.setInfo ("Taller Tracks", "Make the tracks taller", "View", 0);
            info.addDefaultKeypress (juce::KeyPress::upKey, cmd);
            break;
        case tracksShorterCommand:
            info.setInfo ("Shorter Tracks", "Make the tracks shorter", "View", 0);
            info.addDefaultKeypress (juce::KeyPress::downKey, cmd);
            break;
        case selectedTracksTallerCommand:
            info.setInfo ("Taller Selected Tracks", "The selected tracks one size taller (saved with the session)", "View", 0);
            info.setActive (writable && ! controller.selectedTrackIds().empty());
            info.addDefaultKeypress (juce::KeyPress::upKey, cmd | alt);
            break;
        case selectedTracksShorterCommand:
            info.setInfo ("Shorter Selected Tracks", "The selected tracks one size shorter (saved with the session)", "View", 0);
            info.setActive (writable && ! controller.selectedTrackIds().empty());
            info.addDefaultKeypress (juce::KeyPress::downKey, cmd | alt);
            break;
        case fitTracksCommand:
            info.setInfo ("Fit Tracks", "Fit the tracks' height to the window", "View", 0);
            info.addDefaultKeypress ('a', alt | cmd);
            break;
        case loudnessMeterCommand:
            info.setInfo ("Loudness Meter", "Show the loudness meter (EBU R128 / BS.1770-4) beside the timeline", "View", 0);
            info.setTicked (showLoudness);
            info.addDefaultKeypress ('l', cmd | alt);
            break;
        case cueListsCommand:
            info.setInfo ("Cue Lists", "Show the markers, ADR cue list and music cue list under the timeline", "View", 0);
            info.setTicked (showCueLists);
            info.addDefaultKeypress ('5', cmd);
            break;
        case mixerCommand:
            // ctrl+=: Pro Tools' key for switching between its Edit and Mix windows.
            info.setInfo ("Mixer", "Show the mixer (a strip per track and bus, and the printmaster) instead of the edit window",
                          "View", 0);
            info.setTicked (showMixer);
            info.addDefaultKeypress ('=', cmd);
            break;
        case nextTimebaseCommand:
            info.setInfo ("Next Main Timebase", "Counter in timecode, feet+frames, samples, min:sec or bars|beats", "View", 0);
            info.addDefaultKeypress ('=', none);
            break;
        case deliverCommand:
            // ctrl+alt+B: Pro Tools' Bounce Mix, the nearest thing it has.
            info.setInfo ("Deliver...", "Print the deliverables of a delivery spec (stems, printmaster, M&E) to a folder", "File",
                          0);
            info.setActive (hasDocument);
            info.addDefaultKeypress ('b', cmd | alt);
            break;
        case importMovieCommand:
            info.setInfo ("Import Movie...", "Make a movie the session's picture reference (and its audio a guide track)", "File", 0);
            info.setActive (writable);
            break;
        case relinkMediaCommand:
            info.setInfo ("Relink Media...", "Find the session's offline media in a folder, by name and by sound", "File", 0);
            info.setActive (writable && ! document->offlineMedia().empty());
            break;
        case relinkMovieCommand:
            info.setInfo ("Relink Movie...", "Point the session's movie at its file where it is now", "File", 0);
            info.setActive (writable && document->session().video.has_value());
            break;
        case videoWindowCommand:
            info.setInfo ("Video Window", "Show the picture at the playhead", "View", 0);
            info.setTicked (isShowingVideo());
            info.addDefaultKeypress ('9', cmd);
            break;
        case syncCheckCommand:
            info.setInfo ("Check Sync (2-pop)...", "Find the 2-pop in the printmaster or a track and measure its offset", "File", 0);
            info.setActive (hasDocument);
            break;
        case importCommand:
            info.setInfo ("Import Audio...", "Import audio files as new tracks at the playhead", "File", 0);
            info.setActive (writable);
            info.addDefaultKeypress ('i', cmd | shift);
            break;
        case importOriginalTimeCommand:
            info.setInfo ("Import Audio to Original Time...", "Import audio files as new tracks where they were recorded (BWF time)",
                          "File", 0);
            info.setActive (writable);
            info.addDefaultKeypress ('i', cmd | shift | alt);
            break;
        case splitPolyCommand:
            info.setInfo ("Split Poly Files into Mono Tracks", "Import files of more than two channels as one mono track per channel",
                          "File", 0);
            info.setTicked (splitPolyOnImport);
            break;
        default:
            if (const auto index = size_t (id - nudgeValueCommand);
                id >= nudgeValueCommand && index < session::nudgeValues().size())
            {
                info.setInfo (session::nudgeValues()[index].name, "What . and , nudge by", "Edit", 0);
                info.setTicked (index == nudgeIndex);
            }
            break;
    }
}

void MainComponent::setEditMode (EditMode mode)
{
    controller.setMode (mode);
    transportBar.setModeText (editModeName (mode));
}

bool MainComponent::invoke (juce::CommandID command)
{
    InvocationInfo info (command);
    return perform (info);
}

bool MainComponent::perform (const InvocationInfo& invocation)
{
    const auto& selection = controller.selection();
    switch (invocation.commandID)
    {
        case playStopCommand:
            togglePlay();
            return true;
        case returnToStartCommand:
            returnToStart();
            return true;
        case loopPlaybackCommand:
            loopPlayback = ! loopPlayback;
            return true;
        case pageScrollCommand:
            timeline.setScrolling (TimelineComponent::Scrolling::page);
            return true;
        case continuousScrollCommand:
            timeline.setScrolling (TimelineComponent::Scrolling::continuous);
            return true;
        case noScrollCommand:
            timeline.setScrolling (TimelineComponent::Scrolling::none);
            return true;
        case undoCommand:
            check (controller.undo());
            return true;
        case redoCommand:
            check (controller.redo());
            return true;
        case cutCommand:
            check (controller.cut());
            return true;
        case copyCommand:
            check (controller.copy());
            return true;
        case pasteCommand:
            check (controller.paste());
            return true;
        case deleteCommand:
            // On tracks shown in an automation view a range deletes breakpoints, not audio.
            if (! clearAutomationInSelection())
                check (controller.deleteSelection());
            return true;
        case thinAutomationCommand:
            thinAutomation();
            return true;
        case duplicateCommand:
            check (controller.duplicate());
            return true;
        case copyAlternateToMainCommand:
            copyAlternateSelectionToMain();
            return true;
        case consolidateCommand:
            consolidateSelection();
            return true;
        case newTracksCommand:
            showNewTracksDialog();
            return true;
        case deleteTracksCommand:
            check (controller.deleteTracks (controller.selectedTrackIds()));
            return true;
        case splitCommand:
            check (controller.split());
            return true;
        case selectAllCommand:
            controller.selectAllClips();
            return true;
        case nudgeLaterCommand:
            check (controller.nudge (session::nudgeValues()[nudgeIndex], 1));
            return true;
        case nudgeEarlierCommand:
            check (controller.nudge (session::nudgeValues()[nudgeIndex], -1));
            return true;
        case nudgeLaterSecondCommand:
            check (controller.nudge (framesPerSecond (document.get())));
            return true;
        case nudgeEarlierSecondCommand:
            check (controller.nudge (-framesPerSecond (document.get())));
            return true;
        case shuffleModeCommand:
            setEditMode (EditMode::shuffle);
            return true;
        case slipModeCommand:
            setEditMode (EditMode::slip);
            return true;
        case spotModeCommand:
            setEditMode (EditMode::spot);
            return true;
        case gridModeCommand:
            setEditMode (EditMode::grid);
            return true;
        case muteClipCommand:
            check (controller.toggleMute());
            return true;
        case gainUpCommand:
            check (controller.adjustGain (1.0));
            return true;
        case gainDownCommand:
            check (controller.adjustGain (-1.0));
            return true;
        case gainDialogCommand:
            showGainDialog();
            return true;
        case renameCommand:
            showRenameDialog();
            return true;
        case spotCommand:
            showSpotDialog();
            return true;
        case spotOriginalCommand:
            check (controller.spotToOriginalTime());
            return true;
        case fadeCommand:
            showFadeDialog();
            return true;
        case loudnessMeterCommand:
            showLoudness = ! showLoudness;
            loudnessPanel.setVisible (showLoudness);
            loudnessPanel.update (loudnessMonitor, playback != nullptr && playback->isPlaying());
            resized();
            return true;
        case mixerCommand:
            setShowingMixer (! showMixer);
            return true;
        case cueListsCommand:
            showCueLists = ! showCueLists;
            cueLists->setVisible (showCueLists);
            resized();
            return true;
        case zoomInCommand:
            timeline.zoomStep (true);
            return true;
        case zoomOutCommand:
            timeline.zoomStep (false);
            return true;
        case zoomFitCommand:
            timeline.zoomToFit();
            return true;
        case zoomSelectionCommand:
        {
            if (selection.hasRange())
                timeline.zoomToRange (selection.range);
            else if (selection.hasClips() && document != nullptr)
            {
                core::SampleRange extent { { INT64_MAX }, { INT64_MIN } };
                for (auto& track : document->session().tracks)
                    for (auto& clip : track.clips)
                        if (selection.contains ({ track.id, clip.id }))
                            extent = { std::min (extent.start, clip.position), std::max (extent.end, clip.end()) };
                timeline.zoomToRange (extent);
            }
            return true;
        }
        case tracksTallerCommand:
            timeline.zoomTracks (true);
            return true;
        case tracksShorterCommand:
            timeline.zoomTracks (false);
            return true;
        case fitTracksCommand:
            timeline.fitTracks();
            return true;
        case selectedTracksTallerCommand:
        case selectedTracksShorterCommand:
            check (controller.stepTrackHeight (invocation.commandID == selectedTracksTallerCommand, timeline.getTrackHeight()));
            return true;
        case nextTimebaseCommand:
            transportBar.setTimebase (nextTimebase (transportBar.getTimebase()));
            timeline.setRulerUnits (transportBar.getTimebase());
            controller.setGridUnit (transportBar.getTimebase() == Timebase::barsBeats ? EditController::GridUnit::beats
                                                                                      : EditController::GridUnit::frames);
            return true;
        case importCommand:
            chooseFilesToImport (false);
            return true;
        case importOriginalTimeCommand:
            chooseFilesToImport (true);
            return true;
        case splitPolyCommand:
            splitPolyOnImport = ! splitPolyOnImport;
            return true;
        case deliverCommand:
            showDeliverDialog();
            return true;
        case syncCheckCommand:
            showSyncCheckDialog();
            return true;
        case importMovieCommand:
            chooseMovieToImport();
            return true;
        case relinkMovieCommand:
            chooseMovieToRelink();
            return true;
        case relinkMediaCommand:
            showRelinkDialog();
            return true;
        case videoWindowCommand:
            toggleVideoWindow();
            return true;
        default:
            if (const auto index = size_t (invocation.commandID - nudgeValueCommand);
                invocation.commandID >= nudgeValueCommand && index < session::nudgeValues().size())
            {
                nudgeIndex = index;
                return true;
            }
            return false;
    }
}

bool MainComponent::consolidateSelection()
{
    // Synchronous: consolidating reads and writes at disk speed (a minute of stereo 48 kHz is
    // ~17 MB, a fraction of a second), far shorter than a background job's bookkeeping is worth;
    // the busy cursor covers the wait.
    juce::MouseCursor::showWaitCursor();
    const auto status = controller.consolidate();
    juce::MouseCursor::hideWaitCursor();
    return check (status);
}
} // namespace sprocket::app
