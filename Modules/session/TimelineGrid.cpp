#include "session/TimelineGrid.h"

#include <cmath>

namespace sprocket::session
{
namespace
{
    int64_t startFrame (const Session& s)
    {
        return core::frameCountFromTimecode (s.startTimecode, s.frameRate);
    }

    /** Sample of the start of frame `frame` counted from midnight, relative to the session start. */
    int64_t frameStart (const Session& s, int64_t frame)
    {
        return core::samplesFromFrameCount (frame, s.frameRate, s.sampleRate)
               - core::samplesFromFrameCount (startFrame (s), s.frameRate, s.sampleRate);
    }

    int64_t frameOf (const Session& s, core::SamplePosition position)
    {
        const auto absolute = position.samples + core::samplesFromFrameCount (startFrame (s), s.frameRate, s.sampleRate);
        return core::frameCountFromSamples (absolute, s.frameRate, s.sampleRate);
    }
} // namespace

core::SamplePosition snapToFrame (const Session& session, core::SamplePosition position)
{
    const auto frame = frameOf (session, position);
    const auto before = frameStart (session, frame);
    const auto after = frameStart (session, frame + 1);
    return { position.samples - before < after - position.samples ? before : after };
}

core::SamplePosition nudgeByFrames (const Session& session, core::SamplePosition position, int64_t frames)
{
    const auto frame = frameOf (session, position);
    const auto offset = position.samples - frameStart (session, frame);
    return { frameStart (session, frame + frames) + offset };
}

const std::vector<NudgeValue>& nudgeValues()
{
    using Unit = NudgeValue::Unit;
    static const std::vector<NudgeValue> values {
        { Unit::samples, 1.0, "1 sample" },         { Unit::samples, 10.0, "10 samples" },
        { Unit::milliseconds, 1.0, "1 ms" },        { Unit::milliseconds, 10.0, "10 ms" },
        { Unit::frameFraction, 0.25, "1/4 frame" }, { Unit::frameFraction, 0.5, "1/2 frame" },
        { Unit::frames, 1.0, "1 frame" },           { Unit::frames, 5.0, "5 frames" }
    };
    return values;
}

core::SamplePosition nudgeBy (const Session& session, core::SamplePosition position, const NudgeValue& value, int direction)
{
    const auto ratio = core::frameRatio (session.frameRate);
    switch (value.unit)
    {
        case NudgeValue::Unit::frames:
            return nudgeByFrames (session, position, direction * int64_t (std::llround (value.amount)));
        case NudgeValue::Unit::frameFraction:
        {
            const double samplesPerFrame = double (session.sampleRate) * double (ratio.denominator) / double (ratio.numerator);
            return { position.samples + direction * int64_t (std::llround (value.amount * samplesPerFrame)) };
        }
        case NudgeValue::Unit::samples:
            return { position.samples + direction * int64_t (std::llround (value.amount)) };
        case NudgeValue::Unit::milliseconds:
            return { position.samples
                     + direction * int64_t (std::llround (value.amount * double (session.sampleRate) / 1000.0)) };
    }
    return position;
}

core::Result<core::SamplePosition> timelinePosition (const Session& session, const core::Timecode& timecode)
{
    const auto frame = core::frameCountFromTimecode (timecode, session.frameRate);
    const auto position = frameStart (session, frame);
    if (position < 0)
        return core::makeError (core::formatTimecode (timecode, session.frameRate) + " is before the session start ("
                                + core::formatTimecode (session.startTimecode, session.frameRate) + ")");
    return core::SamplePosition { position };
}

core::Timecode timecodeAt (const Session& session, core::SamplePosition position)
{
    return core::timecodeFromFrameCount (frameOf (session, position), session.frameRate);
}

int64_t sessionStartSinceMidnight (const Session& session)
{
    return core::samplesSinceMidnight (session.startTimecode, session.frameRate, session.sampleRate);
}
} // namespace sprocket::session
