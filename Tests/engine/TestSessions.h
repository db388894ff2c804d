#pragma once

#include "engine/MediaSource.h"
#include "session/Session.h"

#include <cmath>
#include <numbers>
#include <vector>

namespace sprocket::test
{
/** Media held in memory, one vector per channel, indexed like the session's media pool. */
class MemoryMediaSource final : public engine::MediaSource
{
public:
    std::vector<std::vector<std::vector<float>>> media; // [media][channel][frame]

    int64_t read (int, int mediaIndex, int64_t start, float* const* dest, int channels, int n) noexcept override
    {
        int64_t supplied = 0;
        for (int c = 0; c < channels; ++c)
        {
            const auto& samples = media[size_t (mediaIndex)][size_t (c)];
            supplied = 0;
            for (int i = 0; i < n; ++i)
            {
                const int64_t frame = start + i;
                const bool inside = frame >= 0 && frame < int64_t (samples.size());
                dest[c][i] = inside ? samples[size_t (frame)] : 0.0f;
                supplied += inside ? 1 : 0;
            }
        }
        return supplied;
    }
};

inline std::vector<float> sine (double frequency, double amplitude, int64_t frames, double rate = 48000.0)
{
    std::vector<float> samples (static_cast<size_t> (frames));
    for (int64_t i = 0; i < frames; ++i)
        samples[size_t (i)] = float (amplitude * std::sin (2.0 * std::numbers::pi * frequency * double (i) / rate));
    return samples;
}

inline std::vector<float> noise (int64_t frames, uint32_t seed)
{
    std::vector<float> samples (static_cast<size_t> (frames));
    uint32_t state = seed;
    for (auto& s : samples)
    {
        state = state * 1664525u + 1013904223u;
        s = float (int32_t (state)) / 2147483648.0f * 0.5f;
    }
    return samples;
}

/** A session with one bus "B" to a stereo master and no tracks yet. */
inline session::Session emptySession()
{
    session::Session s;
    s.name = "Test";
    s.sampleRate = 48000;
    s.buses.push_back ({ "B", "Bus", 2, 0.0, session::masterOutputId, {}, {} });
    return s;
}

inline session::Clip clip (std::string id, std::string media, int64_t position, int64_t length, int64_t offset = 0)
{
    session::Clip c;
    c.id = std::move (id);
    c.mediaId = std::move (media);
    c.position = { position };
    c.length = { length };
    c.sourceOffset = { offset };
    return c;
}

inline session::Track track (std::string id, int channels, std::string output = "B")
{
    session::Track t;
    t.id = std::move (id);
    t.channels = channels;
    t.output = std::move (output);
    return t;
}
} // namespace sprocket::test
