#pragma once

#include "SessionLoader.h"
#include "TimelineComponent.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace sprocket::app
{
/** The main window's content: the timeline above a one-line status bar
    (session, timebase, media state). Also what --snapshot renders. [[message thread]] */
class MainComponent final : public juce::Component
{
public:
    MainComponent();

    void showDocument (const DisplaySession& document);
    void showNothing();

    TimelineComponent& getTimeline() noexcept { return timeline; }
    juce::String getStatusText() const;
    juce::String getMediaStatusText() const;

    static constexpr int statusBarHeight = 26;

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    TimelineComponent timeline;
    bool hasDocument = false;
    size_t offlineCount = 0;
    size_t otherMediaProblems = 0;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MainComponent)
};
} // namespace sprocket::app
