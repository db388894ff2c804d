// Edit > Consolidate Clip (alt+shift+3) on a copy of the demo: a range dragged across two
// tracks with the mouse, the real key mapping, then the files, the clips, the render of the
// range before and after, and undo/redo to identical JSON; and the reasons it refuses.
#include "EditTestSupport.h"

#include "engine/OfflineRenderer.h"
#include "io/AudioFileReader.h"

#include <cmath>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
constexpr auto altKey = juce::ModifierKeys::altModifier;

/** The printmaster of `s`, rendered offline to 32-bit float, channel by channel. */
std::vector<std::vector<float>> renderPrintmaster (const session::Session& s, const std::filesystem::path& folder)
{
    engine::OfflineRenderOptions options;
    options.outputFolder = folder;
    options.sampleFormat = io::SampleFormat::float32;
    auto rendered = engine::renderOffline (s, options);
    if (! rendered)
    {
        ADD_FAILURE() << rendered.error().message;
        return {};
    }
    auto reader = io::AudioFileReader::open (rendered.value().files.front().path);
    if (! reader)
    {
        ADD_FAILURE() << reader.error().message;
        return {};
    }
    const auto& file = *reader.value();
    std::vector<std::vector<float>> channels (size_t (file.info().channels), std::vector<float> (size_t (file.info().frames)));
    std::vector<float*> pointers;
    for (auto& c : channels)
        pointers.push_back (c.data());
    EXPECT_TRUE (reader.value()->readPlanar (0, pointers.data(), file.info().frames).ok());
    return channels;
}

const session::Track& trackOf (const session::Session& s, const std::string& id)
{
    for (auto& t : s.tracks)
        if (t.id == id)
            return t;
    throw std::runtime_error ("no track " + id);
}
} // namespace

TEST (Consolidate, AltShift3ConsolidatesARangeAcrossTwoTracksAsOneStep)
{
    EditFixture f;
    f.timeline().setView (400.0, 0.0);
    // c1 down 1 dB (its samples then fall between 24-bit steps, so the new file has to round).
    f.click (f.bodyPoint (0, 0));
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::downKey, ctrl | shiftKey, 0)));
    ASSERT_DOUBLE_EQ (trackOf (f.session(), "t1").clips[0].gainDb, -1.0);
    // Drag in empty lane space on DX 1 (before c1 at 168000) down to DX 2, past c6's start
    // (336000): the range covers c1 whole and the head of c6, with gaps on both tracks.
    const float fromX = f.timeline().getScale().xForSample (100000);
    const float toX = f.timeline().getScale().xForSample (400000);
    const juce::Point<float> from (fromX, float (f.timeline().getTrackHeaderBounds (0).getCentreY()));
    const juce::Point<float> to (toX, float (f.timeline().getTrackHeaderBounds (1).getCentreY()));
    ASSERT_EQ (f.timeline().hitTest (from).part, TimelineComponent::Hit::Part::lane);
    f.drag (from, to);
    const auto range = f.main.getController().selection().range;
    ASSERT_EQ (f.main.getController().selection().trackIds, (std::vector<std::string> { "t1", "t2" }));
    ASSERT_FALSE (range.isEmpty());

    const auto before = jsonOf (f.session());
    const auto mediaBefore = f.session().media.size();
    const auto rendersBefore = renderPrintmaster (f.session(), f.demo.folder.path / "render-before");

    ASSERT_TRUE (f.press (juce::KeyPress ('3', altKey | shiftKey, 0)));
    EXPECT_EQ (f.main.getLastProblem(), "");
    EXPECT_EQ (f.main.getDocument()->undoName(), "Consolidate Clips");
    const auto after = jsonOf (f.session());

    // One clip per track covering exactly the range, on new media in "Audio Files".
    ASSERT_EQ (f.session().media.size(), mediaBefore + 2);
    for (const auto* id : { "t1", "t2" })
    {
        SCOPED_TRACE (id);
        const auto& track = trackOf (f.session(), id);
        std::vector<const session::Clip*> inside;
        for (auto& clip : track.clips)
            if (clip.position < range.end && clip.end() > range.start)
                inside.push_back (&clip);
        ASSERT_EQ (inside.size(), 1u);
        EXPECT_EQ (inside[0]->position, range.start);
        EXPECT_EQ (inside[0]->length, range.length());
        const auto* media = f.session().findMedia (inside[0]->mediaId);
        ASSERT_NE (media, nullptr);
        const auto file = f.session().resolveMediaPath (*media);
        EXPECT_TRUE (std::filesystem::exists (file)) << file;
        EXPECT_EQ (file.parent_path().filename(), "Audio Files");
        EXPECT_TRUE (media->path.is_relative()) << "stored beside the session: " << media->path;
        auto info = io::AudioFileReader::open (file);
        ASSERT_TRUE (info.ok());
        EXPECT_EQ (info.value()->info().frames, range.length().samples);
        EXPECT_TRUE (f.main.getController().selection().contains ({ id, inside[0]->id })) << "the new clip is selected";
    }

    // The mix sounds the same: only 24-bit quantisation (2^-24 per track, under the faders and
    // the -3 dB pan) tells the consolidated clips from the originals.
    const auto rendersAfter = renderPrintmaster (f.session(), f.demo.folder.path / "render-after");
    ASSERT_EQ (rendersAfter.size(), rendersBefore.size());
    double worst = 0.0, loudest = 0.0;
    for (size_t c = 0; c < rendersBefore.size(); ++c)
    {
        ASSERT_EQ (rendersAfter[c].size(), rendersBefore[c].size());
        for (auto i = range.start.samples; i < range.end.samples; ++i)
        {
            worst = std::max (worst, double (std::abs (rendersAfter[c][size_t (i)] - rendersBefore[c][size_t (i)])));
            loudest = std::max (loudest, double (std::abs (rendersBefore[c][size_t (i)])));
        }
    }
    EXPECT_GT (loudest, 0.01) << "the range holds sound";
    EXPECT_GT (worst, 0.0) << "the consolidated files were rendered (rounded to 24 bits)";
    EXPECT_LE (worst, 1.2e-7) << "largest difference in the range";
    std::cout << "consolidated render: largest difference " << worst << " (peak " << loudest << ")\n";

    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), before);
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl | shiftKey, 0)));
    EXPECT_EQ (jsonOf (f.session()), after);
}

TEST (Consolidate, SelectedClipsBecomeOneClipOverTheirExtent)
{
    EditFixture f;
    f.timeline().setView (400.0, 0.0);
    f.click (f.bodyPoint (0, 0));
    f.click (f.bodyPoint (0, 1), shiftKey);
    ASSERT_EQ (f.main.getController().selection().clips.size(), 2u);
    const auto start = trackOf (f.session(), "t1").clips[0].position;
    const auto end = trackOf (f.session(), "t1").clips[1].end();
    const auto clipsBefore = trackOf (f.session(), "t1").clips.size();
    const auto t2Before = trackOf (f.session(), "t2").clips.size();

    ASSERT_TRUE (f.main.invoke (MainComponent::consolidateCommand));
    const auto& track = trackOf (f.session(), "t1");
    ASSERT_EQ (track.clips.size(), clipsBefore - 1);
    EXPECT_EQ (track.clips[0].position, start);
    EXPECT_EQ (track.clips[0].end(), end);
    EXPECT_EQ (f.main.getDocument()->undoName(), "Consolidate Clip");
    EXPECT_EQ (trackOf (f.session(), "t2").clips.size(), t2Before) << "other tracks are left alone";
}

TEST (Consolidate, RefusesSayingWhy)
{
    {
        EditFixture f;
        ASSERT_TRUE (f.main.invoke (MainComponent::consolidateCommand));
        EXPECT_TRUE (f.main.getLastProblem().contains ("nothing is selected")) << f.main.getLastProblem();

        // A range over empty lane space: nothing to render.
        f.main.getController().selectRange (0, 0, { { 0 }, { 1000 } });
        const auto before = jsonOf (f.session());
        ASSERT_TRUE (f.main.invoke (MainComponent::consolidateCommand));
        EXPECT_TRUE (f.main.getLastProblem().contains ("no audio in the selection")) << f.main.getLastProblem();
        EXPECT_EQ (jsonOf (f.session()), before);
        EXPECT_FALSE (std::filesystem::exists (f.demo.folder.path / "Audio Files"));

        // Someone else's open: read-only.
        auto second = Document::open (f.demo.session());
        auto* document = std::get_if<std::unique_ptr<Document>> (&second);
        ASSERT_NE (document, nullptr);
        MainComponent other;
        other.setShowsAlerts (false);
        other.setSize (1600, 900);
        other.setDocument (std::move (*document));
        other.getController().selectRange (0, 0, { { 168000 }, { 200000 } });
        ASSERT_TRUE (other.invoke (MainComponent::consolidateCommand));
        EXPECT_TRUE (other.getLastProblem().contains ("read-only")) << other.getLastProblem();
        EXPECT_FALSE (std::filesystem::exists (f.demo.folder.path / "Audio Files"));
    }
    {
        // A session never saved has no folder for the new file.
        MainComponent main;
        main.setShowsAlerts (false);
        main.setSize (1600, 900);
        auto s = makeTwoTrackSession();
        s.filePath.clear();
        main.showDocument ({ s, {}, {} });
        main.getController().selectRange (0, 0, { { 48000 }, { 96000 } });
        ASSERT_TRUE (main.invoke (MainComponent::consolidateCommand));
        EXPECT_TRUE (main.getLastProblem().contains ("has not been saved")) << main.getLastProblem();
        EXPECT_EQ (jsonOf (main.getDocument()->session()), jsonOf (s));
    }
}
