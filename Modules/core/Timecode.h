#pragma once

#include "core/Error.h"
#include "core/FrameRate.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace sprocket::core
{
/** A SMPTE timecode label. It is a view of time, never the model's unit:
    the model counts samples. */
struct Timecode
{
    int hours = 0;
    int minutes = 0;
    int seconds = 0;
    int frames = 0;

    auto operator<=> (const Timecode&) const = default;
};

/** Frames in 24 hours of timecode at this rate (the count wraps there). */
int64_t framesPerDay (FrameRate rate) noexcept;

/** The frame count since 00:00:00:00 that the label names (drop-frame labels skip numbers). */
int64_t frameCountFromTimecode (const Timecode& tc, FrameRate rate) noexcept;

/** The label of a frame count; counts outside one day wrap. */
Timecode timecodeFromFrameCount (int64_t frameCount, FrameRate rate) noexcept;

/** "01:00:00:00", with ';' before the frames at drop-frame rates. */
std::string formatTimecode (const Timecode& tc, FrameRate rate);

/** Accepts "HH:MM:SS:FF" or "HH:MM:SS;FF" (either separator at any rate), rejecting
    fields out of range and the frame numbers drop-frame skips. */
Result<Timecode> parseTimecode (std::string_view text, FrameRate rate);

/** The same label at another rate, as an editor expects when a session's rate changes
    (01:00:00:00 stays 01:00:00:00). A label the new rate lacks becomes the nearest one it has:
    frames past the rate's last become the second's last frame, a number drop-frame skips the
    next frame that exists. */
Timecode relabelTimecode (const Timecode& tc, FrameRate to) noexcept;

/** The first sample at or after the start of a frame: ceil(frame * sampleRate / fps).
    Rounding up makes sample -> frame (floor) recover the frame exactly at every rate. */
int64_t samplesFromFrameCount (int64_t frameCount, FrameRate rate, int64_t sampleRate) noexcept;

/** The frame a sample falls in: floor(sample * fps / sampleRate). */
int64_t frameCountFromSamples (int64_t samples, FrameRate rate, int64_t sampleRate) noexcept;

/** Real elapsed samples since midnight at a timecode label, as a BWF time reference stores it. */
int64_t samplesSinceMidnight (const Timecode& tc, FrameRate rate, int64_t sampleRate) noexcept;
} // namespace sprocket::core
