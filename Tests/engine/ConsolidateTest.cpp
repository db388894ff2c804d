#include "TestSessions.h"
#include "support/TempFolder.h"
#include "support/TestAudioFiles.h"

#include "core/Decibels.h"
#include "engine/ClipRenderer.h"
#include "engine/Consolidate.h"
#include "engine/FileMediaSource.h"
#include "engine/PlanCompiler.h"
#include "io/AudioFileInfo.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"
#include "session/EditHistory.h"
#include "session/SessionJson.h"
#include "session/SessionValidator.h"
#include "session/TimelineGrid.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::test;

namespace
{
/** The clip stage of track 0 over [from, from + n), as the engine plays it. */
std::vector<float> clipStage (const session::Session& s, int64_t from, int n)
{
    const auto plan = engine::compilePlan (s);
    engine::FileMediaSource files (plan);
    EXPECT_TRUE (files.openAll());
    engine::ClipRenderer renderer;
    renderer.prepare (n);
    std::vector<float> out (static_cast<size_t> (n), 0.0f);
    float* pointers[] = { out.data() };
    renderer.render (plan.tracks[0], 0, from, n, files, pointers);
    return out;
}
} // namespace

TEST (ConsolidateTest, RendersFadesAndClipGainIntoOneNewClip)
{
    const auto folder = freshTempFolder ("consolidate");
    writeFloatWav (folder / "a.wav", { noise (96000, 1) });
    writeFloatWav (folder / "b.wav", { sine (440.0, 0.4, 96000) });
    auto s = emptySession();
    s.filePath = folder / "c.sprocket";
    s.media = { { "a", "a.wav" }, { "b", "b.wav" } };
    auto t = track ("dx", 1, "B");
    t.name = "DX 1";
    auto first = clip ("c1", "a", 1000, 20000, 500);
    first.gainDb = -6.0;
    first.fadeOut = { { 2000 }, dsp::FadeShape::equalPower };
    auto second = clip ("c2", "b", 25000, 30000, 100);
    second.fadeIn = { { 1500 }, dsp::FadeShape::sCurve };
    t.clips = { first, second };
    s.tracks.push_back (t);

    const core::SampleRange range { { 5000 }, { 40000 } }; // c1's tail, a gap, c2's head
    const auto expected = clipStage (s, 5000, 35000);

    session::EditHistory history (s);
    const auto before = session::sessionToJson (history.session()).dump();
    std::string made;
    auto status = history.perform (
        "Consolidate", [&] (auto& e) { return engine::consolidateRange (e, "dx", range, folder / "Audio Files", &made); });
    ASSERT_TRUE (status.ok()) << status.error().message;

    const auto& after = history.session();
    EXPECT_TRUE (session::validateStructure (after).empty());
    const auto& clips = after.tracks[0].clips;
    ASSERT_EQ (clips.size(), 3u); // c1's head, the new clip, c2's tail
    EXPECT_EQ (clips[0].end().samples, 5000);
    EXPECT_EQ (clips[1].id, made);
    EXPECT_EQ (clips[1].position.samples, 5000);
    EXPECT_EQ (clips[1].length.samples, 35000);
    EXPECT_EQ (clips[2].position.samples, 40000);
    EXPECT_EQ (after.resolveMediaPath (*after.findMedia (clips[1].mediaId)), folder / "Audio Files" / "DX_1_consolidated.wav");

    // The new file is what the clips played, to 24-bit precision; it carries its timecode.
    const auto file = folder / "Audio Files" / "DX_1_consolidated.wav";
    auto reader = io::AudioFileReader::open (file);
    ASSERT_TRUE (reader.ok());
    ASSERT_EQ ((*reader)->info().frames, 35000);
    std::vector<float> written (35000);
    float* pointers[] = { written.data() };
    ASSERT_TRUE ((*reader)->readPlanar (0, pointers, 35000).ok());
    for (size_t i = 0; i < written.size(); ++i)
        ASSERT_NEAR (written[i], expected[i], 1.0 / 8388608.0) << i;
    EXPECT_EQ ((*reader)->info().bext->timeReference, session::sessionStartSinceMidnight (s) + 5000);
    // And the session plays the same there as before.
    const auto replayed = clipStage (after, 5000, 35000);
    for (size_t i = 0; i < replayed.size(); i += 13)
        ASSERT_NEAR (replayed[i], expected[i], 1.0 / 8388608.0) << i;

    ASSERT_TRUE (history.undo());
    EXPECT_EQ (session::sessionToJson (history.session()).dump(), before);
}

TEST (ConsolidateTest, MissingMediaFailsWithoutChangingTheSession)
{
    const auto folder = freshTempFolder ("consolidate_missing");
    auto s = emptySession();
    s.filePath = folder / "c.sprocket";
    s.media = { { "a", "gone.wav" } };
    auto t = track ("dx", 1, "B");
    t.clips = { clip ("c1", "a", 0, 1000) };
    s.tracks.push_back (t);
    session::EditHistory history (s);
    auto status = history.perform ("Consolidate", [&] (auto& e) {
        return engine::consolidateRange (e, "dx", { { 0 }, { 1000 } }, folder);
    });
    ASSERT_FALSE (status.ok());
    EXPECT_NE (status.error().message.find ("gone.wav"), std::string::npos);
    EXPECT_EQ (history.session(), s);
    EXPECT_FALSE (history.canUndo());
}
