#include "AppTestSupport.h"
#include "app/MainComponent.h"
#include "app/SessionLoader.h"

#include <gtest/gtest.h>

using namespace sprocket;
using namespace sprocket::app;
using namespace sprocket::app::test;

TEST (SessionLoaderTest, OpensTheDemoSession)
{
    const auto demo = demoSessionPath();
    if (! std::filesystem::exists (demo.parent_path() / "audio" / "mx_cue.wav"))
        GTEST_SKIP() << "demo audio not generated (Resources/demo/make_demo_audio.sh)";

    auto result = SessionLoader::open (demo);
    ASSERT_TRUE (result.document.has_value()) << SessionLoader::describe (result.problems);
    EXPECT_EQ (result.document->session.tracks.size(), 6u);
    EXPECT_TRUE (result.document->offlineMediaIds.empty());
}

TEST (SessionLoaderTest, MissingMediaOpenOffline)
{
    // The demo session copied somewhere without its audio folder: every file is missing.
    TemporaryFolder folder;
    const auto copy = folder.path / "moved.sprocket";
    writeTextFile (copy, readTextFile (demoSessionPath()));

    auto result = SessionLoader::open (copy);
    ASSERT_TRUE (result.document.has_value()) << SessionLoader::describe (result.problems);
    const auto& document = *result.document;
    EXPECT_EQ (document.offlineMediaIds.size(), document.session.media.size());
    EXPECT_TRUE (document.offlineMediaIds.count ("m1"));

    MainComponent main;
    main.showDocument (document);
    EXPECT_EQ (main.getMediaStatusText(), juce::String (document.session.media.size()) + " media offline");
}

TEST (SessionLoaderTest, InvalidSessionsReportProblemsWithPaths)
{
    TemporaryFolder folder;
    const auto broken = folder.path / "broken.sprocket";
    writeTextFile (broken, R"({"format": "sprocket-session", "version": 1, "name": "x", "sample_rate": -5})");
    auto result = SessionLoader::open (broken);
    EXPECT_FALSE (result.document.has_value());
    ASSERT_FALSE (result.problems.empty());
    EXPECT_NE (SessionLoader::describe (result.problems).find (':'), std::string::npos);

    writeTextFile (broken, "{ not json");
    result = SessionLoader::open (broken);
    EXPECT_FALSE (result.document.has_value());
    EXPECT_FALSE (result.problems.empty());

    result = SessionLoader::open (folder.path / "does-not-exist.sprocket");
    EXPECT_FALSE (result.document.has_value());
    ASSERT_EQ (result.problems.size(), 1u);
    EXPECT_EQ (result.problems[0].message, "no such session file");

    result = SessionLoader::open (folder.path);
    EXPECT_FALSE (result.document.has_value());
}

TEST (SessionLoaderTest, OfflineMediaComeFromMediaPathProblemsOnly)
{
    session::Session s = makeTwoTrackSession();
    const session::Problems problems { { "media[1].path", "cannot open" },
                                       { "tracks[0].clips[0]", "runs past the end" },
                                       { "media[7].path", "index out of range is ignored" } };
    EXPECT_EQ (SessionLoader::offlineMediaIn (s, problems), (std::set<std::string> { "m2" }));
}

TEST (SessionLoaderTest, DescribeCutsLongLists)
{
    session::Problems many (30, session::Problem { "tracks[0].name", "must not be empty" });
    const auto text = SessionLoader::describe (many, 20);
    EXPECT_NE (text.find ("tracks[0].name: must not be empty"), std::string::npos);
    EXPECT_NE (text.find ("and 10 more"), std::string::npos);
}

TEST (SessionLoaderTest, FindsTheDemoSession)
{
    EXPECT_EQ (SessionLoader::findDemoSession(), demoSessionPath());
}
