#include "MainComponent.h"

#include "Theme.h"

#include "core/Timecode.h"

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

MainComponent::MainComponent()
{
    setOpaque (true);
    addAndMakeVisible (timeline);
    setSize (1600, 900);
}

MainComponent::~MainComponent()
{
    stopTimer();
    playback = nullptr; // closes the device before the timeline goes
}

void MainComponent::enablePlayback (Playback::Options options)
{
    playback = std::make_unique<Playback> (std::move (options));
    if (hasDocument)
        playback->load (timeline.getSession());
    updateFromEngine();
    startTimerHz (refreshHz);
}

void MainComponent::togglePlay()
{
    if (playback == nullptr)
        return;
    playback->togglePlay();
    updateFromEngine();
}

void MainComponent::returnToStart()
{
    if (playback != nullptr)
        playback->returnToStart();
}

void MainComponent::updateFromEngine()
{
    if (playback == nullptr)
        return;
    playback->poll();

    const bool playing = playback->isPlaying();
    timeline.setPlayhead (playback->position(), playing);

    const auto& session = timeline.getSession();
    const auto frame = core::frameCountFromTimecode (session.startTimecode, session.frameRate)
                       + core::frameCountFromSamples (playback->position(), session.frameRate, session.sampleRate);
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

    if (auto problem = playback->takeProblem())
    {
        std::cerr << "sprocket: " << *problem << '\n';
        lastProblem = juce::String::fromUTF8 (problem->c_str());
        if (showsAlerts)
            juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, "Playback",
                                                    lastProblem + "\n\nPress space to play again.", "OK", this);
    }
}

juce::String MainComponent::getTransportText() const { return transportText; }

juce::String MainComponent::getAudioStatusText() const { return audioText; }

juce::Rectangle<int> MainComponent::getStatusBarArea() const { return getLocalBounds().removeFromBottom (statusBarHeight); }

juce::Rectangle<int> MainComponent::getTransportArea() const
{
    return getStatusBarArea().withTrimmedLeft (12).withWidth (transportWidth);
}

void MainComponent::showDocument (const DisplaySession& document)
{
    hasDocument = true;
    offlineCount = document.offlineMediaIds.size();
    otherMediaProblems = 0;
    for (auto& problem : document.mediaProblems)
        if (problem.path.rfind ("media[", 0) != 0)
            ++otherMediaProblems;
    timeline.setSession (document.session, document.offlineMediaIds);
    if (playback != nullptr)
    {
        playback->load (document.session);
        updateFromEngine();
    }
    repaint();
}

void MainComponent::showNothing()
{
    hasDocument = false;
    offlineCount = otherMediaProblems = 0;
    timeline.setSession (session::Session {});
    repaint();
}

juce::String MainComponent::getStatusText() const
{
    if (! hasDocument)
        return "No session";

    const auto& session = timeline.getSession();
    size_t clips = 0;
    for (auto& track : session.tracks)
        clips += track.clips.size();

    const juce::String separator ("   |   ");
    return juce::String (session.name) + separator + juce::String (std::string (core::frameRateName (session.frameRate)))
           + " fps" + separator + juce::String (double (session.sampleRate) / 1000.0, 1) + " kHz" + separator
           + juce::String (session.tracks.size()) + " tracks" + separator + juce::String (clips) + " clips"
           + separator + juce::String (session.markers.size()) + " markers";
}

juce::String MainComponent::getMediaStatusText() const
{
    if (! hasDocument)
        return {};
    juce::String text = offlineCount == 0 ? juce::String ("All media online")
                                          : juce::String (offlineCount) + " media offline";
    if (otherMediaProblems > 0)
        text << "   |   " << juce::String (otherMediaProblems) << " media problem" << (otherMediaProblems == 1 ? "" : "s");
    return text;
}

void MainComponent::paint (juce::Graphics& g)
{
    g.fillAll (theme::windowBackground);

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
    g.setColour (offlineCount > 0 || otherMediaProblems > 0 ? theme::warning : theme::textSecondary);
    g.drawText (media, bar.removeFromRight (bar.getWidth() / 3), juce::Justification::centredRight, true);
    g.setColour (theme::textSecondary);
    g.drawText (getStatusText(), bar, juce::Justification::centredLeft, true);
}

void MainComponent::resized()
{
    timeline.setBounds (getLocalBounds().withTrimmedBottom (statusBarHeight));
}
} // namespace sprocket::app
