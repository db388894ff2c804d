#include "MovieRateQuestion.h"

namespace sprocket::app
{
namespace
{
    juce::String rateName (core::FrameRate rate)
    {
        return juce::String (std::string (core::frameRateName (rate)));
    }
} // namespace

juce::String MovieRateQuestion::text (const video::MovieInfo& movie, core::FrameRate sessionRate)
{
    const auto session = rateName (sessionRate);
    return juce::String (movie.path.filename().string()) + " runs at " + movie.frameRateText() + " fps and the session at "
           + session + " fps.\n\n"
           + "Change the session's rate: every clip, marker and cue stays where it is in time, and the timecodes they "
             "read change.\n"
           + "Conform the movie: its frames play one for one at " + session
           + " fps (a pull-up or pull-down), so it runs at a slightly different speed than it was made.";
}

std::vector<MovieRateQuestion::Answer> MovieRateQuestion::answers (const video::MovieInfo& movie, core::FrameRate sessionRate)
{
    std::vector<Answer> list;
    if (movie.frameRate)
        list.push_back ({ "Change Session to " + rateName (*movie.frameRate) + " fps", changeSessionRate });
    list.push_back ({ "Conform Movie to " + rateName (sessionRate) + " fps", conform });
    list.push_back ({ "Cancel", cancel });
    return list;
}

std::unique_ptr<juce::AlertWindow> MovieRateQuestion::makeWindow (const video::MovieInfo& movie, core::FrameRate sessionRate,
                                                                  juce::Component* associated)
{
    auto window = std::make_unique<juce::AlertWindow> ("Movie Frame Rate", text (movie, sessionRate),
                                                       juce::MessageBoxIconType::QuestionIcon, associated);
    for (auto& answer : answers (movie, sessionRate))
        window->addButton (answer.button, answer.result,
                           answer.result == cancel ? juce::KeyPress (juce::KeyPress::escapeKey) : juce::KeyPress());
    return window;
}
} // namespace sprocket::app
