// The playlists view on a copy of the demo: Show Alternates from the header's playlist menu
// grows lanes under the track; a lane's S (a real mouse click) makes the running engine play
// that take instead of the main one; a range dragged on the lane and its ▲ copy it into the
// main playlist as one undo step. Writes artefacts/playlists-view.png.
#include "EditTestSupport.h"

#include "app/AlternateLanePainter.h"
#include "app/Snapshot.h"

#include <thread>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
/** t1 plays "Main 2", a copy of the demo's cut with c1's line (168000..321210) cleared; the
    original cut stays as the alternate "Main". */
void makeTwoTakes (EditFixture& f)
{
    auto& controller = f.main.getController();
    ASSERT_TRUE (controller.duplicatePlaylist ("t1").ok());
    controller.selectRange (0, 0, { { 150000 }, { 330000 } });
    ASSERT_TRUE (controller.deleteSelection().ok());
    controller.setSelection ({});
    ASSERT_EQ (f.session().tracks[0].playlistName, "Main 2");
    ASSERT_EQ (f.session().tracks[0].alternatePlaylists.size(), 1u);
}

juce::Point<float> centreOf (juce::Rectangle<int> r)
{
    return r.getCentre().toFloat();
}

/** The largest meter peak of track 0 over `ms` of playback. */
float peakOfFirstTrack (Playback& playback, int ms)
{
    float peak = 0.0f;
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds (ms);
    while (std::chrono::steady_clock::now() < until)
    {
        std::this_thread::sleep_for (std::chrono::milliseconds (20));
        playback.poll();
        const auto peaks = playback.takeTrackPeaks();
        if (! peaks.empty())
            peak = std::max (peak, peaks[0]);
    }
    return peak;
}
} // namespace

TEST (PlaylistsView, ShowAlternatesGrowsALanePerAlternateUnderTheTrack)
{
    EditFixture f;
    makeTwoTakes (f);
    const auto menu = f.main.playlistMenu (0);
    bool found = false;
    for (juce::PopupMenu::MenuItemIterator it (menu); it.next();)
        if (it.getItem().itemID == MainComponent::playlistMenuShowAlternates)
            found = it.getItem().isEnabled && ! it.getItem().isTicked && it.getItem().text == "Show Alternates";
    EXPECT_TRUE (found) << "the header's playlist menu offers Show Alternates";

    const auto secondRowBefore = f.timeline().getTrackHeaderBounds (1).getY();
    f.main.playlistMenuChosen (0, MainComponent::playlistMenuShowAlternates);
    EXPECT_TRUE (f.timeline().isShowingAlternates ("t1"));
    EXPECT_EQ (f.timeline().getTrackHeaderBounds (1).getY(), secondRowBefore + AlternateLanePainter::laneHeight);
    const auto lane = f.timeline().getAlternateLaneBounds (0, 0);
    EXPECT_EQ (lane.getY(), f.timeline().getTrackHeaderBounds (0).getBottom());
    EXPECT_EQ (f.timeline().hitTest ({ 400.0f, float (lane.getCentreY()) }).part, TimelineComponent::Hit::Part::alternateLane);
    EXPECT_EQ (f.timeline().hitTest ({ 400.0f, float (lane.getCentreY()) }).lane, 0);
    // The alternate's clips are laid out in the lane, at the same times as on the main row.
    const auto& alternate = f.session().tracks[0].alternatePlaylists[0];
    ASSERT_FALSE (alternate.clips.empty());
    const auto clip = f.timeline().getAlternateClipBounds (0, 0, 0);
    EXPECT_FLOAT_EQ (clip.getX(), f.timeline().getScale().xForSample (alternate.clips[0].position.samples));
    EXPECT_TRUE (lane.toFloat().contains (clip.getCentre()));
    EXPECT_TRUE (f.main.playlistMenu (0).containsAnyActiveItems());

    // Hidden again: the rows close up. A view state: the document is not changed.
    f.main.playlistMenuChosen (0, MainComponent::playlistMenuShowAlternates);
    EXPECT_FALSE (f.timeline().isShowingAlternates ("t1"));
    EXPECT_EQ (f.timeline().getTrackHeaderBounds (1).getY(), secondRowBefore);
    EXPECT_FALSE (f.main.getDocument()->undoName() == "Show Alternates");
}

TEST (PlaylistsView, TheAuditionButtonPlaysTheAlternateInPlaceOfMain)
{
    EditFixture f;
    makeTwoTakes (f);
    f.main.playlistMenuChosen (0, MainComponent::playlistMenuShowAlternates);
    f.main.enableWaveforms (f.demo.folder.path / "cache");
    f.main.getWaveforms()->waitUntilIdle();
    f.main.enablePlayback (silentOutput());
    auto* playback = f.main.getPlayback();
    ASSERT_NE (playback, nullptr);
    const auto before = jsonOf (f.session());

    // Inside the line main no longer has: silent on the main playlist.
    f.main.locate (180000);
    f.main.togglePlay();
    ASSERT_TRUE (stepUntil (f.main, [&] { return playback->isPlaying(); }));
    EXPECT_LT (peakOfFirstTrack (*playback, 400), 1e-6f) << "main is silent here";

    const auto controls =
        AlternateLanePainter::controls (f.timeline().getAlternateLaneBounds (0, 0).withWidth (TimelineComponent::headerWidth));
    ASSERT_EQ (f.timeline().hitTest (centreOf (controls.audition)).part, TimelineComponent::Hit::Part::alternateAudition);
    const auto mainClip = f.timeline().getClipBounds (0, 0).toNearestInt().getCentre() + f.timeline().getPosition();
    const float mainBrightness = paintToImage (f.main).getPixelAt (mainClip.x, mainClip.y).getBrightness();
    f.click (centreOf (controls.audition));
    EXPECT_EQ (f.timeline().auditioningOf ("t1"), "Main");
    EXPECT_LT (paintToImage (f.main).getPixelAt (mainClip.x, mainClip.y).getBrightness(), mainBrightness * 0.8f)
        << "the main playlist is dimmed while a lane is auditioned";
    EXPECT_GT (peakOfFirstTrack (*playback, 700), 1e-3f) << "the auditioned take is heard";
    const auto played = f.main.playedSession (f.session());
    EXPECT_EQ (played.tracks[0].clips, f.session().tracks[0].alternatePlaylists[0].clips) << "the take plays in place of main";
    EXPECT_EQ (jsonOf (f.session()), before) << "auditioning is not an edit";
    EXPECT_FALSE (f.main.getDocument()->isModified() && f.main.getDocument()->undoName() == "Audition");

    ASSERT_TRUE (Snapshot::writePng (paintToImage (f.main), artefact ("playlists-view-audition.png")).ok());

    f.click (centreOf (controls.audition));
    EXPECT_EQ (f.timeline().auditioningOf ("t1"), "");
    peakOfFirstTrack (*playback, 200); // the streamer refills after the swap
    EXPECT_LT (peakOfFirstTrack (*playback, 300), 1e-6f) << "main again";
    f.main.togglePlay();
}

TEST (PlaylistsView, DragARangeOnTheLaneThenItsArrowCopiesItToMain)
{
    EditFixture f;
    makeTwoTakes (f);
    f.main.playlistMenuChosen (0, MainComponent::playlistMenuShowAlternates);
    f.main.enableWaveforms (f.demo.folder.path / "cache");
    f.main.getWaveforms()->waitUntilIdle();
    f.timeline().setView (400.0, 0.0);
    const auto lane = f.timeline().getAlternateLaneBounds (0, 0);
    const auto controls = AlternateLanePainter::controls (lane.withWidth (TimelineComponent::headerWidth));

    // ▲ with no range on the lane says what to do.
    f.click (centreOf (controls.copy));
    EXPECT_TRUE (f.main.getLastProblem().contains ("Select a range")) << f.main.getLastProblem();

    const auto& scale = f.timeline().getScale();
    f.drag ({ scale.xForSample (200000), float (lane.getCentreY()) }, { scale.xForSample (290000), float (lane.getCentreY()) });
    const auto selected = f.timeline().getAlternateSelection();
    ASSERT_TRUE (selected.has_value());
    EXPECT_EQ (selected->playlist, "Main");
    const auto range = selected->range;
    ASSERT_FALSE (range.isEmpty());
    EXPECT_NEAR (double (range.start.samples), 200000.0, 400.0);
    EXPECT_NEAR (double (range.end.samples), 290000.0, 400.0);
    ASSERT_TRUE (Snapshot::writePng (paintToImage (f.main), artefact ("playlists-view.png")).ok());

    const auto before = jsonOf (f.session());
    const auto alternateBefore = f.session().tracks[0].alternatePlaylists;
    const auto original = alternateBefore[0].clips[0]; // c1: 168000.., the line main lost
    ASSERT_EQ (original.position.samples, 168000);
    f.click (centreOf (controls.copy));
    EXPECT_EQ (f.main.getDocument()->undoName(), "Copy to Main Playlist");
    const auto after = jsonOf (f.session());

    const session::Clip* copied = nullptr;
    for (auto& clip : f.session().tracks[0].clips)
        if (clip.position < range.end && clip.end() > range.start)
        {
            EXPECT_EQ (copied, nullptr) << "one clip in the range";
            copied = &clip;
        }
    ASSERT_NE (copied, nullptr);
    EXPECT_EQ (copied->mediaId, original.mediaId);
    EXPECT_EQ (copied->position, range.start);
    EXPECT_EQ (copied->length, range.length());
    EXPECT_EQ (copied->sourceOffset.samples, original.sourceOffset.samples + (range.start.samples - 168000));
    EXPECT_EQ (f.session().tracks[0].alternatePlaylists, alternateBefore) << "the alternate is unchanged";
    EXPECT_EQ (f.main.getController().selection().trackIds, (std::vector<std::string> { "t1" }));
    EXPECT_EQ (f.main.getController().selection().range, range);
    ASSERT_TRUE (Snapshot::writePng (paintToImage (f.main), artefact ("playlists-view-copied.png")).ok());

    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (jsonOf (f.session()), before);
    ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl | shiftKey, 0)));
    EXPECT_EQ (jsonOf (f.session()), after);
}

TEST (PlaylistsView, TheEditMenuCommandCopiesTheLaneRangeAndUndoingTheTakeClosesTheView)
{
    EditFixture f;
    makeTwoTakes (f);
    f.main.playlistMenuChosen (0, MainComponent::playlistMenuShowAlternates);
    juce::ApplicationCommandInfo info (MainComponent::copyAlternateToMainCommand);
    f.main.getCommandInfo (MainComponent::copyAlternateToMainCommand, info);
    EXPECT_FALSE ((info.flags & juce::ApplicationCommandInfo::isDisabled) == 0) << "greyed out without a lane range";
    ASSERT_TRUE (f.main.invoke (MainComponent::copyAlternateToMainCommand));
    EXPECT_TRUE (f.main.getLastProblem().contains ("Select a range")) << f.main.getLastProblem();

    f.timeline().setAlternateSelection (TimelineComponent::AlternateSelection { "t1", "Main", { { 170000 }, { 180000 } } });
    f.main.getCommandInfo (MainComponent::copyAlternateToMainCommand, info);
    EXPECT_TRUE ((info.flags & juce::ApplicationCommandInfo::isDisabled) == 0);
    ASSERT_TRUE (f.main.invoke (MainComponent::copyAlternateToMainCommand));
    EXPECT_EQ (f.main.getDocument()->undoName(), "Copy to Main Playlist");

    // Undo the copy, the clear and the duplicate: no alternates are left, the lanes close.
    for (int step = 0; step < 3; ++step)
        ASSERT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_TRUE (f.session().tracks[0].alternatePlaylists.empty());
    EXPECT_FALSE (f.timeline().isShowingAlternates ("t1"));
    EXPECT_FALSE (f.timeline().getAlternateSelection().has_value());
}
