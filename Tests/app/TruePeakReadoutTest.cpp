// The mixer strips' true-peak read-out and clip light (issue 5): a strip fed the meters' reading
// of a known signal shows its true peak in dBTP and lights its clip light on a true peak over
// 0 dBTP with every sample below full scale; a click on the read-out resets it. Writes
// <build>/Tests/app/artefacts/mixer-true-peak.png for people to look at.
#include "EditTestSupport.h"

#include "app/DbScale.h"
#include "app/MixerView.h"
#include "app/Snapshot.h"
#include "core/Decibels.h"
#include "dsp/TruePeakMeter.h"
#include "engine/MeterBank.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;
using session::StripRef;

namespace
{
/** A sine at a quarter of the rate, 45 degrees in: every sample is at 1 / sqrt 2 of the crest,
    and the crests fall halfway between samples. */
std::vector<float> quarterRateSine (int frames, double amplitude)
{
    std::vector<float> x (static_cast<size_t> (frames));
    for (int n = 0; n < frames; ++n)
        x[size_t (n)] = float (amplitude * std::sin (std::numbers::pi / 2.0 * n + std::numbers::pi / 4.0));
    return x;
}

/** What the 4x filter reads of that sine's crest per unit amplitude: its half-sample phase's gain
    at a quarter of the rate (12 taps a phase at 48 kHz), 0.9962 (-0.033 dB). */
double halfSampleGainAtQuarterRate()
{
    const auto h = dsp::TruePeakMeter::prototype (12);
    std::complex<double> sum;
    for (int t = 0; t < 12; ++t)
        sum += h[size_t (2 + dsp::TruePeakMeter::oversampling * t)] * std::polar (1.0, -std::numbers::pi / 2.0 * t);
    return std::abs (sum);
}

/** The engine's meters' reading of a strip playing `x` (mono), past its onset, as the mixer gets
    it from Playback::takeStripPeaks. */
StripLevels meteredLevels (const std::vector<float>& x)
{
    engine::MeterBank bank (1, 0);
    for (size_t at = 0; at < x.size(); at += 480)
    {
        if (at == 480)
            bank.readTrack (0); // the onset is a step from silence, which overshoots
        const float* channels[] = { x.data() + at };
        bank.measureTrack (0, channels, 1, 480, 1.0f, 48000.0);
    }
    const auto reading = bank.readTrack (0);
    return { { reading.peak[0] }, { reading.truePeak[0] } };
}

struct MixerFixture : EditFixture
{
    MixerFixture()
    {
        EXPECT_TRUE (press (juce::KeyPress ('=', ctrl, 0)));
        EXPECT_TRUE (main.isShowingMixer());
    }

    ChannelStrip& strip (const StripRef& ref)
    {
        auto* found = main.getMixer().findStrip (ref);
        EXPECT_NE (found, nullptr);
        return *found;
    }

    /** Every strip silent but the track `id`, which gets `levels`. */
    void feed (const std::string& id, const StripLevels& levels)
    {
        MixerLevels all;
        all.tracks.resize (session().tracks.size(), { { 0.0f }, { 0.0f } });
        all.buses.resize (session().buses.size(), { { 0.0f, 0.0f }, { 0.0f, 0.0f } });
        for (size_t t = 0; t < session().tracks.size(); ++t)
            if (session().tracks[t].id == id)
                all.tracks[t] = levels;
        main.getMixer().setLevels (all);
    }
};
} // namespace

TEST (TruePeakReadout, ShowsTheTruePeakAndClipsOnItAlone)
{
    MixerFixture f;
    auto& strip = f.strip (StripRef::track ("t1"));
    ASSERT_EQ (strip.getInfo().channels, 1);
    EXPECT_EQ (strip.getTruePeakText(), "-inf"); // nothing has sounded
    EXPECT_FALSE (strip.getMeter().isClipped());

    // 0.9 of full scale: samples at -3.93 dBFS, crests at -0.95 dBTP: no clip.
    const auto quiet = meteredLevels (quarterRateSine (9600, 0.9));
    f.feed ("t1", quiet);
    const double quietDbtp = core::dbFromGain (0.9 * halfSampleGainAtQuarterRate());
    EXPECT_NEAR (core::dbFromGain (quiet.truePeak[0]), quietDbtp, 1e-4);
    EXPECT_EQ (strip.getTruePeakText(), juce::String (DbScale::format (quietDbtp))); // "-0.9"
    EXPECT_FALSE (strip.getMeter().isClipped());

    // 1.2: every sample at 0.85 (-1.43 dBFS), under full scale, but the crests reach +1.55 dBTP:
    // the clip light lights from the true peak alone, and the read-out holds the highest.
    const auto hot = meteredLevels (quarterRateSine (9600, 1.2));
    ASSERT_LT (hot.peak[0], 1.0f);
    f.feed ("t1", hot);
    const double hotDbtp = core::dbFromGain (1.2 * halfSampleGainAtQuarterRate());
    EXPECT_EQ (strip.getTruePeakText(), juce::String (DbScale::format (hotDbtp))); // "+1.6"
    EXPECT_TRUE (strip.getMeter().isClipped());
    f.feed ("t1", quiet);
    EXPECT_EQ (strip.getTruePeakText(), juce::String (DbScale::format (hotDbtp))); // held
    // Other strips saw silence.
    EXPECT_EQ (f.strip (StripRef::track ("t2")).getTruePeakText(), "-inf");
    EXPECT_FALSE (f.strip (StripRef::master()).getMeter().isClipped());

    f.main.getMixer().getViewport().setViewPosition (0, 0);
    ASSERT_TRUE (Snapshot::writePng (paintToImage (f.main), artefact ("mixer-true-peak.png")).ok());

    // A click on the read-out resets it; the clip light stays until it is clicked itself.
    const auto box = strip.getTruePeakReadoutArea().toFloat().getCentre();
    const auto held = juce::ModifierKeys().withFlags (juce::ModifierKeys::leftButtonModifier);
    strip.mouseDown (mouseEvent (strip, box, box, held));
    strip.mouseUp (mouseEvent (strip, box, box, {}));
    EXPECT_EQ (strip.getTruePeakText(), "-inf");
    EXPECT_TRUE (strip.getMeter().isClipped());
    f.feed ("t1", quiet);
    EXPECT_EQ (strip.getTruePeakText(), juce::String (DbScale::format (quietDbtp)));
}

TEST (TruePeakReadout, FitsBesideTheGainReadOut)
{
    MixerFixture f;
    auto& strip = f.strip (StripRef::track ("t1"));
    EXPECT_EQ (strip.getWidth(), ChannelStrip::width);
    const auto gain = strip.getGainReadoutArea(), peak = strip.getTruePeakReadoutArea();
    EXPECT_FALSE (gain.intersects (peak));
    EXPECT_GE (peak.getWidth(), 36); // "-12.5" in the 10 px monospaced font
    EXPECT_GE (gain.getWidth(), 36);
    EXPECT_LE (peak.getRight(), strip.getWidth());
}
