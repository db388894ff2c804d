// Finding missing media again: by name and by content hash, in a folder's tree; relinking
// checks the file fits the clips and undoes exactly.
#include "session/MediaRelink.h"
#include "session/AudioImport.h"
#include "session/EditHistory.h"
#include "session/SessionFile.h"
#include "session/SessionJson.h"

#include "../support/TempFolder.h"
#include "../support/TestAudioFiles.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sprocket;
using namespace sprocket::session;

namespace
{
std::vector<float> tone (int64_t frames, double hz)
{
    std::vector<float> samples (static_cast<size_t> (frames));
    for (int64_t i = 0; i < frames; ++i)
        samples[size_t (i)] = float (0.5 * std::sin (2.0 * M_PI * hz * double (i) / 48000.0));
    return samples;
}

/** A session with two imported media (so their content hashes are known), then moved away. */
struct MovedMedia
{
    MovedMedia()
    {
        std::filesystem::create_directories (folder / "Audio");
        test::writeFloatWav (folder / "Audio" / "dx_take1.wav", { tone (96000, 440.0) });
        test::writeFloatWav (folder / "Audio" / "fx_door.wav", { tone (48000, 880.0) });
        session.filePath = folder / "reel1.sprocket";
        EditHistory history (session);
        EXPECT_TRUE (history.perform ("Import", [&] (SessionEditor& editor) {
            return importAudioFiles (editor, { folder / "Audio" / "dx_take1.wav", folder / "Audio" / "fx_door.wav" }, {});
        }));
        session = history.session();

        // The dialogue file is renamed on its way to another drive; the effect keeps its name
        // (in capitals); a different take happens to carry the dialogue file's old name.
        std::filesystem::create_directories (folder / "Drive" / "Renamed");
        std::filesystem::create_directories (folder / "Drive" / "FX");
        std::filesystem::create_directories (folder / "Drive" / "Old");
        std::filesystem::rename (folder / "Audio" / "dx_take1.wav", folder / "Drive" / "Renamed" / "scene12_t1.wav");
        std::filesystem::rename (folder / "Audio" / "fx_door.wav", folder / "Drive" / "FX" / "FX_DOOR.WAV");
        test::writeFloatWav (folder / "Drive" / "Old" / "dx_take1.wav", { tone (96000, 330.0) });
        test::writeFloatWav (folder / "Drive" / "unrelated.wav", { tone (1000, 100.0) });
    }

    std::filesystem::path folder = test::freshTempFolder ("media-relink");
    Session session;
};
} // namespace

TEST (MediaRelinkTest, ImportRemembersEachFilesContentHash)
{
    MovedMedia m;
    ASSERT_EQ (m.session.media.size(), 2u);
    for (auto& media : m.session.media)
        EXPECT_EQ (media.contentHash.size(), 32u) << media.id;
    EXPECT_NE (m.session.media[0].contentHash, m.session.media[1].contentHash);
    // Saved and loaded with the session.
    const auto json = sessionToJson (m.session);
    EXPECT_EQ (json["media"][0]["content_hash"], m.session.media[0].contentHash);
}

TEST (MediaRelinkTest, FindsRenamedMediaByContentAndMovedMediaByName)
{
    MovedMedia m;
    const auto dx = m.session.media[0].id, fx = m.session.media[1].id;
    const auto search = searchForMedia (m.session, { dx, fx }, m.folder / "Drive");
    EXPECT_EQ (search.filesLooked, 4);

    // The renamed file by its sound first, then the other take by its name only.
    ASSERT_EQ (search.candidates.at (dx).size(), 2u);
    EXPECT_EQ (search.candidates.at (dx)[0],
               (RelinkCandidate { m.folder / "Drive" / "Renamed" / "scene12_t1.wav", false, true }));
    EXPECT_EQ (search.candidates.at (dx)[1], (RelinkCandidate { m.folder / "Drive" / "Old" / "dx_take1.wav", true, false }));
    // The effect by both (names match in any case).
    ASSERT_EQ (search.candidates.at (fx).size(), 1u);
    EXPECT_EQ (search.candidates.at (fx)[0], (RelinkCandidate { m.folder / "Drive" / "FX" / "FX_DOOR.WAV", true, true }));

    // Only the media asked for are looked for; a cancelled search stops.
    EXPECT_FALSE (searchForMedia (m.session, { fx }, m.folder / "Drive").candidates.contains (dx));
    EXPECT_EQ (searchForMedia (m.session, { dx }, m.folder / "Drive", [] { return true; }).filesLooked, 0);
    // A folder that is not there finds nothing, without an error.
    EXPECT_TRUE (searchForMedia (m.session, { dx }, m.folder / "Nowhere").candidates.empty());
}

TEST (MediaRelinkTest, RelinkChecksTheFileFitsAndUndoesExactly)
{
    MovedMedia m;
    const auto dx = m.session.media[0].id;
    EditHistory history (m.session);
    const auto before = sessionToJson (history.session()).dump();

    // Too short for the clip: not the file that went missing.
    auto shortFile = history.perform (
        "Relink", [&] (SessionEditor& editor) { return relinkMedia (editor, dx, m.folder / "Drive" / "unrelated.wav"); });
    ASSERT_FALSE (shortFile);
    EXPECT_NE (shortFile.error().message.find ("unrelated.wav: too short"), std::string::npos) << shortFile.error().message;
    // Another width.
    test::writeFloatWav (m.folder / "stereo.wav", { tone (96000, 440.0), tone (96000, 440.0) });
    auto stereo =
        history.perform ("Relink", [&] (SessionEditor& editor) { return relinkMedia (editor, dx, m.folder / "stereo.wav"); });
    ASSERT_FALSE (stereo);
    EXPECT_NE (stereo.error().message.find ("2 channels"), std::string::npos) << stereo.error().message;
    EXPECT_EQ (sessionToJson (history.session()).dump(), before);

    ASSERT_TRUE (history.perform ("Relink", [&] (SessionEditor& editor) {
        return relinkMedia (editor, dx, m.folder / "Drive" / "Renamed" / "scene12_t1.wav");
    }));
    EXPECT_EQ (history.session().media[0].path,
               std::filesystem::path ("Drive/Renamed/scene12_t1.wav")); // inside the session's folder
    EXPECT_EQ (history.session().media[0].contentHash, m.session.media[0].contentHash);
    const auto after = sessionToJson (history.session()).dump();
    history.undo();
    EXPECT_EQ (sessionToJson (history.session()).dump(), before);
    history.redo();
    EXPECT_EQ (sessionToJson (history.session()).dump(), after);
}

TEST (MediaRelinkTest, AContentHashThatIsNoMd5IsReportedWithItsPath)
{
    MovedMedia m;
    auto json = sessionToJson (m.session);
    json["media"][1]["content_hash"] = "not-a-hash";
    const auto loaded = loadSessionText (json.dump(), m.folder / "reel1.sprocket");
    ASSERT_FALSE (loaded.session);
    ASSERT_FALSE (loaded.problems.empty());
    EXPECT_EQ (loaded.problems[0].path, "media[1].content_hash");
}
