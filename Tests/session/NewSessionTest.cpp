// File > New on the model: the session the settings describe (rates, start, master width, film
// stems), which settings are refused and why, and the folder a new session gets on disk.
#include "session/NewSession.h"
#include "session/SessionFile.h"
#include "session/SessionValidator.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
NewSessionSettings reel (const std::string& name = "Reel 3")
{
    NewSessionSettings settings;
    settings.name = name;
    settings.sampleRate = 48000;
    settings.frameRate = core::FrameRate::fps23_976;
    settings.startTimecode = { 0, 59, 58, 0 };
    settings.masterChannels = 6;
    settings.filmStems = true;
    return settings;
}

std::string errorOf (const NewSessionSettings& settings)
{
    auto made = makeNewSession (settings);
    return made.ok() ? std::string() : made.error().message;
}
} // namespace

TEST (NewSession, TheSessionHasTheRatesStartAndStemsAsked)
{
    auto made = makeNewSession (reel ("  Reel 3 "));
    ASSERT_TRUE (made.ok()) << made.error().message;
    const auto& s = *made;
    EXPECT_EQ (s.name, "Reel 3");
    EXPECT_EQ (s.sampleRate, 48000);
    EXPECT_EQ (s.frameRate, core::FrameRate::fps23_976);
    EXPECT_EQ (s.startTimecode, (core::Timecode { 0, 59, 58, 0 }));
    EXPECT_EQ (s.master.channels, 6);
    ASSERT_EQ (s.buses.size(), 5u);
    const char* ids[] = { "DX", "MX", "FX", "FOL", "BG" };
    for (size_t i = 0; i < 5; ++i)
    {
        EXPECT_EQ (s.buses[i].id, ids[i]);
        EXPECT_EQ (s.buses[i].channels, 6) << ids[i];
        EXPECT_EQ (s.buses[i].output, "master");
    }
    EXPECT_EQ (s.buses[3].name, "Foley");
    EXPECT_TRUE (s.tracks.empty());
    EXPECT_TRUE (s.media.empty());
    EXPECT_TRUE (validateStructure (s).empty());
}

TEST (NewSession, WithoutStemsThereAreNoBuses)
{
    auto settings = reel();
    settings.filmStems = false;
    settings.masterChannels = 2;
    auto made = makeNewSession (settings);
    ASSERT_TRUE (made.ok());
    EXPECT_TRUE (made->buses.empty());
    EXPECT_EQ (made->master.channels, 2);
}

TEST (NewSession, BadSettingsAreRefusedNamingTheSetting)
{
    auto settings = reel();
    settings.sampleRate = 47000;
    EXPECT_EQ (errorOf (settings), "sample rate: 47000 Hz is not one of 44100, 48000, 88200, 96000, 176400, 192000");

    settings = reel();
    settings.masterChannels = 4;
    EXPECT_EQ (errorOf (settings), "master: 4 channels is not stereo (2), 5.1 (6) or 7.1 (8)");

    settings = reel();
    settings.frameRate = core::FrameRate::fps29_97df;
    settings.startTimecode = { 1, 1, 0, 0 }; // drop-frame skips frames 0 and 1 of minute 1
    EXPECT_EQ (errorOf (settings).rfind ("start timecode: ", 0), 0u) << errorOf (settings);

    settings = reel();
    settings.startTimecode = { 1, 0, 0, 24 }; // 24 fps counts frames 0..23
    EXPECT_EQ (errorOf (settings).rfind ("start timecode: ", 0), 0u) << errorOf (settings);

    EXPECT_EQ (errorOf (reel ("   ")), "name: a session needs a name");
    EXPECT_NE (errorOf (reel ("Reel/3")).find ("cannot be in a file name"), std::string::npos);
    EXPECT_NE (errorOf (reel ("a:b")).find ("cannot be in a file name"), std::string::npos);
    EXPECT_NE (errorOf (reel (".hidden")).find ("starts with '.'"), std::string::npos);
    EXPECT_NE (errorOf (reel (std::string (201, 'x'))).find ("at most 200"), std::string::npos);
}

TEST (NewSession, TheFolderHoldsTheSessionAndAudioFiles)
{
    const auto parent = test::freshTempFolder ("new_session");
    auto file = makeSessionFolder (parent, "Reel 3");
    ASSERT_TRUE (file.ok()) << file.error().message;
    EXPECT_EQ (*file, parent / "Reel 3" / "Reel 3.sprocket");
    EXPECT_TRUE (std::filesystem::is_directory (parent / "Reel 3" / "Audio Files"));

    // Saved there, it loads back as made.
    auto made = makeNewSession (reel());
    ASSERT_TRUE (made.ok());
    ASSERT_TRUE (saveSessionFile (*made, *file));
    auto loaded = loadSessionFile (*file);
    ASSERT_TRUE (loaded.session.has_value());
    EXPECT_EQ (loaded.session->startTimecode, (core::Timecode { 0, 59, 58, 0 }));
    EXPECT_EQ (loaded.session->buses.size(), 5u);

    // A second session of that name would overwrite the first: refused, the file untouched.
    const auto before = std::filesystem::file_size (*file);
    auto again = makeSessionFolder (parent, "Reel 3");
    ASSERT_FALSE (again.ok());
    EXPECT_NE (again.error().message.find ("Reel 3.sprocket: a session with this name is already there"), std::string::npos)
        << again.error().message;
    EXPECT_EQ (std::filesystem::file_size (*file), before);
}

TEST (NewSession, AFolderThatCannotBeMadeIsNamed)
{
    const auto parent = test::freshTempFolder ("new_session_blocked");
    std::ofstream (parent / "Reel 4") << "a file where the folder would go";
    auto file = makeSessionFolder (parent, "Reel 4");
    ASSERT_FALSE (file.ok());
    EXPECT_NE (file.error().message.find ("cannot make the folder"), std::string::npos) << file.error().message;
    EXPECT_NE (file.error().message.find ("Reel 4"), std::string::npos);
}
