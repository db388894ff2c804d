#include "engine/Consolidate.h"

#include "engine/ClipRenderer.h"
#include "engine/FileMediaSource.h"
#include "engine/PlanCompiler.h"
#include "io/AudioFileWriter.h"
#include "session/ClipEdits.h"
#include "session/RangeEdits.h"
#include "session/TimelineGrid.h"

#include <algorithm>

namespace sprocket::engine
{
namespace
{
    /** "<track>_consolidated[_n].wav", not yet on disk. */
    std::filesystem::path freshFileName (const std::filesystem::path& folder, const std::string& trackName)
    {
        std::string stem = trackName + "_consolidated";
        for (auto& c : stem)
            if (c == '/' || c == '\\' || c == ' ')
                c = '_';
        auto file = folder / (stem + ".wav");
        for (int n = 2; std::filesystem::exists (file); ++n)
            file = folder / (stem + "_" + std::to_string (n) + ".wav");
        return file;
    }
} // namespace

core::Status consolidateRange (session::SessionEditor& editor, const std::string& trackId, core::SampleRange range,
                               const std::filesystem::path& folder, std::string* createdClip)
{
    const auto& session = editor.session();
    auto found = std::find_if (session.tracks.begin(), session.tracks.end(), [&] (auto& t) { return t.id == trackId; });
    if (found == session.tracks.end())
        return core::makeError ("there is no track '" + trackId + "'");
    if (range.isEmpty() || range.start.samples < 0)
        return core::makeError ("consolidate needs a range on the timeline");

    // Render just this track's clip stage from a plan of the session.
    const auto plan = compilePlan (session);
    const auto trackIndex = int (found - session.tracks.begin());
    const auto& track = plan.tracks[size_t (trackIndex)];
    FileMediaSource files (plan);
    if (auto opened = files.openAll(); ! opened)
        return opened;

    std::error_code ec;
    std::filesystem::create_directories (folder, ec);
    const auto file = freshFileName (folder, found->name.empty() ? found->id : found->name);
    io::WriteSpec spec;
    spec.channels = found->channels;
    spec.sampleRate = session.sampleRate;
    spec.sampleFormat = io::SampleFormat::pcm24;
    spec.expectedFrames = range.length().samples;
    io::BroadcastInfo bext;
    bext.description = session.name + " " + found->name + " consolidated";
    bext.originator = "Sprocket";
    bext.timeReference = session::sessionStartSinceMidnight (session) + range.start.samples;
    spec.bext = bext;
    auto writer = io::AudioFileWriter::create (file, spec);
    if (! writer)
        return writer.error();

    constexpr int block = 8192;
    ClipRenderer renderer;
    renderer.prepare (block);
    std::vector<float> samples (size_t (block) * size_t (found->channels));
    std::vector<float*> pointers;
    for (int c = 0; c < found->channels; ++c)
        pointers.push_back (samples.data() + size_t (c) * block);
    for (int64_t position = range.start.samples; position < range.end.samples; position += block)
    {
        const int n = int (std::min<int64_t> (block, range.end.samples - position));
        if (! renderer.render (track, trackIndex, position, n, files, pointers.data()))
            std::fill (samples.begin(), samples.end(), 0.0f);
        if (auto failed = files.firstError())
            return *failed;
        if (auto written = (*writer)->writePlanar (pointers.data(), n); ! written)
            return written.error();
    }
    if (auto finished = (*writer)->finish(); ! finished)
        return finished;

    // The file is on disk: now the one undoable change to the session.
    auto relative =
        std::filesystem::absolute (file).lexically_relative (std::filesystem::absolute (session.filePath).parent_path());
    const auto stored =
        session.filePath.empty() || relative.empty() || *relative.begin() == ".." ? std::filesystem::absolute (file) : relative;
    std::string mediaId = "m-" + file.stem().string();
    for (int n = 2; session.findMedia (mediaId) != nullptr; ++n)
        mediaId = "m-" + file.stem().string() + "-" + std::to_string (n);
    if (auto cleared = session::clearRange (editor, { { trackId }, range }); ! cleared)
        return cleared;
    editor.media().push_back ({ mediaId, stored });
    session::Clip clip;
    clip.id = session::unusedClipId (editor.session(), file.stem().string());
    clip.name = file.stem().string();
    clip.mediaId = mediaId;
    clip.position = range.start;
    clip.length = range.length();
    auto* edited = editor.track (trackId);
    edited->clips.push_back (clip);
    std::stable_sort (edited->clips.begin(), edited->clips.end(), [] (auto& a, auto& b) { return a.position < b.position; });
    if (createdClip != nullptr)
        *createdClip = clip.id;
    return {};
}
} // namespace sprocket::engine
