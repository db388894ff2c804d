#include "MainComponent.h"

#include "Theme.h"

namespace sprocket::app
{
MainComponent::MainComponent()
{
    setOpaque (true);
    addAndMakeVisible (timeline);
    setSize (1600, 900);
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

    auto bar = getLocalBounds().removeFromBottom (statusBarHeight);
    g.setColour (theme::statusBarBackground);
    g.fillRect (bar);
    g.setColour (theme::laneSeparator.darker());
    g.fillRect (bar.withHeight (1));

    bar.reduce (12, 0);
    g.setFont (theme::uiFont (13.0f));
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
