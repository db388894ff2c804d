// The edit window's automation: the track view and mode selectors, Edit > Thin Automation, and
// the writing pass that turns mixer moves during playback into lanes (AutomationPass).
#include "MainComponent.h"

#include "session/AutomationEdits.h"
#include "session/AutomationParameters.h"

#include <algorithm>
#include <limits>

namespace sprocket::app
{
namespace
{
    constexpr session::AutomationMode allModes[] = { session::AutomationMode::off,   session::AutomationMode::read,
                                                     session::AutomationMode::touch, session::AutomationMode::latch,
                                                     session::AutomationMode::write, session::AutomationMode::trim };
} // namespace

void MainComponent::setAutomationView (const std::string& trackId, const std::string& key)
{
    timeline.setAutomationView (trackId, key);
}

bool MainComponent::setAutomationMode (const session::StripRef& strip, session::AutomationMode mode)
{
    if (document == nullptr)
        return false;
    const auto name = "Automation Mode " + std::string (session::automationModeName (mode));
    return check (document->perform (
        name, [strip, mode] (session::SessionEditor& e) { return session::setAutomationMode (e, strip, mode); }));
}

void MainComponent::showAutomationViewMenu (size_t trackIndex, juce::Rectangle<int> box)
{
    if (document == nullptr || trackIndex >= document->session().tracks.size())
        return;
    const auto& session = document->session();
    const auto trackId = session.tracks[trackIndex].id;
    const auto strip = session::StripRef::track (trackId);
    const auto shown = timeline.automationViewOf (trackId);
    const auto parameters = session::automatableParameters (session, strip);

    juce::PopupMenu menu;
    menu.addSectionHeader (juce::String::fromUTF8 (session.tracks[trackIndex].name.c_str()) + " shows");
    menu.addItem (1, "waveform", true, shown.empty());
    menu.addSeparator();
    for (size_t i = 0; i < parameters.size(); ++i)
    {
        const auto* lane = session::findLane (session, strip, parameters[i].key);
        const auto points =
            lane != nullptr ? juce::String ("   (") + juce::String (int (lane->size())) + " points)" : juce::String();
        menu.addItem (int (100 + i), juce::String::fromUTF8 (parameters[i].name.c_str()) + points, true,
                      parameters[i].key == shown);
    }
    const auto area = localAreaToGlobal (getLocalArea (&timeline, box));
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetScreenArea (area), [this, trackId, parameters] (int chosen) {
        if (chosen == 1)
            setAutomationView (trackId, {});
        else if (chosen >= 100 && size_t (chosen - 100) < parameters.size())
            setAutomationView (trackId, parameters[size_t (chosen - 100)].key);
    });
}

void MainComponent::showAutomationModeMenu (size_t trackIndex, juce::Rectangle<int> box)
{
    if (document == nullptr || trackIndex >= document->session().tracks.size())
        return;
    const auto& track = document->session().tracks[trackIndex];
    juce::PopupMenu menu;
    menu.addSectionHeader (juce::String::fromUTF8 (track.name.c_str()) + " automation");
    for (size_t i = 0; i < std::size (allModes); ++i)
        menu.addItem (int (i + 1), juce::String (std::string (session::automationModeName (allModes[i]))),
                      ! document->isReadOnly(), track.automationMode == allModes[i]);
    const auto area = localAreaToGlobal (getLocalArea (&timeline, box));
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetScreenArea (area),
                        [this, strip = session::StripRef::track (track.id)] (int chosen) {
                            if (chosen >= 1 && size_t (chosen) <= std::size (allModes))
                                setAutomationMode (strip, allModes[size_t (chosen - 1)]);
                        });
}

bool MainComponent::thinAutomation()
{
    if (document == nullptr)
        return false;
    const auto& session = document->session();
    const auto& selection = controller.selection();
    const auto start = selection.hasRange() ? selection.range.start.samples : int64_t (0);
    const auto end = selection.hasRange() ? selection.range.end.samples : std::numeric_limits<int64_t>::max();

    std::vector<session::StripLane> thinned;
    for (auto& track : session.tracks)
    {
        const auto key = timeline.automationViewOf (track.id);
        if (key.empty() || ! selection.containsTrack (track.id))
            continue;
        const auto strip = session::StripRef::track (track.id);
        const auto parameter = session::findAutomatableParameter (session, strip, key);
        const auto* lane = session::findLane (session, strip, key);
        if (! parameter || lane == nullptr)
            continue;
        // Coarser than a written pass's 0.1 dB: this is the user asking for fewer points.
        const double tolerance = parameter->unit == "dB" ? 0.5 : (parameter->maximum - parameter->minimum) / 200.0;
        if (auto result = session::withRangeThinned (*lane, start, end, tolerance); result != *lane)
            thinned.push_back ({ strip, key, std::move (result) });
    }
    if (thinned.empty())
    {
        reportProblem ("Thin Automation: select a range on tracks that show an automation lane with points to thin.");
        return false;
    }
    return check (document->perform ("Thin Automation",
                                     [thinned] (session::SessionEditor& e) { return session::setAutomationLanes (e, thinned); }));
}

bool MainComponent::clearAutomationInSelection()
{
    if (document == nullptr || ! controller.selection().hasRange())
        return false;
    const auto& session = document->session();
    const auto& range = controller.selection().range;
    std::vector<session::StripLane> cleared;
    bool anyShown = false;
    for (auto& track : session.tracks)
    {
        const auto key = timeline.automationViewOf (track.id);
        if (key.empty() || ! controller.selection().containsTrack (track.id))
            continue;
        anyShown = true;
        const auto strip = session::StripRef::track (track.id);
        if (const auto* lane = session::findLane (session, strip, key))
            if (auto result = session::withRangeCleared (*lane, range.start.samples, range.end.samples); result != *lane)
                cleared.push_back ({ strip, key, std::move (result) });
    }
    if (! anyShown)
        return false;
    if (! cleared.empty())
        check (document->perform ("Delete Automation",
                                  [cleared] (session::SessionEditor& e) { return session::setAutomationLanes (e, cleared); }));
    return true;
}

bool MainComponent::automationGesture (const session::StripRef& strip, const std::string& key, double value, bool release)
{
    if (document == nullptr || playback == nullptr || ! playback->isPlaying() || ! automationPass.isActive())
        return false;
    const auto position = playback->position();
    if (! automationPass.move (document->session(), strip, key, position, value))
        return false;
    if (release)
        automationPass.release (strip, key, position);
    postToPlayback (automationPass.playing (document->session()));
    timeline.setWritingLanes (automationPass.writingLanes());
    return true;
}

void MainComponent::followTransportForAutomation (bool playing, int64_t position)
{
    if (document == nullptr)
        return;
    if (playing)
    {
        const bool wrapped = automationPass.isActive() && position + document->session().sampleRate / 10 < lastRollingPosition;
        if (wrapped)
            storeWrittenAutomation (lastRollingPosition); // a loop's each turn is a pass of its own
        if (! automationPass.isActive())
        {
            automationPass.begin (document->session(), position);
            // Only write mode takes over at play start (its faders play, not its lanes).
            if (playback != nullptr && ! automationPass.writingLanes().empty())
                postToPlayback (automationPass.playing (document->session()));
        }
        lastRollingPosition = position;
    }
    else if (automationPass.isActive())
    {
        storeWrittenAutomation (lastRollingPosition);
    }
    timeline.setWritingLanes (automationPass.writingLanes());
    if (showMixer)
        mixer->followAutomation (position, [this] (const session::StripRef& strip, const std::string& key) {
            return automationPass.heldValue (strip, key);
        });
}

void MainComponent::storeWrittenAutomation (int64_t position)
{
    const auto written = automationPass.end (position);
    if (document == nullptr)
        return;
    if (written.empty())
    {
        if (playback != nullptr)
            postToPlayback (document->session()); // the lanes play again
        return;
    }
    const auto name = written.size() == 1 ? std::string ("Write Automation")
                                          : "Write Automation (" + std::to_string (written.size()) + " lanes)";
    check (document->perform (name, [written] (session::SessionEditor& e) { return session::setAutomationLanes (e, written); }));
}
} // namespace sprocket::app
