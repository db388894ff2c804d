#pragma once

#include "core/FrameRate.h"
#include "video/MovieInfo.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <vector>

namespace sprocket::app
{
/** The question File > Import Movie asks about a movie at another picture rate: what each
    answer does, with the buttons "Change Session to <movie's rate> fps" (result 1; absent when
    the movie's rate is no timecode rate), "Conform Movie to <session's rate> fps" (2) and Cancel
    (0, Escape). Built here, shown modally by the caller. */
struct MovieRateQuestion
{
    static constexpr int changeSessionRate = 1, conform = 2, cancel = 0;

    struct Answer
    {
        juce::String button;
        int result;
    };

    static juce::String text (const video::MovieInfo& movie, core::FrameRate sessionRate);
    static std::vector<Answer> answers (const video::MovieInfo& movie, core::FrameRate sessionRate);
    static std::unique_ptr<juce::AlertWindow> makeWindow (const video::MovieInfo& movie, core::FrameRate sessionRate,
                                                          juce::Component* associated);
};
} // namespace sprocket::app
