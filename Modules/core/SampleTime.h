#pragma once

#include <algorithm>
#include <compare>
#include <cstdint>

namespace sprocket::core
{
/** A length of time in samples at the session rate. */
struct SampleDuration
{
    int64_t samples = 0;

    constexpr auto operator<=> (const SampleDuration&) const = default;
    constexpr SampleDuration operator+ (SampleDuration o) const { return { samples + o.samples }; }
    constexpr SampleDuration operator- (SampleDuration o) const { return { samples - o.samples }; }
};

/** A point on the timeline in samples, 0 being the session start timecode.
    Position + position does not compile: only durations add to positions. */
struct SamplePosition
{
    int64_t samples = 0;

    constexpr auto operator<=> (const SamplePosition&) const = default;
    constexpr SamplePosition operator+ (SampleDuration d) const { return { samples + d.samples }; }
    constexpr SamplePosition operator- (SampleDuration d) const { return { samples - d.samples }; }
    constexpr SampleDuration operator- (SamplePosition o) const { return { samples - o.samples }; }
};

/** A half-open range [start, end) on the timeline. */
struct SampleRange
{
    SamplePosition start;
    SamplePosition end;

    constexpr SampleDuration length() const { return end - start; }
    constexpr bool isEmpty() const { return end <= start; }
    constexpr bool contains (SamplePosition p) const { return p >= start && p < end; }
    constexpr bool overlaps (SampleRange o) const { return start < o.end && o.start < end; }
    constexpr SampleRange intersection (SampleRange o) const
    {
        const auto s = std::max (start, o.start);
        return { s, std::max (s, std::min (end, o.end)) };
    }
    constexpr auto operator<=> (const SampleRange&) const = default;
};
} // namespace sprocket::core
