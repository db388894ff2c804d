#pragma once

#include "AutomationPass.h"
#include "CueListPanel.h"
#include "Document.h"
#include "EditController.h"
#include "LoudnessPanel.h"
#include "MixerView.h"
#include "NewTracksDialog.h"
#include "Playback.h"
#include "RelinkDialog.h"
#include "SessionLoader.h"
#include "SpotDialog.h"
#include "TimelineComponent.h"
#include "TimelineGestures.h"
#include "TransportBar.h"
#include "VideoTrackStrip.h"
#include "VideoView.h"
#include "WaveformCache.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>
#include <set>

namespace sprocket::app
{
/** The main window's content, the edit window: the transport bar (large counter, selection,
    mode) above the timeline, above a one-line status bar (transport, session, media, audio
    device). It owns the open Document, the selection and edit commands (EditController), the
    mouse gestures, waveforms and playback, and is the command target for the Edit, Clip, View
    and Transport menus (MainComponentCommands.cpp). Also what --snapshot renders, without
    playback. [[message thread]] */
class MainComponent final : public juce::Component,
                            public juce::ApplicationCommandTarget,
                            public juce::FileDragAndDropTarget,
                            private juce::Timer
{
public:
    MainComponent();
    ~MainComponent() override;

    /** Plays the sessions shown from now on through a sound card (the app window does this;
        snapshots and component tests do not, so they never open an audio device). A timer then
        follows the engine ~30 times a second: playhead, counter, meters, device state. */
    void enablePlayback (Playback::Options options = {});
    Playback* getPlayback() noexcept { return playback.get(); }

    /** Draws waveforms from peak files kept beside the media (or in `cacheFolder`), built on a
        background thread. */
    void enableWaveforms (std::filesystem::path cacheFolder = WaveformCache::defaultCacheFolder());
    WaveformCache* getWaveforms() noexcept { return waveforms.get(); }

    /** Space: play / stop (a range plays from its start and stops at its end, or loops with
        loop playback on). Return: back to the session start. No-ops without playback. */
    void togglePlay();
    void returnToStart();
    /** Click on the ruler or in a lane: the playhead goes there (when stopped). */
    void locate (int64_t position);
    int64_t playheadPosition() const;

    /** The transport readout at the left of the status bar: "▶ 01:00:02:13" / "■ 01:00:00:00". */
    juce::String getTransportText() const;
    /** The device at the right of the status bar; empty without playback. */
    juce::String getAudioStatusText() const;

    /** A problem to tell the user about (device failure, an edit that could not be done) also
        goes here as an alert; tests turn the alert off. */
    void setShowsAlerts (bool shouldShow) noexcept { showsAlerts = shouldShow; }
    /** The last problem told to the user (empty if none). */
    juce::String getLastProblem() const { return lastProblem; }
    void reportProblem (const juce::String& message);

    /** Shows (and edits) `document`; null shows nothing. */
    void setDocument (std::unique_ptr<Document> document);
    /** Shows a loaded session as an untitled-on-disk, lock-free document (snapshots, tests). */
    void showDocument (const DisplaySession& document);
    void showNothing();
    Document* getDocument() noexcept { return document.get(); }

    EditController& getController() noexcept { return controller; }
    TimelineComponent& getTimeline() noexcept { return timeline; }
    TransportBar& getTransportBar() noexcept { return transportBar; }
    TimelineGestures& getGestures() noexcept { return gestures; }
    juce::String getStatusText() const;
    juce::String getMediaStatusText() const;

    /** Called after every change of the document (edits, undo, save): the window's title and
        menus follow. */
    std::function<void()> onDocumentChanged;

    /** Imports files at `position` (or at their BWF time); says why when it cannot. */
    bool importFiles (const juce::StringArray& files, int64_t position, bool atOriginalTime);
    /** Whether a file looks like audio the importer reads (by extension). */
    static bool isImportableAudio (const juce::File& file);

    static constexpr int statusBarHeight = 26;

    void paint (juce::Graphics&) override;
    void resized() override;

    /** Reads the engine once: what the timer does. Public so tests can step it. */
    void updateFromEngine();

    /** The timer's rate: smooth enough for the eye, a fraction of a core for the repaints. */
    static constexpr int refreshHz = 30;

    // Commands (MainComponentCommands.cpp) ---------------------------------------------------
    enum CommandIds
    {
        playStopCommand = 0x2002,
        returnToStartCommand = 0x2003,
        undoCommand = 0x3001,
        redoCommand,
        cutCommand,
        copyCommand,
        pasteCommand,
        deleteCommand,
        duplicateCommand,
        splitCommand,
        selectAllCommand,
        nudgeLaterCommand,
        nudgeEarlierCommand,
        nudgeLaterSecondCommand,
        nudgeEarlierSecondCommand,
        slipModeCommand,
        gridModeCommand,
        shuffleModeCommand,
        spotModeCommand,
        muteClipCommand = 0x3101,
        gainUpCommand,
        gainDownCommand,
        gainDialogCommand,
        renameCommand,
        spotCommand,
        spotOriginalCommand,
        fadeCommand,
        zoomInCommand = 0x3201,
        zoomOutCommand,
        zoomFitCommand,
        zoomSelectionCommand,
        tracksTallerCommand,
        tracksShorterCommand,
        fitTracksCommand,
        nextTimebaseCommand,
        selectedTracksTallerCommand,
        selectedTracksShorterCommand,
        loopPlaybackCommand = 0x3301,
        pageScrollCommand = 0x3302,
        continuousScrollCommand,
        noScrollCommand,
        deliverCommand = 0x3501,
        importCommand = 0x3401,
        importOriginalTimeCommand = 0x3405,
        splitPolyCommand = 0x3406,
        loudnessMeterCommand = 0x3601,
        cueListsCommand,
        syncCheckCommand = 0x3502,
        importMovieCommand = 0x3402,
        relinkMovieCommand = 0x3403,
        relinkMediaCommand = 0x3404,
        videoWindowCommand = 0x3603,
        mixerCommand = 0x3604,
        thinAutomationCommand = 0x3020,
        consolidateCommand = 0x3021,
        copyAlternateToMainCommand = 0x3022,
        nudgeValueCommand = 0x3040, // + the index in session::nudgeValues()
        newTracksCommand = 0x3701,
        deleteTracksCommand = 0x3702
    };

    juce::ApplicationCommandTarget* getNextCommandTarget() override { return nullptr; }
    void getAllCommands (juce::Array<juce::CommandID>& commands) override;
    void getCommandInfo (juce::CommandID, juce::ApplicationCommandInfo&) override;
    bool perform (const InvocationInfo&) override;

    /** Runs a command as a key or menu would (tests, the menu bar). */
    bool invoke (juce::CommandID command);

    /** The edit mode (F1 Shuffle, F2 Slip, F3 Spot, F4 Grid), shown in the transport bar. */
    void setEditMode (EditMode mode);

    bool isLooping() const noexcept { return loopPlayback; }

    /** The loudness meter beside the timeline (View > Loudness Meter). */
    bool isShowingLoudness() const noexcept { return showLoudness; }
    LoudnessPanel& getLoudnessPanel() noexcept { return loudnessPanel; }
    const LoudnessMonitor& getLoudnessMonitor() const noexcept { return loudnessMonitor; }

    /** The mixer in place of the edit window (View > Mixer, ctrl+=); the transport bar and
        status bar stay. */
    bool isShowingMixer() const noexcept { return showMixer; }
    void setShowingMixer (bool shouldShow);
    MixerView& getMixer() noexcept { return *mixer; }

    /** A track's record arm (the header's R): one undoable edit of `record_arm`. */
    void toggleRecordArm (const std::string& trackId);

    // Automation (MainComponentAutomation.cpp) ------------------------------------------------
    /** What a track shows over its clips: "" the waveform, else an automation lane's key. */
    void setAutomationView (const std::string& trackId, const std::string& key);
    /** A track's or bus's automation mode, as one undoable edit. */
    bool setAutomationMode (const session::StripRef& strip, session::AutomationMode mode);
    /** The header selectors' menus. */
    void showAutomationViewMenu (size_t trackIndex, juce::Rectangle<int> box);
    void showAutomationModeMenu (size_t trackIndex, juce::Rectangle<int> box);
    /** Edit > Thin Automation (ctrl+alt+T): the shown lanes of the selected tracks, inside the
        range (the whole lane with a cursor), thinned to 0.5 dB or 1/200 of the range. */
    bool thinAutomation();
    /** Edit > Consolidate Clip (alt+shift+3): EditController::consolidate under a busy cursor;
        says why in an alert when it cannot. */
    bool consolidateSelection();
    /** Delete on a range over tracks that show automation: their shown lanes lose the
        breakpoints inside it (anchors keep the rest), as one edit. False (nothing done) when
        no selected track shows automation: Delete then removes audio as usual. */
    bool clearAutomationInSelection();
    /** The automation writing pass of the current playback (touch, latch, write, trim). */
    const AutomationPass& getAutomationPass() const noexcept { return automationPass; }
    /** A track header's right-click menu (heights, colours, rename), and what choosing item
        `id` does to the track at `trackIndex` (and the other selected tracks when it is one of
        them); apart so tests can choose without a menu window. */
    juce::PopupMenu trackHeaderMenu (size_t trackIndex) const;
    void trackHeaderMenuChosen (size_t trackIndex, int id);

    /** The markers, ADR and music cue lists under the timeline (View > Cue Lists). */
    bool isShowingCueLists() const noexcept { return showCueLists; }
    CueListPanel& getCueListPanel() noexcept { return *cueLists; }

    // Drag and drop of audio files onto the timeline.
    bool isInterestedInFileDrag (const juce::StringArray& files) override;
    void filesDropped (const juce::StringArray& files, int x, int y) override;

    /** The import chooser (File > Import Audio... at the playhead, File > Import Audio to
        Original Time... at each file's BWF time). */
    void chooseFilesToImport (bool atOriginalTime = false);
    /** File > Split Poly Files into Mono Tracks (on by default): how importFiles treats files of
        more than two channels. */
    bool isSplittingPolyFiles() const noexcept { return splitPolyOnImport; }
    /** Edit > Nudge Value: the index in session::nudgeValues() that `.` and `,` nudge by (the
        app keeps the choice between runs). */
    size_t getNudgeIndex() const noexcept { return nudgeIndex; }
    void setNudgeIndex (size_t index) noexcept
    {
        if (index < session::nudgeValues().size())
            nudgeIndex = index;
    }
    /** File > Split Poly Files into Mono Tracks (the app keeps the choice between runs). */
    void setSplittingPolyFiles (bool split) noexcept { splitPolyOnImport = split; }

    /** What to do with a movie whose picture rate is not the session's. */
    enum class MovieRateAnswer
    {
        ask,               // a dialog offers the two below (without alerts: refused, saying why)
        changeSessionRate, // the session takes the movie's rate (session::changeFrameRate)
        conform            // the movie plays frame for frame at the session's rate (video.conform)
    };

    /** File > Import Movie...: makes `movie` the session's reference movie (one undoable step)
        after checking that FFmpeg reads it and that its picture rate is the session's (else
        `rateAnswer`); with `guideAudio`, its first audio stream also comes in as a guide track
        at its timecode (not for a conformed movie: its sound runs at the movie's speed). Says
        why when it cannot. */
    bool importMovie (const std::filesystem::path& movie, bool guideAudio, MovieRateAnswer rateAnswer = MovieRateAnswer::ask);
    void chooseMovieToImport();
    /** File > Relink Movie...: the session's movie is now `movie` (moved, renamed, a new copy);
        its placement settings stay. Refused when FFmpeg cannot read it or the rate does not fit. */
    bool relinkMovie (const std::filesystem::path& movie);
    void chooseMovieToRelink();
    void toggleVideoWindow();

    /** The picture at the playhead (View > Video Window, ctrl+9). */
    VideoView& getVideoView() noexcept { return videoView; }
    /** The video track above the lanes (while the session has a movie). */
    VideoTrackStrip& getVideoTrack() noexcept { return *videoTrack; }
    bool isShowingVideo() const noexcept { return videoWindow != nullptr && videoWindow->isVisible(); }

    // Playlists view (MainComponentPlaylists.cpp) -------------------------------------------
    /** The header playlist menu's Show Alternates: a track's alternate playlists as lanes
        under it (TimelineComponent::setShowingAlternates); hiding them ends their audition. */
    void setShowingAlternates (const std::string& trackId, bool show);
    /** What plays: `session` with each auditioned alternate in place of its track's main
        playlist (session::auditionPlaylist on a copy; the document is not changed). */
    session::Session playedSession (const session::Session& session) const;
    /** Plays `session` (the document, a preview or an automation pass's), with playedSession's
        auditions when there are any. [[message thread]] */
    void postToPlayback (const session::Session& session);
    /** Posts what should play now to the engine: the document (or the automation pass's
        version of it) with the auditions. */
    void postPlayedSession();
    /** Edit > Copy Alternate Selection to Main Playlist: the range selected on an alternate
        lane, as its ▲ does. */
    bool copyAlternateSelectionToMain();

    // Dialogs (MainComponentDialogs.cpp).
    void showRenameDialog();
    void showGainDialog();
    /** Clip > Spot... and a click on a clip in Spot mode: the SpotDialog for the selected clip
        (OK spots it to the typed timecode, Original Time to its BWF time, each one step). */
    void showSpotDialog();
    /** The Spot dialog for the first selected clip (null without one), its buttons wired to the
        edits; apart from its window so tests can fill one in. */
    std::unique_ptr<SpotDialog> makeSpotDialog();
    /** When set, showSpotDialog hands its dialog here instead of opening a window (tests: a
        top-level window cannot be made in the test binary). */
    std::function<void (std::unique_ptr<SpotDialog>)> spotDialogPresenter;
    void showFadeDialog();
    void showPlaylistMenu (size_t trackIndex, juce::Rectangle<int> box);
    /** The header's playlist menu (the playing playlist, the alternates to switch to, Duplicate,
        New, Show Alternates) and what choosing item `id` does; apart so tests can choose. */
    juce::PopupMenu playlistMenu (size_t trackIndex) const;
    void playlistMenuChosen (size_t trackIndex, int id);
    static constexpr int playlistMenuShowAlternates = 4;
    static constexpr int playlistMenuFirstAlternate = 100;
    void showTrackHeaderMenu (size_t trackIndex, juce::Point<int> where);
    void showTrackRenameDialog (size_t trackIndex);
    /** Track > New's dialog for the open session; Create adds the strips as one step or shows
        what is wrong (apart from its window so tests can fill one in). */
    std::unique_ptr<NewTracksDialog> makeNewTracksDialog();
    void showNewTracksDialog();
    /** File > Deliver...: the delivery dialog (DeliverDialog) for the open session. */
    void showDeliverDialog();
    /** File > Check Sync (2-pop)...: SyncCheckDialog on the open session. */
    void showSyncCheckDialog();
    /** File > Relink Media...: the RelinkDialog for the session's offline media. */
    void showRelinkDialog();
    /** What a RelinkDialog needs from this window (also for tests). */
    RelinkDialog::Host makeRelinkHost();

private:
    void askAboutMovieRate (const std::filesystem::path& movie, bool guideAudio, const video::MovieInfo& info);
    void timerCallback() override
    {
        repaintWhenAWindowCloses();
        updateFromEngine();
    }
    /** Without a compositor X leaves what a closed dialog or menu covered for the window below
        to redraw, and the expose does not always reach JUCE (seen under Xvfb): redraw when a
        window goes. */
    void repaintWhenAWindowCloses();
    int desktopWindowsSeen = 0;
    juce::Rectangle<int> getStatusBarArea() const;
    juce::Rectangle<int> getTransportArea() const;
    void documentChanged();
    void selectionChanged();
    void updateWaveformProgress();
    /** A mixer fader or pan move, taken by the writing pass when it runs and the strip writes. */
    bool automationGesture (const session::StripRef& strip, const std::string& key, double value, bool release);
    /** Starts a writing pass when the transport starts, stores what it wrote when it stops
        (or wraps round a loop), and moves the mixer's faders with their lanes. */
    void followTransportForAutomation (bool playing, int64_t position);
    void storeWrittenAutomation (int64_t position);
    /** Reports a failed edit; true when it worked. */
    bool check (const core::Status& status);

    TransportBar transportBar;
    TimelineComponent timeline;
    LoudnessMonitor loudnessMonitor;
    LoudnessPanel loudnessPanel;
    std::unique_ptr<CueListPanel> cueLists;
    std::unique_ptr<MixerView> mixer;
    VideoView videoView;
    std::unique_ptr<VideoTrackStrip> videoTrack;
    std::unique_ptr<juce::DocumentWindow> videoWindow;
    std::unique_ptr<Document> document;
    EditController controller;
    TimelineGestures gestures;
    std::unique_ptr<WaveformCache> waveforms;
    std::unique_ptr<Playback> playback;
    std::unique_ptr<juce::FileChooser> chooser;
    juce::String transportText, audioText, lastProblem;
    bool audioProblem = false;
    bool showsAlerts = true;
    bool loopPlayback = false;
    bool showLoudness = false;
    bool showCueLists = false;
    bool splitPolyOnImport = true;
    size_t nudgeIndex = session::defaultNudgeIndex;
    bool showMixer = false;
    int64_t stoppedPlayhead = 0;
    AutomationPass automationPass;
    int64_t lastRollingPosition = 0;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MainComponent)
};
} // namespace sprocket::app
