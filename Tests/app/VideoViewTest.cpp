// The reference movie in the edit window: File > Import Movie (rate checks, guide audio), the
// video view showing frame T at timecode T after locates and during a simulated playback, the
// burn-in and the ADR streamer. Writes artefacts/video-window.png and video-window-streamer.png.
#include "EditTestSupport.h"

#include "../video/TestMovies.h"
#include "app/MovieRateQuestion.h"
#include "app/Snapshot.h"
#include "app/Streamers.h"
#include "app/VideoView.h"
#include "session/SessionJson.h"
#include "session/TimelineGrid.h"

#include <chrono>
#include <random>
#include <thread>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

namespace
{
/** Steps the view until the wanted frame is up (the prefetcher decodes on its own thread). */
bool waitForExactFrame (VideoView& view, int64_t position, bool playing)
{
    for (int i = 0; i < 400; ++i)
    {
        view.showPosition (position, playing);
        if (view.getShownFrame() == view.getWantedFrame() && view.getWantedFrame() >= 0)
            return true;
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
    }
    return false;
}

/** The frame code the view's current picture carries (the leader's machine-readable number). */
int64_t codeShown (VideoView& view)
{
    auto lookup = view.getPrefetcher()->frameIfReady (view.getShownFrame());
    return lookup.frame ? video::test::readFrameCode (*lookup.frame) : -1;
}

/** A 23.976 session starting at 01:00:00:00 (the demo's rate) with the 23.976 leader movie. */
struct MovieFixture : EditFixture
{
    MovieFixture() : movie (video::test::leaderMovie (video::test::leader23976Mov())) {}

    std::filesystem::path movie;
};
} // namespace

TEST (VideoViewTest, ImportMovieChecksTheRateAndBringsItsAudioAsAGuideTrack)
{
    MovieFixture f;
    const auto tracksBefore = f.session().tracks.size();
    ASSERT_TRUE (f.main.importMovie (f.movie, true)) << f.main.getLastProblem();
    ASSERT_TRUE (f.session().video);
    EXPECT_EQ (f.session().resolvePath (f.session().video->path), std::filesystem::absolute (f.movie));
    ASSERT_EQ (f.session().tracks.size(), tracksBefore + 1);
    // The guide starts where the movie does: at its tmcd, 01:00:00:00, the session start.
    EXPECT_EQ (f.session().tracks.back().clips.at (0).position.samples, 0);

    // A 25 fps movie against a 23.976 session is not taken as it is: the question names both
    // rates and the two ways out (without alerts nothing changes).
    const auto wrongRate = video::test::leaderMovie (video::test::leader25Mp4());
    EXPECT_FALSE (f.main.importMovie (wrongRate, false));
    EXPECT_TRUE (f.main.getLastProblem().contains ("runs at 25 fps and the session at 23.976 fps")) << f.main.getLastProblem();
    EXPECT_TRUE (f.main.getLastProblem().contains ("Change the session's rate")) << f.main.getLastProblem();
    EXPECT_TRUE (f.main.getLastProblem().contains ("Conform the movie")) << f.main.getLastProblem();
    EXPECT_EQ (f.session().resolvePath (f.session().video->path), std::filesystem::absolute (f.movie));

    // Not a movie at all: said so, nothing changes.
    const auto text = f.demo.folder.path / "notes.mov";
    writeTextFile (text, "not a movie");
    EXPECT_FALSE (f.main.importMovie (text, false));
    EXPECT_TRUE (f.main.getLastProblem().contains ("notes.mov")) << f.main.getLastProblem();
    EXPECT_EQ (f.session().resolvePath (f.session().video->path), std::filesystem::absolute (f.movie));

    // Undo takes the guide track and then the movie away.
    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_FALSE (f.session().video);
}

TEST (VideoViewTest, AMovieAtAnotherRateChangesTheSessionRateOrIsConformedAsTheEditorAnswers)
{
    MovieFixture f;
    const auto before = session::sessionToJson (f.session()).dump();
    const auto tracks = f.session().tracks;
    const auto movie25 = video::test::leaderMovie (video::test::leader25Mp4()); // tmcd 10:00:00:00

    // Change the session's rate: one undo step; the labels and every position stay.
    ASSERT_TRUE (f.main.importMovie (movie25, false, MainComponent::MovieRateAnswer::changeSessionRate))
        << f.main.getLastProblem();
    EXPECT_EQ (f.session().frameRate, core::FrameRate::fps25);
    EXPECT_EQ (f.session().startTimecode, (core::Timecode { 1, 0, 0, 0 }));
    EXPECT_EQ (f.session().tracks, tracks);
    ASSERT_TRUE (f.session().video);
    EXPECT_FALSE (f.session().video->conform);
    EXPECT_TRUE (f.main.getVideoView().getProblem().isEmpty()) << f.main.getVideoView().getProblem();
    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (session::sessionToJson (f.session()).dump(), before);

    // Conform: the session keeps 23.976 and the movie's frames count as session frames, from
    // its label 10:00:00:00 read at 23.976.
    ASSERT_TRUE (f.main.importMovie (movie25, true, MainComponent::MovieRateAnswer::conform)) << f.main.getLastProblem();
    EXPECT_EQ (f.session().frameRate, core::FrameRate::fps23_976);
    ASSERT_TRUE (f.session().video);
    EXPECT_TRUE (f.session().video->conform);
    EXPECT_EQ (f.session().tracks.size(), tracks.size()); // no guide: its sound runs at 25 fps speed
    EXPECT_TRUE (f.main.getLastProblem().contains ("not imported as a guide")) << f.main.getLastProblem();
    auto& view = f.main.getVideoView();
    view.setSize (640, 360);
    ASSERT_TRUE (view.getProblem().isEmpty()) << view.getProblem();
    const auto tenHours = *session::timelinePosition (f.session(), { 10, 0, 0, 0 });
    const auto frame30 = tenHours.samples + core::samplesFromFrameCount (30, core::FrameRate::fps23_976, f.session().sampleRate);
    ASSERT_TRUE (waitForExactFrame (view, frame30, false));
    EXPECT_EQ (view.getShownFrame(), 30);
    EXPECT_EQ (codeShown (view), 30);
    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_EQ (session::sessionToJson (f.session()).dump(), before);
}

TEST (VideoViewTest, TheRateQuestionOffersBothAnswersAndCancel)
{
    // (The window itself is a desktop window, which this Xvfb without a window manager refuses.)
    auto movie = video::openMovie (video::test::leaderMovie (video::test::leader25Mp4()));
    ASSERT_TRUE (movie) << movie.error().message;
    const auto text = MovieRateQuestion::text (*movie, core::FrameRate::fps23_976);
    EXPECT_TRUE (text.contains ("leader_25") && text.contains ("runs at 25 fps and the session at 23.976 fps")) << text;
    juce::StringArray buttons;
    for (auto& answer : MovieRateQuestion::answers (*movie, core::FrameRate::fps23_976))
        buttons.add (answer.button + "=" + juce::String (answer.result));
    EXPECT_EQ (buttons.joinIntoString (", "), "Change Session to 25 fps=1, Conform Movie to 23.976 fps=2, Cancel=0");

    // A movie at a rate no session has can only be conformed.
    movie->frameRate.reset();
    movie->frameRatio = { 15, 1 };
    EXPECT_EQ (MovieRateQuestion::answers (*movie, core::FrameRate::fps25).size(), 2u);
}

TEST (VideoViewTest, AMissingMovieIsOfflineUntilRelinked)
{
    MovieFixture f;
    ASSERT_TRUE (f.main.importMovie (f.movie, false)) << f.main.getLastProblem();
    auto& strip = f.main.getVideoTrack();
    EXPECT_FALSE (strip.isOffline());

    // The movie moves away: the track says it is offline, and a double-click asks to relink.
    const auto moved = f.demo.folder.path / "Picture" / "reel1_v2.mov";
    std::filesystem::create_directories (moved.parent_path());
    std::filesystem::copy_file (f.movie, moved);
    ASSERT_TRUE (f.main.getDocument()->perform ("Lose Movie", [&] (session::SessionEditor& editor) -> core::Status {
        editor.video()->path = f.demo.folder.path / "gone" / "reel1.mov";
        editor.video()->offsetFrames = 2;
        return {};
    }));
    EXPECT_TRUE (strip.isOffline());
    EXPECT_TRUE (strip.getProblem().contains ("reel1.mov")) << strip.getProblem();
    EXPECT_TRUE (f.main.getMediaStatusText().endsWith ("movie offline")) << f.main.getMediaStatusText();
    EXPECT_TRUE (f.main.getVideoView().getProblem().startsWith ("Movie offline")) << f.main.getVideoView().getProblem();
    strip.setSize (1600, VideoTrackStrip::preferredHeight);
    const auto offlineImage = paintToImage (strip);
    EXPECT_TRUE (Snapshot::writePng (offlineImage,
                                     juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/video-track-offline.png"))
                     .ok());
    int relinkRequests = 0;
    strip.onRelinkRequest = [&] { ++relinkRequests; };
    const auto at = juce::Point<float> (800.0f, 20.0f);
    strip.mouseDoubleClick (juce::MouseEvent (juce::Desktop::getInstance().getMainMouseSource(), at, {}, 1.0f, 0.0f, 0.0f, 0.0f,
                                              0.0f, &strip, &strip, juce::Time::getCurrentTime(), at,
                                              juce::Time::getCurrentTime(), 2, false));
    EXPECT_EQ (relinkRequests, 1);

    // A movie at another rate is not a relink of this one; the right file is, keeping the offset.
    EXPECT_FALSE (f.main.relinkMovie (video::test::leaderMovie (video::test::leader25Mp4())));
    EXPECT_TRUE (f.main.getLastProblem().contains ("25 fps")) << f.main.getLastProblem();
    ASSERT_TRUE (f.main.relinkMovie (moved)) << f.main.getLastProblem();
    EXPECT_EQ (f.session().resolvePath (f.session().video->path), moved);
    EXPECT_EQ (f.session().video->offsetFrames, 2);
    EXPECT_FALSE (strip.isOffline());
    EXPECT_FALSE (f.main.getMediaStatusText().contains ("movie")) << f.main.getMediaStatusText();
    EXPECT_TRUE (f.main.getVideoView().getProblem().isEmpty()) << f.main.getVideoView().getProblem();
    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_TRUE (strip.isOffline());
}

TEST (VideoViewTest, TheFrameShownAtTimecodeTIsFrameTAfterLocatesAndDuringPlayback)
{
    MovieFixture f;
    ASSERT_TRUE (f.main.importMovie (f.movie, false)) << f.main.getLastProblem();
    auto& view = f.main.getVideoView();
    view.setSize (640, 360);
    ASSERT_TRUE (view.getProblem().isEmpty()) << view.getProblem();
    const auto& s = f.session();

    // Random locates: the picture is the frame the timecode names (the movie starts at the
    // session start, so frame n is at n frames after 01:00:00:00).
    std::mt19937 random (11);
    for (int i = 0; i < 40; ++i)
    {
        const auto frame = std::uniform_int_distribution<int64_t> (0, 719) (random);
        const auto position = core::samplesFromFrameCount (frame, s.frameRate, s.sampleRate)
                              + std::uniform_int_distribution<int64_t> (0, 1000) (random);
        f.main.locate (position);
        ASSERT_TRUE (waitForExactFrame (view, position, false)) << "frame " << frame;
        ASSERT_EQ (view.getShownFrame(), frame);
        ASSERT_EQ (codeShown (view), frame);
    }

    // Playback from 01:00:10:00 at real time, a position every 1/30 s: every picture shown is
    // the frame of its moment or, while the decoder catches up, an earlier one; most are exact.
    const auto start = session::timelinePosition (s, { 1, 0, 10, 0 })->samples;
    int exact = 0, ticks = 0;
    for (int64_t position = start; position < start + 4 * s.sampleRate; position += s.sampleRate / 30, ++ticks)
    {
        view.showPosition (position, true);
        if (view.getShownFrame() == view.getWantedFrame())
        {
            ++exact;
            EXPECT_EQ (codeShown (view), view.getWantedFrame());
        }
        else
            EXPECT_LT (view.getShownFrame(), view.getWantedFrame());
        std::this_thread::sleep_for (std::chrono::milliseconds (33));
    }
    EXPECT_GT (exact, ticks * 3 / 4) << exact << " of " << ticks;
}

TEST (VideoViewTest, BurnInAndAnAdrStreamerOverThePicture)
{
    MovieFixture f;
    ASSERT_TRUE (f.main.importMovie (f.movie, false)) << f.main.getLastProblem();
    const auto cueAt = *session::timelinePosition (f.session(), { 1, 0, 12, 0 });
    ASSERT_TRUE (f.main.getDocument()->perform ("Burn In And Cue", [&] (session::SessionEditor& editor) -> core::Status {
        editor.video()->burnIn = true;
        editor.cues().adr.push_back ({ "101", "MARY", "Where were you?", cueAt, cueAt + core::SampleDuration { 48000 }, "", {} });
        return {};
    }));
    const auto& s = f.session();

    // The streamer starts two seconds (48 frames at 23.976) before the cue and punches on it.
    const auto framesBefore = [&] (int frames) {
        return cueAt.samples - core::samplesFromFrameCount (frames, s.frameRate, s.sampleRate);
    };
    EXPECT_FALSE (streamerAt (s, framesBefore (49)));
    ASSERT_TRUE (streamerAt (s, framesBefore (48)));
    EXPECT_NEAR (streamerAt (s, framesBefore (24))->progress, 0.5, 0.001);
    EXPECT_FALSE (streamerAt (s, framesBefore (24))->punch);
    EXPECT_TRUE (streamerAt (s, cueAt.samples)->punch);
    EXPECT_EQ (streamerAt (s, cueAt.samples)->cue, "ADR 101");
    EXPECT_FALSE (streamerAt (s, cueAt.samples + core::samplesFromFrameCount (2, s.frameRate, s.sampleRate)));

    auto& view = f.main.getVideoView();
    view.setSize (960, 540);
    const auto atHalf = framesBefore (24);
    f.main.locate (atHalf);
    ASSERT_TRUE (waitForExactFrame (view, atHalf, false));
    EXPECT_TRUE (Snapshot::writePng (paintToImage (view), juce::File::getCurrentWorkingDirectory().getChildFile (
                                                              "artefacts/video-window-streamer.png"))
                     .ok());

    // The burn-in reads the frame's own timecode; the painted streamer is where it should be.
    const auto image = paintToImage (view);
    const int streamerX = int (0.5 * 960.0);
    const auto colour = image.getPixelAt (streamerX - 3, 270);
    EXPECT_GT (colour.getRed(), 200);
    EXPECT_GT (colour.getGreen(), 180);
    EXPECT_LT (colour.getBlue(), 140);

    f.main.locate (cueAt.samples + 10 * 48000);
    ASSERT_TRUE (waitForExactFrame (view, cueAt.samples + 10 * 48000, false));
    EXPECT_TRUE (Snapshot::writePng (paintToImage (view),
                                     juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/video-window.png"))
                     .ok());
}

TEST (VideoViewTest, AMissingMovieIsShownOfflineWithItsPath)
{
    EditFixture f;
    ASSERT_TRUE (f.main.getDocument()->perform ("Movie", [&] (session::SessionEditor& editor) -> core::Status {
        editor.video() = session::VideoReference { f.demo.folder.path / "gone.mov", std::nullopt, 0, false };
        return {};
    }));
    EXPECT_TRUE (f.main.getVideoView().getProblem().startsWith ("Movie offline")) << f.main.getVideoView().getProblem();
    EXPECT_TRUE (f.main.getVideoView().getProblem().contains ("gone.mov"));
}

TEST (VideoViewTest, TheVideoTrackShowsThumbnailsOnTheTimelinesScale)
{
    MovieFixture f;
    EXPECT_FALSE (f.main.getVideoTrack().isVisible());
    ASSERT_TRUE (f.main.importMovie (f.movie, false)) << f.main.getLastProblem();
    auto& strip = f.main.getVideoTrack();
    ASSERT_TRUE (strip.isVisible());
    EXPECT_EQ (strip.getHeight(), VideoTrackStrip::preferredHeight);
    // The lanes moved down to make room; the strip spans the timeline's width.
    EXPECT_EQ (f.timeline().getY(), strip.getBottom());
    strip.waitForThumbnails();
    EXPECT_DOUBLE_EQ (strip.getThumbnailProgress(), 1.0);

    const auto image = paintToImage (f.main);
    // The demo's 60 s fill the window; the 30 s movie covers about half the lanes.
    EXPECT_GT (strip.getPicturesPainted(), 5);
    EXPECT_TRUE (Snapshot::writePng (
                     image, juce::File::getCurrentWorkingDirectory().getChildFile ("artefacts/edit-window-video-track.png"))
                     .ok());

    EXPECT_TRUE (f.press (juce::KeyPress ('z', ctrl, 0)));
    EXPECT_FALSE (strip.isVisible());
}
