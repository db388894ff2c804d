#pragma once

#include "core/SampleTime.h"
#include "dsp/FadeCurve.h"

#include <string>

namespace sprocket::session
{
struct Fade
{
    core::SampleDuration length;
    dsp::FadeShape shape = dsp::FadeShape::linear;

    bool operator== (const Fade&) const = default;
};

/** A region of a media file placed on a track. Plain value; edits go through commands. */
struct Clip
{
    std::string id;
    std::string name;
    std::string mediaId;
    core::SamplePosition position;     // where the clip starts on the timeline
    core::SampleDuration sourceOffset; // where in the media it starts reading
    core::SampleDuration length;
    double gainDb = 0.0;
    Fade fadeIn;
    Fade fadeOut;
    bool mute = false;

    core::SamplePosition end() const { return position + length; }
    core::SampleRange timelineRange() const { return { position, end() }; }
    bool operator== (const Clip&) const = default;
};
} // namespace sprocket::session
