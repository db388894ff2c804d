#include "MainComponent.h"

#include "Theme.h"

#include "core/Timecode.h"
#include "session/NewSession.h"

#include <algorithm>
#include <iostream>

namespace sprocket::app
{
namespace
{
    const juce::String playSymbol = juce::String::fromUTF8 ("\xe2\x96\xb6"); // ▶
    const juce::String stopSymbol = juce::String::fromUTF8 ("\xe2\x96\xa0"); // ■

    /** The readout is wide enough for "▶ 01:00:00:00" in the 13 px font, with room to spare. */
    constexpr int transportWidth = 130;
} // namespace

MainComponent::MainComponent() : controller ([this] { return playheadPosition(); }), gestures (timeline, controller)
{
    setOpaque (true);
    addAndMakeVisible (transportBar);
    addAndMakeVisible (timeline);
    addChildComponent (loudnessPanel);
    loudnessPanel.onReset = [this] {
        loudnessMonitor.reset();
        loudnessPanel.update (loudnessMonitor, playback != nullptr && playback->isPlaying());
    };
    timeline.setMouseHandler (&gestures);
    controller.onSelectionChanged = [this] { selectionChanged(); };
    gestures.onLocate = [this] (int64_t position) { locate (position); };
    gestures.onProblem = [this] (const std::string& message) { reportProblem (juce::String::fromUTF8 (message.c_str())); };
    gestures.onRenameRequest = [this] { showRenameDialog(); };
    gestures.onSpotRequest = [this] { showSpotDialog(); };
    gestures.onPlaylistMenu = [this] (size_t track, juce::Rectangle<int> box) { showPlaylistMenu (track, box); };
    gestures.onAutomationViewMenu = [this] (size_t track, juce::Rectangle<int> box) { showAutomationViewMenu (track, box); };
    gestures.onAutomationModeMenu = [this] (size_t track, juce::Rectangle<int> box) { showAutomationModeMenu (track, box); };
    gestures.onToggleRecord = [this] (const std::string& trackId) { toggleRecordArm (trackId); };
    gestures.onHeaderMenu = [this] (size_t track, juce::Point<int> where) { showTrackHeaderMenu (track, where); };
    gestures.onTrackRenameRequest = [this] (size_t track) { showTrackRenameDialog (track); };
    gestures.onAuditionChanged = [this] { postPlayedSession(); };
    transportBar.onTimebaseClicked = [this] { invoke (nextTimebaseCommand); };

    CueListPanel::Host cueHost;
    cueHost.session = [this] { return document != nullptr ? &document->session() : nullptr; };
    cueHost.perform = [this] (const std::string& name, const session::EditHistory::Edit& edit) -> core::Status {
        if (document == nullptr)
            return core::makeError ("no session is open");
        return document->perform (name, edit);
    };
    cueHost.selectionOrPlayhead = [this] {
        const auto& selection = controller.selection();
        if (selection.hasRange() || selection.hasCursor())
            return selection.range;
        const core::SamplePosition playhead { playheadPosition() };
        return core::SampleRange { playhead, playhead };
    };
    cueHost.locate = [this] (int64_t position) { locate (position); };
    cueHost.reportProblem = [this] (const juce::String& problem) { reportProblem (problem); };
    cueLists = std::make_unique<CueListPanel> (std::move (cueHost));
    addChildComponent (*cueLists);
    videoTrack = std::make_unique<VideoTrackStrip> (timeline);
    videoTrack->onRelinkRequest = [this] { invoke (relinkMovieCommand); };
    addChildComponent (*videoTrack);

    MixerView::Host mixerHost;
    mixerHost.session = [this] { return document != nullptr ? &document->session() : nullptr; };
    mixerHost.perform = [this] (const std::string& name, const session::EditHistory::Edit& edit) -> core::Status {
        if (document == nullptr)
            return core::makeError ("no session is open");
        return document->perform (name, edit);
    };
    mixerHost.preview = [this] (const session::Session& preview) {
        if (playback != nullptr)
            postToPlayback (preview); // heard at once, as the fader moves
    };
    mixerHost.reportProblem = [this] (const juce::String& problem) { reportProblem (problem); };
    mixerHost.automationGesture = [this] (const session::StripRef& strip, const std::string& key, double value,
                                          bool release) { return automationGesture (strip, key, value, release); };
    mixer = std::make_unique<MixerView> (std::move (mixerHost));
    addChildComponent (*mixer);
    setSize (1600, 900);
}

MainComponent::~MainComponent()
{
    stopTimer();
    if (videoWindow != nullptr)
        videoWindow->clearContentComponent();
    playback = nullptr; // closes the device before the timeline goes
    timeline.setWaveforms (nullptr);
    waveforms = nullptr;
}

void MainComponent::enablePlayback (Playback::Options options)
{
    playback = std::make_unique<Playback> (std::move (options));
    if (document != nullptr)
        playback->load (document->session());
    updateFromEngine();
    startTimerHz (refreshHz);
}

void MainComponent::enableWaveforms (std::filesystem::path cacheFolder)
{
    timeline.setWaveforms (nullptr);
    waveforms = std::make_unique<WaveformCache> (std::move (cacheFolder));
    waveforms->onUpdate = [this] {
        updateWaveformProgress();
        timeline.repaint();
    };
    timeline.setWaveforms (waveforms.get());
    if (document != nullptr)
        waveforms->request (document->session());
    updateWaveformProgress();
}

void MainComponent::updateWaveformProgress()
{
    if (waveforms == nullptr)
        return;
    const auto progress = waveforms->progress();
    if (! progress.busy())
        transportBar.setProgressText ({});
    else
        transportBar.setProgressText ("Building waveforms " + juce::String (progress.done + 1) + " of "
                                      + juce::String (progress.total) + " (" + juce::String (int (progress.current * 100.0))
                                      + " %)");
}

int64_t MainComponent::playheadPosition() const
{
    return playback != nullptr && playback->isLoaded() ? playback->position() : stoppedPlayhead;
}

void MainComponent::repaintWhenAWindowCloses()
{
    const int windows = juce::Desktop::getInstance().getNumComponents();
    if (windows < desktopWindowsSeen)
        repaint();
    desktopWindowsSeen = windows;
}

void MainComponent::togglePlay()
{
    if (playback == nullptr)
        return;
    const auto& selection = controller.selection();
    if (! playback->isPlaying() && selection.hasRange())
        playback->playRange (selection.range.start.samples, selection.range.end.samples, loopPlayback);
    else
        playback->togglePlay();
    updateFromEngine();
}

void MainComponent::returnToStart()
{
    stoppedPlayhead = 0;
    timeline.setPlayhead (0);
    if (playback != nullptr)
        playback->returnToStart();
}

void MainComponent::locate (int64_t position)
{
    if (playback != nullptr && playback->isPlaying())
        return; // a click while rolling selects; it does not jump (Pro Tools' default)
    stoppedPlayhead = std::max<int64_t> (0, position);
    timeline.setPlayhead (stoppedPlayhead);
    transportBar.setPosition (stoppedPlayhead, false);
    if (playback != nullptr)
        playback->locate (stoppedPlayhead);
    videoView.showPosition (stoppedPlayhead, false);
}

void MainComponent::updateFromEngine()
{
    if (playback == nullptr)
        return;
    playback->poll();

    const bool playing = playback->isPlaying();
    const auto position = playback->position();
    timeline.setPlayhead (position, playing);
    transportBar.setPosition (position, playing);
    followTransportForAutomation (playing, position);
    // Peaks are taken once a refresh, for the track headers and the mixer both.
    auto peaks = playback->takeStripPeaks();
    std::vector<float> trackPeaks;
    for (auto& levels : peaks.tracks)
        trackPeaks.push_back (levels.peak.empty() ? 0.0f : *std::max_element (levels.peak.begin(), levels.peak.end()));
    timeline.setMeterLevels (std::move (trackPeaks));
    if (showMixer)
        mixer->setLevels (peaks);
    if (isShowingVideo())
        videoView.showPosition (position, playing);
    // Measured even while hidden, so the programme's integrated loudness is whole when shown.
    loudnessMonitor.poll (playback->getEngine(), document != nullptr ? (double) document->session().sampleRate : 0.0);
    if (showLoudness)
        loudnessPanel.update (loudnessMonitor, playing);

    if (document == nullptr)
        return;
    const auto& session = document->session();
    const auto frame = core::frameCountFromTimecode (session.startTimecode, session.frameRate)
                       + core::frameCountFromSamples (position, session.frameRate, session.sampleRate);
    const auto timecode = core::formatTimecode (core::timecodeFromFrameCount (frame, session.frameRate), session.frameRate);
    if (auto text = (playing ? playSymbol : stopSymbol) + "  " + juce::String (timecode); text != transportText)
    {
        // Printed for logs and the end-to-end test: a transport change is worth a line.
        if (playing != transportText.startsWith (playSymbol))
            std::cout << "transport: " << (playing ? "playing" : "stopped") << " at " << timecode << std::endl;
        transportText = text;
        repaint (getTransportArea());
    }

    if (auto text = juce::String::fromUTF8 (playback->audioStatus().c_str()); text != audioText)
    {
        audioText = text;
        audioProblem = playback->hasAudioProblem();
        if (playback->isLoaded())
            std::cout << audioText << std::endl;
        repaint (getStatusBarArea());
    }

    if (auto problem = playback->takePlanProblem())
        reportProblem (juce::String::fromUTF8 (problem->c_str()));
    if (auto problem = playback->takeProblem())
    {
        std::cerr << "sprocket: " << *problem << '\n';
        lastProblem = juce::String::fromUTF8 (problem->c_str());
        if (showsAlerts)
            juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, "Playback",
                                                    lastProblem + "\n\nPress space to play again.", "OK", this);
    }
}

void MainComponent::reportProblem (const juce::String& message)
{
    std::cerr << "sprocket: " << message << '\n';
    lastProblem = message;
    if (showsAlerts)
        juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, "Sprocket", message, "OK", this);
}

bool MainComponent::check (const core::Status& status)
{
    if (! status.ok())
        reportProblem (juce::String::fromUTF8 (status.error().message.c_str()));
    return status.ok();
}

juce::String MainComponent::getTransportText() const
{
    return transportText;
}

juce::String MainComponent::getAudioStatusText() const
{
    return audioText;
}

juce::Rectangle<int> MainComponent::getStatusBarArea() const
{
    return getLocalBounds().removeFromBottom (statusBarHeight);
}

juce::Rectangle<int> MainComponent::getTransportArea() const
{
    return getStatusBarArea().withTrimmedLeft (12).withWidth (transportWidth);
}

void MainComponent::setDocument (std::unique_ptr<Document> newDocument)
{
    controller.setDocument (nullptr);
    document = std::move (newDocument);
    controller.setDocument (document.get());
    stoppedPlayhead = 0;
    timeline.setPlayhead (0);
    if (document == nullptr)
    {
        timeline.setSession (session::Session {});
        transportBar.setSession (nullptr);
        transportBar.setReadOnlyText ({});
    }
    else
    {
        document->onChanged = [this] { documentChanged(); };
        timeline.setSession (document->session(), document->offlineMedia());
        transportBar.setSession (&document->session());
        transportBar.setReadOnlyText (juce::String::fromUTF8 (document->getReadOnlyReason().c_str()));
        if (playback != nullptr)
        {
            playback->load (document->session());
            updateFromEngine();
        }
        if (waveforms != nullptr)
            waveforms->request (document->session());
        updateWaveformProgress();
    }
    cueLists->sessionChanged();
    mixer->sessionChanged();
    videoView.setSession (document != nullptr ? document->session() : session::Session {});
    videoTrack->setSession (document != nullptr ? document->session() : session::Session {});
    if (videoTrack->isVisible() != videoTrack->hasMovie())
    {
        videoTrack->setVisible (videoTrack->hasMovie());
        resized();
    }
    videoView.showPosition (0, false);
    if (onDocumentChanged)
        onDocumentChanged();
    repaint();
}

void MainComponent::showDocument (const DisplaySession& loaded)
{
    setDocument (std::make_unique<Document> (loaded, loaded.session.filePath, std::nullopt, std::string()));
}

void MainComponent::showNothing()
{
    setDocument (nullptr);
}

void MainComponent::documentChanged()
{
    const auto& session = document->session();
    controller.selection().dropMissing (session);
    timeline.updateSession (session, document->offlineMedia());
    timeline.setSelection (controller.selection());
    transportBar.setSession (&session);
    transportBar.setReadOnlyText (juce::String::fromUTF8 (document->getReadOnlyReason().c_str()));
    if (playback != nullptr) // heard at once, even while playing (and writing automation)
        postPlayedSession();
    if (waveforms != nullptr)
        waveforms->request (session);
    cueLists->sessionChanged();
    mixer->sessionChanged();
    videoView.setSession (session);
    videoView.showPosition (playheadPosition(), false);
    videoTrack->setSession (session);
    if (videoTrack->isVisible() != videoTrack->hasMovie())
    {
        videoTrack->setVisible (videoTrack->hasMovie());
        resized();
    }
    if (onDocumentChanged)
        onDocumentChanged();
    repaint (getStatusBarArea());
}

void MainComponent::selectionChanged()
{
    timeline.setSelection (controller.selection());
    transportBar.setSelection (controller.selection());
}

juce::String MainComponent::getStatusText() const
{
    if (document == nullptr)
        return "No session";

    const auto& session = document->session();
    size_t clips = 0;
    for (auto& track : session.tracks)
        clips += track.clips.size();

    const juce::String separator ("   |   ");
    return juce::String (session.name) + separator + juce::String (std::string (core::frameRateName (session.frameRate))) + " fps"
           + separator + juce::String (double (session.sampleRate) / 1000.0, 1) + " kHz" + separator
           + juce::String (session.tracks.size()) + " tracks" + separator + juce::String (clips) + " clips" + separator
           + juce::String (session.markers.size()) + " markers";
}

juce::String MainComponent::getMediaStatusText() const
{
    if (document == nullptr)
        return {};
    const auto offlineCount = document->offlineMedia().size();
    size_t otherMediaProblems = 0;
    for (auto& problem : document->mediaProblems())
        if (problem.path.rfind ("media[", 0) != 0)
            ++otherMediaProblems;
    juce::String text = offlineCount == 0 ? juce::String ("All media online") : juce::String (offlineCount) + " media offline";
    if (otherMediaProblems > 0)
        text << "   |   " << juce::String (otherMediaProblems) << " media problem" << (otherMediaProblems == 1 ? "" : "s");
    if (videoTrack != nullptr && videoTrack->isOffline())
        text << "   |   movie offline";
    return text;
}

void MainComponent::paint (juce::Graphics& g)
{
    // The transport bar and timeline are opaque children: only the status bar is ours.
    auto bar = getStatusBarArea();
    g.setColour (theme::statusBarBackground);
    g.fillRect (bar);
    g.setColour (theme::laneSeparator.darker());
    g.fillRect (bar.withHeight (1));

    bar.reduce (12, 0);
    g.setFont (theme::uiFont (13.0f));
    if (transportText.isNotEmpty())
    {
        // The symbol is drawn, not typed: fonts draw ▶ and ■ at very different sizes.
        const bool playing = transportText.startsWith (playSymbol);
        auto area = bar.removeFromLeft (transportWidth);
        const auto icon = area.removeFromLeft (10).withSizeKeepingCentre (10, 10).toFloat();
        g.setColour (playing ? theme::playhead : theme::textPrimary);
        if (playing)
        {
            juce::Path triangle;
            triangle.addTriangle (icon.getTopLeft(), icon.getBottomLeft(), { icon.getRight(), icon.getCentreY() });
            g.fillPath (triangle);
        }
        else
        {
            g.fillRect (icon.reduced (1.0f));
        }
        g.setFont (theme::monoFont (13.0f));
        g.drawText (transportText.fromFirstOccurrenceOf ("  ", false, false), area.withTrimmedLeft (8),
                    juce::Justification::centredLeft, false);
        g.setFont (theme::uiFont (13.0f));
    }
    if (audioText.isNotEmpty())
    {
        // The device gets two fifths: a failure message is long, and the alert has it whole.
        g.setColour (audioProblem ? theme::warning : theme::textSecondary);
        g.drawText (audioText, bar.removeFromRight (bar.getWidth() * 2 / 5), juce::Justification::centredRight, true);
        bar.removeFromRight (24);
    }
    const auto media = getMediaStatusText();
    const bool mediaTrouble = document != nullptr && (! document->offlineMedia().empty() || media.contains ("problem"));
    g.setColour (mediaTrouble ? theme::warning : theme::textSecondary);
    g.drawText (media, bar.removeFromRight (bar.getWidth() / 3), juce::Justification::centredRight, true);
    g.setColour (theme::textSecondary);
    g.drawText (getStatusText(), bar, juce::Justification::centredLeft, true);
}

void MainComponent::resized()
{
    auto area = getLocalBounds().withTrimmedBottom (statusBarHeight);
    transportBar.setBounds (area.removeFromTop (TransportBar::height));
    if (showLoudness)
        loudnessPanel.setBounds (area.removeFromRight (LoudnessPanel::preferredWidth));
    if (showMixer)
    {
        // The mixer takes the whole main area; the timeline keeps its layout underneath.
        mixer->setBounds (area);
        return;
    }
    if (showCueLists)
        cueLists->setBounds (area.removeFromBottom (std::min (CueListPanel::preferredHeight, area.getHeight() / 2)));
    if (videoTrack->isVisible())
        videoTrack->setBounds (area.removeFromTop (VideoTrackStrip::preferredHeight));
    timeline.setBounds (area);
}

void MainComponent::toggleRecordArm (const std::string& trackId)
{
    check (controller.toggleRecordArm (trackId));
}

void MainComponent::setShowingMixer (bool shouldShow)
{
    if (shouldShow == showMixer)
        return;
    showMixer = shouldShow;
    mixer->setVisible (showMixer);
    timeline.setVisible (! showMixer);
    if (showMixer)
        mixer->toFront (false);
    resized();
}

// Import -------------------------------------------------------------------------------------

bool MainComponent::isImportableAudio (const juce::File& file)
{
    return file.hasFileExtension ("wav;wave;bwf;rf64;w64;aif;aiff;aifc;flac;ogg;caf");
}

bool MainComponent::isInterestedInFileDrag (const juce::StringArray& files)
{
    return document != nullptr && ! files.isEmpty();
}

void MainComponent::filesDropped (const juce::StringArray& files, int x, int y)
{
    // At the drop position; with ctrl (cmd) held, each file at its BWF time.
    const auto point = timeline.getLocalPoint (this, juce::Point<int> (x, y));
    const auto lanes = timeline.getLaneArea();
    int64_t position = playheadPosition();
    if (point.x >= lanes.getX())
        position =
            controller.place ({ std::max<int64_t> (0, int64_t (timeline.getScale().sampleForX (float (point.x)))) }).samples;
    importFiles (files, position, juce::ModifierKeys::getCurrentModifiersRealtime().isCommandDown());
}

bool MainComponent::importFiles (const juce::StringArray& files, int64_t position, bool atOriginalTime)
{
    if (document == nullptr)
        return false;
    std::vector<std::filesystem::path> paths;
    juce::StringArray refused;
    for (auto& name : files)
    {
        const juce::File file (name);
        if (file.isDirectory())
            refused.add (file.getFileName() + ": a folder (drop the audio files themselves)");
        else if (! isImportableAudio (file))
            refused.add (file.getFileName() + ": not an audio file Sprocket reads (WAV, BWF, RF64, AIFF, FLAC, OGG)");
        else
            paths.push_back (file.getFullPathName().toStdString());
    }
    if (! refused.isEmpty())
    {
        reportProblem ("Cannot import:\n" + refused.joinIntoString ("\n"));
        if (paths.empty())
            return false;
    }
    // Poly files are split into mono files in an "Audio Files" folder beside the session, as
    // Pro Tools keeps its media; an untitled session uses the folder of the first file.
    const auto base = ! document->file().empty() ? document->file().parent_path() : paths.front().parent_path();
    const auto status =
        controller.importFiles (paths, { position }, atOriginalTime, base / session::audioFilesFolderName, splitPolyOnImport);
    if (status.ok())
        std::cout << "imported " << paths.size() << " file(s)" << std::endl;
    return check (status);
}

void MainComponent::chooseFilesToImport (bool atOriginalTime)
{
    const auto start = document != nullptr && ! document->file().empty()
                           ? juce::File (juce::String (document->file().parent_path().string()))
                           : juce::File::getSpecialLocation (juce::File::userHomeDirectory);
    chooser = std::make_unique<juce::FileChooser> (atOriginalTime ? "Import audio to its original (BWF) time" : "Import audio",
                                                   start, "*.wav;*.bwf;*.rf64;*.w64;*.aif;*.aiff;*.flac;*.ogg");
    const auto chooserFlags = juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::canSelectMultipleItems;
    chooser->launchAsync (chooserFlags, [this, atOriginalTime] (const juce::FileChooser& fc) {
        juce::StringArray files;
        for (auto& file : fc.getResults())
            files.add (file.getFullPathName());
        if (! files.isEmpty())
            importFiles (files, playheadPosition(), atOriginalTime);
    });
}
} // namespace sprocket::app
