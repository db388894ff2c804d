// Sample-level waveforms (issue 4): zoomed in past the finest peak level, a clip is drawn from
// its media's actual samples (a line through them, a dot on each from 6 pixels a sample, min/max
// per column in between), read by the SampleWindowCache on its thread while the peaks are drawn.
// Writes artefacts/edit-sample-level.png, edit-sample-level-2px.png and edit-sample-level-demo.png
// for people to look at.
#include "AppTestSupport.h"
#include "EditTestSupport.h"
#include "app/ClipPainter.h"
#include "app/SampleWindowCache.h"
#include "app/Snapshot.h"
#include "app/Theme.h"
#include "app/TimelineComponent.h"
#include "app/WaveformCache.h"
#include "io/AudioFileWriter.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
constexpr int64_t mediaFrames = 48000;
constexpr int64_t clipPosition = 48000;
// A repeating eight-sample pattern from frame 24000: values a line can be checked against.
constexpr int64_t patternStart = 24000;
constexpr float pattern[] = { 0.0f, 0.5f, 0.8f, 0.3f, -0.4f, -0.8f, -0.2f, 0.1f };
// Elsewhere silence, but for one impulse.
constexpr int64_t impulseFrame = 30000;
constexpr float impulse = 0.9f;

float sampleAt (int64_t frame)
{
    if (frame >= patternStart && frame < patternStart + 800)
        return pattern[(frame - patternStart) % 8];
    return frame == impulseFrame ? impulse : 0.0f;
}

/** A mono 48 kHz float WAV of `sampleAt`, exactly (float keeps every value). */
void writeTestMedia (const std::filesystem::path& file)
{
    io::WriteSpec spec;
    spec.sampleFormat = io::SampleFormat::float32;
    spec.channels = 1;
    spec.sampleRate = 48000;
    spec.expectedFrames = mediaFrames;
    auto writer = io::AudioFileWriter::create (file, spec);
    ASSERT_TRUE (writer.ok());
    std::vector<float> data (static_cast<size_t> (mediaFrames));
    for (int64_t f = 0; f < mediaFrames; ++f)
        data[size_t (f)] = sampleAt (f);
    const float* channels[] = { data.data() };
    ASSERT_TRUE (writer.value()->writePlanar (channels, mediaFrames).ok());
    ASSERT_TRUE (writer.value()->finish().ok());
}

/** One mono dialogue track with one clip of the whole file at 1 s. */
session::Session makeSession (const std::filesystem::path& folder)
{
    session::Session s;
    s.name = "Sample Level";
    s.sampleRate = 48000;
    s.filePath = folder / "samples.sprocket";
    s.media = { { "m1", "pattern.wav" } };
    s.buses.resize (1);
    s.buses[0].id = "DX";
    s.buses[0].name = "Dialogue";
    session::Track track;
    track.id = "t1";
    track.name = "DX 1";
    track.channels = 1;
    track.output = "DX";
    session::Clip clip;
    clip.id = "c1";
    clip.name = "Pattern";
    clip.mediaId = "m1";
    clip.position = { clipPosition };
    clip.length = { mediaFrames };
    track.clips.push_back (clip);
    s.tracks = { track };
    return s;
}

struct SampleFixture
{
    SampleFixture()
    {
        writeTestMedia (folder.path / "pattern.wav");
        session = makeSession (folder.path);
        cache.request (session);
        cache.waitUntilIdle(); // the peaks: sample level needs their rate and channel count
        timeline.setSize (1200, 260);
        timeline.setSession (session);
        timeline.setWaveforms (&cache);
    }

    ~SampleFixture() { timeline.setWaveforms (nullptr); }

    /** The lane geometry ClipPainter draws in: the clip's whole-pixel body under its name bar,
        one channel: sample v at centre - v * (height / 2 - 1). */
    float yOf (float value)
    {
        const auto exact = timeline.getClipBounds (0, 0);
        const float top = std::round (exact.getY()), bottom = std::round (exact.getBottom());
        const auto body = ClipPainter::bodyOf ({ 0.0f, top, 10.0f, bottom - top });
        return body.getCentreY() - value * (body.getHeight() * 0.5f - 1.0f);
    }

    /** The rows inside the clip body, its outline excluded. */
    std::pair<int, int> bodyRows()
    {
        const auto exact = timeline.getClipBounds (0, 0);
        const float top = std::round (exact.getY()), bottom = std::round (exact.getBottom());
        const auto body = ClipPainter::bodyOf ({ 0.0f, top, 10.0f, bottom - top });
        return { int (body.getY()) + 1, int (body.getBottom()) - 2 };
    }

    /** Media frame f (session sample clipPosition + f) is drawn at the edit cursor's x there. */
    float xOf (int64_t frame) const
    {
        const auto& scale = timeline.getScale();
        return scale.originX + float ((double (clipPosition + frame) - scale.viewStart) / scale.samplesPerPixel);
    }

    TemporaryFolder folder;
    session::Session session;
    WaveformCache cache { folder.path / "cache" };
    TimelineComponent timeline;
};

juce::Colour waveColour()
{
    return theme::colourForBus ("DX").brighter (0.55f);
}

juce::Colour dotColour()
{
    return waveColour().brighter (0.4f);
}

/** Rows of column x, between `top` and `bottom`, where the waveform is drawn: pixels much
    brighter than the clip body (the line and dots are a light bus colour). */
std::vector<int> litRows (const juce::Image& image, int x, int top, int bottom)
{
    const float threshold = theme::clipBodyFor (theme::colourForBus ("DX")).getBrightness() + 0.25f;
    std::vector<int> rows;
    for (int y = top; y < bottom; ++y)
        if (image.getPixelAt (x, y).getBrightness() > threshold)
            rows.push_back (y);
    return rows;
}
} // namespace

TEST (SampleWaveformTest, TheLinePassesThroughTheSamplesWithADotOnEach)
{
    SampleFixture f;
    // 10 pixels a sample: frame 24000 of the media at the lanes' left edge.
    f.timeline.setView (0.1, double (clipPosition + patternStart));
    ASSERT_DOUBLE_EQ (f.timeline.getScale().samplesPerPixel, 0.1);

    const auto before = paintToImage (f.timeline);
    EXPECT_EQ (f.cache.sampleWindows().pendingCount(), 1) << "the paint asked for the shown samples";
    f.cache.waitUntilIdle();
    EXPECT_EQ (f.cache.sampleWindows().windowCount(), 1);
    const auto image = paintToImage (f.timeline);
    ASSERT_TRUE (Snapshot::writePng (image, artefact ("edit-sample-level.png")).ok());

    const auto [top, bottom] = f.bodyRows();
    const int zeroRow = int (std::floor (f.yOf (0.0f)));
    for (int64_t frame = patternStart + 8; frame < patternStart + 24; ++frame)
    {
        const float x = f.xOf (frame);
        const float y = f.yOf (sampleAt (frame));
        SCOPED_TRACE ("frame " + std::to_string (frame) + " at x " + std::to_string (x) + ", y " + std::to_string (y));
        // The dot sits on the sample: opaque, a brighter tint of the waveform colour.
        const auto centre = image.getPixelAt (int (std::lround (x)), int (std::lround (y)));
        EXPECT_TRUE (near (centre, dotColour(), 8)) << centre.toString();

        // Half way to the next sample the line is half way between their rows, and nowhere else
        // in the column (the faint zero line aside): no dot there.
        const int midX = int (std::floor ((x + f.xOf (frame + 1)) * 0.5f));
        const float midY = (y + f.yOf (sampleAt (frame + 1))) * 0.5f;
        auto rows = litRows (image, midX, top, bottom);
        rows.erase (std::remove (rows.begin(), rows.end(), zeroRow), rows.end());
        ASSERT_FALSE (rows.empty());
        EXPECT_LE (std::abs (float (rows.front()) - midY), 6.0f);
        EXPECT_LE (std::abs (float (rows.back()) - midY), 6.0f);
        for (int row : rows)
            EXPECT_FALSE (near (image.getPixelAt (midX, row), dotColour(), 8)) << "row " << row;
    }

    // Before the samples arrived the finest peaks were drawn: one 256-sample block spans 2560
    // pixels, so every column is a bar from the block's min to its max (0.8 to -0.8 here).
    const int x = int (f.xOf (patternStart + 12)) + 5;
    const auto peakRows = litRows (before, x, top, bottom);
    ASSERT_FALSE (peakRows.empty());
    EXPECT_NEAR (peakRows.front(), f.yOf (0.8f), 2.0);
    EXPECT_NEAR (peakRows.back(), f.yOf (-0.8f), 2.0);
    EXPECT_GT (int (peakRows.size()), int (0.8f * (f.yOf (-0.8f) - f.yOf (0.8f))));
    EXPECT_LT (int (litRows (image, x, top, bottom).size()), int (peakRows.size()) / 4) << "a line, not a bar";
}

TEST (SampleWaveformTest, NoDotsBelowSixPixelsASample)
{
    SampleFixture f;
    f.timeline.setView (0.25, double (clipPosition + patternStart)); // 4 pixels a sample
    paintToImage (f.timeline);
    f.cache.waitUntilIdle();
    const auto image = paintToImage (f.timeline);

    int dots = 0;
    for (int64_t frame = patternStart + 8; frame < patternStart + 40; ++frame)
        if (near (image.getPixelAt (int (std::lround (f.xOf (frame))), int (std::lround (f.yOf (sampleAt (frame))))), dotColour(),
                  8))
            ++dots;
    EXPECT_EQ (dots, 0);
    // The line still passes through the samples.
    const auto [top, bottom] = f.bodyRows();
    int onLine = 0;
    for (int64_t frame = patternStart + 8; frame < patternStart + 40; ++frame)
    {
        const auto rows = litRows (image, int (std::lround (f.xOf (frame))), top, bottom);
        const float y = f.yOf (sampleAt (frame));
        if (std::any_of (rows.begin(), rows.end(), [&] (int row) { return std::abs (float (row) - y) <= 1.5f; }))
            ++onLine;
    }
    EXPECT_EQ (onLine, 32);
}

TEST (SampleWaveformTest, UnderThreePixelsASampleTheLineIsDrawnColumnByColumnThroughTheSamples)
{
    SampleFixture f;
    f.timeline.setView (0.5, double (clipPosition + patternStart)); // 2 pixels a sample
    paintToImage (f.timeline);
    f.cache.waitUntilIdle();
    const auto image = paintToImage (f.timeline);
    ASSERT_TRUE (Snapshot::writePng (image, artefact ("edit-sample-level-2px.png")).ok());
    const auto [top, bottom] = f.bodyRows();
    const int zeroRow = int (std::floor (f.yOf (0.0f)));
    for (int64_t frame = patternStart + 8; frame < patternStart + 72; ++frame)
    {
        // The column starting at the sample's x covers half a sample: the line from the
        // sample's row to half way to the next one's, and nothing beyond.
        const int x = int (std::lround (f.xOf (frame)));
        const float y = f.yOf (sampleAt (frame)), mid = (y + f.yOf (sampleAt (frame + 1))) * 0.5f;
        auto rows = litRows (image, x, top, bottom);
        if (std::abs (float (zeroRow) - y) > 1.5f && std::abs (float (zeroRow) - mid) > 1.5f)
            rows.erase (std::remove (rows.begin(), rows.end(), zeroRow), rows.end());
        SCOPED_TRACE ("frame " + std::to_string (frame));
        ASSERT_FALSE (rows.empty());
        EXPECT_NEAR (float (rows.front()), std::min (y, mid), 1.5f);
        EXPECT_NEAR (float (rows.back()), std::max (y, mid), 1.5f);
    }
}

TEST (SampleWaveformTest, BetweenThePeaksAndOneSampleAPixelColumnsShowTheirSamplesMinAndMax)
{
    SampleFixture f;
    // 8 samples a column, the impulse in the middle: the peaks would draw its whole 256-sample
    // block (32 columns) up to 0.9; the samples draw it in the one or two columns that hold it.
    f.timeline.setView (8.0, double (clipPosition + impulseFrame) - 400.0 * 8.0);
    const auto before = paintToImage (f.timeline);
    f.cache.waitUntilIdle();
    const auto image = paintToImage (f.timeline);

    const auto [top, bottom] = f.bodyRows();
    const int peakRow = int (std::floor (f.yOf (impulse)));
    const int impulseX = int (std::floor (f.xOf (impulseFrame)));
    const auto reaches = [&] (const juce::Image& img, int x) {
        const auto rows = litRows (img, x, top, bottom);
        return ! rows.empty() && std::abs (rows.front() - peakRow) <= 1;
    };
    EXPECT_TRUE (reaches (image, impulseX));
    int columns = 0, columnsBefore = 0;
    for (int x = impulseX - 40; x <= impulseX + 40; ++x)
    {
        columns += reaches (image, x) ? 1 : 0;
        columnsBefore += reaches (before, x) ? 1 : 0;
    }
    EXPECT_LE (columns, 2);
    EXPECT_GE (columnsBefore, 30) << "the fallback was the 256-sample peaks";
}

TEST (SampleWaveformTest, ClipGainScalesTheSamplesAsItScalesThePeaks)
{
    SampleFixture f;
    // +6 dB doubles the samples, and those over full scale are clamped to the lane's edge.
    f.session.tracks[0].clips[0].gainDb = 20.0 * std::log10 (2.0);
    f.timeline.updateSession (f.session, {});
    f.timeline.setView (0.1, double (clipPosition + patternStart));
    paintToImage (f.timeline);
    f.cache.waitUntilIdle();
    const auto image = paintToImage (f.timeline);
    for (int64_t frame = patternStart + 8; frame < patternStart + 16; ++frame)
    {
        const float value = std::clamp (2.0f * sampleAt (frame), -1.0f, 1.0f);
        // The dot's upper middle: at full scale its lower half is outside the clip's rounded body.
        const auto pixel = image.getPixelAt (int (std::lround (f.xOf (frame))), int (std::lround (f.yOf (value))) - 1);
        EXPECT_TRUE (near (pixel, dotColour(), 8)) << "frame " << frame << ": " << pixel.toString();
    }
}

TEST (SampleWaveformTest, ZoomReachesSixteenPixelsASample)
{
    SampleFixture f;
    f.timeline.setView (1000.0, double (clipPosition));
    for (int i = 0; i < 40; ++i)
        f.timeline.zoomStep (true);
    EXPECT_DOUBLE_EQ (f.timeline.getScale().samplesPerPixel, 1.0 / 16.0);
    f.timeline.setView (0.001, double (clipPosition));
    EXPECT_DOUBLE_EQ (f.timeline.getScale().samplesPerPixel, 1.0 / 16.0);
}

TEST (SampleWaveformTest, ScreenshotOfADemoLineAtSampleLevel)
{
    EditFixture f;
    f.main.enableWaveforms (f.demo.folder.path / "cache");
    f.main.getWaveforms()->waitUntilIdle();
    // DX 1's first line, 0.3 s in, at 8 pixels a sample: a dialogue editor looking for a
    // zero crossing.
    const auto& clip = f.session().tracks[0].clips[0];
    f.timeline().setView (0.125, double (clip.position.samples) + 0.3 * 48000.0);
    paintToImage (f.main);
    f.main.getWaveforms()->waitUntilIdle();
    EXPECT_GE (f.main.getWaveforms()->sampleWindows().windowCount(), 1);
    ASSERT_TRUE (Snapshot::writePng (paintToImage (f.main), artefact ("edit-sample-level-demo.png")).ok());
}

// The cache on its own ---------------------------------------------------------------------

TEST (SampleWindowCacheTest, AWindowIsTheRequestWidenedAndAligned)
{
    const auto w = SampleWindowCache::windowFor (10000, 10100);
    EXPECT_EQ (w.start.samples, 4096); // 10000 - 4096 (the least margin), down to a multiple of 4096
    EXPECT_EQ (w.end.samples, 16384);  // 10100 + 4096, up to a multiple
    const auto wide = SampleWindowCache::windowFor (100000, 200000);
    EXPECT_EQ (wide.start.samples, 49152); // half the length each side: 50000, aligned down
    EXPECT_EQ (wide.end.samples, 253952);  // 250000, aligned up
    const auto atStart = SampleWindowCache::windowFor (0, 10);
    EXPECT_EQ (atStart.start.samples, 0);
    EXPECT_EQ (atStart.end.samples, 8192);
}

TEST (SampleWindowCacheTest, ReadsOnItsThreadAndHoldsTheFilesSamples)
{
    TemporaryFolder folder;
    const auto file = folder.path / "pattern.wav";
    writeTestMedia (file);
    SampleWindowCache cache;
    int updates = 0;
    cache.onUpdate = [&] { ++updates; };
    EXPECT_EQ (cache.find (file, 1, patternStart, patternStart + 100), nullptr);
    EXPECT_EQ (cache.find (file, 1, patternStart + 10, patternStart + 90), nullptr) << "already on its way";
    EXPECT_EQ (cache.pendingCount(), 1);
    cache.waitUntilIdle();
    EXPECT_EQ (updates, 1);
    const auto* window = cache.find (file, 1, patternStart, patternStart + 100);
    ASSERT_NE (window, nullptr);
    EXPECT_EQ (window->channels, 1);
    EXPECT_TRUE (window->holds (patternStart, patternStart + 100));
    for (int64_t frame = patternStart; frame < patternStart + 100; ++frame)
        EXPECT_EQ (window->channel (0)[frame - window->start], sampleAt (frame));
    // A column's min and max come from the window's 16-frame blocks and the frames at its ends.
    for (auto [from, to] :
         { std::pair<int64_t, int64_t> { 24003, 24003 }, { 24001, 24014 }, { 23990, 24107 }, { 24016, 24031 }, { 17000, 28000 } })
    {
        float low = sampleAt (from), high = low;
        for (auto frame = from; frame <= to; ++frame)
        {
            low = std::min (low, sampleAt (frame));
            high = std::max (high, sampleAt (frame));
        }
        const auto held = cache.find (file, 1, from, to + 1);
        ASSERT_NE (held, nullptr);
        EXPECT_EQ (held->range (0, from, to), std::make_pair (low, high)) << from << ".." << to;
    }
    EXPECT_EQ (cache.find (file, 1, 40000, 40100), nullptr) << "outside the window: another read";
    EXPECT_EQ (cache.pendingCount(), 1);
}

TEST (SampleWindowCacheTest, TheLeastRecentlyUsedWindowGoesFirst)
{
    TemporaryFolder folder;
    const auto file = folder.path / "pattern.wav";
    writeTestMedia (file);
    SampleWindowCache::Limits limits;
    limits.maxWindows = 2;
    SampleWindowCache cache (limits);
    const int64_t a = 1000, b = 20000, c = 40000; // far enough apart for three windows
    for (auto from : { a, b })
    {
        cache.beginPass();
        cache.find (file, 1, from, from + 100);
        cache.waitUntilIdle();
    }
    cache.beginPass();
    ASSERT_NE (cache.find (file, 1, a, a + 100), nullptr); // a is used again: b is now the oldest
    cache.beginPass();
    cache.find (file, 1, c, c + 100);
    cache.waitUntilIdle();
    EXPECT_EQ (cache.windowCount(), 2);
    cache.beginPass();
    EXPECT_NE (cache.find (file, 1, a, a + 100), nullptr);
    EXPECT_NE (cache.find (file, 1, c, c + 100), nullptr);
    EXPECT_EQ (cache.pendingCount(), 0);
    EXPECT_EQ (cache.find (file, 1, b, b + 100), nullptr) << "b was evicted";
}

TEST (SampleWindowCacheTest, ARequestThatWouldEvictAWindowInUseIsNotMade)
{
    TemporaryFolder folder;
    const auto file = folder.path / "pattern.wav";
    writeTestMedia (file);
    SampleWindowCache::Limits limits;
    limits.maxWindows = 2;
    SampleWindowCache cache (limits);
    for (int64_t from : { 1000, 20000 })
    {
        cache.find (file, 1, from, from + 100);
        cache.waitUntilIdle();
    }
    cache.beginPass(); // one paint showing three stretches: two are held, the third does not fit
    ASSERT_NE (cache.find (file, 1, 1000, 1100), nullptr);
    ASSERT_NE (cache.find (file, 1, 20000, 20100), nullptr);
    EXPECT_EQ (cache.find (file, 1, 40000, 40100), nullptr);
    EXPECT_EQ (cache.pendingCount(), 0) << "the third clip keeps its peaks; nothing is read in a loop";

    // The byte limit works the same way: room for one window of this size only.
    SampleWindowCache::Limits small;
    const auto one = SampleWindowCache::windowFor (10000, 10100);
    ASSERT_EQ (one.length(), SampleWindowCache::windowFor (30000, 30100).length());
    small.maxBytes = SampleWindow::bytesFor (one.length().samples, 1);
    SampleWindowCache bytes (small);
    bytes.find (file, 1, 10000, 10100);
    bytes.waitUntilIdle();
    EXPECT_EQ (bytes.bytesHeld(), small.maxBytes);
    bytes.beginPass();
    ASSERT_NE (bytes.find (file, 1, 10000, 10100), nullptr);
    EXPECT_EQ (bytes.find (file, 1, 30000, 30100), nullptr);
    EXPECT_EQ (bytes.pendingCount(), 0);
    bytes.beginPass(); // the next paint no longer shows the first: the second replaces it
    EXPECT_EQ (bytes.find (file, 1, 30000, 30100), nullptr);
    EXPECT_EQ (bytes.pendingCount(), 1);
    bytes.waitUntilIdle();
    EXPECT_EQ (bytes.windowCount(), 1);
    EXPECT_EQ (bytes.bytesHeld(), small.maxBytes);
    EXPECT_NE (bytes.find (file, 1, 30000, 30100), nullptr);
}

TEST (SampleWindowCacheTest, AnUnreadableFileIsAskedForOnce)
{
    TemporaryFolder folder;
    SampleWindowCache cache;
    const auto missing = folder.path / "missing.wav";
    EXPECT_EQ (cache.find (missing, 1, 0, 100), nullptr);
    EXPECT_EQ (cache.pendingCount(), 1);
    cache.waitUntilIdle();
    EXPECT_EQ (cache.find (missing, 1, 0, 100), nullptr);
    EXPECT_EQ (cache.pendingCount(), 0);
    EXPECT_EQ (cache.windowCount(), 0);
}
