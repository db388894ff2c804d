// Pro Tools' Shuffle (F1) and Spot (F3) edit modes in the edit window, through the real key
// mappings and synthesized mouse events on the timeline: clips checked sample-exactly, the other
// tracks left alone, undo back to identical JSON; Spot's dialog caught through
// MainComponent::spotDialogPresenter (the test binary cannot open a top-level window).
#include "EditTestSupport.h"

#include "app/SpotDialog.h"

#include "session/ClipEdits.h"
#include "session/TimelineGrid.h"

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
std::vector<std::string> order (const session::Session& s, size_t track)
{
    std::vector<std::string> ids;
    for (auto& clip : s.tracks[track].clips)
        ids.push_back (clip.id);
    return ids;
}

/** The demo's DX 1 clips c1, c2 and c3 butted together (c1 168000 + 153210, c2 185032, c3
    167051 long), as a dialogue editor's track is in Shuffle. */
void buttFirstThreeClips (EditFixture& f)
{
    auto status = f.main.getDocument()->perform ("Butt", [] (session::SessionEditor& e) {
        if (auto moved = session::moveClips (e, { { "t1", "c2" } }, { 321210 - 624000 }); ! moved)
            return moved;
        return session::moveClips (e, { { "t1", "c3" } }, { 506242 - 960000 });
    });
    ASSERT_TRUE (status.ok());
}

int64_t pixelsToSamples (EditFixture& f, float pixels)
{
    return int64_t (std::llround (double (pixels) * f.timeline().getScale().samplesPerPixel));
}

bool ticked (EditFixture& f, juce::CommandID command)
{
    juce::ApplicationCommandInfo info (command);
    f.main.getCommandInfo (command, info);
    return (info.flags & juce::ApplicationCommandInfo::isTicked) != 0;
}
} // namespace

TEST (EditModes, F1ToF4ChooseTheModeShownInTheTransportBarAndTickedInTheMenu)
{
    EditFixture f;
    EXPECT_EQ (f.main.getTransportBar().getModeText(), "Slip") << "a new window starts in Slip";
    const std::pair<int, EditMode> keys[] = { { juce::KeyPress::F1Key, EditMode::shuffle },
                                              { juce::KeyPress::F3Key, EditMode::spot },
                                              { juce::KeyPress::F4Key, EditMode::grid },
                                              { juce::KeyPress::F2Key, EditMode::slip } };
    for (auto [key, mode] : keys)
    {
        ASSERT_TRUE (f.press (juce::KeyPress (key)));
        EXPECT_EQ (f.main.getController().getMode(), mode);
        EXPECT_EQ (f.main.getTransportBar().getModeText(), editModeName (mode));
    }
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::F1Key)));
    EXPECT_EQ (f.main.getTransportBar().getModeText(), "Shuffle");
    EXPECT_TRUE (ticked (f, MainComponent::shuffleModeCommand));
    EXPECT_FALSE (ticked (f, MainComponent::slipModeCommand));
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::F3Key)));
    EXPECT_TRUE (ticked (f, MainComponent::spotModeCommand));
    EXPECT_FALSE (ticked (f, MainComponent::shuffleModeCommand));
}

TEST (EditModes, ShuffleDragPastTheNeighbourReordersTheClipsButted)
{
    EditFixture f;
    buttFirstThreeClips (f);
    const auto butted = f.session();
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::F1Key)));

    // c1's middle (244605) past c2's (413726) but not c3's (589767): it drops between them.
    const auto from = f.bodyPoint (0, 0);
    const float pixels = float (250000.0 / f.timeline().getScale().samplesPerPixel);
    f.drag (from, from + juce::Point<float> (pixels, 0.0f));
    EXPECT_EQ (f.main.getDocument()->undoName(), "Move") << f.main.getLastProblem();
    const auto& s = f.session();
    ASSERT_EQ (order (s, 0), (std::vector<std::string> { "c2", "c1", "c3", "c4", "c5" }));
    EXPECT_EQ (clipOf (s, 0, 0).position.samples, 168000) << "c2 takes c1's place";
    EXPECT_EQ (clipOf (s, 0, 1).position, clipOf (s, 0, 0).end()) << "c1 butts onto c2";
    EXPECT_EQ (clipOf (s, 0, 1).position.samples, 168000 + 185032);
    EXPECT_EQ (clipOf (s, 0, 2).position, clipOf (s, 0, 1).end()) << "c3 butts onto c1";
    EXPECT_EQ (clipOf (s, 0, 2).position.samples, 506242) << "c3 did not move";
    EXPECT_EQ (clipOf (s, 0, 1).sourceOffset, butted.tracks[0].clips[0].sourceOffset) << "moved whole";
    EXPECT_EQ (clipOf (s, 0, 1).length, butted.tracks[0].clips[0].length);
    for (size_t t = 1; t < s.tracks.size(); ++t)
        EXPECT_EQ (s.tracks[t], butted.tracks[t]) << "track " << t << " untouched";
    ASSERT_EQ (f.main.getController().selection().clips.size(), 1u);
    EXPECT_EQ (f.main.getController().selection().clips[0].clipId, "c1") << "the selection follows the clip";

    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), jsonOf (butted));
}

TEST (EditModes, ShuffleSmallDragLeavesTheClipInItsPlace)
{
    EditFixture f;
    buttFirstThreeClips (f);
    const auto butted = jsonOf (f.session());
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::F1Key)));
    const auto from = f.bodyPoint (0, 1);
    f.drag (from, from + juce::Point<float> (10.0f, 0.0f));
    EXPECT_EQ (jsonOf (f.session()), butted) << "no gap opens, no overlap: Shuffle has no free moves";
}

TEST (EditModes, ShuffleDeleteMovesTheLaterClipsUpByExactlyItsLength)
{
    EditFixture f;
    const auto before = f.session();
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::F1Key)));
    f.click (f.bodyPoint (0, 1)); // c2, 185032 samples
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::deleteKey)));
    const auto& s = f.session();
    EXPECT_EQ (order (s, 0), (std::vector<std::string> { "c1", "c3", "c4", "c5" }));
    EXPECT_EQ (findClip (s, "c1")->position.samples, 168000);
    EXPECT_EQ (findClip (s, "c3")->position.samples, 960000 - 185032);
    EXPECT_EQ (findClip (s, "c4")->position.samples, 1368000 - 185032);
    EXPECT_EQ (findClip (s, "c5")->position.samples, 1501290 - 185032);
    EXPECT_EQ (findClip (s, "c3")->sourceOffset, findClip (before, "c3")->sourceOffset);
    for (size_t t = 1; t < s.tracks.size(); ++t)
        EXPECT_EQ (s.tracks[t], before.tracks[t]) << "track " << t << " untouched";
    EXPECT_EQ (s.markers, before.markers) << "markers stay";
    EXPECT_EQ (f.main.getDocument()->undoName(), "Delete");

    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), jsonOf (before));
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl | shiftKey, 0)));
    EXPECT_EQ (findClip (f.session(), "c3")->position.samples, 960000 - 185032);
}

TEST (EditModes, ShuffleDeleteOnARangeTakesItsTimeOutOfTheSelectedTrack)
{
    EditFixture f;
    const auto before = f.session();
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::F1Key)));
    // A range on DX 1 from the gap after c1 into c2 (624000 .. 809032).
    const auto& scale = f.timeline().getScale();
    const float y = float (f.timeline().getTrackHeaderBounds (0).getCentreY());
    const juce::Point<float> from (scale.xForSample (400000), y), to (scale.xForSample (700000), y);
    ASSERT_EQ (f.timeline().hitTest (from).part, TimelineComponent::Hit::Part::lane);
    f.drag (from, to);
    const auto range = f.main.getController().selection().range;
    ASSERT_EQ (f.main.getController().selection().trackIds, (std::vector<std::string> { "t1" }));
    ASSERT_LT (range.start.samples, 624000);
    ASSERT_GT (range.end.samples, 624000);
    const auto length = range.length().samples;

    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::deleteKey)));
    EXPECT_EQ (f.main.getDocument()->undoName(), "Clear");
    const auto& s = f.session();
    const auto* rest = findClip (s, "c2");
    ASSERT_NE (rest, nullptr) << "c2's part after the range stays";
    EXPECT_EQ (rest->position, range.start) << "and butts onto where the range began";
    EXPECT_EQ (rest->sourceOffset.samples, findClip (before, "c2")->sourceOffset.samples + (range.end.samples - 624000));
    EXPECT_EQ (rest->end().samples, 624000 + 185032 - length);
    EXPECT_EQ (findClip (s, "c3")->position.samples, 960000 - length);
    EXPECT_EQ (findClip (s, "c1")->position.samples, 168000);
    for (size_t t = 1; t < s.tracks.size(); ++t)
        EXPECT_EQ (s.tracks[t], before.tracks[t]) << "track " << t << " untouched";
    EXPECT_TRUE (f.main.getController().selection().range.isEmpty()) << "a cursor where the time was";

    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), jsonOf (before));
}

TEST (EditModes, ShuffleCutThenPasteInsertsAndPushesTheRestLater)
{
    EditFixture f;
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::F1Key)));
    f.click (f.bodyPoint (0, 1)); // c2
    ASSERT_TRUE (f.press (juce::KeyPress ('x', ctrl, 0)));
    EXPECT_EQ (findClip (f.session(), "c3")->position.samples, 960000 - 185032);

    f.click (f.bodyPoint (0, 1)); // now c3: paste goes at its start and pushes it on
    ASSERT_TRUE (f.press (juce::KeyPress ('v', ctrl, 0)));
    const auto& clips = f.session().tracks[0].clips;
    ASSERT_EQ (clips.size(), 5u);
    EXPECT_EQ (clips[1].position.samples, 960000 - 185032) << "the pasted c2";
    EXPECT_EQ (clips[1].length.samples, 185032);
    EXPECT_EQ (findClip (f.session(), "c3")->position.samples, 960000) << "pushed later by the clipboard's length";
    EXPECT_EQ (findClip (f.session(), "c5")->position.samples, 1501290);
}

TEST (EditModes, ShuffleTrimEndMovesTheLaterClipsByTheSameAmount)
{
    EditFixture f;
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::F1Key)));
    const auto bounds = f.timeline().getClipBounds (0, 0);
    const juce::Point<float> edge (bounds.getRight() - 2.0f, bounds.getBottom() - 8.0f);
    ASSERT_EQ (f.timeline().hitTest (edge).part, TimelineComponent::Hit::Part::clipTrimEnd);
    f.drag (edge, edge - juce::Point<float> (50.0f, 0.0f));
    const auto trimmed = pixelsToSamples (f, 50.0f);
    EXPECT_EQ (clipOf (f.session(), 0, 0).length.samples, 153210 - trimmed);
    EXPECT_EQ (findClip (f.session(), "c2")->position.samples, 624000 - trimmed);
    EXPECT_EQ (findClip (f.session(), "c5")->position.samples, 1501290 - trimmed);
    EXPECT_EQ (findClip (f.session(), "c6")->position.samples, 336000) << "DX 2 stays";
    EXPECT_EQ (f.main.getDocument()->undoName(), "Trim End");
}

TEST (EditModes, SpotClickOpensTheSpotDialogInsteadOfMovingTheClip)
{
    EditFixture f;
    std::unique_ptr<SpotDialog> shown;
    int opened = 0;
    f.main.spotDialogPresenter = [&] (std::unique_ptr<SpotDialog> dialog) {
        shown = std::move (dialog);
        ++opened;
    };
    ASSERT_TRUE (f.press (juce::KeyPress (juce::KeyPress::F3Key)));
    const auto before = jsonOf (f.session());

    // A drag does not move the clip either: the release opens the dialog.
    const auto from = f.bodyPoint (0, 1);
    f.drag (from, from + juce::Point<float> (80.0f, 0.0f));
    EXPECT_EQ (jsonOf (f.session()), before) << "Spot mode does not move clips with the mouse";
    EXPECT_EQ (opened, 1);

    f.click (f.bodyPoint (0, 0));
    ASSERT_EQ (opened, 2);
    ASSERT_NE (shown, nullptr);
    EXPECT_EQ (jsonOf (f.session()), before);
    ASSERT_EQ (f.main.getController().selection().clips.size(), 1u);
    EXPECT_EQ (f.main.getController().selection().clips[0].clipId, "c1") << "the clicked clip is the one spotted";
    const auto& s = f.session();
    EXPECT_EQ (shown->getStartEditor().getText(),
               juce::String (core::formatTimecode (session::timecodeAt (s, { 168000 }), s.frameRate)))
        << "the field shows where the clip starts";
    EXPECT_TRUE (shown->getPrompt().contains (juce::String::fromUTF8 (findClip (s, "c1")->name.c_str())));

    shown->setVisible (true);
    shown->getStartEditor().setText ("not a timecode");
    clickCentre (shown->getOkButton());
    EXPECT_NE (shown->getProblem(), "") << "a bad timecode is said on the dialog";
    EXPECT_EQ (jsonOf (f.session()), before);

    shown->getStartEditor().setText ("01:00:10:00");
    clickCentre (shown->getOkButton());
    EXPECT_EQ (shown->getProblem(), "");
    EXPECT_EQ (findClip (f.session(), "c1")->position, *session::timelinePosition (f.session(), { 1, 0, 10, 0 }));
    EXPECT_EQ (f.main.getDocument()->undoName(), "Spot");
}

TEST (EditModes, SpotDialogFromTheClipMenuIsTheSameDialog)
{
    EditFixture f;
    std::unique_ptr<SpotDialog> shown;
    f.main.spotDialogPresenter = [&] (std::unique_ptr<SpotDialog> dialog) { shown = std::move (dialog); };
    f.click (f.bodyPoint (1, 0)); // Slip mode: a click only selects
    EXPECT_EQ (shown, nullptr);
    ASSERT_TRUE (f.press (juce::KeyPress ('p', ctrl | shiftKey, 0)));
    ASSERT_NE (shown, nullptr);
    EXPECT_TRUE (shown->getPrompt().contains (juce::String::fromUTF8 (findClip (f.session(), "c6")->name.c_str())));
}
