#include "SyncCheckDialog.h"

#include "Theme.h"

#include "session/TimelineGrid.h"

#include <cstdio>
#include <unistd.h>

namespace sprocket::app
{
/** One check on a thread of its own: the result crosses over once `finished` is set. */
struct SyncCheckDialog::Job
{
    Job (session::Session s, core::Timecode expected, std::string track)
    {
        thread = std::thread ([this, s = std::move (s), expected, track = std::move (track)]() mutable {
            const auto folder = std::filesystem::temp_directory_path() / ("sprocket-synccheck-" + std::to_string (::getpid()));
            std::error_code ignored;
            std::filesystem::create_directories (folder, ignored);
            if (! track.empty())
            {
                auto only = qc::withOnlyTrack (std::move (s), track);
                if (! only)
                    outcome.emplace (only.error());
                else
                    s = std::move (*only);
            }
            if (! outcome)
                outcome.emplace (qc::checkSessionSync (s, qc::sessionTimebase (s, std::nullopt), expected, folder));
            std::filesystem::remove_all (folder, ignored);
            finished.store (true, std::memory_order_release);
        });
    }

    ~Job()
    {
        if (thread.joinable())
            thread.join();
    }

    std::optional<core::Result<qc::SyncCheckResult>> outcome; // written before `finished`
    std::atomic<bool> finished { false };
    std::thread thread;
};

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
    if (job != nullptr)
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
    checkButton.setEnabled (false);
    job = std::make_unique<Job> (session, *expected, track);
    startTimerHz (20);
    repaint();
}

void SyncCheckDialog::poll()
{
    if (job == nullptr || ! job->finished.load (std::memory_order_acquire))
        return;
    stopTimer();
    auto finished = std::move (job);
    finished->thread.join();
    checkButton.setEnabled (true);
    const auto& outcome = *finished->outcome;
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
    repaint();
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
    row = area.removeFromTop (34).withTrimmedTop (6);
    sourceLabel.setBounds (row.removeFromLeft (140));
    sourceChooser.setBounds (row.removeFromLeft (220));
    row.removeFromLeft (12);
    checkButton.setBounds (row.removeFromLeft (90));
}
} // namespace sprocket::app
