#include "SyncCheckDialog.h"

#include "SessionMovie.h"
#include "Theme.h"

#include "session/TimelineGrid.h"
#include "video/FlashFrame.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>
#include <utility>

namespace sprocket::app
{
namespace
{
    /** Leaders sit at the head of a reel: the flash frame is looked for in the movie's first minute. */
    constexpr int64_t flashSearchSeconds = 60;

    core::Result<qc::SyncCheckResult> checkSync (session::Session s, core::Timecode expected, const std::string& track)
    {
        if (! track.empty())
        {
            auto only = qc::withOnlyTrack (std::move (s), track);
            if (! only)
                return only.error();
            s = std::move (*only);
        }
        const auto folder = std::filesystem::temp_directory_path() / ("sprocket-synccheck-" + std::to_string (::getpid()));
        std::error_code ignored;
        std::filesystem::create_directories (folder, ignored);
        auto outcome = qc::checkSessionSync (s, qc::sessionTimebase (s, std::nullopt), expected, folder);
        std::filesystem::remove_all (folder, ignored);
        return outcome;
    }

    core::Result<SyncCheckDialog::FlashFrame> findMovieFlash (const session::Session& s)
    {
        const auto path = s.resolvePath (s.video->path);
        auto info = video::openMovie (path);
        if (! info)
            return info.error();
        auto placement = placeSessionMovie (*info, s, false);
        if (! placement)
            return placement.error();
        const auto fps = (info->frameRatio.numerator + info->frameRatio.denominator - 1) / info->frameRatio.denominator;
        auto flash = video::findFlashFrame (path, 0, std::min<int64_t> (info->frameCount - 1, flashSearchSeconds * fps));
        if (! flash)
            return flash.error();
        if (! flash->has_value())
            return core::makeError (
                path.filename().string()
                + ": no flash frame in the movie's first minute (a picture much brighter than those around it)");
        const auto position = video::sessionPositionOfMovieFrame (**flash, *placement);
        if (position.samples < 0)
            return core::makeError (path.filename().string() + ": the flash frame (movie frame " + std::to_string (**flash)
                                    + ") is before the session start");
        return SyncCheckDialog::FlashFrame { **flash, session::timecodeAt (s, position) };
    }
} // namespace

core::Timecode SyncCheckDialog::defaultPopTimecode (const session::Session& s)
{
    for (auto& marker : s.markers)
        if (juce::String (marker.name).trim().equalsIgnoreCase ("FFOA"))
        {
            const auto twoSeconds = core::SampleDuration { 2 * s.sampleRate };
            if (marker.position.samples >= twoSeconds.samples)
                return session::timecodeAt (s, marker.position - twoSeconds);
        }
    return s.startTimecode;
}

SyncCheckDialog::SyncCheckDialog (session::Session sessionToCheck) : session (std::move (sessionToCheck))
{
    for (auto* label : { &expectedLabel, &sourceLabel })
    {
        label->setColour (juce::Label::textColourId, theme::textSecondary);
        addAndMakeVisible (label);
    }
    expectedEditor.setFont (theme::monoFont (15.0f));
    expectedEditor.setText (core::formatTimecode (defaultPopTimecode (session), session.frameRate));
    addAndMakeVisible (expectedEditor);

    sourceChooser.addItem ("Printmaster", 1);
    for (size_t i = 0; i < session.tracks.size(); ++i)
        sourceChooser.addItem (session.tracks[i].name, int (i) + 2);
    sourceChooser.setSelectedId (1, juce::dontSendNotification);
    addAndMakeVisible (sourceChooser);

    checkButton.setComponentID ("check");
    checkButton.onClick = [this] { check(); };
    addAndMakeVisible (checkButton);

    flashButton.setComponentID ("flash");
    flashButton.setTooltip ("The pop belongs on the flash frame of the movie's leader");
    flashButton.setEnabled (session.video.has_value());
    flashButton.onClick = [this] { findFlashFrame(); };
    addAndMakeVisible (flashButton);
    setSize (520, 170);
}

SyncCheckDialog::~SyncCheckDialog()
{
    stopTimer();
}

void SyncCheckDialog::setExpectedTimecode (const juce::String& text)
{
    expectedEditor.setText (text);
}

void SyncCheckDialog::setSource (const juce::String& trackNameOrPrintmaster)
{
    for (int i = 0; i < sourceChooser.getNumItems(); ++i)
        if (sourceChooser.getItemText (i) == trackNameOrPrintmaster)
            sourceChooser.setSelectedItemIndex (i, juce::dontSendNotification);
}

void SyncCheckDialog::check()
{
    if (isRunning())
        return;
    auto expected = core::parseTimecode (expectedEditor.getText().trim().toStdString(), session.frameRate);
    if (! expected)
    {
        message = juce::String (expected.error().message);
        repaint();
        return;
    }
    const int id = sourceChooser.getSelectedId();
    const std::string track =
        id >= 2 && size_t (id - 2) < session.tracks.size() ? session.tracks[size_t (id - 2)].id : std::string();
    result.reset();
    message = "Rendering and listening for the 2-pop...";
    job = std::make_unique<CheckTask> ([s = session, e = *expected, track] { return checkSync (s, e, track); });
    startPolling();
}

void SyncCheckDialog::findFlashFrame()
{
    if (isRunning() || ! session.video)
        return;
    result.reset();
    message = "Looking for the flash frame in " + juce::String (session.video->path.filename().string()) + "...";
    flashJob = std::make_unique<FlashTask> ([s = session] { return findMovieFlash (s); });
    startPolling();
}

void SyncCheckDialog::startPolling()
{
    checkButton.setEnabled (false);
    flashButton.setEnabled (false);
    startTimerHz (20);
    repaint();
}

void SyncCheckDialog::poll()
{
    if (flashJob != nullptr && flashJob->isFinished())
        takeFlashFrame (std::exchange (flashJob, nullptr)->take());
    else if (job != nullptr && job->isFinished())
        takeCheck (std::exchange (job, nullptr)->take());
    else
        return;
    stopTimer();
    checkButton.setEnabled (true);
    flashButton.setEnabled (session.video.has_value());
    repaint();
}

void SyncCheckDialog::takeFlashFrame (const core::Result<FlashFrame>& found)
{
    if (! found)
    {
        message = juce::String (found.error().message);
        return;
    }
    flash = *found;
    const auto timecode = juce::String (core::formatTimecode (found->timecode, session.frameRate));
    expectedEditor.setText (timecode);
    message = "The movie's flash frame (frame " + juce::String (found->movieFrame) + ") is at " + timecode
              + ": the 2-pop belongs there. Check listens for it.";
}

void SyncCheckDialog::takeCheck (const core::Result<qc::SyncCheckResult>& outcome)
{
    if (! outcome)
        message = juce::String (outcome.error().message);
    else if (! outcome->pop)
        message = "No 2-pop found in the " + juce::String (outcome->description)
                  + ": a one-frame 1 kHz beep with silence around it (docs/SYNC.md).";
    else
    {
        result = *outcome;
        const auto& r = *result;
        const auto frameRate = r.timebase.frameRate;
        char text[256];
        std::snprintf (text, sizeof text, "2-pop at %s: %+lld frames (%+lld samples) %s",
                       core::formatTimecode (r.foundTimecode, frameRate).c_str(), (long long) r.offsetFrames,
                       (long long) r.offsetSamples,
                       r.offsetSamples == 0  ? "- in sync"
                       : r.offsetSamples > 0 ? "late"
                                             : "early");
        message = text;
        if (onFound)
            onFound (r.foundSample - r.timebase.startSample);
    }
}

void SyncCheckDialog::paint (juce::Graphics& g)
{
    g.fillAll (theme::windowBackground);
    const bool good = result && result->offsetSamples == 0;
    g.setColour (result ? (good ? juce::Colour (0xff6fcf6f) : theme::warning) : theme::textPrimary);
    g.setFont (theme::uiFont (15.0f, result.has_value()));
    g.drawFittedText (message, getLocalBounds().reduced (12).removeFromBottom (50), juce::Justification::centredLeft, 2);
}

void SyncCheckDialog::resized()
{
    auto area = getLocalBounds().reduced (12);
    auto row = area.removeFromTop (28);
    expectedLabel.setBounds (row.removeFromLeft (140));
    expectedEditor.setBounds (row.removeFromLeft (130));
    row.removeFromLeft (12);
    flashButton.setBounds (row.removeFromLeft (170));
    row = area.removeFromTop (34).withTrimmedTop (6);
    sourceLabel.setBounds (row.removeFromLeft (140));
    sourceChooser.setBounds (row.removeFromLeft (220));
    row.removeFromLeft (12);
    checkButton.setBounds (row.removeFromLeft (90));
}
} // namespace sprocket::app
