#include "TestSessions.h"

#include "engine/ClipRenderer.h"
#include "engine/MixEngine.h"
#include "engine/PlanCompiler.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
std::vector<float> renderLeft (const session::Session& s, engine::MediaSource& media, int64_t length)
{
    const auto plan = engine::compilePlan (s);
    engine::MixEngine mixer;
    mixer.prepare (plan, 256);
    engine::MediaTrackSource mixerTracks (media, 256);
    std::vector<float> out;
    for (int64_t pos = 0; pos < length; pos += 256)
    {
        const int n = int (std::min<int64_t> (256, length - pos));
        mixer.process (pos, n, mixerTracks);
        out.insert (out.end(), mixer.masterOutput()[0], mixer.masterOutput()[0] + n);
    }
    return out;
}

double power (const std::vector<float>& x, size_t from, size_t to)
{
    double sum = 0.0;
    for (size_t i = from; i < to; ++i)
        sum += double (x[i]) * double (x[i]);
    return sum / double (to - from);
}
} // namespace

TEST (FadeAndCrossfadeTest, EachFadeShapeFollowsItsFormula)
{
    for (auto shape : { dsp::FadeShape::linear, dsp::FadeShape::equalPower, dsp::FadeShape::sCurve })
    {
        auto s = emptySession();
        s.media.push_back ({ "dc", "dc.wav" });
        auto t = track ("t", 2);
        auto c = clip ("c", "dc", 100, 3000);
        c.fadeIn = { { 1000 }, shape };
        c.fadeOut = { { 800 }, shape };
        t.clips.push_back (c);
        s.tracks.push_back (t);
        MemoryMediaSource media;
        media.media.push_back ({ std::vector<float> (3000, 1.0f), std::vector<float> (3000, 1.0f) });

        auto out = renderLeft (s, media, 3200);
        for (int k = 0; k < 1000; ++k) // fade-in: g(k / L) from the clip's first sample
            ASSERT_NEAR (out[size_t (100 + k)], dsp::fadeGain (shape, k / 1000.0), 1e-6)
                << dsp::fadeShapeName (shape) << " in " << k;
        for (int k = 0; k < 800; ++k) // fade-out: g((end - s) / L)
        {
            const int64_t sample = 3100 - 800 + k;
            ASSERT_NEAR (out[size_t (sample)], dsp::fadeGain (shape, (3100 - sample) / 800.0), 1e-6)
                << dsp::fadeShapeName (shape) << " out " << k;
        }
        EXPECT_EQ (out[1500], 1.0f);
        EXPECT_EQ (out[3100], 0.0f);
    }
    // Spot values of the formulas themselves.
    EXPECT_NEAR (dsp::fadeGain (dsp::FadeShape::equalPower, 0.5), std::sqrt (0.5), 1e-12);
    EXPECT_NEAR (dsp::fadeGain (dsp::FadeShape::sCurve, 0.25), 0.5 - 0.5 * std::cos (std::numbers::pi * 0.25), 1e-12);
    EXPECT_EQ (dsp::fadeGain (dsp::FadeShape::linear, 0.3), 0.3);
}

TEST (FadeAndCrossfadeTest, LinearCrossfadeOfIdenticalClipsIsTransparent)
{
    // Correlated material (the same media, contiguous): a linear crossfade sums to unity gain.
    auto s = emptySession();
    s.media.push_back ({ "m", "m.wav" });
    auto t = track ("t", 2);
    auto a = clip ("a", "m", 0, 6000);
    a.fadeOut = { { 2000 }, dsp::FadeShape::linear };
    auto b = clip ("b", "m", 4000, 6000, 4000); // overlaps a's last 2000 samples, same source time
    b.fadeIn = { { 2000 }, dsp::FadeShape::linear };
    t.clips = { a, b };
    s.tracks.push_back (t);
    MemoryMediaSource media;
    const auto source = sine (440.0, 0.5, 10000);
    media.media.push_back ({ source, source });

    auto out = renderLeft (s, media, 10000);
    for (size_t i = 0; i < 10000; ++i)
        ASSERT_NEAR (out[i], source[i], 1e-6) << i;
}

TEST (FadeAndCrossfadeTest, EqualPowerCrossfadeOfUncorrelatedClipsKeepsThePower)
{
    auto s = emptySession();
    s.media.push_back ({ "n1", "n1.wav" });
    s.media.push_back ({ "n2", "n2.wav" });
    auto t = track ("t", 2);
    auto a = clip ("a", "n1", 0, 96000);
    a.fadeOut = { { 48000 }, dsp::FadeShape::equalPower };
    auto b = clip ("b", "n2", 48000, 96000);
    b.fadeIn = { { 48000 }, dsp::FadeShape::equalPower };
    t.clips = { a, b };
    s.tracks.push_back (t);
    MemoryMediaSource media;
    const auto n1 = noise (96000, 1), n2 = noise (96000, 2);
    media.media.push_back ({ n1, n1 });
    media.media.push_back ({ n2, n2 });

    auto out = renderLeft (s, media, 144000);
    const double before = power (out, 0, 48000);
    const double during = power (out, 48000, 96000);
    const double after = power (out, 96000, 144000);
    // Statistically equal: within 0.2 dB (a linear crossfade would dip 1.76 dB here).
    EXPECT_NEAR (10.0 * std::log10 (during / before), 0.0, 0.2);
    EXPECT_NEAR (10.0 * std::log10 (during / after), 0.0, 0.2);

    // The same crossfade made linear dips, which is why the shapes differ.
    s.tracks[0].clips[0].fadeOut.shape = dsp::FadeShape::linear;
    s.tracks[0].clips[1].fadeIn.shape = dsp::FadeShape::linear;
    auto linear = renderLeft (s, media, 144000);
    EXPECT_NEAR (10.0 * std::log10 (power (linear, 48000, 96000) / before), -1.76, 0.2);
}
